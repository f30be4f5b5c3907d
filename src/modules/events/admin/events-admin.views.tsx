/**
 * The fields only events have on the admin's form (the type, dates, times,
 * zone and links), and the tag a cancelled or postponed event carries. The
 * pages around them, and the translated fields the description declares,
 * are the content admin's.
 */
import type { AdminViewContext } from '../../admin/index.js';
import { CheckboxField, InputField, SelectField, type KindFieldsProps } from '../../content/index.js';
import type { MessageKey } from '../../i18n/index.js';
import { HeroPickerField, type HeroFormExtras } from '../../media/index.js';
import type { SeriesChoice } from '../series-choices.js';
import { ATTENDANCE_MODES, EVENT_TYPES, type EventFormValues } from '../events.schemas.js';
import { RecurrenceFields } from './recurrence.views.js';

/** Time zones offered in the list (any IANA zone may be typed): the region's and Geneva's. */
const SUGGESTED_ZONES = [
  'Asia/Ho_Chi_Minh',
  'Asia/Bangkok',
  'Asia/Jakarta',
  'Asia/Manila',
  'Asia/Singapore',
  'Asia/Shanghai',
  'Asia/Tokyo',
  'Asia/Seoul',
  'Asia/Kolkata',
  'Australia/Sydney',
  'Europe/Zurich',
  'Europe/London',
  'America/New_York',
  'UTC',
];

/** An event's details: its type and attendance, dates and times in its zone, where to join or register, and its hero image. */
/** What the event form offers besides its values: the hero images and the series. */
export type EventFormExtras = HeroFormExtras & { seriesChoices: readonly SeriesChoice[] };

export function EventDetailFields({ ctx, values, errors, officeZone, extras }: KindFieldsProps<EventFormValues, EventFormExtras>) {
  const { t } = ctx;
  const e = (name: string) => errors[name];
  return (
    <fieldset class="form-section">
      <legend>{t('editing.form.details')}</legend>
      <SelectField
        name="event_type"
        label={t('editing.field.event_type')}
        value={values.event_type}
        error={e('event_type')}
        options={EVENT_TYPES.map((type) => ({ value: type, label: t(`eventType.${type}` as MessageKey) }))}
      />
      <SelectField
        name="attendance_mode"
        label={t('editing.field.attendance_mode')}
        value={values.attendance_mode}
        error={e('attendance_mode')}
        options={ATTENDANCE_MODES.map((mode) => ({ value: mode, label: t(`editing.attendance.${mode}` as MessageKey) }))}
      />
      <div class="field-row">
        <InputField name="start_date" type="date" label={t('editing.field.start_date')} hint={t('editing.hint.date')} value={values.start_date} error={e('start_date')} required />
        <InputField name="end_date" type="date" label={t('editing.field.end_date')} hint={t('editing.hint.endDate')} value={values.end_date} error={e('end_date')} />
      </div>
      <CheckboxField name="all_day" label={t('editing.field.all_day')} hint={t('editing.hint.allDay')} checked={values.all_day !== ''} error={e('all_day')} />
      <div class="field-row">
        <InputField name="start_time" type="time" label={t('editing.field.start_time')} hint={t('editing.hint.time')} value={values.start_time} error={e('start_time')} />
        <InputField name="end_time" type="time" label={t('editing.field.end_time')} value={values.end_time} error={e('end_time')} />
      </div>
      <InputField
        name="time_zone"
        label={t('editing.field.time_zone')}
        hint={t('editing.hint.timeZone', { zone: officeZone })}
        value={values.time_zone}
        error={e('time_zone')}
        list="time-zones"
      />
      <datalist id="time-zones">
        {[...new Set([officeZone, ...SUGGESTED_ZONES])].map((zone) => (
          <option value={zone} />
        ))}
      </datalist>
      <InputField name="online_url" type="url" label={t('editing.field.online_url')} value={values.online_url} error={e('online_url')} />
      <InputField name="registration_url" type="url" label={t('editing.field.registration_url')} value={values.registration_url} error={e('registration_url')} />
      <InputField name="contact_email" type="email" label={t('editing.field.contact_email')} hint={t('editing.hint.contactEmail')} value={values.contact_email} error={e('contact_email')} />
      <HeroPickerField ctx={ctx} value={values.hero_media_id} choices={extras.heroChoices} error={e('hero_media_id')} />
      <SelectField
        name="series_id"
        label={t('editing.field.series_id')}
        value={values.series_id}
        error={e('series_id')}
        options={[{ value: '', label: t('series.admin.noSeries') }, ...extras.seriesChoices.map((s) => ({ value: String(s.id), label: s.title }))]}
      />
      <RecurrenceFields ctx={ctx} values={values} errors={errors} sessionsHref={/^\/admin\/events\/\d+$/.test(ctx.path) ? `${ctx.path}/sessions` : undefined} />
    </fieldset>
  );
}

/** "Cancelled" or "Postponed" beside an event that is no longer on as planned; nothing otherwise. */
export function EventStatusTag({ ctx, eventStatus }: { ctx: AdminViewContext; eventStatus: string }) {
  return eventStatus !== 'scheduled' ? <span class="tag tag--warning">{ctx.t(`editing.eventStatus.${eventStatus}` as MessageKey)}</span> : null;
}

/** The list's tag after an event's title, a space apart, when it is no longer on as planned. */
export function eventTitleTag(ctx: AdminViewContext, row: { event_status: string }) {
  return row.event_status !== 'scheduled' ? (
    <>
      {' '}
      <EventStatusTag ctx={ctx} eventStatus={row.event_status} />
    </>
  ) : null;
}
