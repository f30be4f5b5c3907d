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

/** Where each kind keeps its items and their texts, and which column holds its date. */
const KIND_TABLES = {
  event: { items: 'events', texts: 'event_translations', itemId: 'event_id', date: 'start_date' },
  article: { items: 'articles', texts: 'article_translations', itemId: 'article_id', date: 'published_on' },
} as const satisfies Record<ContentKind, { items: string; texts: string; itemId: string; date: string }>;

const KINDS: readonly ContentKind[] = ['event', 'article'];

/**
 * One kind's items as the dashboard lists them, as the table `w`: the workflow
 * columns, the item's date, and its title (the English one, else the
 * Vietnamese one, else the slug). Written once for both kinds, whose tables
 * differ only in their names.
 */
function workItems(kind: ContentKind) {
  const t = KIND_TABLES[kind];
  const text = (alias: string, lang: string) =>
    sql`left join ${sql.table(t.texts)} as ${sql.id(alias)} on ${sql.ref(`${alias}.${t.itemId}`)} = i.id and ${sql.ref(`${alias}.lang`)} = ${sql.lit(lang)}`;
  return sql<Omit<WorkItemRow, 'kind'>>`(
    select i.id, i.status, i.publish_at, i.updated_at, i.created_by, ${sql.ref(`i.${t.date}`)} as ${sql.id('date')},
      coalesce(te.title, tv.title, i.slug) as title
    from ${sql.table(t.items)} as i ${text('te', 'en')} ${text('tv', 'vi')}
  )`.as('w');
}

async function kindWork(db: Db, kind: ContentKind, filter: WorkFilter, limit: number): Promise<WorkItemRow[]> {
  let query = db.selectFrom(workItems(kind)).selectAll('w').where('w.status', '=', filter.status);
  if (filter.scheduledAfter !== undefined) query = query.where('w.publish_at', '>', filter.scheduledAfter);
  if (filter.createdBy !== undefined) query = query.where('w.created_by', '=', filter.createdBy);
  query = filter.scheduledAfter !== undefined ? query.orderBy('w.publish_at', 'asc') : query.orderBy('w.updated_at', 'desc');
  const rows = await query.orderBy('w.id', 'desc').limit(limit).execute();
  return rows.map((r) => ({ kind, ...r }));
}

/**
 * Events and articles in one workflow state, merged: scheduled items soonest
 * first, the others most recently saved first. Each kind is limited in SQL,
 * so the cost does not grow with the archive.
 */
export async function listWork(db: Db, filter: WorkFilter, limit: number): Promise<WorkItemRow[]> {
  const rows: WorkItemRow[] = [];
  for (const kind of KINDS) rows.push(...(await kindWork(db, kind, filter, limit)));
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
  for (const kind of KINDS) {
    const ids = items.filter((i) => i.kind === kind).map((i) => i.item_id);
    if (ids.length === 0) continue;
    const rows = await db.selectFrom(workItems(kind)).select(['w.id', 'w.title']).where('w.id', 'in', ids).execute();
    for (const r of rows) titles.set(`${kind}:${r.id}`, r.title);
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
