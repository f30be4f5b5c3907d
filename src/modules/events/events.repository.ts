/**
 * Queries on events. Every function takes the database (or a transaction)
 * first and returns plain rows. Visitors' listings read published events only.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type {
  Database,
  EventRow,
  EventStatus,
  EventType,
  LangCode,
  NewEventRow,
  EventUpdate,
} from '../../db/schema.js';

type Db = Kysely<Database> | Transaction<Database>;

export interface EventListRow {
  id: number;
  slug: string;
  start_date: string;
  end_date: string | null;
  event_status: EventStatus;
  event_type: EventType;
  title: string;
  summary: string | null;
  description: string | null;
  /** The language the text is in: the one asked for, or English when it has no translation yet. */
  text_lang: LangCode;
}

/** The last day an event runs: its end date, or its start for a one-day event. */
const lastDay = sql<string>`coalesce(e.end_date, e.start_date)`;

function publishedWithText(db: Db, lang: LangCode) {
  return db
    .selectFrom('events as e')
    .innerJoin('event_translations as te', (j) => j.onRef('te.event_id', '=', 'e.id').on('te.lang', '=', 'en'))
    .leftJoin('event_translations as tl', (j) => j.onRef('tl.event_id', '=', 'e.id').on('tl.lang', '=', lang))
    .where('e.status', '=', 'published');
}

function listColumns(db: Db, lang: LangCode) {
  return publishedWithText(db, lang).select([
    'e.id',
    'e.slug',
    'e.start_date',
    'e.end_date',
    'e.event_status',
    'e.event_type',
    sql<string>`coalesce(tl.title, te.title)`.as('title'),
    sql<string | null>`case when tl.title is null then te.summary else tl.summary end`.as('summary'),
    sql<string | null>`case when tl.title is null then te.description else tl.description end`.as('description'),
    sql<LangCode>`case when tl.title is null then 'en' else tl.lang end`.as('text_lang'),
  ]);
}

/** Published events still running on or after `today`, soonest first. */
export async function listUpcoming(db: Db, lang: LangCode, today: string, limit: number, offset = 0): Promise<EventListRow[]> {
  return listColumns(db, lang)
    .where(lastDay, '>=', today)
    .orderBy('e.start_date', 'asc')
    .orderBy(lastDay, 'asc')
    .orderBy('e.id', 'asc')
    .limit(limit)
    .offset(offset)
    .execute();
}

/**
 * Published events that ended before `today`, newest first. Events starting
 * the same day keep the office's order: shorter first, then as entered.
 */
export async function listPast(db: Db, lang: LangCode, today: string, limit: number, offset = 0): Promise<EventListRow[]> {
  return listColumns(db, lang)
    .where(lastDay, '<', today)
    .orderBy('e.start_date', 'desc')
    .orderBy(lastDay, 'asc')
    .orderBy('e.id', 'asc')
    .limit(limit)
    .offset(offset)
    .execute();
}

/** Published events running on `today` (started on or before it, not yet ended). */
export async function listHappeningOn(db: Db, lang: LangCode, today: string, limit: number): Promise<EventListRow[]> {
  return listColumns(db, lang)
    .where('e.start_date', '<=', today)
    .where(lastDay, '>=', today)
    .orderBy('e.start_date', 'asc')
    .orderBy('e.id', 'asc')
    .limit(limit)
    .execute();
}

/** Published events starting after `today`, soonest first. */
export async function listStartingAfter(db: Db, lang: LangCode, today: string, limit: number): Promise<EventListRow[]> {
  return listColumns(db, lang)
    .where('e.start_date', '>', today)
    .orderBy('e.start_date', 'asc')
    .orderBy(lastDay, 'asc')
    .orderBy('e.id', 'asc')
    .limit(limit)
    .execute();
}

export async function countUpcomingAndPast(db: Db, today: string): Promise<{ upcoming: number; past: number }> {
  const row = await db
    .selectFrom('events as e')
    .where('e.status', '=', 'published')
    .where(({ exists, selectFrom }) =>
      exists(selectFrom('event_translations as te').select('te.event_id').whereRef('te.event_id', '=', 'e.id').where('te.lang', '=', 'en')),
    )
    .select([
      sql<number>`sum(case when ${lastDay} >= ${today} then 1 else 0 end)`.as('upcoming'),
      sql<number>`sum(case when ${lastDay} < ${today} then 1 else 0 end)`.as('past'),
    ])
    .executeTakeFirstOrThrow();
  // Postgres returns sums as strings (bigint) and null on an empty table.
  return { upcoming: Number(row.upcoming ?? 0), past: Number(row.past ?? 0) };
}

export async function findEventBySlug(db: Db, slug: string): Promise<EventRow | undefined> {
  return db.selectFrom('events').selectAll().where('slug', '=', slug).executeTakeFirst();
}

export async function findEventBySourceKey(db: Db, sourceKey: string): Promise<EventRow | undefined> {
  return db.selectFrom('events').selectAll().where('source_key', '=', sourceKey).executeTakeFirst();
}

export async function listEventTranslations(db: Db, eventId: number) {
  return db.selectFrom('event_translations').selectAll().where('event_id', '=', eventId).execute();
}

/** Events with the given dates that have English text, in the order entered (for pairing translated pages). */
export async function listEnglishEventsByDates(db: Db, start: string, end: string | null): Promise<EventRow[]> {
  let query = db
    .selectFrom('events as e')
    .innerJoin('event_translations as te', (j) => j.onRef('te.event_id', '=', 'e.id').on('te.lang', '=', 'en'))
    .selectAll('e')
    .where('e.start_date', '=', start);
  query = end === null ? query.where('e.end_date', 'is', null) : query.where('e.end_date', '=', end);
  return query.orderBy('e.id', 'asc').execute();
}

export async function slugExists(db: Db, slug: string): Promise<boolean> {
  const row = await db.selectFrom('events').select('id').where('slug', '=', slug).executeTakeFirst();
  return row !== undefined;
}

export async function insertEvent(db: Db, row: NewEventRow): Promise<number> {
  const inserted = await db.insertInto('events').values(row).returning('id').executeTakeFirstOrThrow();
  return inserted.id;
}

export async function updateEvent(db: Db, id: number, changes: EventUpdate): Promise<void> {
  await db.updateTable('events').set(changes).where('id', '=', id).execute();
}

export interface EventTextInput {
  title: string;
  summary?: string | null;
  description?: string | null;
  venue?: string | null;
  city?: string | null;
}

/** Inserts or replaces one language's text of an event. */
export async function upsertEventTranslation(db: Db, eventId: number, lang: LangCode, text: EventTextInput, now: string): Promise<void> {
  const values = {
    title: text.title,
    summary: text.summary ?? null,
    description: text.description ?? null,
    venue: text.venue ?? null,
    city: text.city ?? null,
    updated_at: now,
  };
  await db
    .insertInto('event_translations')
    .values({ event_id: eventId, lang, created_at: now, ...values })
    .onConflict((oc) => oc.columns(['event_id', 'lang']).doUpdateSet(values))
    .execute();
}

/** Names of the event's programmes or topics in a language (English when untranslated). */
export async function listEventTaxonomy(db: Db, eventId: number, lang: LangCode) {
  const programmes = await db
    .selectFrom('event_programmes as ep')
    .innerJoin('programmes as p', 'p.id', 'ep.programme_id')
    .innerJoin('programme_translations as pe', (j) => j.onRef('pe.programme_id', '=', 'p.id').on('pe.lang', '=', 'en'))
    .leftJoin('programme_translations as pl', (j) => j.onRef('pl.programme_id', '=', 'p.id').on('pl.lang', '=', lang))
    .where('ep.event_id', '=', eventId)
    .select(['p.slug', sql<string>`coalesce(pl.name, pe.name)`.as('name')])
    .orderBy('p.slug')
    .execute();
  const topics = await db
    .selectFrom('event_topics as et')
    .innerJoin('topics as t', 't.id', 'et.topic_id')
    .innerJoin('topic_translations as te', (j) => j.onRef('te.topic_id', '=', 't.id').on('te.lang', '=', 'en'))
    .leftJoin('topic_translations as tl', (j) => j.onRef('tl.topic_id', '=', 't.id').on('tl.lang', '=', lang))
    .where('et.event_id', '=', eventId)
    .select(['t.slug', sql<string>`coalesce(tl.name, te.name)`.as('name')])
    .orderBy('t.slug')
    .execute();
  return { programmes, topics };
}

/** Upcoming events that start before `date` (to number a month group continued from an earlier page). */
export async function countUpcomingStartingBefore(db: Db, today: string, date: string): Promise<number> {
  const row = await publishedWithText(db, 'en')
    .where(lastDay, '>=', today)
    .where('e.start_date', '<', date)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Past events that start on or after `date` (the same, for the newest-first list). */
export async function countPastStartingFrom(db: Db, today: string, date: string): Promise<number> {
  const row = await publishedWithText(db, 'en')
    .where(lastDay, '<', today)
    .where('e.start_date', '>=', date)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
