/**
 * The event form: what it sends (urlencoded strings), how it is validated, and
 * how a stored event is turned back into form values. English text is
 * required; Vietnamese is optional, but once any Vietnamese field is filled
 * the Vietnamese title is required too.
 *
 * A timed event is typed as local date and time in an IANA zone (the office's
 * by default) and stored as UTC instants; its start and end dates stay the
 * local dates in that zone.
 */
import { z } from 'zod';
import { EVENT_TYPES, type AttendanceMode } from '../../db/schema.js';
import { isCalendarDate, isValidTimeZone } from '../../shared/dates/calendar-date.js';
import { formatExdates } from '../../shared/dates/recurrence.js';
import { eventDatesProblem, isWithinYears } from '../../shared/dates/bounds.js';
import { endsBeforeStart, lastDay, storedEndDate } from '../../shared/dates/day-range.js';
import { instantToZonedTime, isTimeOfDay, zonedTimeToInstant } from '../../shared/dates/zoned-time.js';
import {
  calendarDate,
  checkbox,
  choice,
  kindForm,
  libraryChoice,
  optionalCalendarDate,
  optionalEmail,
  optionalUrl,
  type InputOf,
  type FormResult,
} from '../content/index.js';
import { eventTexts, type EventContent, type EventFields } from './events.type.js';
import { blankRecurrenceValues, recurrenceFieldRules, recurrenceFormValues, ruleOfForm, type RecurrenceFormValues } from './recurrence-fields.js';

export type { EventContent, EventFields, EventText } from './events.type.js';

export { EVENT_TYPES };

export const ATTENDANCE_MODES = ['in_person', 'online', 'mixed'] as const satisfies readonly AttendanceMode[];

// Titles: generous for real ones, small enough to keep pages and the database sane.
const MAX_TITLE = 300;

/** A time of day as typed, or nothing. */
const timeOfDay = z.string().trim().refine((v) => v === '' || isTimeOfDay(v), { error: 'editing.error.time' });

/** An event's own fields as typed, one rule each; rules across fields are checked after them. */
const eventFieldRules = {
  event_type: choice(EVENT_TYPES),
  attendance_mode: choice(ATTENDANCE_MODES),
  all_day: checkbox,
  start_date: calendarDate,
  end_date: optionalCalendarDate,
  start_time: timeOfDay,
  end_time: timeOfDay,
  time_zone: z.string().trim(),
  online_url: optionalUrl,
  registration_url: optionalUrl,
  contact_email: optionalEmail,
  hero_media_id: libraryChoice,
  series_id: libraryChoice,
  // How it repeats (recurrence-fields.ts).
  ...recurrenceFieldRules,
};

const eventForm = kindForm(eventFieldRules, eventTexts, MAX_TITLE);

// The form's reader, schema and translated fields' names, from the rules above and the description's texts.
export const { read: readEventForm, schema: eventFormSchema, textFields: EVENT_TEXT_FIELDS } = eventForm;

/** Everything the event form holds, exactly as typed; what it gives validated, which the editing service saves. */
export type EventFormValues = ReturnType<typeof readEventForm>;
export type EventInput = InputOf<typeof eventTexts, EventFields>;

/**
 * Validates the event form. `defaultTimeZone` (the office's) applies when the
 * form leaves the zone empty. Returns one message key per field in error.
 */
export function validateEventForm(values: EventFormValues, defaultTimeZone: string): FormResult<EventInput> {
  let zone = defaultTimeZone;
  let startsAt: string | null = null;
  let endsAt: string | null = null;
  let recurrence: string | null = null;
  let exdates: string[] = [];
  return eventForm.validate(
    values,
    ({ errors, ok, raw }) => {
      zone = raw('time_zone') || defaultTimeZone;
      if (!isValidTimeZone(zone)) errors.time_zone = 'editing.error.timeZone';

      const start = raw('start_date');
      const end = raw('end_date');
      if (ok('start_date') && ok('end_date') && endsBeforeStart(start, end)) errors.end_date = 'editing.error.endBeforeStart';
      // The one rule on dates (shared/dates/bounds.ts): the years dates may have, and an event's longest.
      if (ok('start_date') && !isWithinYears(start)) errors.start_date = 'editing.error.dateOutsideYears';
      if (ok('end_date') && end !== '' && !isWithinYears(end)) errors.end_date = 'editing.error.dateOutsideYears';
      if (ok('start_date') && ok('end_date') && eventDatesProblem(start, storedEndDate(start, end)) === 'tooLong') errors.end_date = 'editing.error.eventTooLong';

      const typed = Object.fromEntries(Object.keys(recurrenceFieldRules).map((name) => [name, raw(name as keyof RecurrenceFormValues)])) as RecurrenceFormValues;
      const repeats = ruleOfForm(typed, ok('start_date') && isCalendarDate(start) ? start : '');
      Object.assign(errors, repeats.errors);
      if (repeats.rule !== null && storedEndDate(start, end) !== null && ok('end_date')) errors.end_date = 'editing.error.recurringOneDay';
      recurrence = repeats.rule;
      exdates = repeats.exdates;

      if (values.all_day === '' && ok('time_zone') && ok('start_date')) {
        if (raw('start_time') === '') {
          errors.start_time = 'editing.error.timeRequired';
        } else if (ok('start_time')) {
          startsAt = zonedTimeToInstant(start, raw('start_time'), zone);
          if (startsAt === null) errors.start_time = 'editing.error.timeDoesNotExist';
        }
        if (raw('end_time') !== '' && ok('end_time') && ok('end_date')) {
          endsAt = zonedTimeToInstant(lastDay(start, storedEndDate(start, end)), raw('end_time'), zone);
          if (endsAt === null) errors.end_time = 'editing.error.timeDoesNotExist';
          else if (startsAt !== null && endsAt <= startsAt) errors.end_time = 'editing.error.endTimeBeforeStart';
        }
      }
    },
    (data) => ({
      event_type: data.event_type,
      attendance_mode: data.attendance_mode,
      all_day: data.all_day,
      start_date: data.start_date,
      end_date: storedEndDate(data.start_date, data.end_date),
      starts_at: startsAt,
      ends_at: endsAt,
      time_zone: zone,
      online_url: data.online_url,
      registration_url: data.registration_url,
      contact_email: data.contact_email,
      hero_media_id: data.hero_media_id,
      series_id: data.series_id,
      recurrence_rule: recurrence,
      recurrence_exdates: recurrence ? formatExdates(exdates) : null,
    }),
  );
}

/** What an event form starts with: an all-day meeting on `today`, in the office's zone. */
export function newEventFormValues(today: string, timeZone: string): EventFormValues {
  const values = readEventForm({});
  return { ...values, ...blankRecurrenceValues(today), event_type: 'meeting', attendance_mode: 'in_person', all_day: '1', start_date: today, time_zone: timeZone };
}

/** A stored event as form values, times shown as the wall clock in the event's zone. */
export function eventFormValues(event: EventContent, revision: number): EventFormValues {
  const local = (instant: string | null) => (instant ? (instantToZonedTime(instant, event.time_zone)?.time ?? '') : '');
  return eventForm.stored(event, revision, {
    event_type: event.event_type,
    attendance_mode: event.attendance_mode,
    all_day: event.all_day ? '1' : '',
    start_date: event.start_date,
    end_date: event.end_date ?? '',
    start_time: event.all_day ? '' : local(event.starts_at),
    end_time: event.all_day ? '' : local(event.ends_at),
    time_zone: event.time_zone,
    online_url: event.online_url ?? '',
    registration_url: event.registration_url ?? '',
    contact_email: event.contact_email ?? '',
    hero_media_id: event.hero_media_id === null ? '' : String(event.hero_media_id),
    series_id: event.series_id === null ? '' : String(event.series_id),
    ...recurrenceFormValues(event.recurrence_rule, event.recurrence_exdates, event.start_date),
  });
}
