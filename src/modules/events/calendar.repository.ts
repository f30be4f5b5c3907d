/**
 * Queries for calendars and topic pages: published events with everything a
 * calendar entry needs, in one language (English where untranslated), and
 * the names of their topics.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import { liveEvents, type TextChoice } from './events.repository.js';
import { addDays } from '../../shared/dates/calendar-date.js';
import { lastDayColumn } from '../../shared/dates/day-range.js';
import { shownTranslationStatuses } from '../content/index.js';
import type { AttendanceMode, Database, EventStatus, EventType, LangCode } from '../../db/schema.js';

type Db = Kysely<Database> | Transaction<Database>;

export interface CalendarEventRow {
  id: number;
  slug: string;
  start_date: string;
  end_date: string | null;
  all_day: number;
  starts_at: string | null;
  ends_at: string | null;
  time_zone: string;
  event_status: EventStatus;
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

/** Which events: all, or those tagged with one topic or programme (by slug). */
export type EventScope = { kind: 'all' } | { kind: 'topic'; slug: string } | { kind: 'programme'; slug: string };

/** Ids of events at most in one query: well within every database's limit on parameters. */
const ID_CHUNK = 500;

/** Events visitors may see now in a scope: the listings' choice, with the scope as their topic or programme filter. */
function liveInScope(db: Db, choice: TextChoice, scope: EventScope) {
  const filters = scope.kind === 'topic' ? { topic: scope.slug } : scope.kind === 'programme' ? { programme: scope.slug } : undefined;
  return liveEvents(db, { ...choice, filters });
}

/** The calendar columns of these events, with their text in `lang` (English where untranslated). */
function calendarRows(db: Db, lang: LangCode, ids: number[]) {
  const shown = shownTranslationStatuses(lang);
  return db
    .selectFrom('events as e')
    .innerJoin('event_translations as te', (j) => j.onRef('te.event_id', '=', 'e.id').on('te.lang', '=', 'en'))
    .leftJoin('event_translations as tl', (j) => j.onRef('tl.event_id', '=', 'e.id').on('tl.lang', '=', lang).on('tl.status', 'in', shown))
    .where('e.id', 'in', ids)
    .select([
      'e.id',
      sql<string>`coalesce(tl.slug, te.slug, e.slug)`.as('slug'),
      'e.start_date',
      'e.end_date',
      'e.all_day',
      'e.starts_at',
      'e.ends_at',
      'e.time_zone',
      'e.event_status',
      'e.event_type',
      'e.attendance_mode',
      'e.online_url',
      'e.registration_url',
      'e.hero_media_id',
      'e.revision',
      'e.created_at',
      'e.updated_at',
      sql<string>`coalesce(tl.title, te.title)`.as('title'),
      ...(['summary', 'description', 'venue', 'city'] as const).map((column) =>
        sql<string | null>`case when tl.title is null then ${sql.ref(`te.${column}`)} else ${sql.ref(`tl.${column}`)} end`.as(column),
      ),
      sql<LangCode>`case when tl.title is null then 'en' else tl.lang end`.as('text_lang'),
    ])
    .execute();
}

/**
 * Published events in a scope, in order of their first day, with their text in
 * `lang` (English where untranslated): the `limits.upcoming` soonest still
 * to come or running, and the `limits.past` latest that have ended. The
 * events are chosen from the indexes first; only their rows are read, a
 * chunk of ids at a time.
 */
export async function listCalendarEvents(db: Db, choice: TextChoice, scope: EventScope, limits: { upcoming: number; past: number }): Promise<CalendarEventRow[]> {
  // A day before today in UTC is before today anywhere, so nothing running today counts as ended.
  const cutoff = addDays(choice.now.toISOString().slice(0, 10), -1);
  const lastDay = lastDayColumn('e');
  const [current, ended] = await Promise.all([
    // Ranges of the (status, last_day) index: the soonest to come, and the latest ended from the end.
    liveInScope(db, choice, scope)
      .select('e.id')
      .where(lastDay, '>=', cutoff)
      .orderBy('e.start_date', 'asc')
      .orderBy('e.id', 'asc')
      .limit(limits.upcoming)
      .execute(),
    liveInScope(db, choice, scope).select('e.id').where(lastDay, '<', cutoff).orderBy(lastDay, 'desc').orderBy('e.id', 'desc').limit(limits.past).execute(),
  ]);
  const ids = [...ended, ...current].map((row) => row.id);
  const rows: CalendarEventRow[] = [];
  for (let i = 0; i < ids.length; i += ID_CHUNK) rows.push(...((await calendarRows(db, choice.lang, ids.slice(i, i + ID_CHUNK))) as CalendarEventRow[]));
  return rows.sort((a, b) => a.start_date.localeCompare(b.start_date) || a.id - b.id);
}

/** The names of the topics of these events in `lang` (English where untranslated), by event id, sorted by slug. */
export async function listTopicNames(db: Db, eventIds: number[], lang: LangCode): Promise<Map<number, string[]>> {
  const names = new Map<number, string[]>();
  for (let i = 0; i < eventIds.length; i += ID_CHUNK) {
    const rows = await db
      .selectFrom('event_topics as x')
      .innerJoin('topics as t', 't.id', 'x.topic_id')
      .innerJoin('topic_translations as ne', (j) => j.onRef('ne.topic_id', '=', 't.id').on('ne.lang', '=', 'en'))
      .leftJoin('topic_translations as nl', (j) => j.onRef('nl.topic_id', '=', 't.id').on('nl.lang', '=', lang))
      .where('x.event_id', 'in', eventIds.slice(i, i + ID_CHUNK))
      .select(['x.event_id', sql<string>`coalesce(nl.name, ne.name)`.as('name')])
      .orderBy('x.event_id')
      .orderBy('t.slug')
      .execute();
    for (const row of rows) names.set(row.event_id, [...(names.get(row.event_id) ?? []), row.name]);
  }
  return names;
}
