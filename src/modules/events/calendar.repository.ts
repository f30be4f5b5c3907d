/**
 * Queries for calendars and topic pages: published events with everything a
 * calendar entry needs, in one language (English where untranslated), and
 * the names of their topics.
 */
import type { Compilable, Kysely, Transaction } from 'kysely';
import type { SessionChange } from './sessions.js';
import { liveEvents, rows, type TextChoice } from './events.repository.js';
import { addDays } from '../../shared/dates/calendar-date.js';
import { lastDayColumn } from '../../shared/dates/day-range.js';
import { shownText } from '../content/index.js';
import type { AttendanceMode, Database, EventStatus, EventType, LangCode } from '../../db/schema.js';

type Db = Kysely<Database> | Transaction<Database>;

/** When an event takes place: what a calendar needs of every event before it writes the first (its zones' years). */
export interface CalendarTimingRow {
  id: number;
  start_date: string;
  end_date: string | null;
  all_day: number;
  starts_at: string | null;
  ends_at: string | null;
  time_zone: string;
  recurrence_rule: string | null;
  recurrence_exdates: string | null;
}

/** An event as a calendar entry writes it: its timing, its facts and its text in one language. */
export interface CalendarEventRow extends CalendarTimingRow {
  slug: string;
  event_status: EventStatus;
  status_reason_en: string | null;
  status_reason_vi: string | null;
  event_type: EventType;
  attendance_mode: AttendanceMode;
  online_url: string | null;
  registration_url: string | null;
  hero_media_id: number | null;
  revision: number;
  created_at: string;
  updated_at: string;
  title: string;
  summary: string | null;
  description: string | null;
  venue: string | null;
  city: string | null;
  text_lang: LangCode;
}

/** Which events: all, those tagged with one topic or programme (by slug), or those of one series (by id). */
export type EventScope = { kind: 'all' } | { kind: 'topic'; slug: string } | { kind: 'programme'; slug: string } | { kind: 'series'; id: number };

/** Events visitors may see now in a scope: the listings' choice, with the scope as their topic or programme filter. */
function liveInScope(db: Db, choice: TextChoice, scope: EventScope) {
  const filters = scope.kind === 'topic' ? { topic: scope.slug } : scope.kind === 'programme' ? { programme: scope.slug } : undefined;
  const live = liveEvents(db, { ...choice, filters });
  return scope.kind === 'series' ? live.where('e.series_id', '=', scope.id) : live;
}

/**
 * The calendar columns of these events, in this order, with their text in
 * `lang` (English where untranslated): kept compiled per language and
 * number of ids (db/kept-query.ts), as a calendar reads its events' rows a
 * chunk of the same size at a time. On PostgreSQL each chunk then runs a
 * prepared statement with its generic plan, as the chunk's topic names do:
 * sent unnamed, each chunk's statement was planned anew, and the
 * connection switched between the two ways of planning twice a chunk.
 */
const calendarRows = rows.keptRowsInOrder<CalendarEventRow>((query, lang) => {
  const shown = shownText(lang);
  const text = <T>(column: string) => shown.column<T>(column).as(column);
  const selected = query.select([
    'e.id',
    shown.slug.as('slug'),
    'e.start_date',
    'e.end_date',
    'e.all_day',
    'e.starts_at',
    'e.ends_at',
    'e.time_zone',
    'e.event_status',
    'e.status_reason_en',
    'e.status_reason_vi',
    'e.event_type',
    'e.attendance_mode',
    'e.online_url',
    'e.registration_url',
    'e.hero_media_id',
    'e.recurrence_rule',
    'e.recurrence_exdates',
    'e.revision',
    'e.created_at',
    'e.updated_at',
    text<string>('title'),
    ...(['summary', 'description', 'venue', 'city'] as const).map((column) => text<string | null>(column)),
    shown.lang.as('text_lang'),
  ]);
  // The shown columns are named by a loop, which the query builder cannot follow.
  return selected as unknown as Compilable<CalendarEventRow>;
});

const TIMING_COLUMNS = ['e.id', 'e.start_date', 'e.end_date', 'e.all_day', 'e.starts_at', 'e.ends_at', 'e.time_zone', 'e.recurrence_rule', 'e.recurrence_exdates'] as const;

/**
 * The timing of the published events a calendar of a scope carries, in its
 * order (first day, then id): the `limits.upcoming` soonest still to come or
 * running, and the `limits.past` latest that have ended. Chosen from the
 * indexes; only these few columns of each are read.
 */
export async function listCalendarTimings(db: Db, choice: TextChoice, scope: EventScope, limits: { upcoming: number; past: number }): Promise<CalendarTimingRow[]> {
  // A day before today in UTC is before today anywhere, so nothing running today counts as ended.
  const cutoff = addDays(choice.now.toISOString().slice(0, 10), -1);
  const lastDay = lastDayColumn('e');
  // Those still to come or running are two index ranges, asked apart so that neither reads the
  // archive: the ones begun by the cutoff and not yet ended (a range of the (status, last_day)
  // index whose entries hold the start too, so only the running ones' rows are read; few, put in
  // order here), then the ones starting after it (a range of the start-date index, read in order
  // and stopped at the limit). Every one of the first starts before every one of the second.
  // Asked as one, or the first in order, PostgreSQL's planner read the start-date index from the
  // archive's first event on, dropping every ended one.
  const inOrder = (a: CalendarTimingRow, b: CalendarTimingRow) => a.start_date.localeCompare(b.start_date) || a.id - b.id;
  const [running, starting, ended] = await Promise.all([
    liveInScope(db, choice, scope).select(TIMING_COLUMNS).where(lastDay, '>=', cutoff).where('e.start_date', '<=', cutoff).execute(),
    liveInScope(db, choice, scope).select(TIMING_COLUMNS).where('e.start_date', '>', cutoff).orderBy('e.start_date', 'asc').orderBy('e.id', 'asc').limit(limits.upcoming).execute(),
    // The latest ended, from the end of the (status, last_day) index.
    liveInScope(db, choice, scope).select(TIMING_COLUMNS).where(lastDay, '<', cutoff).orderBy(lastDay, 'desc').orderBy('e.id', 'desc').limit(limits.past).execute(),
  ]);
  const current = [...running.sort(inOrder), ...starting].slice(0, limits.upcoming);
  return [...ended, ...current].sort(inOrder);
}

/** The calendar rows of these events (ids in calendar order), in that order, with their text in `lang` (English where untranslated). */
export async function listCalendarRows(db: Db, lang: LangCode, ids: number[]): Promise<CalendarEventRow[]> {
  return calendarRows(db, lang, ids);
}

/**
 * Published events in a scope, in order of their first day, with their text in
 * `lang` (English where untranslated): the `limits.upcoming` soonest still
 * to come or running, and the `limits.past` latest that have ended. The
 * events are chosen from the indexes first; only their rows are read, a
 * chunk of ids at a time.
 */
export async function listCalendarEvents(db: Db, choice: TextChoice, scope: EventScope, limits: { upcoming: number; past: number }): Promise<CalendarEventRow[]> {
  const timings = await listCalendarTimings(db, choice, scope, limits);
  return calendarRows(
    db,
    choice.lang,
    timings.map((row) => row.id),
  );
}

/** The names of the topics of these events in `lang` (English where untranslated), by event id, sorted by slug. */
export async function listTopicNames(db: Db, eventIds: number[], lang: LangCode): Promise<Map<number, string[]>> {
  const names = await rows.listTopicNames(db, eventIds, lang);
  return new Map([...names].map(([id, tags]) => [id, tags.map((tag) => tag.name)]));
}

/** The sessions changed on their own (moved or cancelled) of the given recurring events, by event. */
export async function listSessionChanges(db: Db, eventIds: readonly number[]): Promise<Map<number, SessionChange[]>> {
  const changes = new Map<number, SessionChange[]>();
  if (eventIds.length === 0) return changes;
  const rows = await db
    .selectFrom('event_session_changes')
    .select(['event_id', 'recurrence_date', 'status', 'start_date', 'starts_at', 'ends_at'])
    .where('event_id', 'in', [...eventIds])
    .orderBy('event_id')
    .orderBy('recurrence_date')
    .execute();
  for (const { event_id, ...change } of rows) changes.set(event_id, [...(changes.get(event_id) ?? []), change]);
  return changes;
}
