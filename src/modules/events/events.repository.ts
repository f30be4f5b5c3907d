/**
 * Queries on events. Every function takes the database (or a transaction)
 * first and returns plain rows. Visitors' listings read published events only.
 */
import { sql, type ExpressionBuilder, type Kysely, type Transaction } from 'kysely';
import { countLive, isLive, shownSlug, shownTranslationStatuses } from '../content/index.js';
import { renderMarkdownForStorage } from '../media/index.js';
import type {
  Database,
  EventRow,
  EventStatus,
  EventType,
  LangCode,
  NewEventRow,
  EventUpdate,
  TranslationStatus,
} from '../../db/schema.js';
import { EARLIEST_YEAR, LATEST_YEAR } from '../../shared/dates/bounds.js';
import { lastDayColumn, lastDayOfDates } from '../../shared/dates/day-range.js';

type Db = Kysely<Database> | Transaction<Database>;

export interface EventListRow {
  id: number;
  /** The event's slug in the language asked for (its English slug while it has no published translation). */
  slug: string;
  start_date: string;
  end_date: string | null;
  event_status: EventStatus;
  event_type: EventType;
  title: string;
  summary: string | null;
  description: string | null;
  /** The description's HTML, rendered when it was saved (null without a description, or before it is rendered). */
  description_html: string | null;
  /** The language the text is in: the one asked for, or English when that text is missing or unpublished. */
  text_lang: LangCode;
}

/** Which events and which text a visitors' page shows. */
export interface TextChoice {
  /** The page's language. */
  lang: LangCode;
  /** The instant of the request: scheduled events show once their time has come (see content/live.ts). */
  now: Date;
  /**
   * Leave out events whose text in `lang` is missing or unpublished (the
   * site's 'omit' setting) instead of showing their English text.
   */
  omitUntranslated: boolean;
  /** Narrows the events: every filter given must hold. */
  filters?: EventFilters | undefined;
}

/** The filters of a visitors' listing of events (topics and programmes by slug). */
export interface EventFilters {
  /** Events running during the year: one that runs across New Year counts in both, as in search. */
  year?: number | undefined;
  topic?: string | undefined;
  programme?: string | undefined;
  type?: EventType | undefined;
  /** Events tagged with any of these topics or programmes (related content); nothing when both are empty. */
  sharing?: { topics: string[]; programmes: string[] } | undefined;
}

/**
 * The last day an event runs (shared/dates/day-range.ts), as the generated
 * column with its own index (status, last_day, start_date, publish_at): for
 * "still running on or after a day" and "the latest last day", which are
 * ranges of that index. Where events are read in order of their start (past
 * events, counts of them), the listing index, which holds both dates,
 * answers `lastDay` without reading any row.
 */
const lastDay = lastDayOfDates('e');
const lastDayIndexed = lastDayColumn('e');

/**
 * Events visitors may see now (e). Counts, year choices and the choice of a
 * page's events need no more than this, so they read the events' indexes
 * only; the text is joined for a page's few rows. Every live event has its
 * English text: the importer and the generator write it with the event, and
 * every save in the admin writes it (writeTexts in events.editing.ts).
 */
export function liveEvents(db: Db, choice: TextChoice) {
  let query = db.selectFrom('events as e').where(isLive('e', choice.now));
  if (choice.omitUntranslated && choice.lang !== 'en') {
    const lang = choice.lang;
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('event_translations as tx')
          .select('tx.event_id')
          .whereRef('tx.event_id', '=', 'e.id')
          .where('tx.lang', '=', lang)
          .where('tx.status', '=', 'published'),
      ),
    );
  }
  const f = choice.filters ?? {};
  if (f.year !== undefined) {
    const year = String(f.year).padStart(4, '0');
    query = query.where('e.start_date', '<=', `${year}-12-31`).where(lastDay, '>=', `${year}-01-01`);
  }
  if (f.type !== undefined) query = query.where('e.event_type', '=', f.type);
  const { topic, programme, sharing } = f;
  if (topic !== undefined) query = query.where(({ exists }) => exists(taggedWithTopics(db, [topic])));
  if (programme !== undefined) query = query.where(({ exists }) => exists(taggedWithProgrammes(db, [programme])));
  if (sharing !== undefined) {
    query = query.where((eb) =>
      eb.or([
        ...(sharing.topics.length > 0 ? [eb.exists(taggedWithTopics(db, sharing.topics))] : []),
        ...(sharing.programmes.length > 0 ? [eb.exists(taggedWithProgrammes(db, sharing.programmes))] : []),
        // Tagged with nothing, an item has no related events.
        sql<boolean>`1 = 0`,
      ]),
    );
  }
  return query;
}

/**
 * Live events with their English text (te) and, as tl, their text in the
 * chosen language when it may be shown: English always, another language
 * only once that translation is published.
 */
function publishedWithText(db: Db, choice: TextChoice) {
  const shown = shownTranslationStatuses(choice.lang);
  return liveEvents(db, choice)
    .innerJoin('event_translations as te', (j) => j.onRef('te.event_id', '=', 'e.id').on('te.lang', '=', 'en'))
    .leftJoin('event_translations as tl', (j) => j.onRef('tl.event_id', '=', 'e.id').on('tl.lang', '=', choice.lang).on('tl.status', 'in', shown));
}

/** A subquery finding the outer event (e) among those tagged with any of these topic slugs. */
function taggedWithTopics(db: Db, slugs: string[]) {
  return db
    .selectFrom('event_topics as ft')
    .innerJoin('topics as ftt', 'ftt.id', 'ft.topic_id')
    .select('ft.event_id')
    .whereRef('ft.event_id', '=', sql.ref('e.id'))
    .where('ftt.slug', 'in', slugs);
}

/** A subquery finding the outer event (e) among those tagged with any of these programme slugs. */
function taggedWithProgrammes(db: Db, slugs: string[]) {
  return db
    .selectFrom('event_programmes as fp')
    .innerJoin('programmes as fpp', 'fpp.id', 'fp.programme_id')
    .select('fp.event_id')
    .whereRef('fp.event_id', '=', sql.ref('e.id'))
    .where('fpp.slug', 'in', slugs);
}

/** The listing columns of the events with the given ids, whose liveness their choice has checked. */
function listColumns(db: Db, lang: LangCode, ids: number[]) {
  const shown = shownTranslationStatuses(lang);
  return db
    .selectFrom('events as e')
    .innerJoin('event_translations as te', (j) => j.onRef('te.event_id', '=', 'e.id').on('te.lang', '=', 'en'))
    .leftJoin('event_translations as tl', (j) => j.onRef('tl.event_id', '=', 'e.id').on('tl.lang', '=', lang).on('tl.status', 'in', shown))
    .where('e.id', 'in', ids)
    .select([
    'e.id',
    shownSlug.as('slug'),
    'e.start_date',
    'e.end_date',
    'e.event_status',
    'e.event_type',
    sql<string>`coalesce(tl.title, te.title)`.as('title'),
    sql<string | null>`case when tl.title is null then te.summary else tl.summary end`.as('summary'),
    sql<string | null>`case when tl.title is null then te.description else tl.description end`.as('description'),
    sql<string | null>`case when tl.title is null then te.description_html else tl.description_html end`.as('description_html'),
    sql<LangCode>`case when tl.title is null then 'en' else tl.lang end`.as('text_lang'),
  ]);
}

/**
 * The listing rows of these events, in this order. A page first picks its
 * events' ids from the indexes (liveEvents), then reads the text of those
 * few: skipping to a deep page, or past thousands of ended events, then
 * costs index entries rather than whole rows.
 */
async function listRows(db: Db, choice: TextChoice, ids: number[]): Promise<EventListRow[]> {
  if (ids.length === 0) return [];
  const rows = await listColumns(db, choice.lang, ids).execute();
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

async function pickIds(query: { execute(): Promise<{ id: number }[]> }): Promise<number[]> {
  return (await query.execute()).map((row) => row.id);
}

/** Published events still running on or after `today`, soonest first. */
export async function listUpcoming(db: Db, choice: TextChoice, today: string, limit: number, offset = 0): Promise<EventListRow[]> {
  const ids = await pickIds(
    liveEvents(db, choice)
      .select('e.id')
      .where(lastDayIndexed, '>=', today)
      .orderBy('e.start_date', 'asc')
      .orderBy(lastDayIndexed, 'asc')
      .orderBy('e.id', 'asc')
      .limit(limit)
      .offset(offset),
  );
  return listRows(db, choice, ids);
}

/**
 * Published events that ended before `today`, newest first. Events starting
 * the same day keep the office's order: shorter first, then as entered.
 */
export async function listPast(db: Db, choice: TextChoice, today: string, limit: number, offset = 0): Promise<EventListRow[]> {
  const ids = await pickIds(
    liveEvents(db, choice)
      .select('e.id')
      .where(lastDay, '<', today)
      // Implied by the line above; it lets the listing index give the events in order of their start.
      .where('e.start_date', '<', today)
      .orderBy('e.start_date', 'desc')
      .orderBy(lastDay, 'asc')
      .orderBy('e.id', 'asc')
      .limit(limit)
      .offset(offset),
  );
  return listRows(db, choice, ids);
}

/** Published events running on `today` (started on or before it, not yet ended). */
export async function listHappeningOn(db: Db, choice: TextChoice, today: string, limit: number): Promise<EventListRow[]> {
  const ids = await pickIds(
    liveEvents(db, choice)
      .select('e.id')
      // Written as a negation so that the planner reads the range of events still running (the
      // last_day index) rather than every event that has ever started (a start_date index).
      .where((eb) => eb.not(eb('e.start_date', '>', today)))
      .where(lastDayIndexed, '>=', today)
      .orderBy('e.start_date', 'asc')
      .orderBy('e.id', 'asc')
      .limit(limit),
  );
  return listRows(db, choice, ids);
}

/** Published events starting after `today`, soonest first. */
export async function listStartingAfter(db: Db, choice: TextChoice, today: string, limit: number): Promise<EventListRow[]> {
  const ids = await pickIds(
    liveEvents(db, choice)
      .select('e.id')
      .where('e.start_date', '>', today)
      .orderBy('e.start_date', 'asc')
      .orderBy(lastDay, 'asc')
      .orderBy('e.id', 'asc')
      .limit(limit),
  );
  return listRows(db, choice, ids);
}

/** Whether a choice shows every live event (no filters, nothing left out for want of a translation). */
function choosesAll(choice: TextChoice): boolean {
  const omitting = choice.omitUntranslated && choice.lang !== 'en';
  return !omitting && Object.values(choice.filters ?? {}).every((value) => value === undefined);
}

/**
 * How many of the chosen events are upcoming (still running on or after
 * `today`) and past. Upcoming ones are an index range, few however large the
 * archive. When the choice is every live event, the past ones are the live
 * ones (counted by the database as they change) less the upcoming, rather
 * than counted one by one.
 */
export async function countUpcomingAndPast(db: Db, choice: TextChoice, today: string): Promise<{ upcoming: number; past: number }> {
  const count = (eb: ExpressionBuilder<Database & { e: Database['events'] }, 'e'>) => eb.fn.countAll<number | string>().as('n');
  const upcomingCount = liveEvents(db, choice).where(lastDayIndexed, '>=', today).select(count).executeTakeFirstOrThrow();
  if (choosesAll(choice)) {
    const [upcoming, live] = await Promise.all([upcomingCount, countLive(db, 'event', choice.now)]);
    return { upcoming: Number(upcoming.n), past: live - Number(upcoming.n) };
  }
  const [upcoming, past] = await Promise.all([
    upcomingCount,
    liveEvents(db, choice).where(lastDay, '<', today).where('e.start_date', '<', today).select(count).executeTakeFirstOrThrow(),
  ]);
  // Postgres returns counts as strings (bigint).
  return { upcoming: Number(upcoming.n), past: Number(past.n) };
}

/**
 * The published event whose address in `lang` ends in `slug`: its
 * published translation's slug, or its English slug while it has none.
 */
export async function findLiveEventIdBySlug(db: Db, lang: LangCode, slug: string, now: Date): Promise<number | undefined> {
  const row = await publishedWithText(db, { lang, now, omitUntranslated: false })
    // The shown slug is computed, so no index can answer it; the slug must be that of the English
    // text or of the text in `lang`, which the (lang, slug) index finds at once. Without this the
    // query read every published event (a quarter of a second with 50,000).
    .where('e.id', 'in', (eb) =>
      eb.selectFrom('event_translations as s').select('s.event_id').where('s.slug', '=', slug).where('s.lang', 'in', lang === 'en' ? ['en'] : ['en', lang]),
    )
    .where(shownSlug, '=', slug)
    .select('e.id')
    .orderBy('e.id')
    .executeTakeFirst();
  return row?.id;
}

/**
 * A published event known by `slug` in some language: an address from the
 * other language, from before its translation was published, or from while
 * it was, that should move to the event's current address.
 */
export async function findLiveEventIdByAnySlug(db: Db, slug: string, now: Date): Promise<number | undefined> {
  const row = await db
    .selectFrom('events as e')
    .innerJoin('event_translations as t', 't.event_id', 'e.id')
    .where(isLive('e', now))
    .where('t.slug', '=', slug)
    .select('e.id')
    .orderBy('e.id')
    .executeTakeFirst();
  return row?.id;
}

export async function findEventById(db: Db, id: number): Promise<EventRow | undefined> {
  return db.selectFrom('events').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The event with this id if visitors may see it now. */
export async function findLiveEventById(db: Db, id: number, now: Date): Promise<EventRow | undefined> {
  return db.selectFrom('events as e').selectAll('e').where('e.id', '=', id).where(isLive('e', now)).executeTakeFirst();
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

/** A translation row's own address and status; left as they are when not given. */
export interface TranslationPublishingInput {
  slug?: string;
  status?: TranslationStatus;
}

/**
 * Inserts or replaces one language's text of an event. A new English row
 * without a slug takes the event's own slug, so every English text has an address.
 */
export async function upsertEventTranslation(
  db: Db,
  eventId: number,
  lang: LangCode,
  text: EventTextInput,
  now: string,
  publishing: TranslationPublishingInput = {},
): Promise<void> {
  const values = {
    title: text.title,
    summary: text.summary ?? null,
    description: text.description ?? null,
    // Rendered here, where every writer passes, so that no text is stored without its HTML.
    description_html: renderMarkdownForStorage(text.description),
    venue: text.venue ?? null,
    city: text.city ?? null,
    updated_at: now,
  };
  const given = {
    ...(publishing.slug !== undefined ? { slug: publishing.slug } : {}),
    ...(publishing.status !== undefined ? { status: publishing.status } : {}),
  };
  let slug = publishing.slug ?? null;
  if (slug === null && lang === 'en') slug = (await findEventById(db, eventId))?.slug ?? null;
  await db
    .insertInto('event_translations')
    .values({ event_id: eventId, lang, created_at: now, ...values, ...given, slug })
    .onConflict((oc) => oc.columns(['event_id', 'lang']).doUpdateSet({ ...values, ...given }))
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

/**
 * The years visitors' events run in (an event across New Year in both), newest
 * first: the choices of the listing's year filter. The first and last years
 * come from the ends of the date index, then one look per year in between
 * (and a few per stretch of years with nothing starting in them), rather
 * than reading every event.
 */
export async function listEventYears(db: Db, choice: TextChoice): Promise<number[]> {
  // Bounds from the events alone (cheap: the listing index holds these columns); each year
  // between them is then checked against everything liveEvents asks.
  const live = db.selectFrom('events as e').where(isLive('e', choice.now));
  const [first, last] = await Promise.all([
    live.select('e.start_date as day').orderBy('e.start_date', 'asc').limit(1).executeTakeFirst(),
    live.select(lastDayIndexed.as('day')).orderBy(lastDayIndexed, 'desc').limit(1).executeTakeFirst(),
  ]);
  if (!first || !last) return [];
  const years: number[] = [];
  // Within the years dates may have, so that an event stored across centuries costs at most those.
  const [lastYear, firstYear] = [Math.min(Number(last.day.slice(0, 4)), LATEST_YEAR), Math.max(Number(first.day.slice(0, 4)), EARLIEST_YEAR)];
  for (let y = lastYear; y >= firstYear; y -= 1) years.push(y);
  const any = async (query: { executeTakeFirst(): Promise<unknown> }) => (await query.executeTakeFirst()) !== undefined;
  const liveOne = () => liveEvents(db, choice).select('e.id').limit(1);
  const newYear = (y: number) => `${String(y).padStart(4, '0')}-01-01`;
  // Starts in the year: one look at the start-date index per year.
  const starts = await Promise.all(
    years.map((y) => any(liveOne().where('e.start_date', '>=', newYear(y)).where('e.start_date', '<=', `${String(y).padStart(4, '0')}-12-31`))),
  );
  const held = new Set(years.filter((_, i) => starts[i]));
  // A year with nothing starting in it is held when an event begun before it still runs in it.
  // Across a stretch of such years the events begun before are the same ones, so the held years
  // are the stretch's first ones, up to the latest end: found by halving the stretch, a few
  // looks however long it is (an event running for decades, stored before dates were bounded).
  const runsInto = (y: number) => any(liveOne().where('e.start_date', '<', newYear(y)).where(lastDay, '>=', newYear(y)));
  const ascending = [...years].reverse();
  for (let i = 0; i < ascending.length; i += 1) {
    if (held.has(ascending[i]!)) continue;
    let j = i;
    while (j + 1 < ascending.length && !held.has(ascending[j + 1]!)) j += 1;
    // Years before `lo` + 1 in the stretch are held, from `hi` on they are not.
    let lo = ascending[i]! - 1;
    let hi = ascending[j]! + 1;
    while (hi - lo > 1) {
      const mid = lo + Math.floor((hi - lo) / 2);
      if (await runsInto(mid)) lo = mid;
      else hi = mid;
    }
    for (let y = ascending[i]!; y <= lo; y += 1) held.add(y);
    i = j;
  }
  return years.filter((y) => held.has(y));
}

/** Upcoming events that start before `date` (to number a month group continued from an earlier page). */
export async function countUpcomingStartingBefore(db: Db, choice: TextChoice, today: string, date: string): Promise<number> {
  const row = await liveEvents(db, choice)
    .where(lastDayIndexed, '>=', today)
    .where('e.start_date', '<', date)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Past events that start on or after `date` (the same, for the newest-first list). */
export async function countPastStartingFrom(db: Db, choice: TextChoice, today: string, date: string): Promise<number> {
  const row = await liveEvents(db, choice)
    .where(lastDay, '<', today)
    .where('e.start_date', '>=', date)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
