/**
 * Queries behind editing events in the admin: whole events by id, their
 * tags, conditional updates for optimistic locking and for the scheduler, and
 * the lists of the dashboard. Public listings stay in events.repository.ts.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database, PublicationStatus } from '../../db/schema.js';
import { lastDayOfDates } from '../../shared/dates/day-range.js';
import { editingRows, type SummaryFilter } from '../content/index.js';

type Db = Kysely<Database> | Transaction<Database>;

/** The shared editing queries (content/editing.repository.ts) on the event tables. */
export const rows = editingRows({
  items: 'events',
  texts: 'event_translations',
  fk: 'event_id',
  topics: 'event_topics',
  programmes: 'event_programmes',
});

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
  filter: SummaryFilter,
  limit: number,
  offset: number,
): Promise<EventSummaryRow[]> {
  let query = summaries(db);
  if (filter.status === 'scheduled') query = query.where('e.status', '=', 'published').where('e.publish_at', '>', filter.now);
  else if (filter.status) query = query.where('e.status', '=', filter.status);
  return query.orderBy('e.start_date', 'desc').orderBy('e.id', 'desc').limit(limit).offset(offset).execute();
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
