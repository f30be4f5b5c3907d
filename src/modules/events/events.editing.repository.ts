/**
 * Queries behind editing events in the admin: whole events by id, their
 * tags, conditional updates for optimistic locking and for the scheduler, and
 * the lists of the dashboard. Public listings stay in events.repository.ts.
 */
import { sql, type Insertable, type Kysely, type Transaction } from 'kysely';
import type { Database, EventsTable, EventTranslationsTable, EventUpdate, LangCode, PublicationStatus } from '../../db/schema.js';
import { lastDayOfDates } from '../../shared/dates/day-range.js';

type Db = Kysely<Database> | Transaction<Database>;

export async function listEventTagIds(db: Db, eventId: number): Promise<{ topics: number[]; programmes: number[] }> {
  const topics = await db.selectFrom('event_topics').select('topic_id').where('event_id', '=', eventId).orderBy('topic_id').execute();
  const programmes = await db
    .selectFrom('event_programmes')
    .select('programme_id')
    .where('event_id', '=', eventId)
    .orderBy('programme_id')
    .execute();
  return { topics: topics.map((r) => r.topic_id), programmes: programmes.map((r) => r.programme_id) };
}

/** Replaces the event's topics and programmes. */
export async function replaceEventTags(db: Db, eventId: number, topics: number[], programmes: number[]): Promise<void> {
  await db.deleteFrom('event_topics').where('event_id', '=', eventId).execute();
  await db.deleteFrom('event_programmes').where('event_id', '=', eventId).execute();
  if (topics.length > 0) await db.insertInto('event_topics').values(topics.map((topic_id) => ({ event_id: eventId, topic_id }))).execute();
  if (programmes.length > 0) {
    await db.insertInto('event_programmes').values(programmes.map((programme_id) => ({ event_id: eventId, programme_id }))).execute();
  }
}

export async function deleteEventTranslation(db: Db, eventId: number, lang: LangCode): Promise<void> {
  await db.deleteFrom('event_translations').where('event_id', '=', eventId).where('lang', '=', lang).execute();
}

/**
 * Updates the event only if it is still at `revision`, moving it to the next
 * revision. Returns false when someone else saved first.
 */
export async function updateEventAtRevision(db: Db, id: number, revision: number, changes: EventUpdate): Promise<boolean> {
  const result = await db
    .updateTable('events')
    .set({ ...changes, revision: revision + 1 })
    .where('id', '=', id)
    .where('revision', '=', revision)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function deleteEventRow(db: Db, id: number): Promise<void> {
  await db.deleteFrom('events').where('id', '=', id).execute();
}

/**
 * Whether another event (not `exceptId`) uses `slug`: as its own slug or as
 * the slug of one of its texts, in any language.
 */
export async function slugUsedByOtherEvent(db: Db, slug: string, exceptId: number | null): Promise<boolean> {
  const other = exceptId ?? -1;
  const item = await db.selectFrom('events').select('id').where('slug', '=', slug).where('id', '<>', other).executeTakeFirst();
  if (item) return true;
  const text = await db.selectFrom('event_translations').select('event_id').where('slug', '=', slug).where('event_id', '<>', other).executeTakeFirst();
  return text !== undefined;
}

/** Scheduled events whose time has come: published, with a publication time at or before `now`. */
export async function listDueEventIds(db: Db, now: string): Promise<number[]> {
  const rows = await db
    .selectFrom('events')
    .select('id')
    .where('status', '=', 'published')
    .where('publish_at', 'is not', null)
    .where('publish_at', '<=', now)
    .orderBy('publish_at')
    .execute();
  return rows.map((r) => r.id);
}

/**
 * Marks a due event as gone live, if no one has yet: clears its publication
 * time and moves it to the next revision, in one conditional UPDATE, so that
 * of several instances claiming at once exactly one succeeds. Returns the new
 * revision number, or undefined when the event was not (or no longer) due.
 */
export async function claimDueEvent(db: Db, id: number, now: string): Promise<number | undefined> {
  const row = await db
    .updateTable('events')
    .set((eb) => ({ publish_at: null, revision: eb('revision', '+', 1), updated_at: now }))
    .where('id', '=', id)
    .where('status', '=', 'published')
    .where('publish_at', 'is not', null)
    .where('publish_at', '<=', now)
    .returning('revision')
    .executeTakeFirst();
  return row?.revision;
}

export interface EventSummaryRow {
  id: number;
  slug: string;
  status: PublicationStatus;
  event_status: string;
  start_date: string;
  end_date: string | null;
  publish_at: string | null;
  updated_at: string;
  created_by: number | null;
  title: string;
  has_vi: number;
}

function summaries(db: Db) {
  return db
    .selectFrom('events as e')
    .innerJoin('event_translations as te', (j) => j.onRef('te.event_id', '=', 'e.id').on('te.lang', '=', 'en'))
    .select([
      'e.id',
      'e.slug',
      'e.status',
      'e.event_status',
      'e.start_date',
      'e.end_date',
      'e.publish_at',
      'e.updated_at',
      'e.created_by',
      'te.title',
      sql<number>`case when exists (select 1 from event_translations tv where tv.event_id = e.id and tv.lang = 'vi') then 1 else 0 end`.as(
        'has_vi',
      ),
    ]);
}

/** Events for the admin list, newest start first, optionally of one publication status. */
export async function listEventSummaries(
  db: Db,
  filter: { status?: PublicationStatus | 'scheduled'; now: string },
  limit: number,
  offset: number,
): Promise<EventSummaryRow[]> {
  let query = summaries(db);
  if (filter.status === 'scheduled') query = query.where('e.status', '=', 'published').where('e.publish_at', '>', filter.now);
  else if (filter.status) query = query.where('e.status', '=', filter.status);
  return query.orderBy('e.start_date', 'desc').orderBy('e.id', 'desc').limit(limit).offset(offset).execute();
}

export async function countEventSummaries(db: Db, filter: { status?: PublicationStatus | 'scheduled'; now: string }): Promise<number> {
  let query = db.selectFrom('events as e');
  if (filter.status === 'scheduled') query = query.where('e.status', '=', 'published').where('e.publish_at', '>', filter.now);
  else if (filter.status) query = query.where('e.status', '=', filter.status);
  const row = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Published events that are still to come (or running) and have no Vietnamese text, soonest first. */
export async function listUpcomingWithoutVietnamese(db: Db, today: string, limit: number): Promise<EventSummaryRow[]> {
  return summaries(db)
    .where('e.status', '=', 'published')
    .where(lastDayOfDates('e'), '>=', today)
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('event_translations as tv').select('tv.event_id').whereRef('tv.event_id', '=', 'e.id').where('tv.lang', '=', 'vi'))),
    )
    .orderBy('e.start_date', 'asc')
    .orderBy('e.id', 'asc')
    .limit(limit)
    .execute();
}

/** Rows per multi-row INSERT: under SQLite's 32,766 bound values for the widest row here (about 20 columns). */
const ROWS_PER_INSERT = 500;

function* chunks<T>(rows: readonly T[]): Generator<T[]> {
  for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) yield rows.slice(start, start + ROWS_PER_INSERT);
}

/** Inserts many events; their ids by slug. */
export async function insertEvents(db: Db, rows: readonly Insertable<EventsTable>[]): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const chunk of chunks(rows)) {
    for (const r of await db.insertInto('events').values(chunk).returning(['id', 'slug']).execute()) ids.set(r.slug, r.id);
  }
  return ids;
}

/** Inserts many texts of new events (their HTML already rendered). */
export async function insertEventTranslations(db: Db, rows: readonly Insertable<EventTranslationsTable>[]): Promise<void> {
  for (const chunk of chunks(rows)) await db.insertInto('event_translations').values(chunk).execute();
}

/** Links many new events to their topics and programmes. */
export async function insertEventTags(db: Db, rows: readonly { eventId: number; topics: number[]; programmes: number[] }[]): Promise<void> {
  const topics = rows.flatMap((r) => r.topics.map((topic_id) => ({ event_id: r.eventId, topic_id })));
  const programmes = rows.flatMap((r) => r.programmes.map((programme_id) => ({ event_id: r.eventId, programme_id })));
  for (const chunk of chunks(topics)) await db.insertInto('event_topics').values(chunk).execute();
  for (const chunk of chunks(programmes)) await db.insertInto('event_programmes').values(chunk).execute();
}
