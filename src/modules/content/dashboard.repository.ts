/**
 * The queries behind the dashboard's lists: events and articles by where they
 * stand in the workflow, the latest change of each item, and upcoming events
 * that have no published Vietnamese text.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { ContentKind, Database, PublicationStatus, SystemActor } from '../../db/schema.js';
import { lastDayOfDates } from '../../shared/dates/day-range.js';

type Db = Kysely<Database> | Transaction<Database>;

/** One line of a dashboard list. */
export interface WorkItemRow {
  kind: ContentKind;
  id: number;
  /** The English title, or the Vietnamese one for an item that has only Vietnamese text. */
  title: string;
  status: PublicationStatus;
  publish_at: string | null;
  updated_at: string;
  created_by: number | null;
  /** The event's first day, or the article's date. */
  date: string;
}

export interface WorkFilter {
  status: PublicationStatus;
  /** Only items published with a `publish_at` still ahead of this instant (scheduled). */
  scheduledAfter?: string | undefined;
  /** Only items this person created (a contributor's own drafts). */
  createdBy?: number | undefined;
}

async function eventWork(db: Db, filter: WorkFilter, limit: number): Promise<WorkItemRow[]> {
  let query = db
    .selectFrom('events as e')
    .leftJoin('event_translations as te', (j) => j.onRef('te.event_id', '=', 'e.id').on('te.lang', '=', 'en'))
    .leftJoin('event_translations as tv', (j) => j.onRef('tv.event_id', '=', 'e.id').on('tv.lang', '=', 'vi'))
    .select([
      'e.id',
      'e.status',
      'e.publish_at',
      'e.updated_at',
      'e.created_by',
      'e.start_date as date',
      sql<string>`coalesce(te.title, tv.title, e.slug)`.as('title'),
    ])
    .where('e.status', '=', filter.status);
  if (filter.scheduledAfter !== undefined) query = query.where('e.publish_at', '>', filter.scheduledAfter);
  if (filter.createdBy !== undefined) query = query.where('e.created_by', '=', filter.createdBy);
  query = filter.scheduledAfter !== undefined ? query.orderBy('e.publish_at', 'asc') : query.orderBy('e.updated_at', 'desc');
  const rows = await query.orderBy('e.id', 'desc').limit(limit).execute();
  return rows.map((r) => ({ kind: 'event' as const, ...r }));
}

async function articleWork(db: Db, filter: WorkFilter, limit: number): Promise<WorkItemRow[]> {
  let query = db
    .selectFrom('articles as a')
    .leftJoin('article_translations as te', (j) => j.onRef('te.article_id', '=', 'a.id').on('te.lang', '=', 'en'))
    .leftJoin('article_translations as tv', (j) => j.onRef('tv.article_id', '=', 'a.id').on('tv.lang', '=', 'vi'))
    .select([
      'a.id',
      'a.status',
      'a.publish_at',
      'a.updated_at',
      'a.created_by',
      'a.published_on as date',
      sql<string>`coalesce(te.title, tv.title, a.slug)`.as('title'),
    ])
    .where('a.status', '=', filter.status);
  if (filter.scheduledAfter !== undefined) query = query.where('a.publish_at', '>', filter.scheduledAfter);
  if (filter.createdBy !== undefined) query = query.where('a.created_by', '=', filter.createdBy);
  query = filter.scheduledAfter !== undefined ? query.orderBy('a.publish_at', 'asc') : query.orderBy('a.updated_at', 'desc');
  const rows = await query.orderBy('a.id', 'desc').limit(limit).execute();
  return rows.map((r) => ({ kind: 'article' as const, ...r }));
}

/**
 * Events and articles in one workflow state, merged: scheduled items soonest
 * first, the others most recently saved first. Each kind is limited in SQL,
 * so the cost does not grow with the archive.
 */
export async function listWork(db: Db, filter: WorkFilter, limit: number): Promise<WorkItemRow[]> {
  const rows = [...(await eventWork(db, filter, limit)), ...(await articleWork(db, filter, limit))];
  if (filter.scheduledAfter !== undefined) {
    rows.sort((a, b) => (a.publish_at ?? '').localeCompare(b.publish_at ?? '') || a.id - b.id);
  } else {
    rows.sort((a, b) => b.updated_at.localeCompare(a.updated_at) || b.id - a.id);
  }
  return rows.slice(0, limit);
}

/** A change on the "recently changed" list: the item's latest revision. */
export interface RecentChangeRow {
  kind: ContentKind;
  item_id: number;
  action: string;
  created_at: string;
  user_name: string | null;
  /** The command that made the change when no account did. */
  actor: SystemActor | null;
}

/** The latest revision of each item that still exists, newest first, with who made it. */
export async function listRecentChanges(db: Db, limit: number): Promise<RecentChangeRow[]> {
  return db
    .selectFrom('revisions as r')
    .leftJoin('users as u', 'u.id', 'r.user_id')
    .select(['r.item_kind as kind', 'r.item_id', 'r.action', 'r.created_at', 'u.name as user_name', 'r.actor'])
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('revisions as newer')
            .select('newer.id')
            .whereRef('newer.item_kind', '=', 'r.item_kind')
            .whereRef('newer.item_id', '=', 'r.item_id')
            .whereRef('newer.revision', '>', 'r.revision'),
        ),
      ),
    )
    // A deleted item keeps its revisions, but there is nothing left to open.
    .where(({ or, and, eb, exists, selectFrom }) =>
      or([
        and([eb('r.item_kind', '=', 'event'), exists(selectFrom('events as e').select('e.id').whereRef('e.id', '=', 'r.item_id'))]),
        and([eb('r.item_kind', '=', 'article'), exists(selectFrom('articles as a').select('a.id').whereRef('a.id', '=', 'r.item_id'))]),
      ]),
    )
    .orderBy('r.created_at', 'desc')
    .orderBy('r.id', 'desc')
    .limit(limit)
    .execute();
}

/** Titles of the given items, by "kind:id". */
export async function titlesOf(db: Db, items: readonly { kind: ContentKind; item_id: number }[]): Promise<Map<string, string>> {
  const titles = new Map<string, string>();
  const eventIds = items.filter((i) => i.kind === 'event').map((i) => i.item_id);
  const articleIds = items.filter((i) => i.kind === 'article').map((i) => i.item_id);
  if (eventIds.length > 0) {
    const rows = await db
      .selectFrom('events as e')
      .leftJoin('event_translations as te', (j) => j.onRef('te.event_id', '=', 'e.id').on('te.lang', '=', 'en'))
      .leftJoin('event_translations as tv', (j) => j.onRef('tv.event_id', '=', 'e.id').on('tv.lang', '=', 'vi'))
      .select(['e.id', sql<string>`coalesce(te.title, tv.title, e.slug)`.as('title')])
      .where('e.id', 'in', eventIds)
      .execute();
    for (const r of rows) titles.set(`event:${r.id}`, r.title);
  }
  if (articleIds.length > 0) {
    const rows = await db
      .selectFrom('articles as a')
      .leftJoin('article_translations as te', (j) => j.onRef('te.article_id', '=', 'a.id').on('te.lang', '=', 'en'))
      .leftJoin('article_translations as tv', (j) => j.onRef('tv.article_id', '=', 'a.id').on('tv.lang', '=', 'vi'))
      .select(['a.id', sql<string>`coalesce(te.title, tv.title, a.slug)`.as('title')])
      .where('a.id', 'in', articleIds)
      .execute();
    for (const r of rows) titles.set(`article:${r.id}`, r.title);
  }
  return titles;
}

/** An upcoming event without a published Vietnamese text. */
export interface MissingTranslationRow {
  id: number;
  title: string;
  start_date: string;
  end_date: string | null;
  /** The Vietnamese text's status when there is a draft of it; null when there is none. */
  vi_status: string | null;
}

/**
 * Published events whose last day is `today` or later and whose Vietnamese
 * text is missing or still a draft, soonest first.
 */
export async function listUpcomingWithoutVietnamese(db: Db, today: string, limit: number): Promise<MissingTranslationRow[]> {
  return db
    .selectFrom('events as e')
    .innerJoin('event_translations as te', (j) => j.onRef('te.event_id', '=', 'e.id').on('te.lang', '=', 'en'))
    .leftJoin('event_translations as tv', (j) => j.onRef('tv.event_id', '=', 'e.id').on('tv.lang', '=', 'vi'))
    .select(['e.id', 'te.title', 'e.start_date', 'e.end_date', 'tv.status as vi_status'])
    .where('e.status', '=', 'published')
    .where(lastDayOfDates('e'), '>=', today)
    .where((eb) => eb.or([eb('tv.event_id', 'is', null), eb('tv.status', '!=', 'published')]))
    .orderBy('e.start_date', 'asc')
    .orderBy('e.id', 'asc')
    .limit(limit)
    .execute();
}
