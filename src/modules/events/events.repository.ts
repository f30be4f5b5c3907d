/**
 * Queries on events. Every function takes the database (or a transaction)
 * first and returns plain rows. Visitors' listings read published events only.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import { choosesAll, publicRows, shownColumn, shownLang, shownSlug, shownTexts, type TagFilters, type TextChoice as ContentTextChoice } from '../content/index.js';
import type { Database, EventRow, EventStatus, EventType, LangCode } from '../../db/schema.js';
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
  /** Why it was cancelled or postponed, in each language (shared/views/EventStatusNotice.tsx chooses). */
  status_reason_en: string | null;
  status_reason_vi: string | null;
  event_type: EventType;
  title: string;
  summary: string | null;
  description: string | null;
  /** The description's HTML, rendered when it was saved (null without a description, or before it is rendered). */
  description_html: string | null;
  /** The language the text is in: the one asked for, or English when that text is missing or unpublished. */
  text_lang: LangCode;
}

/** Which events and which text a visitors' page shows (content/public.repository.ts). */
export type TextChoice = ContentTextChoice<EventFilters>;

/** The filters of a visitors' listing of events: the tags every kind has, and the year and type. */
export interface EventFilters extends TagFilters {
  /** Events running during the year: one that runs across New Year counts in both, as in search. */
  year?: number | undefined;
  type?: EventType | undefined;
}

/** The public queries every kind shares, on the event tables. */
export const rows = publicRows({
  kind: 'event',
  alias: 'e',
  items: 'events',
  texts: 'event_translations',
  fk: 'event_id',
  topics: 'event_topics',
  programmes: 'event_programmes',
});

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
 * Events visitors may see now (e) under the choice: the shared rule and tags
 * (content/public.repository.ts), then an event's own filters.
 */
export function liveEvents(db: Db, choice: TextChoice) {
  let query = rows.live(db, choice);
  const { year, type } = choice.filters ?? {};
  if (year !== undefined) {
    const y = String(year).padStart(4, '0');
    query = query.where('e.start_date', '<=', `${y}-12-31`).where(lastDay, '>=', `${y}-01-01`);
  }
  if (type !== undefined) query = query.where('e.event_type', '=', type);
  return query;
}

/** The listing rows of these events, in this order, with their shown text: kept compiled (db/kept-query.ts). */
const keptListRows = rows.keptRowsInOrder<EventListRow>((query) =>
  query.select([
    'e.id',
    shownSlug.as('slug'),
    'e.start_date',
    'e.end_date',
    'e.event_status',
    'e.status_reason_en',
    'e.status_reason_vi',
    'e.event_type',
    shownColumn<string>('title').as('title'),
    ...shownTexts(['summary', 'description', 'description_html']),
    shownLang.as('text_lang'),
  ]),
);

function listRows(db: Db, choice: TextChoice, ids: number[]): Promise<EventListRow[]> {
  return keptListRows(db, choice.lang, ids);
}

// The listing's own looks, kept compiled when it has no filters (db/kept-query.ts): every visit asks them.
const upcomingPage = rows.keptOnLive<{ today: string; limit: number; offset: number }, { id: number }>(
  (live, v) =>
    live
      .select('e.id')
      .where(lastDayIndexed, '>=', v.today)
      .orderBy('e.start_date', 'asc')
      .orderBy(lastDayIndexed, 'asc')
      .orderBy('e.id', 'asc')
      .limit(v.limit)
      .offset(v.offset),
  liveEvents,
);
const pastPage = rows.keptOnLive<{ today: string; limit: number; offset: number }, { id: number }>(
  (live, v) =>
    live
      .select('e.id')
      .where(lastDay, '<', v.today)
      // Implied by the line above; it lets the listing index give the events in order of their start.
      .where('e.start_date', '<', v.today)
      .orderBy('e.start_date', 'desc')
      .orderBy(lastDay, 'asc')
      .orderBy('e.id', 'asc')
      .limit(v.limit)
      .offset(v.offset),
  liveEvents,
);
const upcomingCount = rows.keptOnLive<{ today: string }, { n: number | string }>(
  (live, v) => live.where(lastDayIndexed, '>=', v.today).select(sql<number | string>`count(*)`.as('n')),
  liveEvents,
);

/** Published events still running on or after `today`, soonest first. */
export async function listUpcoming(db: Db, choice: TextChoice, today: string, limit: number, offset = 0): Promise<EventListRow[]> {
  const ids = (await upcomingPage(db, choice, { today, limit, offset })).map((row) => Number(row.id));
  return listRows(db, choice, ids);
}

/**
 * Published events that ended before `today`, newest first. Events starting
 * the same day keep the office's order: shorter first, then as entered.
 */
export async function listPast(db: Db, choice: TextChoice, today: string, limit: number, offset = 0): Promise<EventListRow[]> {
  const ids = (await pastPage(db, choice, { today, limit, offset })).map((row) => Number(row.id));
  return listRows(db, choice, ids);
}

/** Published events running on `today` (started on or before it, not yet ended). */
export async function listHappeningOn(db: Db, choice: TextChoice, today: string, limit: number): Promise<EventListRow[]> {
  const ids = await rows.pickIds(
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
  const ids = await rows.pickIds(
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

/**
 * How many of the chosen events are upcoming (still running on or after
 * `today`) and past. Upcoming ones are an index range, few however large the
 * archive. When the choice is every live event, the past ones are the live
 * ones (counted by the database as they change) less the upcoming, rather
 * than counted one by one.
 */
export async function countUpcomingAndPast(db: Db, choice: TextChoice, today: string): Promise<{ upcoming: number; past: number }> {
  const counted = upcomingCount(db, choice, { today }).then(([row]) => Number(row?.n ?? 0));
  if (choosesAll(choice)) {
    const [upcoming, live] = await Promise.all([counted, rows.countLive(db, choice.now)]);
    return { upcoming, past: live - upcoming };
  }
  const [upcoming, past] = await Promise.all([counted, rows.count(liveEvents(db, choice).where(lastDay, '<', today).where('e.start_date', '<', today))]);
  return { upcoming, past };
}

/** The event visitors may see at `now` at an address in `lang` (content/public.repository.ts). */
export const findLiveEventByAddress = rows.findLiveByAddress;
export const findEventById = rows.findById;
export const findEventBySourceKey = rows.findBySourceKey;
export const listEventTranslations = rows.listTexts;
/** The event's programmes and topics with their names in a language (English when untranslated). */
export const listEventTaxonomy = rows.listTags;
/** The names of the topics of these events in a language, by event id. */
export const listEventTopicNames = rows.listTopicNames;

/** Events with the given dates that have English text, in the order entered (for pairing translated pages). */
export async function listEnglishEventsByDates(db: Db, start: string, end: string | null): Promise<EventRow[]> {
  return rows.listWithEnglish(db, (query) => {
    const starting = query.where('e.start_date', '=', start);
    return end === null ? starting.where('e.end_date', 'is', null) : starting.where('e.end_date', '=', end);
  });
}

// The year choices' looks (listEventYears), kept compiled when the listing has no filters (db/kept-query.ts).
const firstStart = rows.keptOnLive<Record<string, never>, { day: string }>(
  (live) => live.select('e.start_date as day').orderBy('e.start_date', 'asc').limit(1),
  liveEvents,
);
const latestLastDay = rows.keptOnLive<Record<string, never>, { day: string }>(
  (live) => live.select(lastDayIndexed.as('day')).orderBy(lastDayIndexed, 'desc').limit(1),
  liveEvents,
);
const startingWithin = rows.keptOnLive<{ from: string; to: string }, { id: number }>(
  (live, v) => live.select('e.id').where('e.start_date', '>=', v.from).where('e.start_date', '<=', v.to).limit(1),
  liveEvents,
);
const runningInto = rows.keptOnLive<{ day: string }, { id: number }>(
  (live, v) => live.select('e.id').where('e.start_date', '<', v.day).where(lastDay, '>=', v.day).limit(1),
  liveEvents,
);

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
  const everyLive = { ...choice, omitUntranslated: false, filters: undefined };
  const [[first], [last]] = await Promise.all([firstStart(db, everyLive, {}), latestLastDay(db, everyLive, {})]);
  if (!first || !last) return [];
  const years: number[] = [];
  // Within the years dates may have, so that an event stored across centuries costs at most those.
  const [lastYear, firstYear] = [Math.min(Number(last.day.slice(0, 4)), LATEST_YEAR), Math.max(Number(first.day.slice(0, 4)), EARLIEST_YEAR)];
  for (let y = lastYear; y >= firstYear; y -= 1) years.push(y);
  const newYear = (y: number) => `${String(y).padStart(4, '0')}-01-01`;
  // Starts in the year: one look at the start-date index per year.
  const starts = await Promise.all(
    years.map(async (y) => (await startingWithin(db, choice, { from: newYear(y), to: `${String(y).padStart(4, '0')}-12-31` })).length > 0),
  );
  const held = new Set(years.filter((_, i) => starts[i]));
  // A year with nothing starting in it is held when an event begun before it still runs in it.
  // Across a stretch of such years the events begun before are the same ones, so the held years
  // are the stretch's first ones, up to the latest end: found by halving the stretch, a few
  // looks however long it is (an event running for decades, stored before dates were bounded).
  const runsInto = async (y: number) => (await runningInto(db, choice, { day: newYear(y) })).length > 0;
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
export function countUpcomingStartingBefore(db: Db, choice: TextChoice, today: string, date: string): Promise<number> {
  return rows.count(liveEvents(db, choice).where(lastDayIndexed, '>=', today).where('e.start_date', '<', date));
}

/** Past events that start on or after `date` (the same, for the newest-first list). */
export function countPastStartingFrom(db: Db, choice: TextChoice, today: string, date: string): Promise<number> {
  return rows.count(liveEvents(db, choice).where(lastDay, '<', today).where('e.start_date', '>=', date));
}
