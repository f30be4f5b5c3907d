/**
 * The sessions of recurring events kept as rows (`event_sessions`), so that
 * listings pick a page of sessions from an index as they pick events. The
 * rows are derived: an event's are rebuilt whenever it is saved through the
 * content service (a content listener, handed in by module-links.ts) or one
 * of its sessions is changed, and the scheduler's pass carries an
 * open-ended rule's rows forward as the days pass, up to the horizon
 * (sessions.ts) ahead of today. A single event has no rows: it is its own
 * only session.
 */
import type { Kysely } from 'kysely';
import type { Database, EventRow } from '../../db/schema.js';
import { todayInZone } from '../../shared/dates/calendar-date.js';
import { lastDay } from '../../shared/dates/day-range.js';
import { parseExdates, parseRule, ruleUntil, sessionDates } from '../../shared/dates/recurrence.js';
import type { ContentChange } from '../content/index.js';
import { eventSessions, sessionHorizon, type SessionChange } from './sessions.js';

/** Rows written in one statement: well within every database's limit on bound values. */
const INSERT_CHUNK = 50;

type RecurringRow = Pick<
  EventRow,
  'id' | 'all_day' | 'start_date' | 'end_date' | 'starts_at' | 'ends_at' | 'time_zone' | 'recurrence_rule' | 'recurrence_exdates'
>;

/** The local date an event's rows are worked out up to at `now`: its rule's end, else the horizon ahead of its today. */
function sessionsThrough(event: Pick<RecurringRow, 'recurrence_rule' | 'time_zone'>, now: Date): string {
  return (event.recurrence_rule ? ruleUntil(event.recurrence_rule) : null) ?? sessionHorizon(todayInZone(event.time_zone, now));
}

/** How many sessions the rule makes in all when it ends by a count or a date; null when it has no end. */
function totalSessions(event: RecurringRow, through: string): number | null {
  const rule = event.recurrence_rule;
  if (!rule) return null;
  const parsed = parseRule(rule);
  if ('problem' in parsed) return 1;
  if (parsed.options.count == null && !parsed.options.until) return null;
  return sessionDates(rule, event.start_date, through, parseExdates(event.recurrence_exdates)).length;
}

async function writeSessions(db: Kysely<Database>, event: RecurringRow, now: Date): Promise<void> {
  await db.deleteFrom('event_sessions').where('event_id', '=', event.id).execute();
  if (!event.recurrence_rule) return;
  const through = sessionsThrough(event, now);
  const changes = (await db
    .selectFrom('event_session_changes')
    .select(['recurrence_date', 'status', 'start_date', 'starts_at', 'ends_at'])
    .where('event_id', '=', event.id)
    .execute()) as SessionChange[];
  const sessions = eventSessions(event, changes, through);
  const total = totalSessions(event, through);
  // Numbered in the order planned, so a moved session keeps its number.
  const planned = sessions.map((s) => s.recurrence_date).sort();
  const position = new Map(planned.map((date, i) => [date, i + 1]));
  const rows = sessions.map((s) => ({
    event_id: event.id,
    recurrence_date: s.recurrence_date,
    position: position.get(s.recurrence_date) ?? 1,
    total,
    status: s.status,
    start_date: s.start_date,
    end_date: s.end_date,
    last_day: lastDay(s.start_date, s.end_date),
    starts_at: s.starts_at,
    ends_at: s.ends_at,
    through,
  }));
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) await db.insertInto('event_sessions').values(rows.slice(i, i + INSERT_CHUNK)).execute();
}

const RECURRING_COLUMNS = ['id', 'all_day', 'start_date', 'end_date', 'starts_at', 'ends_at', 'time_zone', 'recurrence_rule', 'recurrence_exdates'] as const;

/** Rebuilds the session rows of one event as it is stored now (removing them when it is gone or no longer recurs). */
export async function rebuildEventSessions(db: Kysely<Database>, eventId: number, now: Date): Promise<void> {
  const event = await db.selectFrom('events').select(RECURRING_COLUMNS).where('id', '=', eventId).executeTakeFirst();
  if (!event) {
    await db.deleteFrom('event_sessions').where('event_id', '=', eventId).execute();
    return;
  }
  await writeSessions(db, event, now);
}

/**
 * Rebuilds the rows of every recurring event whose rows were not worked out
 * up to where they should be at `now` (an open-ended rule's horizon moved on
 * a day, or the rows were never made). Returns the ids of the events rebuilt.
 */
export async function refreshEventSessions(db: Kysely<Database>, now: Date): Promise<number[]> {
  const recurring = await db
    .selectFrom('events as e')
    .leftJoin('event_sessions as s', 's.event_id', 'e.id')
    .select([...RECURRING_COLUMNS.map((c) => `e.${c}` as const)])
    .select((eb) => eb.fn.max('s.through').as('through'))
    .where('e.recurrence_rule', 'is not', null)
    .groupBy(RECURRING_COLUMNS.map((c) => `e.${c}` as const))
    .execute();
  const rebuilt: number[] = [];
  for (const event of recurring) {
    if (event.through === sessionsThrough(event, now)) continue;
    await db.transaction().execute((trx) => writeSessions(trx, event, now));
    rebuilt.push(event.id);
  }
  return rebuilt;
}

/** What follows a change to an event saved through the content service: its sessions rebuilt, inside the change's transaction. */
export async function sessionsAfterContentChange(db: Kysely<Database>, change: ContentChange): Promise<void> {
  if (change.kind === 'event') await rebuildEventSessions(db, change.itemId, change.at);
}
