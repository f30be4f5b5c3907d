/**
 * Queries on events. Every function takes the database (or a transaction)
 * first and returns plain rows. Visitors' listings read published events only.
 */
import { PostgresAdapter, sql, type Compilable, type Expression, type Kysely, type RawBuilder, type SqlBool, type Transaction } from 'kysely';
import { choosesAll, isLive, oneTagAsShared, publicRows, shownText, shownTranslationStatuses, type SharedLive, type TagFilters, type TextChoice as ContentTextChoice } from '../content/index.js';
import { keptQuery, type StandIns } from '../../db/kept-query.js';
import type { Database, EventRow, EventStatus, EventType, LangCode } from '../../db/schema.js';
import { EARLIEST_YEAR, LATEST_YEAR } from '../../shared/dates/bounds.js';
import { compareDates } from '../../shared/dates/calendar-date.js';
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
  /** The description's Markdown, read only while its HTML is not stored yet (null once it is: the HTML is what is shown). */
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

/**
 * The sessions of the live recurring events (as sessionsOf), each event's
 * read no further than the last day `bound` gives it, an expression on the
 * event `e` (a correlated subquery, say). SQLite reads each event's range of
 * the sessions' index (event, last day) up to it, worked out once for each
 * event. PostgreSQL, given it as a condition of the join, worked it out
 * again for every session (523 times for five weekly events, 9 ms against
 * 1.7 without the bound), so there it is a lateral subquery of each event;
 * its `offset 0` keeps the planner from folding it back into the join.
 */
function sessionsUpTo(db: Kysely<Database>, live: LiveQuery, v: EntryValues, bound: Expression<string>) {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return sessionsOf(live, v).where('s.last_day', '<=', bound);
  const upTo = live
    .where('e.recurrence_rule', 'is not', null)
    .innerJoinLateral(sql<{ bound: string }>`(select ${bound} as bound offset 0)`.as('b'), (j) => j.onTrue())
    .innerJoin('event_sessions as s', (j) => j.onRef('s.event_id', '=', 'e.id').on('s.last_day', '<=', sql.ref<string>('b.bound')))
    .where('s.start_date', '<=', v.to)
    .where('s.last_day', '>=', v.from);
  // The same columns to select from as sessionsOf's: `b` is read by the join alone.
  return upTo as unknown as ReturnType<typeof sessionsOf>;
}

/**
 * Sessions as a listing's lines, in its order (by their first day, soonest
 * or latest first as `starts` says), cut to the page's end (`take`) before
 * they are merged with the single events: a weekly event has a hundred
 * sessions within the two years they are kept for, fifty more each year past.
 */
function sessionLines(live: LiveQuery, v: StandIns<PageValues>, starts: 'asc' | 'desc', upTo?: { db: Kysely<Database>; bound: Expression<string> }) {
  return (upTo === undefined ? sessionsOf(live, v) : sessionsUpTo(upTo.db, live, v, upTo.bound))
    .select(['e.id', sql.ref<string | null>('s.recurrence_date').as('recurrence_date'), 's.start_date', 's.last_day'])
    .orderBy('s.start_date', starts)
    .orderBy('s.last_day', 'asc')
    .orderBy('e.id', 'asc')
    .orderBy('s.recurrence_date', 'asc')
    .limit(v.take);
}

/** The links of events to one topic or programme, and that term by its slug. */
interface TermLinks {
  links: 'event_topics' | 'event_programmes';
  terms: 'topics' | 'programmes';
  termId: 'topic_id' | 'programme_id';
  slug: string;
}

/** The topic a choice narrows the events to, else its programme, else undefined: every event it shows is linked to that term. */
function termOf(choice: TextChoice): TermLinks | undefined {
  const { topic, programme } = choice.filters ?? {};
  if (topic !== undefined) return termLinks('topics', topic);
  if (programme !== undefined) return termLinks('programmes', programme);
  return undefined;
}

function termLinks(terms: 'topics' | 'programmes', slug: string): TermLinks {
  return terms === 'topics' ? { links: 'event_topics', terms, termId: 'topic_id', slug } : { links: 'event_programmes', terms, termId: 'programme_id', slug };
}

/**
 * The published events' links to the term, from the links' own index (term,
 * status, last day, first day, publication time, event: migration
 * 2026-12-05T1015), whose copies of the event's columns the database keeps.
 * The ranges of a term's upcoming events, and of those running today, read
 * that term's entries alone.
 */
function publishedLinks(db: Db, term: TermLinks) {
  const q = db as unknown as Kysely<Record<string, Record<string, string | number | null>>>;
  const termIds = q.selectFrom(`${term.terms} as lt`).select(sql.ref<number>('lt.id').as('id')).where(sql.ref('lt.slug'), '=', term.slug);
  return q
    .selectFrom(`${term.links} as tx`)
    .where(sql.ref(`tx.${term.termId}`), '=', termIds)
    .where(sql.ref('tx.status'), '=', 'published');
}

/** The listing rows of these events, in this order, with their shown text: kept compiled (db/kept-query.ts). */
const keptListRows = rows.keptRowsInOrder<EventListRow>(listColumns);

/** A listing row's columns in `lang`, from an events query joined with its texts (te, and tl but in English: content's joinTexts). */
function listColumns(query: LiveQuery, lang: LangCode) {
  const shown = shownText(lang);
  return query.select([
    'e.id',
    shown.slug.as('slug'),
    'e.start_date',
    'e.end_date',
    'e.event_status',
    'e.status_reason_en',
    'e.status_reason_vi',
    'e.event_type',
    shown.column<string>('title').as('title'),
    ...shown.texts(['summary', 'description_html']),
    // A listing shows the HTML; the Markdown, a few hundred characters a row, only stands in while that is missing.
    sql<string | null>`case when ${shown.column('description_html')} is null then ${shown.column('description')} end`.as('description'),
    shown.lang.as('text_lang'),
  ]);
}

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
    return s ? [sessionLine(row, s)] : [];
  });
}

/** What a listing line of a recurring event needs of its session. */
interface SessionOfLine {
  recurrence_date: string;
  position: number | string;
  total: number | string | null;
  status: ListedSession['status'];
  start_date: string;
  end_date: string | null;
}

/** An event's listing row as one of its sessions: the session's dates, and cancelled when the session is. */
function sessionLine(row: EventListRow, s: SessionOfLine): EventListRow {
  const cancelled = s.status === 'cancelled' && row.event_status === 'scheduled';
  return {
    ...row,
    start_date: s.start_date,
    end_date: s.end_date,
    event_status: cancelled ? 'cancelled' : row.event_status,
    status_reason_en: cancelled ? null : row.status_reason_en,
    status_reason_vi: cancelled ? null : row.status_reason_vi,
    session: { recurrence_date: s.recurrence_date, position: Number(s.position), total: s.total === null ? null : Number(s.total), status: s.status },
  };
}

type PageValues = EntryValues & { today: string; limit: number; offset: number; take: number };
/**
 * A page's size and reach, written into the related events' statements
 * (content's keptOnLive, per value): with them bound SQLite ran the same
 * plans several times slower on the sample content.
 */
const PAGE_WRITTEN = ['limit', 'offset', 'take'] as const;

// The listing's own looks, kept compiled when it has no filters (db/kept-query.ts): every visit asks them.
// Each is the single events and the sessions together, in one order. Where the single events are
// many (those starting from today on, and the past), that side is read in the listing's order from
// an index and cut to the page's end (`take`, the offset and limit) before the two are merged, so
// the merge sorts a page's worth rather than every upcoming or past event. The sessions are read
// through their events (events_recurring_idx) and put in order, as are the events running today:
// both are few.
function upcomingLines(db: Kysely<Database>, live: LiveQuery, v: StandIns<PageValues>, linked?: LinkedEvents, runningFrom?: Expression<string>) {
  // Upcoming single events starting from today on, soonest first: a range of the listing index,
  // read in order and stopped at the page's end. Every one starts after every one running today.
  // Some terms' events (one term's, or an item's related events) are read so from each term's links (startingFromLinks).
  const starting =
    linked !== undefined
      ? fromEachTermsLinks(db, linked, (kind, slug) => startingFromLinks(linked.untagged, kind, slug, v))
      : singles(live)
          .select(['e.id', sql<string | null>`null`.as('recurrence_date'), 'e.start_date', lastDayIndexed.as('last_day')])
          .where('e.start_date', '>=', v.today)
          .orderBy('e.start_date', 'asc')
          .orderBy(lastDayIndexed, 'asc')
          .orderBy('e.id', 'asc')
          .limit(v.take);
  // The single events begun before today and still running: the last-day index's range, whose
  // entries hold the start, so only their rows are read. The start is written as a negation so
  // that the planner reads that range rather than every event begun before today (as listHappeningOn).
  // The events of some terms alone are found from those terms' links instead (runningFromLinks).
  // Given the earliest first day such an event may have (`runningFrom`: today less the longest
  // span, runningFromSpan), they are a range of first days instead, from it to today, whose length
  // follows that span rather than the number of upcoming events.
  const running =
    linked !== undefined
      ? runningFromLinks(db, linked, v)
      : runningFrom !== undefined
        ? singles(live)
            .select(['e.id', sql<string | null>`null`.as('recurrence_date'), 'e.start_date', lastDay.as('last_day')])
            .where('e.start_date', '>=', runningFrom)
            .where('e.start_date', '<', v.today)
            .where(lastDay, '>=', v.today)
        : singles(live)
            .select(['e.id', sql<string | null>`null`.as('recurrence_date'), 'e.start_date', lastDayIndexed.as('last_day')])
            .where(lastDayIndexed, '>=', v.today)
            .where((eb) => eb.not(eb('e.start_date', '>=', v.today)));
  // The sessions still to come, soonest first, cut to the page's end as the single events starting are;
  // of each event no more than the page's end can use: up to the last day of its session after the
  // first `take` (its sessions' last days come in the order of their first days, as they all span as
  // many days), a short range of the sessions' index where every session to come was read and sorted.
  // One lower bound on the last day (the later of today and the year filter's first day), so that SQLite
  // reads the index from it rather than from the other.
  const fromDay = sql<string>`case when ${v.today} > ${v.from} then ${v.today} else ${v.from} end`;
  const pastFirstTake = sql<string>`coalesce((select x.last_day from event_sessions as x
    where x.event_id = e.id and x.last_day >= ${fromDay} and x.start_date <= ${v.to}
    order by x.last_day limit 1 offset ${v.take}), '9999-12-31')`;
  const sessions = sessionLines(live, v, 'asc', { db, bound: pastFirstTake }).where('s.last_day', '>=', v.today);
  return running
    .unionAll((eb) => eb.selectFrom(starting.as('starting')).selectAll())
    .unionAll((eb) => eb.selectFrom(sessions.as('sessions')).selectAll())
    .orderBy(sql.ref('start_date'), 'asc')
    .orderBy(sql.ref('last_day'), 'asc')
    .orderBy(sql.ref('id'), 'asc')
    .orderBy(sql.ref('recurrence_date'), 'asc')
    .limit(v.limit)
    .offset(v.offset);
}

/** A kind of term, its link table and the link's column naming it. */
type TermKind = Omit<TermLinks, 'slug'>;

/**
 * Upcoming lines of the events linked to some terms (by slug, of each kind
 * given): the events visitors may see, read by id (`untagged`, without the
 * terms' condition), and those terms.
 */
interface LinkedEvents {
  untagged: LiveQuery;
  terms: { kind: TermKind; slugs: readonly string[] }[];
}

/**
 * The single events of some terms begun before today and still running,
 * found from the terms' links: each kind's range of its links' index (term,
 * status, last day, first day: migration 2026-12-05T1015, whose copies of
 * the event's columns the database keeps) from today on, less those starting
 * later, then each event by id. Its cost follows the terms' own links running
 * today; the events' last-day index would be read through every upcoming
 * event of the archive, which SQLite does even given the ids from the links
 * (4,500 entries at 100,000 items). The events' own days are not compared
 * again: the links' copies are the same. Nor are the events' links to the
 * terms looked up again (`untagged`): PostgreSQL would join them with every
 * link of the terms. An event linked to more than one of the terms is one
 * line (UNION, and DISTINCT within one kind).
 */
function runningFromLinks(db: Kysely<Database>, linked: LinkedEvents, v: StandIns<PageValues>) {
  const begunBefore = begunBeforeToday(db, v.today);
  const parts = linked.terms.map(({ kind, slugs }) => {
    const tx = (column: string) => sql.ref(`tx.${column}`);
    // Each term's id as a value of its own ("= (select …)", "in ((select …), …)"): SQLite then reads
    // the links' index by term first, where "in (select … where slug in …)" led it to read every
    // published event and look up its link.
    const termId = (slug: string) => termIdOf(kind, slug);
    const ofTerms = slugs.length === 1 ? sql<SqlBool>`${tx(kind.termId)} = ${termId(slugs[0] as string)}` : sql<SqlBool>`${tx(kind.termId)} in (${sql.join(slugs.map(termId))})`;
    const part = singles(linked.untagged)
      .innerJoin(`${kind.links} as tx` as 'event_topics as tx', (j) => j.onRef('tx.event_id', '=', 'e.id'))
      .select(['e.id', sql<string | null>`null`.as('recurrence_date'), 'e.start_date', lastDayIndexed.as('last_day')])
      .where(ofTerms)
      .where(tx('status'), '=', sql.lit('published'))
      .where(tx('last_day'), '>=', v.today)
      .where(begunBefore);
    return slugs.length > 1 ? part.distinct() : part;
  });
  const [first, ...others] = parts;
  if (first === undefined) throw new Error('runningFromLinks needs at least one kind of term');
  return others.reduce((all, part) => all.union(part), first);
}

/**
 * A link's event begun before `today`, as a condition no index range is
 * read for, so that the links' range read is the one by last day from today
 * on (the term's events running today, a few) rather than the one by first
 * day (every event of the term begun before today, a number that grows with
 * the archive). SQLite reads a negation so. PostgreSQL turns the negation
 * back into `start_date < today`, and the generic plan its kept statement
 * runs (pg-statements.ts), which cannot tell which range is shorter, read
 * the range by first day: at 100,000 items 1.4 ms of an article page's
 * related events. There the comparison is asked `is true`, which is the
 * same for a first day that is never null.
 */
function begunBeforeToday(db: Kysely<Database>, today: string) {
  const start = sql.ref<string>('tx.start_date');
  return db.getExecutor().adapter instanceof PostgresAdapter ? sql<SqlBool>`(${start} < ${today}) is true` : sql<SqlBool>`not ${start} >= ${today}`;
}

/** A term's id by its slug, as one value (a scalar subquery). */
function termIdOf(kind: TermKind, slug: string) {
  return sql<number>`(select lt.id from ${sql.table(kind.terms)} as lt where lt.slug = ${slug})`;
}

/**
 * One term's published links, each joined to its single event while
 * visitors may see it (`untagged`: without the terms' condition), as a
 * listing's lines: what startingFromLinks and endedFromLinks each read a
 * range of. The link's copies of the event's days (migration 2026-12-05T1015)
 * are the event's own.
 */
function singlesByLinks(untagged: LiveQuery, kind: TermKind, slug: string) {
  return singles(untagged)
    .innerJoin(`${kind.links} as tx` as 'event_topics as tx', (j) => j.onRef('tx.event_id', '=', 'e.id'))
    .select(['e.id', sql<string | null>`null`.as('recurrence_date'), 'e.start_date', lastDayIndexed.as('last_day')])
    .where(sql.ref(`tx.${kind.termId}`), '=', termIdOf(kind, slug))
    .where(sql.ref('tx.status'), '=', sql.lit('published'));
}

/** A column of the links joined by singlesByLinks. */
const link = (column: 'start_date' | 'last_day' | 'event_id') => sql.ref(`tx.${column}`);

/**
 * One term's single events starting from today on, soonest first and cut to
 * the page's end: its links' range by first day (index on term, status,
 * first day, last day, event: migration 2026-12-06T0930), in the listing's
 * order, each event then read by id and kept while visitors may see it. A
 * page costs about its own lines rather than every upcoming event of the
 * archive until enough of the term's are found.
 */
function startingFromLinks(untagged: LiveQuery, kind: TermKind, slug: string, v: StandIns<PageValues>) {
  return singlesByLinks(untagged, kind, slug)
    .where(link('start_date'), '>=', v.today)
    .orderBy(link('start_date'), 'asc')
    .orderBy(link('last_day'), 'asc')
    .orderBy(link('event_id'), 'asc')
    .limit(v.take);
}

/**
 * One term's single events ended before today, newest first and cut to the
 * page's end, read from its links as startingFromLinks reads those to come:
 * the links' range by first day up to today, backwards, each event then read
 * by id. Found from the events' side instead, every past event of the
 * archive was read, newest first, until enough of the term's were: an
 * article whose one topic had a single event among 50,000 took 90 ms.
 */
function endedFromLinks(untagged: LiveQuery, kind: TermKind, slug: string, v: StandIns<PageValues>) {
  return singlesByLinks(untagged, kind, slug)
    .where(link('start_date'), '<', v.today)
    .where(link('last_day'), '<', v.today)
    .orderBy(link('start_date'), 'desc')
    .orderBy(link('last_day'), 'asc')
    .orderBy(link('event_id'), 'asc')
    .limit(v.take);
}

/**
 * The lines `part` reads from one term's links, for each term linked (by
 * kind and slug), as one query: each term's part in its own order, cut to
 * the page's end, and an event linked to more than one of them once (UNION).
 * The page's first lines are among each term's first as many, so the
 * listing's order and cut, applied to all, come out the same.
 */
function fromEachTermsLinks(db: Kysely<Database>, linked: LinkedEvents, part: (kind: TermKind, slug: string) => LinksPart): LinksPart {
  const parts = linked.terms.flatMap(({ kind, slugs }) => slugs.map((slug) => part(kind, slug)));
  const [first, ...others] = parts;
  if (first === undefined) throw new Error('fromEachTermsLinks needs at least one term');
  if (others.length === 0) return first;
  // A part with its own order and limit is a subquery of the compound (SQLite takes them no other way).
  const q = db as unknown as Kysely<Record<string, Record<string, unknown>>>;
  const sub = (query: LinksPart, i: number) => q.selectFrom(query.as(`t${i}`)).selectAll();
  return others.reduce((all, query, i) => all.union(sub(query, i + 1)), sub(first, 0)) as unknown as LinksPart;
}

/** A part of a page's lines read from one term's links (startingFromLinks, endedFromLinks). */
type LinksPart = ReturnType<typeof startingFromLinks>;

/** The terms an item's related events share with it, as LinkedEvents; undefined without any. */
function linkedBySharing(shared: SharedLive<'events', 'e'> | undefined): LinkedEvents | undefined {
  const { topics = [], programmes = [] } = shared?.sharing ?? {};
  const terms = [
    ...(topics.length > 0 ? [{ kind: termLinks('topics', ''), slugs: topics }] : []),
    ...(programmes.length > 0 ? [{ kind: termLinks('programmes', ''), slugs: programmes }] : []),
  ];
  return shared === undefined || terms.length === 0 ? undefined : { untagged: shared.untagged, terms };
}

/** Upcoming lines of related events (shared tags alone): those running today and those starting later found from the tags' links. */
function relatedUpcomingLines(live: LiveQuery, v: StandIns<PageValues>, shared: SharedLive<'events', 'e'> | undefined, db: Kysely<Database>) {
  return upcomingLines(db, live, v, linkedBySharing(shared));
}
const keptUpcomingPage = rows.keptOnLive<PageValues, Entry>(relatedUpcomingLines, liveEvents, PAGE_WRITTEN);

/** A line of the first pages of related events (firstPagesOfRelated): 0 for an upcoming line, 1 for a past one. */
type PartEntry = Entry & { part: number | string };

/**
 * The first page of upcoming related lines and the first page of past ones
 * (each as upcomingPage and pastPage read them) in one statement, each
 * line marked with its part; in the order of each part: upcoming soonest
 * first, past newest first.
 */
const firstPagesOfRelated = rows.keptOnLive<PageValues, PartEntry>(
  (live, v, shared, kdb) => {
    const upcoming = relatedUpcomingLines(live, v, shared, kdb);
    const past = pastLines(live, v, shared, kdb);
    const part = sql.ref<number>('part');
    const startDate = sql.ref<string>('start_date');
    const both = kdb
      .selectFrom(upcoming.as('u'))
      .select(['u.id', 'u.recurrence_date', 'u.start_date', 'u.last_day', sql<number>`0`.as('part')])
      .unionAll(kdb.selectFrom(past.as('p')).select(['p.id', 'p.recurrence_date', 'p.start_date', 'p.last_day', sql<number>`1`.as('part')]));
    // A compound statement is ordered by its columns alone (SQLite): the parts' own orders need it as a subquery.
    return kdb
      .selectFrom(both.as('lines'))
      .selectAll()
      .orderBy(part, 'asc')
      .orderBy(sql`case when ${part} = 0 then ${startDate} end`, 'asc')
      .orderBy(sql`case when ${part} = 1 then ${startDate} end`, 'desc')
      .orderBy(sql.ref('last_day'), 'asc')
      .orderBy(sql.ref('id'), 'asc')
      .orderBy(sql.ref('recurrence_date'), 'asc') as unknown as Compilable<PartEntry>;
  },
  liveEvents,
  PAGE_WRITTEN,
);
/**
 * The listing's upcoming lines, its single events running today found from
 * the longest span (runningFromSpan): kept compiled per language and
 * setting without filters.
 */
const listingUpcomingPage = keptOnChoice<PageValues, Entry>((db, lives, v) => upcomingLines(db, lives.chosen(), v, undefined, runningFromSpan(db, v.today)));

/**
 * The first day a single event running on `today` may have begun: `today`
 * less the longest span of a published single event (the end of the index of
 * single events' spans, migration 2026-12-06T1030), in each database's own
 * date arithmetic, as a 'YYYY-MM-DD' date. Null without a published single
 * event, when none runs.
 */
function runningFromSpan(db: Kysely<Database>, today: string): Expression<string> {
  const longest = sql<number>`(select x.span_days from events as x where x.status = 'published' and x.recurrence_rule is null order by x.span_days desc limit 1)`;
  return db.getExecutor().adapter instanceof PostgresAdapter
    ? sql<string>`to_char(cast(cast(${today} as date) - ${longest} as timestamp), 'YYYY-MM-DD')`
    : sql<string>`date(${today}, '-' || ${longest} || ' days')`;
}

/**
 * The upcoming lines a page picks: the listing's (without filters or with
 * its own) as listingUpcomingPage reads them; related events' from their
 * tags' links running today; one term's events reading that term's links.
 */
async function upcomingPage(db: Db, choice: TextChoice, values: PageValues): Promise<Entry[]> {
  const term = termOf(choice);
  if (term === undefined) return choice.filters?.sharing === undefined ? listingUpcomingPage(db, choice, values, 'upcoming') : keptUpcomingPage(db, choice, values);
  const untagged = liveEvents(db, { ...choice, filters: { ...choice.filters, [term.terms === 'topics' ? 'topic' : 'programme']: undefined } });
  return (await db.executeQuery(upcomingLines(db as Kysely<Database>, liveEvents(db, choice), values, { untagged, terms: [{ kind: term, slugs: [term.slug] }] }))).rows;
}
function pastLines(live: LiveQuery, v: StandIns<PageValues>, shared: SharedLive<'events', 'e'> | undefined, db: Kysely<Database>) {
  // Past single events, newest first: the listing index read backwards from today, stopped at the page's end;
  // related events' (shared tags alone) from each tag's links (endedFromLinks).
  const linked = linkedBySharing(shared);
  const ended = linked
    ? fromEachTermsLinks(db, linked, (kind, slug) => endedFromLinks(linked.untagged, kind, slug, v))
    : singles(live)
        .select(['e.id', sql<string | null>`null`.as('recurrence_date'), 'e.start_date', lastDay.as('last_day')])
        .where(lastDay, '<', v.today)
        // Implied by the line above; it lets the listing index give the events in order of their start.
        .where('e.start_date', '<', v.today)
        .orderBy('e.start_date', 'desc')
        .orderBy(lastDay, 'asc')
        .orderBy('e.id', 'asc')
        .limit(v.take);
  // The past sessions, newest first, cut to the page's end likewise.
  const sessions = sessionLines(live, v, 'desc').where('s.last_day', '<', v.today).where('s.start_date', '<', v.today);
  return db
    .selectFrom(sessions.as('sessions'))
    .selectAll()
    .unionAll((eb) => eb.selectFrom(ended.as('ended')).selectAll())
    .orderBy(sql.ref('start_date'), 'desc')
    .orderBy(sql.ref('last_day'), 'asc')
    .orderBy(sql.ref('id'), 'asc')
    .orderBy(sql.ref('recurrence_date'), 'asc')
    .limit(v.limit)
    .offset(v.offset);
}
const pastPage = rows.keptOnLive<PageValues, Entry>(pastLines, liveEvents, PAGE_WRITTEN);

type SinglesPageValues = { today: string; limit: number; offset: number };
/**
 * The past lines when none of them is a session (the listing's counts say
 * so): single events alone, read in the listing's order from the listing
 * order index, which holds all a line needs (events_listing_order_idx), and
 * cut there. Merged with the sessions, every line before the page was read
 * from the events' rows and sorted twice: the last of 2,500 pages took
 * 107 ms at 100,000 items.
 */
function pastSingleLines(live: LiveQuery, v: StandIns<SinglesPageValues>) {
  return singles(live)
    .select(['e.id', sql<string | null>`null`.as('recurrence_date')])
    .where(lastDayIndexed, '<', v.today)
    .where('e.start_date', '<', v.today)
    .orderBy('e.start_date', 'desc')
    .orderBy(lastDayIndexed, 'asc')
    .orderBy('e.id', 'asc')
    .limit(v.limit)
    .offset(v.offset);
}
const pastSinglesOnly = rows.keptOnLive<SinglesPageValues, Entry>(pastSingleLines, liveEvents, ['limit', 'offset']);

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
 * Without `withSessions` (none of the past lines is a session of a
 * recurring event) the single events alone are read.
 */
export async function listPast(db: Db, choice: TextChoice, today: string, limit: number, offset = 0, withSessions = true): Promise<EventListRow[]> {
  // A term's page: its ended single events from its links, as an item's related events are found.
  const found = withSessions
    ? await pastPage(db, oneTagAsShared(choice), { ...sessionBounds(choice), today, limit, offset, take: offset + limit })
    : await pastSinglesOnly(db, choice, { today, limit, offset });
  const entries = entriesOf(found);
  return listEntryRows(db, choice, entries);
}

/**
 * Events under the choice (related events: those sharing an item's tags),
 * upcoming ones first, soonest first, then past ones, newest first; `limit`
 * in all, one line per event (its first line in that order). The lines are
 * read as listUpcoming and listPast read them, a page at a time, each page
 * twice the last, until `limit` events are found; then the rows of all of
 * them in one statement.
 */
export async function listUpcomingThenPast(db: Db, choice: TextChoice, today: string, limit: number): Promise<EventListRow[]> {
  const found = new Map<number, Entry>();
  const values = (offset: number, size: number): PageValues => ({ ...sessionBounds(choice), today, limit: size, offset, take: offset + size });
  // Related events (shared tags alone) read the first page of each part in one statement: most items' are found there.
  const firstPages = termOf(choice) === undefined && choice.filters?.sharing !== undefined ? await firstPagesOfRelated(db, choice, values(0, limit)) : undefined;
  for (const [part, page] of [upcomingPage, pastPage].entries()) {
    for (let offset = 0, size = limit; found.size < limit; offset += size, size *= 2) {
      const read = offset === 0 && firstPages ? firstPages.filter((line) => Number(line.part) === part) : await page(db, choice, values(offset, size));
      const lines = entriesOf(read);
      for (const line of lines) if (found.size < limit && !found.has(line.id)) found.set(line.id, line);
      if (lines.length < size) break;
    }
  }
  return listEntryRows(db, choice, [...found.values()]);
}

/** The columns a listing line is picked by, from an event and from a session. */
const singleColumns = ['e.id', sql<string | null>`null`.as('recurrence_date'), 'e.start_date', lastDay.as('last_day')] as const;
const sessionColumns = ['e.id', 's.recurrence_date', 's.start_date', 's.last_day'] as const;

/**
 * The last day a session begun by `day` may have and still run on it: `day`
 * plus its event's span (events.span_days), since every session of an event
 * spans as many days as its first (sessions.ts), in each database's own date
 * arithmetic. With it the sessions' index (event, last day) is read from a
 * day to that day, a session or two, where a lower bound alone, the first
 * days not being in the index's order, left every later session to be read:
 * a weekly event keeps a hundred.
 */
function lastDayOfSessionBegunBy(db: Kysely<Database>, day: string | Expression<string>): Expression<string> {
  return db.getExecutor().adapter instanceof PostgresAdapter
    ? sql<string>`to_char(cast(cast(${day} as date) + e.span_days as timestamp), 'YYYY-MM-DD')`
    : sql<string>`date(${day}, '+' || e.span_days || ' days')`;
}

/** Published events and sessions running on `today` (started on or before it, not yet ended). */
export async function listHappeningOn(db: Db, choice: TextChoice, today: string, limit: number): Promise<EventListRow[]> {
  const live = liveEvents(db, choice);
  // The sessions running today within the year filter's days: touching both them and today, in one
  // bound of each (given two lower bounds on the last day, SQLite reads the index from either).
  const year = choice.filters?.year;
  const days = year === undefined ? undefined : yearBounds(year);
  const touching = days
    ? { from: compareDates(days.from, today) > 0 ? days.from : today, to: compareDates(days.to, today) < 0 ? days.to : today }
    : { from: today, to: today };
  // The single events begun since the longest span of one before today (runningFromSpan): a range
  // of first days whose length follows that span, not the number of events still to come.
  const found = await singles(live)
    .select([...singleColumns])
    .where('e.start_date', '>=', runningFromSpan(db as Kysely<Database>, today))
    .where('e.start_date', '<=', today)
    .where(lastDay, '>=', today)
    .unionAll(
      sessionsOf(live, touching)
        .select([...sessionColumns])
        .where('s.last_day', '<=', lastDayOfSessionBegunBy(db as Kysely<Database>, today)),
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
  // The sessions within the year filter's days that end from today on (as every one starting later
  // does): one lower bound on their last day, which SQLite reads the index from.
  const year = choice.filters?.year;
  const days = year === undefined ? undefined : yearBounds(year);
  const bounds = days ? { from: compareDates(days.from, today) > 0 ? days.from : today, to: days.to } : { from: today, to: '9999-12-31' };
  // The first `limit` sessions of each event are all any event may give: bounded by the last day of
  // its `limit`-th (its sessions all span as many days, so their last days come in the order of their
  // first), each event's sessions are a range of the sessions' index of about `limit` entries, where
  // "starting after today" alone read every session still to come.
  const lastOfFirst = sql<string>`coalesce((select x.last_day from event_sessions as x
    where x.event_id = e.id and x.last_day >= ${bounds.from} and x.start_date > ${today} and x.start_date <= ${bounds.to}
    order by x.last_day limit 1 offset ${Math.max(limit - 1, 0)}), '9999-12-31')`;
  const found = await singles(live)
    .select([...singleColumns])
    .where('e.start_date', '>', today)
    .unionAll(sessionsUpTo(db as Kysely<Database>, live, bounds, lastOfFirst).select([...sessionColumns]).where('s.start_date', '>', today))
    .orderBy(sql.ref('start_date'), 'asc')
    .orderBy(sql.ref('last_day'), 'asc')
    .orderBy(sql.ref('id'), 'asc')
    .orderBy(sql.ref('recurrence_date'), 'asc')
    .limit(limit)
    .execute();
  return listEntryRows(db, choice, entriesOf(found));
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

/** Upcoming lines (events and sessions) that start before `date` (to number a month group continued from an earlier page). */
export async function countUpcomingStartingBefore(db: Db, choice: TextChoice, today: string, date: string): Promise<number> {
  const live = liveEvents(db, choice);
  const [events, sessions] = await Promise.all([
    rows.count(singles(live).where(lastDayIndexed, '>=', today).where('e.start_date', '<', date)),
    rows.count(sessionsOf(live, sessionBounds(choice)).where('s.last_day', '>=', today).where('s.start_date', '<', date)),
  ]);
  return events + sessions;
}

/**
 * Past lines that start on or after `date` (the same, for the newest-first
 * list). The single events are counted by the last day's column, which the
 * listing order index holds: a deep page counts nearly every past event, and
 * by the expression each one's row was read (48 ms for the last of 2,500
 * pages at 100,000 items on SQLite, 3.4 ms from the index alone).
 */
export async function countPastStartingFrom(db: Db, choice: TextChoice, today: string, date: string): Promise<number> {
  const live = liveEvents(db, choice);
  const [events, sessions] = await Promise.all([
    rows.count(singles(live).where(lastDayIndexed, '<', today).where('e.start_date', '>=', date)),
    rows.count(sessionsOf(live, sessionBounds(choice)).where('s.last_day', '<', today).where('s.start_date', '>=', date)),
  ]);
  return events + sessions;
}

// The events listing's own statements: the year choices with the counts in one, and a page of
// past single events with its rows in one. Each is kept compiled per language and setting when
// the listing has no filters (db/kept-query.ts).

/** A Date standing for an instant bound anew on each run of a kept query (the live rule writes it through toISOString). */
function instantStandIn(text: string): Date {
  return Object.assign(new Date(0), { toISOString: () => text });
}

/**
 * The live events a listing statement reads: every live one, for the bounds of the year choices
 * (the listing index alone answers them); those the site shows in the page's language, for the
 * year choices; and those the listing's filters choose, for its counts and lines.
 */
interface ListingLives {
  every: () => LiveQuery;
  shown: () => LiveQuery;
  chosen: () => LiveQuery;
  /** Whether `chosen` is every live event (content's choosesAll): the kept count of live events then counts them. */
  all: boolean;
}

/** Whether a choice narrows the events by anything but the setting on untranslated ones. */
function filtersSome(choice: TextChoice): boolean {
  return Object.values(choice.filters ?? {}).some((value) => value !== undefined);
}

/**
 * A listing statement, `build` given the lives and values: kept compiled per language, setting
 * and `variant` without filters, built anew with them (as content's keptOnLive does).
 */
function keptOnChoice<V extends Record<string, string | number>, R>(build: (db: Kysely<Database>, lives: ListingLives, values: StandIns<V & { now: string }>, variant: string) => Compilable<R>) {
  const kept = keptQuery<V & { now: string }, string, R>((kdb, v, shape) => {
    const [lang, setting, variant] = shape.split(' ') as [LangCode, string, string];
    const now = instantStandIn(v.now);
    const omitUntranslated = setting === 'omit';
    const shown = () => rows.live(kdb, { lang, now, omitUntranslated });
    const every = () => rows.live(kdb, { lang, now, omitUntranslated: false });
    return build(kdb, { every, shown, chosen: shown, all: choosesAll({ lang, now, omitUntranslated }) }, v, variant);
  });
  return async (db: Db, choice: TextChoice, values: V, variant: string): Promise<R[]> => {
    const now = choice.now.toISOString();
    if (filtersSome(choice)) {
      const lives: ListingLives = {
        every: () => liveEvents(db, { ...choice, omitUntranslated: false, filters: undefined }),
        shown: () => liveEvents(db, { ...choice, filters: undefined }),
        chosen: () => liveEvents(db, choice),
        all: false,
      };
      return (await db.executeQuery(build(db, lives, { ...values, now } as StandIns<V & { now: string }>, variant).compile())).rows;
    }
    return (await kept(db, `${choice.lang} ${choice.omitUntranslated ? 'omit' : 'show'} ${variant}`, { ...values, now } as V & { now: string })).rows;
  };
}

/** How many lines a listing has, as the counting statement's columns (Postgres gives counts as strings). */
interface CountColumns {
  upcoming_all: number | string | null;
  upcoming_recurring: number | string | null;
  upcoming_sessions: number | string | null;
  published: number | string | null;
  scheduled: number | string | null;
  recurring: number | string | null;
  sessions: number | string | null;
  past_singles: number | string | null;
  past_sessions: number | string | null;
  year: number | string | null;
  /** 1 when every live event is chosen: the past are then worked out from the kept count. */
  chose_all: number | string;
}

type CountValues = EntryValues & { today: string };

/**
 * The counts of countUpcomingAndPast as one row of scalar subqueries, each
 * as before an index range or a kept count, and with the variant 'years' the
 * year choices as further rows (listEventYears). Upcoming single events are
 * every upcoming event (the last-day index's range, its entries alone) less
 * the recurring ones (events_recurring_idx, the last day as the expression so
 * that this index is the one read). With every live event chosen, the past
 * are the live ones (the count the database keeps, item_counts, less those
 * published for a later time, as content's countLive) with the recurring
 * ones' sessions in their place, less the upcoming; otherwise they are
 * counted.
 */
const countsAndYears = keptOnChoice<CountValues, CountColumns>((db, lives, v, variant) => {
  const n = sql<number | string>`count(*)`.as('n');
  const none = sql<null>`null`;
  const chosen = lives.chosen;
  const upcomingAll = lives.all ? keptUpcomingCount(db, v) : chosen().where(lastDayIndexed, '>=', v.today).select(n);
  const upcomingRecurring = chosen().where('e.recurrence_rule', 'is not', null).where(lastDay, '>=', v.today).select(n);
  const upcomingSessions = sessionsOf(chosen(), v).where('s.last_day', '>=', v.today).select(n);
  const counts = lives.all
    ? {
        published: db.selectFrom('item_counts').select('n').where('kind', '=', 'event').where('status', '=', 'published'),
        scheduled: db.selectFrom('events').where('status', '=', 'published').where('publish_at', '>', v.now).select(n),
        recurring: chosen().where('e.recurrence_rule', 'is not', null).select(n),
        sessions: sessionsOf(chosen(), v).select(n),
      }
    : {
        pastSingles: singles(chosen()).where(lastDay, '<', v.today).where('e.start_date', '<', v.today).select(n),
        pastSessions: sessionsOf(chosen(), v).where('s.last_day', '<', v.today).where('s.start_date', '<', v.today).select(n),
      };
  const columns = sql`${upcomingAll} as upcoming_all, ${upcomingRecurring} as upcoming_recurring, ${upcomingSessions} as upcoming_sessions,
    ${'published' in counts ? counts.published : none} as published, ${'scheduled' in counts ? counts.scheduled : none} as scheduled,
    ${'recurring' in counts ? counts.recurring : none} as recurring, ${'sessions' in counts ? counts.sessions : none} as sessions,
    ${'pastSingles' in counts ? counts.pastSingles : none} as past_singles, ${'pastSessions' in counts ? counts.pastSessions : none} as past_sessions,
    ${sql.lit(lives.all ? 1 : 0)} as chose_all`;
  if (variant !== 'years') return compiled(db, sql<CountColumns>`select ${columns}, null as year`);
  return withYears(db, lives, columns);
});

/**
 * Every live event still running on or after `today` (recurring ones
 * included, as countsAndYears counts them), from the counts the database
 * keeps of published events by last day (event_last_day_counts, migration
 * 2026-12-06T1030): the months after today's month and the days of its
 * month from today on, less those published for a later time (an index
 * range of the few scheduled, as content's countLive). For a choice of
 * every live event alone: other choices are counted.
 */
function keptUpcomingCount(db: Kysely<Database>, v: StandIns<CountValues & { now: string }>) {
  const month = sql<string>`substr(${v.today}, 1, 7)`;
  const laterMonths = sql`(select coalesce(sum(c.n), 0) from event_last_day_counts as c where c.grain = 'month' and c.period > ${month})`;
  const restOfMonth = sql`(select coalesce(sum(c.n), 0) from event_last_day_counts as c where c.grain = 'day' and c.period >= ${v.today} and c.period <= (${month} || '-31'))`;
  const scheduled = db.selectFrom('events as x').where('x.status', '=', 'published').where('x.publish_at', '>', v.now).where(lastDayColumn('x'), '>=', v.today).select(sql<number | string>`count(*)`.as('n'));
  return sql<number | string>`(${laterMonths} + ${restOfMonth} - ${scheduled})`;
}

/**
 * The year choices alone, as countsAndYears gives them, its counts left
 * out: one term's events are counted from the term's kept counts
 * (countTermLines).
 */
const yearsAlone = keptOnChoice<Record<string, never>, CountColumns>((db, lives) =>
  withYears(
    db,
    lives,
    sql`null as upcoming_all, null as upcoming_recurring, null as upcoming_sessions, null as published, null as scheduled,
      null as recurring, null as sessions, null as past_singles, null as past_sessions, 0 as chose_all`,
  ),
);

/** The rows of the year choices (listEventYears), newest first, each with the one row of counts `columns`. */
function withYears(db: Kysely<Database>, lives: ListingLives, columns: RawBuilder<unknown>): Compilable<CountColumns> {

  // The year choices. The bounds: the earliest start and the latest last day of every live event
  // (the ends of the listing and last-day indexes) and of every session (the ends of its two
  // indexes), within the years dates may have. Each year between is then held when an event the
  // site shows runs in it (starts in it, or began before and runs into it) or one of their
  // sessions does: a look or three at the indexes per year, all in this one statement.
  const firstStart = lives.every().select('e.start_date').orderBy('e.start_date', 'asc').limit(1);
  const latestLastDay = lives.every().select(lastDayIndexed.as('last_day')).orderBy(lastDayIndexed, 'desc').limit(1);
  const firstSession = db.selectFrom('event_sessions').select('start_date').orderBy('start_date', 'asc').limit(1);
  const latestSession = db.selectFrom('event_sessions').select('last_day').orderBy('last_day', 'desc').limit(1);
  const year = sql<string>`cast(y.y as text)`;
  const [newYear, newYearsEve] = [sql<string>`${year} || '-01-01'`, sql<string>`${year} || '-12-31'`];
  const startsIn = lives.shown().select('e.id').where('e.start_date', '>=', newYear).where('e.start_date', '<=', newYearsEve).limit(1);
  // Begun before the year and still running on its first day: the last-day index's range, as
  // listHappeningOn reads the events running on a day.
  const runsInto = lives
    .shown()
    .select('e.id')
    .where(lastDayIndexed, '>=', newYear)
    .where((eb) => eb.not(eb('e.start_date', '>=', newYear)))
    .limit(1);
  const sessionIn = lives
    .shown()
    .where('e.recurrence_rule', 'is not', null)
    .innerJoin('event_sessions as s', 's.event_id', 'e.id')
    .where('s.start_date', '<=', newYearsEve)
    .where('s.last_day', '>=', newYear)
    // Begun by the year's end: the index's range for the year is then short, and empty for a year before the event.
    .where('s.last_day', '<=', lastDayOfSessionBegunBy(db, newYearsEve))
    .select('e.id')
    .limit(1);
  const held = sql<SqlBool>`y.y >= ${sql.lit(EARLIEST_YEAR)} and (exists ${startsIn} or exists ${runsInto} or exists ${sessionIn})`;
  return compiled(
    db,
    sql<CountColumns>`with recursive span (lo, hi) as (
        select cast(substr(min(d), 1, 4) as integer), cast(substr(max(d), 1, 4) as integer)
        from (select ${firstStart} as d union all select ${latestLastDay} union all select ${firstSession} union all select ${latestSession}) as bounds
      ),
      years (y) as (
        select case when hi > ${sql.lit(LATEST_YEAR)} then ${sql.lit(LATEST_YEAR)} else hi end from span where hi is not null
        union all
        select y - 1 from years, span where y > lo and y > ${sql.lit(EARLIEST_YEAR)}
      )
      select ${columns}, y.y as year from (select 1 as one) as o left join years as y on ${held}
      order by y.y desc`,
  );
}

/** A raw statement as a kept query's builder gives it. */
function compiled<R>(db: Kysely<Database>, query: RawBuilder<R>): Compilable<R> {
  return { compile: () => query.compile(db) };
}

/** What the listing counts: upcoming and past lines (a recurring event counting as its sessions). */
function countsOf(row: CountColumns | undefined): ListingCounts {
  const num = (value: number | string | null | undefined) => Number(value ?? 0);
  if (!row) return { upcoming: 0, past: 0, upcomingSessions: 0, pastSessions: 0 };
  const upcomingSessions = num(row.upcoming_sessions);
  const upcoming = num(row.upcoming_all) - num(row.upcoming_recurring) + upcomingSessions;
  if (Number(row.chose_all) === 1) {
    const live = num(row.published) - num(row.scheduled);
    return { upcoming, past: live - num(row.recurring) + num(row.sessions) - upcoming, upcomingSessions, pastSessions: num(row.sessions) - upcomingSessions };
  }
  return { upcoming, past: num(row.past_singles) + num(row.past_sessions), upcomingSessions, pastSessions: num(row.past_sessions) };
}

/** How many lines a listing has upcoming and past, and how many of each are sessions of recurring events. */
export interface ListingCounts {
  upcoming: number;
  past: number;
  upcomingSessions: number;
  pastSessions: number;
}

/**
 * How many lines of the chosen events are upcoming (still running on or
 * after `today`) and past, a recurring event counting as its sessions, in
 * one statement (countsAndYears).
 */
export async function countUpcomingAndPast(db: Db, choice: TextChoice, today: string): Promise<{ upcoming: number; past: number }> {
  const { upcoming, past } = (oneTermAlone(choice) ? await countTermLines(db, choice, today) : undefined) ?? countsOf((await countsAndYears(db, choice, { ...sessionBounds(choice), today }, 'counts'))[0]);
  return { upcoming, past };
}

/** What countTermLines reads besides the term's kept count, in one row. */
interface TermCountColumns {
  upcoming_all: number | string | null;
  upcoming_recurring: number | string | null;
  upcoming_sessions: number | string | null;
  recurring: number | string | null;
  sessions: number | string | null;
}

/**
 * One term's upcoming events (its published links' index range from today
 * on, live by their copies of the events' columns), and its recurring
 * events and their sessions, all and upcoming (events_recurring_idx, each
 * looked up in the term's links): one statement, kept compiled per kind of
 * term (shape 'topics' or 'programmes').
 */
const termLineCounts = keptQuery<CountValues & { slug: string; now: string }, 'topics' | 'programmes', TermCountColumns>((db, v, tags) => {
  const n = sql<number | string>`count(*)`.as('n');
  const term = termLinks(tags, v.slug);
  const choice: TextChoice = { lang: 'en', now: instantStandIn(v.now), omitUntranslated: false, filters: tags === 'topics' ? { topic: v.slug } : { programme: v.slug }, tagLookup: 'per item' };
  const upcomingAll = publishedLinks(db, term).where(isLive('tx', v.now)).where(sql.ref('tx.last_day'), '>=', v.today).select(n);
  const recurring = () => liveEvents(db, choice).where('e.recurrence_rule', 'is not', null);
  const upcomingRecurring = recurring().where(lastDay, '>=', v.today).select(n);
  const upcomingSessions = sessionsOf(liveEvents(db, choice), v).where('s.last_day', '>=', v.today).select(n);
  const sessions = sessionsOf(liveEvents(db, choice), v).select(n);
  return compiled(
    db,
    sql<TermCountColumns>`select ${upcomingAll} as upcoming_all, ${upcomingRecurring} as upcoming_recurring, ${upcomingSessions} as upcoming_sessions,
      ${recurring().select(n)} as recurring, ${sessions} as sessions`,
  );
});

/** Whether a choice is narrowed to one topic or one programme alone and shows every language's events: countTermLines counts it. */
function oneTermAlone(choice: TextChoice): boolean {
  return termOf(choice) !== undefined && Object.values(choice.filters ?? {}).filter((value) => value !== undefined).length === 1 && !(choice.omitUntranslated && choice.lang !== 'en');
}

/**
 * The lines of one topic's or one programme's events alone (content's
 * countLiveTagged says which choices), without counting its past events one
 * by one (every past event of the term, a number that grows with the
 * archive): they are the term's live events, which the database keeps
 * counted, with each recurring one's sessions in their place, less the
 * upcoming lines. Those are the term's upcoming events, a range of its
 * links' index, less the recurring ones, plus the recurring ones' sessions
 * still to come; recurring events are few and found by their own index.
 * Undefined for any other choice.
 */
async function countTermLines(db: Db, choice: TextChoice, today: string): Promise<ListingCounts | undefined> {
  const term = termOf(choice);
  if (term === undefined) return undefined;
  const [live, counted] = await Promise.all([
    rows.countLiveTagged(db as Kysely<Database>, choice),
    termLineCounts(db as Kysely<Database>, term.terms, { ...sessionBounds(choice), today, slug: term.slug, now: choice.now.toISOString() }),
  ]);
  const row = counted.rows[0];
  if (live === undefined || row === undefined) return undefined;
  const num = (value: number | string | null) => Number(value ?? 0);
  const upcomingSessions = num(row.upcoming_sessions);
  const upcoming = num(row.upcoming_all) - num(row.upcoming_recurring) + upcomingSessions;
  const sessions = num(row.sessions);
  return { upcoming, past: live - num(row.recurring) + sessions - upcoming, upcomingSessions, pastSessions: sessions - upcomingSessions };
}

/**
 * countUpcomingAndPast, and the years the events the site shows run in (an
 * event across New Year in both; the choices of the listing's year filter,
 * which its filters do not narrow), newest first: one statement.
 */
export async function countEventsWithYears(db: Db, choice: TextChoice, today: string): Promise<{ counts: ListingCounts; years: number[] }> {
  const yearsOf = (found: CountColumns[]) => found.flatMap((row) => (row.year === null ? [] : [Number(row.year)]));
  // One term's events alone: its counts from the term's kept counts, the years (which the filters do not narrow) as without filters.
  if (oneTermAlone(choice)) {
    const [counts, found] = await Promise.all([countTermLines(db, choice, today), yearsAlone(db, { ...choice, filters: undefined }, {}, 'years')]);
    if (counts !== undefined) return { counts, years: yearsOf(found) };
  }
  const found = await countsAndYears(db, choice, { ...sessionBounds(choice), today }, 'years');
  return { counts: countsOf(found[0]), years: yearsOf(found) };
}

/** The years visitors' events run in, newest first (countEventsWithYears). */
export async function listEventYears(db: Db, choice: TextChoice): Promise<number[]> {
  return (await countEventsWithYears(db, { ...choice, filters: undefined }, '0000-01-01')).years;
}

/**
 * Which lines of the listing a page shows: so many upcoming ones from an
 * offset, and so many past ones; and whether the past ones it may show
 * include sessions of recurring events (ListingCounts.pastSessions).
 */
export interface ListingWindow {
  upcomingOffset: number;
  upcomingTake: number;
  pastOffset: number;
  pastTake: number;
  pastSessions: boolean;
}

type WindowValues = { today: string };

/**
 * A page of past single events with their rows, in one statement: read in
 * order from the listing index with their text and cut to the page there. For
 * the first page of a listing with no upcoming line and no session among its
 * past ones (every live event a single one, as on a site without recurring
 * events); with an offset, every skipped line would be joined to its text
 * first (at 50,000 events a page 1,000 pages in took 220 ms this way, against
 * 24 ms reading the lines from the index alone and then the page's rows).
 * Lines merged with sessions are read as listUpcoming and listPast read them:
 * joining their merged lines to the rows in the same statement led SQLite to
 * read every upcoming event's row (440 ms at 50,000 events).
 * The number of rows is written into the statement (kept per language and
 * number, `en:20`): with the limit bound as a parameter SQLite ran the same
 * plan a third slower on the sample content.
 */
const pastSinglesPage = keptOnChoice<WindowValues, EventListRow>((db, lives, v, variant) => {
  const [lang, rowCount] = variant.split(':') as [LangCode, string];
  const english = singles(lives.chosen()).innerJoin('event_translations as te', (j) => j.onRef('te.event_id', '=', 'e.id').on('te.lang', '=', 'en'));
  // In English the English text is the one shown (content's joinTexts): no second join.
  const withTexts =
    lang === 'en'
      ? english
      : english.leftJoin('event_translations as tl', (j) => j.onRef('tl.event_id', '=', 'e.id').on('tl.lang', '=', lang).on('tl.status', 'in', shownTranslationStatuses(lang)));
  // In order by the last day's column, not its expression: the listing order index holds it (events_listing_order_idx).
  return listColumns(withTexts as unknown as LiveQuery, lang)
    .where(lastDayIndexed, '<', v.today)
    .where('e.start_date', '<', v.today)
    .orderBy('e.start_date', 'desc')
    .orderBy(lastDayIndexed, 'asc')
    .orderBy('e.id', 'asc')
    .limit(sql.lit(Number(rowCount)));
});

/**
 * The rows of one page of the events listing: `window.upcomingTake` upcoming
 * lines from `window.upcomingOffset` (as listUpcoming) and `window.pastTake`
 * past ones from `window.pastOffset` (as listPast); a first page of past
 * single events alone in one statement (pastSinglesPage).
 */
export async function listListingWindow(db: Db, choice: TextChoice, today: string, window: ListingWindow): Promise<{ upcoming: EventListRow[]; past: EventListRow[] }> {
  const { upcomingOffset, upcomingTake, pastOffset, pastTake } = window;
  // From the first past line only: skipped lines would be joined to their texts before the offset drops them.
  if (upcomingTake === 0 && pastOffset === 0 && pastTake > 0 && !window.pastSessions) {
    const past = await pastSinglesPage(db, choice, { today }, `${choice.lang}:${pastTake}`);
    return { upcoming: [], past: past.map((row) => ({ ...row, id: Number(row.id) })) };
  }
  const [upcoming, past] = await Promise.all([
    upcomingTake > 0 ? listUpcoming(db, choice, today, upcomingTake, upcomingOffset) : Promise.resolve([]),
    pastTake > 0 ? listPast(db, choice, today, pastTake, pastOffset, window.pastSessions) : Promise.resolve([]),
  ]);
  return { upcoming, past };
}
