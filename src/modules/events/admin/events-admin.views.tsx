/**
 * The admin's event pages: the list, the form (new, edit, and again after a
 * refused save or a conflict), and the delete confirmation. Every text comes
 * from the message files; every control has its label, hint and message.
 */
import { AdminLayout, CsrfField, ErrorSummary, Notice, type AdminViewContext, type FieldErrors } from '../../admin/index.js';
import {
  CheckboxField,
  CheckboxGroup,
  ConflictIntro,
  DoneNotice,
  TranslationState,
  ItemLinks,
  type ConflictInfo,
  type Done,
  InputField,
  LanguageFieldset,
  SelectField,
  StateTag,
  TextAreaField,
  WorkflowPanel,
  fieldLabel,
  formatInstant,
  type StepName,
} from '../../content/admin/index.js';
import { workflowState, type WorkflowState } from '../../content/index.js';
import type { MessageKey, TranslationStatusReport } from '../../i18n/index.js';
import type { TermRow } from '../../taxonomy/index.js';
import { Pager } from '../../../shared/views/Pager.js';
import type { PageInfo } from '../../../shared/pagination.js';
import type { EditableEvent } from '../events.editing.js';
import type { EventSummaryRow } from '../events.editing.repository.js';
import { ATTENDANCE_MODES, EVENT_TYPES, type EventFormValues } from '../events.schemas.js';

export const EVENTS_ADMIN_PATH = '/admin/events';

export function eventAdminPath(id: number): string {
  return `${EVENTS_ADMIN_PATH}/${id}`;
}

/** The list filters, in the order of their links. */
export const LIST_FILTERS = ['all', 'draft', 'in_review', 'scheduled', 'published'] as const;
export type ListFilter = (typeof LIST_FILTERS)[number];

const FILTER_KEYS: Record<ListFilter, MessageKey> = {
  all: 'editing.list.all',
  draft: 'editing.list.drafts',
  in_review: 'editing.list.inReview',
  scheduled: 'editing.list.scheduled',
  published: 'editing.list.published',
};

interface ListProps {
  ctx: AdminViewContext;
  filter: ListFilter;
  rows: readonly EventSummaryRow[];
  info: PageInfo;
  now: Date;
  zone: string;
  canCreate: boolean;
  done?: Done | undefined;
}

function listHref(filter: ListFilter, page = 1): string {
  const params = new URLSearchParams();
  if (filter !== 'all') params.set('status', filter);
  if (page > 1) params.set('page', String(page));
  const query = params.toString();
  return query ? `${EVENTS_ADMIN_PATH}?${query}` : EVENTS_ADMIN_PATH;
}

/** Every event, newest first, filtered by where it stands. */
export function EventsListPage({ ctx, filter, rows, info, now, zone, canCreate, done }: ListProps) {
  const { t } = ctx;
  return (
    <AdminLayout ctx={ctx} title={t('editing.events.title')}>
      <h1>{t('editing.events.title')}</h1>
      <DoneNotice ctx={ctx} done={done} />
      {canCreate ? (
        <p>
          <a class="button" href={`${EVENTS_ADMIN_PATH}/new`}>
            {t('editing.events.new')}
          </a>
        </p>
      ) : null}
      <nav aria-label={t('editing.list.filterLabel')} class="filter-links">
        <ul>
          {LIST_FILTERS.map((f) => (
            <li>
              <a href={listHref(f)} aria-current={f === filter ? 'page' : undefined}>
                {t(FILTER_KEYS[f])}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {rows.length === 0 ? (
        <p class="empty">{t('editing.list.empty')}</p>
      ) : (
        <div class="table-wrap">
          <table class="data-table">
            <thead>
              <tr>
                <th scope="col">{t('editing.field.title')}</th>
                <th scope="col">{t('editing.field.start_date')}</th>
                <th scope="col">{t('editing.field.status')}</th>
                <th scope="col">{t('editing.field.vi')}</th>
                <th scope="col">{t('editing.list.updated')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr>
                  <td>
                    <a href={eventAdminPath(row.id)}>{row.title}</a>
                    {row.event_status !== 'scheduled' ? (
                      <>
                        {' '}
                        <span class="tag tag--warning">{t(`editing.eventStatus.${row.event_status}` as MessageKey)}</span>
                      </>
                    ) : null}
                  </td>
                  <td class="nowrap">
                    <time dateTime={row.start_date}>{row.start_date}</time>
                  </td>
                  <td>
                    <StateTag ctx={ctx} state={workflowState(row.status, row.publish_at, now)} />
                  </td>
                  <td>{row.has_vi ? t('editing.list.yes') : t('editing.list.no')}</td>
                  <td class="nowrap">
                    <time dateTime={row.updated_at}>{formatInstant(row.updated_at, zone, ctx.lang)}</time>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager ctx={ctx} page={info.page} pages={info.pages} href={(p) => listHref(filter, p)} />
    </AdminLayout>
  );
}

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

export interface EventFormProps {
  ctx: AdminViewContext;
  /** Where the form posts. */
  action: string;
  values: EventFormValues;
  errors: FieldErrors;
  topics: readonly TermRow[];
  programmes: readonly TermRow[];
  /** Whether this person may publish or withdraw the Vietnamese text (editors and admins). */
  canPublishTranslation: boolean;
  /** How the Vietnamese text stands against the English, for an existing event. */
  translation?: TranslationStatusReport | undefined;
  /** A postponed or cancelled event can be put back on with new dates. */
  canReschedule: boolean;
  officeZone: string;
}

/** The event form: details, the two languages side by side, topics and programmes. */
export function EventForm({ ctx, action, values, errors, topics, programmes, canPublishTranslation, translation, canReschedule, officeZone }: EventFormProps) {
  const { t } = ctx;
  const e = (name: string) => errors[name];
  const text = (lang: 'en' | 'vi', field: 'title' | 'summary' | 'description' | 'venue' | 'city') => values[`${lang}_${field}`];
  const labels = Object.fromEntries(Object.keys(errors).map((name) => [name, fieldLabel(t, name.replace(/^(en|vi)_/, '$1.'))]));
  return (
    <form method="post" action={action} class="edit-form" novalidate>
      <ErrorSummary ctx={ctx} errors={errors} labels={labels} />
      <CsrfField ctx={ctx} />
      <input type="hidden" name="revision" value={values.revision} />

      <div class="language-columns">
        {(['en', 'vi'] as const).map((lang) => (
          <LanguageFieldset lang={lang} legend={t(lang === 'en' ? 'editing.form.english' : 'editing.form.vietnamese')}>
            {lang === 'vi' ? <p class="field-hint">{t('editing.form.vietnameseHint')}</p> : null}
            {lang === 'vi' && translation ? <TranslationState ctx={ctx} report={translation} /> : null}
            <InputField name={`${lang}_title`} label={t('editing.field.title')} value={text(lang, 'title')} error={e(`${lang}_title`)} lang={lang} required={lang === 'en'} maxLength={300} />
            <TextAreaField name={`${lang}_summary`} label={t('editing.field.summary')} hint={t('editing.hint.summary')} value={text(lang, 'summary')} error={e(`${lang}_summary`)} lang={lang} rows={3} />
            <TextAreaField name={`${lang}_description`} label={t('editing.field.description')} hint={t('editing.hint.paragraphs')} value={text(lang, 'description')} error={e(`${lang}_description`)} lang={lang} rows={10} />
            <InputField name={`${lang}_venue`} label={t('editing.field.venue')} value={text(lang, 'venue')} error={e(`${lang}_venue`)} lang={lang} />
            <InputField name={`${lang}_city`} label={t('editing.field.city')} value={text(lang, 'city')} error={e(`${lang}_city`)} lang={lang} />
            {lang === 'en' ? (
              <InputField name="slug" label={t('editing.field.slug')} hint={t('editing.hint.slug')} value={values.slug} error={e('slug')} maxLength={80} />
            ) : (
              <>
                <InputField name="vi_slug" label={t('editing.field.slug')} hint={t('editing.hint.viSlug')} value={values.vi_slug} error={e('vi_slug')} maxLength={80} />
                {canPublishTranslation ? (
                  <SelectField
                    name="vi_status"
                    label={t('editing.field.translationStatus')}
                    hint={t('editing.hint.translationStatus')}
                    value={values.vi_status || 'draft'}
                    error={e('vi_status')}
                    options={[
                      { value: 'draft', label: t('editing.translation.draft') },
                      { value: 'published', label: t('editing.translation.published') },
                    ]}
                  />
                ) : null}
                <CheckboxField name="vi_current" label={t('editing.field.translationCurrent')} hint={t('editing.hint.translationCurrent')} checked={values.vi_current !== ''} />
              </>
            )}
          </LanguageFieldset>
        ))}
      </div>

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
      </fieldset>

      <div class="form-section tag-columns">
        <CheckboxGroup name="topics" legend={t('editing.field.topics')} error={e('topics')} options={topics.map((x) => ({ value: String(x.id), label: x.name }))} chosen={values.topics} />
        <CheckboxGroup
          name="programmes"
          legend={t('editing.field.programmes')}
          error={e('programmes')}
          options={programmes.map((x) => ({ value: String(x.id), label: x.name }))}
          chosen={values.programmes}
        />
      </div>

      <div class="form-actions">
        <button type="submit" class="button" name="intent" value="save">
          {t('editing.form.save')}
        </button>
        {canReschedule ? (
          <button type="submit" class="button button--secondary" name="intent" value="reschedule">
            {t('editing.form.saveAndReschedule')}
          </button>
        ) : null}
      </div>
    </form>
  );
}

export interface EventEditPageProps extends EventFormProps {
  /** Undefined for a new event. */
  event?: EditableEvent | undefined;
  steps: readonly StepName[];
  now: Date;
  done?: Done | undefined;
  /** A workflow step that could not be taken, with the reason. */
  problem?: string | undefined;
  schedule?: { value: string; error?: string | undefined } | undefined;
  /** Links to the public page when live. */
  publicLinks?: { en: string; vi: string } | undefined;
  /** The conflict: what is stored now, and who saved it. */
  conflict?: ConflictInfo | undefined;
}

/** The edit page: the form, and beside it the publishing panel and links (preview, history). */
export function EventEditPage(props: EventEditPageProps) {
  const { ctx, event, steps, now, done, problem, schedule, publicLinks, conflict, officeZone } = props;
  const { t } = ctx;
  const title = event ? t('editing.events.editTitle', { title: event.snapshot.en.title || props.values.en_title }) : t('editing.events.new');
  const state: WorkflowState | undefined = event ? workflowState(event.snapshot.status, event.snapshot.publish_at, now) : undefined;
  return (
    <AdminLayout ctx={ctx} title={conflict ? t('editing.conflict.title') : title}>
      <p class="breadcrumb">
        <a href={EVENTS_ADMIN_PATH}>{t('editing.events.backToList')}</a>
      </p>
      {conflict ? <ConflictIntro ctx={ctx} conflict={conflict} zone={officeZone} /> : <h1>{title}</h1>}
      <DoneNotice ctx={ctx} done={done} />
      {problem ? <Notice kind="error">{problem}</Notice> : null}
      {event && !conflict ? (
        <div class="item-status">
          {state ? <StateTag ctx={ctx} state={state} /> : null}
          {event.snapshot.event_status !== 'scheduled' ? (
            <span class="tag tag--warning">{t(`editing.eventStatus.${event.snapshot.event_status}` as MessageKey)}</span>
          ) : null}
          <ItemLinks ctx={ctx} basePath={eventAdminPath(event.id)} publicLinks={publicLinks} />
        </div>
      ) : null}
      <div class={event && !conflict ? 'edit-layout' : undefined}>
        <EventForm {...props} />
        {event && !conflict ? (
          <aside>
            <WorkflowPanel ctx={ctx} basePath={eventAdminPath(event.id)} item={event} steps={steps} now={now} zone={officeZone} schedule={schedule} />
          </aside>
        ) : null}
      </div>
    </AdminLayout>
  );
}

/** "Delete this event?" with the button that does it. */
export function DeleteEventPage({ ctx, event }: { ctx: AdminViewContext; event: EditableEvent }) {
  const { t } = ctx;
  const title = t('editing.delete.title', { title: event.snapshot.en.title });
  return (
    <AdminLayout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p>{t('editing.delete.explanation')}</p>
      <form method="post" action={`${eventAdminPath(event.id)}/delete`} class="form-actions">
        <CsrfField ctx={ctx} />
        <input type="hidden" name="revision" value={String(event.revision)} />
        <button type="submit" class="button button--danger">
          {t('editing.delete.confirm')}
        </button>
        <a href={eventAdminPath(event.id)}>{t('editing.delete.cancel')}</a>
      </form>
    </AdminLayout>
  );
}
