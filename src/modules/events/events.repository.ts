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
  /** One session of a recurring event, listed on its own dates (start_date, end_date above are the session's); null for a single event. */
  session?: ListedSession | null;
}

/** Which session of a recurring event a listing line is, and whether it was changed on its own. */
export interface ListedSession {
  /** The local date it was planned for (its RECURRENCE-ID). */
  recurrence_date: string;
  /** Its number among the event's sessions, from 1, and how many there are when the rule ends (null when it does not). */
  position: number;
  total: number | null;
  status: 'scheduled' | 'moved' | 'cancelled';
}

/** A line of a listing: an event, or one session of a recurring event (recurrence_date set). */
interface Entry {
  id: number;
  recurrence_date: string | null;
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
    const { from, to } = yearBounds(year);
    // A recurring event is listed by its sessions, which the listings narrow to the year themselves.
    query = query.where((eb) => eb.or([eb('e.recurrence_rule', 'is not', null), eb.and([eb('e.start_date', '<=', to), eb(lastDay, '>=', from)])]));
  }
  if (type !== undefined) query = query.where('e.event_type', '=', type);
  return query;
}

/** The first and last day of a year, as the year filter bounds dates. */
function yearBounds(year: number): { from: string; to: string } {
  const y = String(year).padStart(4, '0');
  return { from: `${y}-01-01`, to: `${y}-12-31` };
}

/** The days a listing's sessions must touch: the year filter's, or every day a date may name. */
function sessionBounds(choice: TextChoice): { from: string; to: string } {
  const year = choice.filters?.year;
  return year === undefined ? { from: '0000-01-01', to: '9999-12-31' } : yearBounds(year);
}

type LiveQuery = ReturnType<typeof liveEvents>;
type EntryValues = { from: string; to: string };

/**
 * The lines a listing picks from, as two queries each listing selects alike
 * (id, recurrence_date, start_date, last_day) and joins with UNION ALL: the
 * single events, and the sessions of the recurring ones (event_sessions),
 * kept to the days `v` bounds. Each listing adds its own conditions to each.
 */
function singles(live: LiveQuery) {
  return live.where('e.recurrence_rule', 'is', null);
}
function sessionsOf(live: LiveQuery, v: EntryValues) {
  return live
    // Only recurring events have sessions: the partial index of them (events_recurring_idx) finds them.
    .where('e.recurrence_rule', 'is not', null)
    .innerJoin('event_sessions as s', 's.event_id', 'e.id')
    .where('s.start_date', '<=', v.to)
    .where('s.last_day', '>=', v.from);
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

/**
 * The listing rows of these lines, in this order: an event's row as it is,
 * a session's with the session's dates, and cancelled when the session is
 * (a cancelled event's sessions are all cancelled, with the event's reason).
 */
async function listEntryRows(db: Db, choice: TextChoice, entries: Entry[]): Promise<EventListRow[]> {
  const ids = [...new Set(entries.map((e) => Number(e.id)))];
  const byId = new Map((await listRows(db, choice, ids)).map((row) => [Number(row.id), row]));
  const recurring = [...new Set(entries.filter((e) => e.recurrence_date !== null).map((e) => Number(e.id)))];
  const dates = [...new Set(entries.flatMap((e) => (e.recurrence_date === null ? [] : [e.recurrence_date])))];
  const sessions = recurring.length
    ? await db
        .selectFrom('event_sessions')
        .select(['event_id', 'recurrence_date', 'position', 'total', 'status', 'start_date', 'end_date'])
        .where('event_id', 'in', recurring)
        .where('recurrence_date', 'in', dates)
        .execute()
    : [];
  const byKey = new Map(sessions.map((s) => [`${Number(s.event_id)} ${s.recurrence_date}`, s]));
  return entries.flatMap((entry): EventListRow[] => {
    const row = byId.get(Number(entry.id));
    if (!row) return [];
    if (entry.recurrence_date === null) return [row];
    const s = byKey.get(`${Number(entry.id)} ${entry.recurrence_date}`);
    if (!s) return [];
    const cancelled = s.status === 'cancelled' && row.event_status === 'scheduled';
    return [
      {
        ...row,
        start_date: s.start_date,
        end_date: s.end_date,
        event_status: cancelled ? 'cancelled' : row.event_status,
        status_reason_en: cancelled ? null : row.status_reason_en,
        status_reason_vi: cancelled ? null : row.status_reason_vi,
        session: { recurrence_date: s.recurrence_date, position: Number(s.position), total: s.total === null ? null : Number(s.total), status: s.status },
      },
    ];
  });
}

type PageValues = EntryValues & { today: string; limit: number; offset: number; take: number };

// The listing's own looks, kept compiled when it has no filters (db/kept-query.ts): every visit asks them.
// Each is the single events and the sessions together, in one order. Where the single events are
// many (those starting from today on, and the past), that side is read in the listing's order from
// an index and cut to the page's end (`take`, the offset and limit) before the two are merged, so
// the merge sorts a page's worth rather than every upcoming or past event. The sessions are read
// through their events (events_recurring_idx) and put in order, as are the events running today:
// both are few.
const upcomingPage = rows.keptOnLive<PageValues, Entry>((live, v) => {
  // Upcoming single events starting from today on, soonest first: a range of the listing index,
  // read in order and stopped at the page's end. Every one starts after every one running today.
  const starting = singles(live)
    .select(['e.id', sql<string | null>`null`.as('recurrence_date'), 'e.start_date', lastDayIndexed.as('last_day')])
    .where('e.start_date', '>=', v.today)
    .orderBy('e.start_date', 'asc')
    .orderBy(lastDayIndexed, 'asc')
    .orderBy('e.id', 'asc')
    .limit(v.take);
  // The single events begun before today and still running: the last-day index's range, whose
  // entries hold the start, so only their rows are read. The start is written as a negation so
  // that the planner reads that range rather than every event begun before today (as listHappeningOn).
  return singles(live)
    .select(['e.id', sql<string | null>`null`.as('recurrence_date'), 'e.start_date', lastDayIndexed.as('last_day')])
    .where(lastDayIndexed, '>=', v.today)
    .where((eb) => eb.not(eb('e.start_date', '>=', v.today)))
    .unionAll((eb) => eb.selectFrom(starting.as('starting')).selectAll())
    .unionAll(sessionsOf(live, v).select(['e.id', 's.recurrence_date', 's.start_date', 's.last_day']).where('s.last_day', '>=', v.today))
    .orderBy(sql.ref('start_date'), 'asc')
    .orderBy(sql.ref('last_day'), 'asc')
    .orderBy(sql.ref('id'), 'asc')
    .orderBy(sql.ref('recurrence_date'), 'asc')
    .limit(v.limit)
    .offset(v.offset);
}, liveEvents);
const pastPage = rows.keptOnLive<PageValues, Entry>((live, v) => {
  // Past single events, newest first: the listing index read backwards from today, stopped at the page's end.
  const ended = singles(live)
    .select(['e.id', sql<string | null>`null`.as('recurrence_date'), 'e.start_date', lastDay.as('last_day')])
    .where(lastDay, '<', v.today)
    // Implied by the line above; it lets the listing index give the events in order of their start.
    .where('e.start_date', '<', v.today)
    .orderBy('e.start_date', 'desc')
    .orderBy(lastDay, 'asc')
    .orderBy('e.id', 'asc')
    .limit(v.take);
  return sessionsOf(live, v)
    .select(['e.id', sql.ref<string | null>('s.recurrence_date').as('recurrence_date'), 's.start_date', 's.last_day'])
    .where('s.last_day', '<', v.today)
    .where('s.start_date', '<', v.today)
    .unionAll((eb) => eb.selectFrom(ended.as('ended')).selectAll())
    .orderBy(sql.ref('start_date'), 'desc')
    .orderBy(sql.ref('last_day'), 'asc')
    .orderBy(sql.ref('id'), 'asc')
    .orderBy(sql.ref('recurrence_date'), 'asc')
    .limit(v.limit)
    .offset(v.offset);
}, liveEvents);
// Upcoming single events are counted as every upcoming event (the last-day index's range, its
// entries alone) less the recurring ones (events_recurring_idx, the last day as the expression
// rather than the indexed column so that this index is the one read): asking for the single ones
// directly reads every upcoming event's row to see that it has no rule.
const upcomingAllCount = rows.keptOnLive<{ today: string }, { n: number | string }>(
  (live, v) => live.where(lastDayIndexed, '>=', v.today).select(sql<number | string>`count(*)`.as('n')),
  liveEvents,
);
const upcomingRecurringCount = rows.keptOnLive<{ today: string }, { n: number | string }>(
  (live, v) => live.where('e.recurrence_rule', 'is not', null).where(lastDay, '>=', v.today).select(sql<number | string>`count(*)`.as('n')),
  liveEvents,
);
async function countUpcomingSingles(db: Db, choice: TextChoice, today: string): Promise<number> {
  const [all, recurring] = await Promise.all([counted(upcomingAllCount(db, choice, { today })), counted(upcomingRecurringCount(db, choice, { today }))]);
  return all - recurring;
}
const upcomingSessionCount = rows.keptOnLive<EntryValues & { today: string }, { n: number | string }>(
  (live, v) => sessionsOf(live, v).where('s.last_day', '>=', v.today).select(sql<number | string>`count(*)`.as('n')),
  liveEvents,
);
// Live recurring events and their sessions: a listing shows the sessions in place of the events.
const recurringCount = rows.keptOnLive<Record<string, never>, { n: number | string }>(
  (live) => live.where('e.recurrence_rule', 'is not', null).select(sql<number | string>`count(*)`.as('n')),
  liveEvents,
);
const sessionCount = rows.keptOnLive<EntryValues, { n: number | string }>((live, v) => sessionsOf(live, v).select(sql<number | string>`count(*)`.as('n')), liveEvents);

/** The count a counting query found (Postgres gives counts as strings). */
async function counted(found: Promise<{ n: number | string }[]>): Promise<number> {
  const [row] = await found;
  return Number(row?.n ?? 0);
}

/** The ids and session dates of the lines a page query picked. */
function entriesOf(found: Entry[]): Entry[] {
  return found.map((row) => ({ id: Number(row.id), recurrence_date: row.recurrence_date ?? null }));
}

/** Published events still running on or after `today`, soonest first. */
export async function listUpcoming(db: Db, choice: TextChoice, today: string, limit: number, offset = 0): Promise<EventListRow[]> {
  const entries = entriesOf(await upcomingPage(db, choice, { ...sessionBounds(choice), today, limit, offset, take: offset + limit }));
  return listEntryRows(db, choice, entries);
}

/**
 * Published events that ended before `today`, newest first. Events starting
 * the same day keep the office's order: shorter first, then as entered.
 */
export async function listPast(db: Db, choice: TextChoice, today: string, limit: number, offset = 0): Promise<EventListRow[]> {
  const entries = entriesOf(await pastPage(db, choice, { ...sessionBounds(choice), today, limit, offset, take: offset + limit }));
  return listEntryRows(db, choice, entries);
}

/** The columns a listing line is picked by, from an event and from a session. */
const singleColumns = ['e.id', sql<string | null>`null`.as('recurrence_date'), 'e.start_date', lastDay.as('last_day')] as const;
const sessionColumns = ['e.id', 's.recurrence_date', 's.start_date', 's.last_day'] as const;

/** Published events and sessions running on `today` (started on or before it, not yet ended). */
export async function listHappeningOn(db: Db, choice: TextChoice, today: string, limit: number): Promise<EventListRow[]> {
  const live = liveEvents(db, choice);
  const found = await singles(live)
    .select([...singleColumns])
    // Written as a negation so that the planner reads the range of events still running (the
    // last_day index) rather than every event that has ever started (a start_date index).
    .where((eb) => eb.not(eb('e.start_date', '>', today)))
    .where(lastDayIndexed, '>=', today)
    .unionAll(
      sessionsOf(live, sessionBounds(choice))
        .select([...sessionColumns])
        .where('s.start_date', '<=', today)
        .where('s.last_day', '>=', today),
    )
    .orderBy(sql.ref('start_date'), 'asc')
    .orderBy(sql.ref('id'), 'asc')
    .orderBy(sql.ref('recurrence_date'), 'asc')
    .limit(limit)
    .execute();
  return listEntryRows(db, choice, entriesOf(found));
}

/** Published events and sessions starting after `today`, soonest first. */
export async function listStartingAfter(db: Db, choice: TextChoice, today: string, limit: number): Promise<EventListRow[]> {
  const live = liveEvents(db, choice);
  const found = await singles(live)
    .select([...singleColumns])
    .where('e.start_date', '>', today)
    .unionAll(sessionsOf(live, sessionBounds(choice)).select([...sessionColumns]).where('s.start_date', '>', today))
    .orderBy(sql.ref('start_date'), 'asc')
    .orderBy(sql.ref('last_day'), 'asc')
    .orderBy(sql.ref('id'), 'asc')
    .orderBy(sql.ref('recurrence_date'), 'asc')
    .limit(limit)
    .execute();
  return listEntryRows(db, choice, entriesOf(found));
}

/**
 * How many lines of the chosen events are upcoming (still running on or
 * after `today`) and past, a recurring event counting as its sessions.
 * Upcoming ones are an index range, few however large the archive. When the
 * choice is every live event, the past ones are the live ones (counted by
 * the database as they change), with the recurring ones' sessions in their
 * place, less the upcoming, rather than counted one by one.
 */
export async function countUpcomingAndPast(db: Db, choice: TextChoice, today: string): Promise<{ upcoming: number; past: number }> {
  const bounds = sessionBounds(choice);
  const upcomingLines = Promise.all([countUpcomingSingles(db, choice, today), counted(upcomingSessionCount(db, choice, { ...bounds, today }))]);
  if (choosesAll(choice)) {
    const [[events, sessions], live, recurring, allSessions] = await Promise.all([
      upcomingLines,
      rows.countLive(db, choice.now),
      counted(recurringCount(db, choice, {})),
      counted(sessionCount(db, choice, bounds)),
    ]);
    const upcoming = events + sessions;
    return { upcoming, past: live - recurring + allSessions - upcoming };
  }
  const live = liveEvents(db, choice);
  const [[events, sessions], pastEvents, pastSessions] = await Promise.all([
    upcomingLines,
    rows.count(singles(live).where(lastDay, '<', today).where('e.start_date', '<', today)),
    rows.count(sessionsOf(live, bounds).where('s.last_day', '<', today).where('s.start_date', '<', today)),
  ]);
  return { upcoming: events + sessions, past: pastEvents + pastSessions };
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
  // A recurring event runs in every year one of its sessions does: few rows, read as they are.
  for (const y of await sessionYears(db, choice)) if (y >= EARLIEST_YEAR && y <= LATEST_YEAR) held.add(y);
  return [...held].sort((a, b) => b - a);
}

/** The years the listed sessions of the chosen recurring events run in (a session across New Year in both). */
async function sessionYears(db: Db, choice: TextChoice): Promise<number[]> {
  const rows = await sessionsOf(liveEvents(db, { ...choice, filters: { ...choice.filters, year: undefined } }), sessionBounds({ ...choice, filters: undefined }))
    .select(['s.start_date', 's.last_day'])
    .execute();
  const years = new Set<number>();
  for (const row of rows) for (let y = Number(row.start_date.slice(0, 4)); y <= Number(row.last_day.slice(0, 4)); y += 1) years.add(y);
  return [...years];
}

/** Upcoming lines (events and sessions) that start before `date` (to number a month group continued from an earlier page). */
export async function countUpcomingStartingBefore(db: Db, choice: TextChoice, today: string, date: string): Promise<number> {
  const live = liveEvents(db, choice);
  const [events, sessions] = await Promise.all([
    rows.count(singles(live).where(lastDayIndexed, '>=', today).where('e.start_date', '<', date)),
    rows.count(sessionsOf(live, sessionBounds(choice)).where('s.last_day', '>=', today).where('s.start_date', '<', date)),
  ]);
  return events + sessions;
}

/** Past lines that start on or after `date` (the same, for the newest-first list). */
export async function countPastStartingFrom(db: Db, choice: TextChoice, today: string, date: string): Promise<number> {
  const live = liveEvents(db, choice);
  const [events, sessions] = await Promise.all([
    rows.count(singles(live).where(lastDay, '<', today).where('e.start_date', '>=', date)),
    rows.count(sessionsOf(live, sessionBounds(choice)).where('s.last_day', '<', today).where('s.start_date', '>=', date)),
  ]);
  return events + sessions;
}
