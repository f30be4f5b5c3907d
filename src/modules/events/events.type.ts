/**
 * Events as a kind of content, described once: their tables, their
 * translated fields, their own columns and workflow state, and how they are
 * stored. The editing service, the form and the admin are driven by this
 * description; what is particular to events (their time and zone rules, their
 * cancellation and postponement) is in events.schemas.ts and events.editing.ts.
 */
import type { AttendanceMode, EventStatus, EventType } from '../../db/schema.js';
import { storedEndDate } from '../../shared/dates/day-range.js';
import {
  optionalLongText,
  optionalText,
  textField,
  type ContentKindDescription,
  type ContentOf,
  type SnapshotOf,
  type TextColumnsOf,
  type TextOf,
} from '../content/index.js';
import { heroChoiceProblems, MARKDOWN_MAX_LENGTH } from '../media/index.js';
import { seriesChoiceProblems } from './series-choices.js';

// Limits: generous for real summaries and places, small enough to keep pages and the database sane.
const MAX_SUMMARY = 1000;
const MAX_PLACE = 300;
// One line beside the date and place: a long sentence belongs in the summary.
const MAX_AUDIENCE = 200;

/**
 * An event's translated fields after its title, each with the same rule in
 * both languages and its label (words several kinds share come from the
 * catalogues by their key). A new one is a line here and its column's
 * migration; the event page shows it where events.views.tsx says.
 */
export const eventTexts = {
  summary: textField(optionalLongText(MAX_SUMMARY), { label: 'editing.field.summary', long: true, rows: 3, hint: 'editing.hint.summary' }),
  description: textField(optionalLongText(MARKDOWN_MAX_LENGTH.description, 'editing.error.descriptionTooLong'), {
    label: { en: 'Description', vi: 'Mô tả' },
    markdown: true,
    rows: 10,
    hint: 'editing.hint.paragraphs',
  }),
  venue: textField(optionalText(MAX_PLACE), { label: { en: 'Venue', vi: 'Địa điểm tổ chức' } }),
  city: textField(optionalText(MAX_PLACE), { label: { en: 'City', vi: 'Thành phố' } }),
  audience: textField(optionalText(MAX_AUDIENCE), {
    label: { en: 'Who it is for', vi: 'Dành cho' },
    hint: {
      en: 'One line, shown beside the date and place, e.g. “Employers’ and workers’ organisations in the garment sector”.',
      vi: 'Một dòng, hiện bên cạnh ngày và địa điểm, ví dụ “Các tổ chức của người sử dụng lao động và người lao động ngành dệt may”.',
    },
  }),
};

/** One language's text of an event, and its translation row's text columns. */
export type EventText = TextOf<typeof eventTexts>;
export type EventTextColumns = TextColumnsOf<typeof eventTexts>;

// The translation table's text columns are the fields declared above: db/schema.ts names only what every kind's row has.
declare module '../../db/schema.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface EventTranslationsTable extends EventTextColumns {}
}

/** What only events have, as stored and as a validated form gives it. */
export interface EventFields {
  event_type: EventType;
  attendance_mode: AttendanceMode;
  all_day: boolean;
  start_date: string;
  end_date: string | null;
  starts_at: string | null;
  ends_at: string | null;
  time_zone: string;
  online_url: string | null;
  registration_url: string | null;
  contact_email: string | null;
  /** The hero from the media library (it brings its own alt text and credit). */
  hero_media_id: number | null;
  /** The series the event belongs to. */
  series_id: number | null;
  /** A recurring event's rule (RFC 5545 RRULE, its first session the event's own start; shared/dates/recurrence.ts). */
  recurrence_rule: string | null;
  /** The local dates of the sessions the rule makes that are skipped, space-separated. */
  recurrence_exdates: string | null;
}

/** What the event form edits as stored, and the whole event as revisions keep it (with whether it is on as planned). */
export type EventContent = ContentOf<typeof eventTexts, EventFields>;
export type EventSnapshot = SnapshotOf<typeof eventTexts, EventFields, EventState>;

/** Whether the event is on as planned and, when it is not, why, in each language (null: not said). */
export interface EventState {
  event_status: EventStatus;
  status_reason_en: string | null;
  status_reason_vi: string | null;
}

/** The description of events every kind-blind layer works from. */
export const eventKind: ContentKindDescription<EventSnapshot, typeof eventTexts> = {
  kind: 'event',
  tables: { items: 'events', texts: 'event_translations', fk: 'event_id', topics: 'event_topics', programmes: 'event_programmes' },
  texts: eventTexts,
  fields: [
    'event_type',
    'attendance_mode',
    'all_day',
    'start_date',
    'end_date',
    'starts_at',
    'ends_at',
    'time_zone',
    'online_url',
    'registration_url',
    'contact_email',
    'hero_media_id',
    'series_id',
    'recurrence_rule',
    'recurrence_exdates',
  ],
  // Cancelled or postponed: changed by its own steps, not by the form; a new event is on as planned.
  stateFields: ['event_status', 'status_reason_en', 'status_reason_vi'],
  initial: { event_status: 'scheduled', status_reason_en: null, status_reason_vi: null },
  fallbackSlug: 'event',
  list: { columns: ['event_status', 'start_date', 'end_date'], orderBy: 'start_date' },
  // All-day is a 0/1 column (the same on both databases).
  fromRow: (row) => ({ all_day: row.all_day === 1 }),
  toRow: (s) => ({ all_day: s.all_day ? 1 : 0 }),
  // A revision kept before events had reasons reads as one without.
  normalize: (s) => ({ ...s, end_date: storedEndDate(s.start_date, s.end_date), status_reason_en: s.status_reason_en ?? null, status_reason_vi: s.status_reason_vi ?? null }),
  check: async (trx, input) => ({ ...(await heroChoiceProblems(trx, input.hero_media_id)), ...(await seriesChoiceProblems(trx, input.series_id)) }),
};
