/**
 * The API's queries, written once for both kinds over their tables (as
 * content's editing queries are): the items visitors may see now (content's
 * `isLive`), narrowed by the listing's filters, a page at a time by keyset
 * (after the last item's date and id, never by OFFSET), then the shown text
 * of the page's few items (content's `shownColumn`), their slugs in every
 * language and their tags.
 */
import { sql, type Expression, type ExpressionBuilder, type Kysely, type Selectable, type SelectQueryBuilder, type SqlBool, type Transaction } from 'kysely';
import type { ContentKind, Database, LangCode } from '../../db/schema.js';
import { lastDayColumn, lastDayOfDates } from '../../shared/dates/day-range.js';
import { isLive, shownColumn, shownSlug, shownTranslationStatuses, slugRedirects } from '../content/index.js';
import { LANGS } from '../i18n/index.js';
import type { Position } from './cursor.js';

type Db = Kysely<Database> | Transaction<Database>;

// The table names come from the kind, so the query builder cannot check the
// columns against one table's type: the queries below use the columns both
// kinds' tables share, and each kind names its own through KindTables.
type AnyRow = Record<string, unknown>;
type LooseDb = Kysely<Record<string, AnyRow>>;
const loose = (db: Db): LooseDb => db as unknown as LooseDb;

/** Alias of the items' table in every query here. */
const X = 'x';

/** What the API needs to know of a kind's tables. */
export interface KindTables {
  kind: ContentKind;
  items: 'events' | 'articles';
  texts: 'event_translations' | 'article_translations';
  /** The column of the texts and tag tables that holds the item's id. */
  fk: 'event_id' | 'article_id';
  topics: 'event_topics' | 'article_topics';
  programmes: 'event_programmes' | 'article_programmes';
  /** The date listings sort by. */
  date: 'start_date' | 'published_on';
  /** The first and last day an item runs (an article: its date). */
  firstDay: Expression<string>;
  lastDay: Expression<string>;
  /** The last day as an indexed column, for "still running on or after a day" (shared/dates/day-range.ts). */
  lastDayIndexed: Expression<string>;
  /** Text columns of the kind's translations, besides title and slug. */
  textColumns: readonly string[];
}

export const EVENT_TABLES: KindTables = {
  kind: 'event',
  items: 'events',
  texts: 'event_translations',
  fk: 'event_id',
  topics: 'event_topics',
  programmes: 'event_programmes',
  date: 'start_date',
  firstDay: sql.ref<string>(`${X}.start_date`),
  lastDay: lastDayOfDates(X),
  lastDayIndexed: lastDayColumn(X),
  textColumns: ['summary', 'description', 'description_html', 'venue', 'city'],
};

export const ARTICLE_TABLES: KindTables = {
  kind: 'article',
  items: 'articles',
  texts: 'article_translations',
  fk: 'article_id',
  topics: 'article_topics',
  programmes: 'article_programmes',
  date: 'published_on',
  firstDay: sql.ref<string>(`${X}.published_on`),
  lastDay: sql.ref<string>(`${X}.published_on`),
  lastDayIndexed: sql.ref<string>(`${X}.published_on`),
  textColumns: ['summary', 'body', 'body_html', 'hero_alt', 'byline_role', 'byline_organisation'],
};

/** Who is asking: the language, the instant (what is live) and the office's date (what is upcoming). */
export interface Scope {
  lang: LangCode;
  now: Date;
  today: string;
  /** Leave out items whose text in `lang` is not published (the site's 'omit' setting), as the listings do. */
  omitUntranslated: boolean;
}

/** A listing's filters, every one given must hold; topics and programmes by slug. */
export interface ListFilters {
  year?: number | undefined;
  topic?: string | undefined;
  programme?: string | undefined;
  /** Days (YYYY-MM-DD): items running on or after `from`, on or before `to`. */
  from?: string | undefined;
  to?: string | undefined;
  when?: 'upcoming' | 'past' | undefined;
  /** An instant as stored (ISO-8601 UTC): items changed at or after it. */
  updatedSince?: string | undefined;
  /** Columns of the item that must equal a value (an event's type). */
  equals?: Readonly<Record<string, string>> | undefined;
}

const yearStart = (year: number) => `${String(year).padStart(4, '0')}-01-01`;
const yearEnd = (year: number) => `${String(year).padStart(4, '0')}-12-31`;

/** The ids of the items tagged with the term of this slug, for `id in (…)`: the term's links read once, by the term's index. */
function tagged(db: Db, t: KindTables, kind: 'topics' | 'programmes', slug: string) {
  const [link, terms, termFk] = kind === 'topics' ? [t.topics, 'topics', 'topic_id'] : [t.programmes, 'programmes', 'programme_id'];
  return loose(db)
    .selectFrom(`${link} as fl`)
    .innerJoin(`${terms} as ft`, 'ft.id', `fl.${termFk}`)
    .select(`fl.${t.fk}`)
    .where('ft.slug', '=', slug);
}

type AnyEb = ExpressionBuilder<Record<string, AnyRow>, string>;
type SessionsQuery = SelectQueryBuilder<Record<string, AnyRow>, string, { event_id: unknown }>;

/** The days a recurring event's sessions are given for: those touching `from`..`to`, ending before `before`. */
export interface SessionWindow {
  from?: string | undefined;
  to?: string | undefined;
  before?: string | undefined;
}

/** The listed sessions of these recurring events within the window, by event, in order of their dates. */
export async function readSessions(db: Db, ids: readonly number[], w: SessionWindow): Promise<Map<number, Selectable<Database['event_sessions']>[]>> {
  const byEvent = new Map<number, Selectable<Database['event_sessions']>[]>();
  if (ids.length === 0) return byEvent;
  let query = db.selectFrom('event_sessions').selectAll().where('event_id', 'in', [...ids]);
  if (w.from !== undefined) query = query.where('last_day', '>=', w.from);
  if (w.to !== undefined) query = query.where('start_date', '<=', w.to);
  if (w.before !== undefined) query = query.where('last_day', '<', w.before).where('start_date', '<', w.before);
  for (const row of await query.orderBy('event_id').orderBy('start_date').orderBy('starts_at').orderBy('recurrence_date').execute()) {
    const id = Number(row.event_id);
    byEvent.set(id, [...(byEvent.get(id) ?? []), row]);
  }
  return byEvent;
}

/** The items visitors may see now, narrowed by the filters: the live rule, then each filter. */
function liveItems(db: Db, t: KindTables, scope: Scope, f: ListFilters) {
  let query = loose(db).selectFrom(`${t.items} as ${X}`).where(isLive(X, scope.now));
  if (scope.omitUntranslated && scope.lang !== 'en') {
    const lang = scope.lang;
    query = query.where(({ exists, selectFrom }) =>
      exists(selectFrom(`${t.texts} as tx`).select(`tx.${t.fk}`).whereRef(`tx.${t.fk}`, '=', `${X}.id`).where('tx.lang', '=', lang).where('tx.status', '=', 'published')),
    );
  }
  // A recurring event runs on its sessions' days (event_sessions, where single events have no rows):
  // it is in a window when one of its sessions is, found by an index of the sessions.
  const orSession = (own: (eb: AnyEb) => Expression<SqlBool>, session: (q: SessionsQuery) => SessionsQuery) =>
    t.kind === 'event'
      ? (eb: AnyEb) => eb.or([own(eb), eb(`${X}.id`, 'in', session(eb.selectFrom('event_sessions as s').select('s.event_id')))])
      : own;
  if (f.year !== undefined) {
    const [from, to] = [yearStart(f.year), yearEnd(f.year)];
    query = query.where(orSession((eb) => eb.and([eb(t.firstDay, '<=', to), eb(t.lastDay, '>=', from)]), (s) => s.where('s.start_date', '<=', to).where('s.last_day', '>=', from)));
  }
  if (f.from !== undefined) {
    const from = f.from;
    query = query.where(orSession((eb) => eb(t.lastDay, '>=', from), (s) => s.where('s.last_day', '>=', from)));
  }
  if (f.to !== undefined) query = query.where(t.firstDay, '<=', f.to);
  // As the site's listings: upcoming until the end of its last day in the office's time zone.
  const today = scope.today;
  if (f.when === 'upcoming') query = query.where(orSession((eb) => eb(t.lastDayIndexed, '>=', today), (s) => s.where('s.last_day', '>=', today)));
  if (f.when === 'past') {
    query = query.where(
      orSession(
        (eb) => eb.and([eb(t.lastDay, '<', today), eb(t.firstDay, '<', today)]),
        (s) => s.where('s.last_day', '<', today).where('s.start_date', '<', today),
      ),
    );
  }
  if (f.updatedSince !== undefined) query = query.where(`${X}.updated_at`, '>=', f.updatedSince);
  for (const [column, value] of Object.entries(f.equals ?? {})) query = query.where(`${X}.${column}`, '=', value);
  const { topic, programme } = f;
  if (topic !== undefined) query = query.where(`${X}.id`, 'in', tagged(db, t, 'topics', topic));
  if (programme !== undefined) query = query.where(`${X}.id`, 'in', tagged(db, t, 'programmes', programme));
  return query;
}

/**
 * The positions of one page of live items in order of their date, then id
 * (both ascending or both descending), starting after `after`: `limit` + 1
 * of them at most, the one more telling whether there is a next page.
 *
 * Narrowed by a topic or a programme, the page is read from that term's
 * links, which keep copies of their items' status and date (migrations
 * 2026-12-05T1015 and 2026-12-09T0900), in date order, each item then read
 * by id: a page costs about its own items however few of the archive's
 * are the term's. Read from the items' side in date order, each checked
 * against the term, a topic with one event among 50,000 took 140 ms on
 * SQLite and 100 ms on PostgreSQL.
 */
export async function pickPage(
  db: Db,
  t: KindTables,
  scope: Scope,
  filters: ListFilters,
  direction: 'asc' | 'desc',
  after: Position | undefined,
  limit: number,
): Promise<Position[]> {
  const term = filters.topic !== undefined ? termLinks(t, 'topics', filters.topic) : filters.programme !== undefined ? termLinks(t, 'programmes', filters.programme) : undefined;
  let query = liveItems(db, t, scope, term === undefined ? filters : { ...filters, [term.kind === 'topics' ? 'topic' : 'programme']: undefined });
  let [date, id] = [`${X}.${t.date}`, `${X}.id`];
  if (term !== undefined) {
    query = query
      .innerJoin(`${term.links} as tl`, `tl.${t.fk}`, `${X}.id`)
      .where(`tl.${term.termId}`, '=', sql<number>`(select lt.id from ${sql.table(term.terms)} as lt where lt.slug = ${term.slug})`)
      .where('tl.status', '=', 'published');
    [date, id] = [`tl.${t.date}`, `tl.${t.fk}`];
  }
  const beyond = direction === 'asc' ? '>' : '<';
  if (after) {
    query = query.where((eb) => eb.or([eb(date, beyond, after.date), eb.and([eb(date, '=', after.date), eb(id, beyond, after.id)])]));
  }
  const rows = await query
    .select([sql<string>`${sql.ref(date)}`.as('date'), sql<number>`${sql.ref(id)}`.as('id')])
    .orderBy(date, direction)
    .orderBy(id, direction)
    .limit(limit + 1)
    .execute();
  return rows.map((row) => ({ date: String(row.date), id: Number(row.id) }));
}

/** A term's link table for the kind, the term's table and its column there, and the term's slug. */
function termLinks(t: KindTables, kind: 'topics' | 'programmes', slug: string) {
  return kind === 'topics'
    ? { kind, links: t.topics, terms: 'topics', termId: 'topic_id', slug }
    : { kind, links: t.programmes, terms: 'programmes', termId: 'programme_id', slug };
}

/** One item's row as the API reads it: every column of the item, and its shown text as `text_*`. */
export type ItemRow = AnyRow & { id: number; text_title: string; text_lang: LangCode };

/**
 * The rows of these live items, in this order, with the text a visitor in
 * `lang` reads: the translation once published, else English (`text_lang`).
 */
export async function readItems(db: Db, t: KindTables, lang: LangCode, ids: readonly number[]): Promise<ItemRow[]> {
  if (ids.length === 0) return [];
  const shown = shownTranslationStatuses(lang);
  const rows = await loose(db)
    .selectFrom(`${t.items} as ${X}`)
    .innerJoin(`${t.texts} as te`, (j) => j.onRef(`te.${t.fk}`, '=', `${X}.id`).on('te.lang', '=', 'en'))
    .leftJoin(`${t.texts} as tl`, (j) => j.onRef(`tl.${t.fk}`, '=', `${X}.id`).on('tl.lang', '=', lang).on('tl.status', 'in', shown))
    .where(`${X}.id`, 'in', [...ids])
    .selectAll(X)
    .select([
      shownColumn<string>('title').as('text_title'),
      ...t.textColumns.map((column) => shownColumn<string | null>(column).as(`text_${column}`)),
      sql<LangCode>`case when tl.title is null then 'en' else tl.lang end`.as('text_lang'),
    ])
    .execute();
  const byId = new Map(rows.map((row) => [Number(row.id), { ...row, id: Number(row.id) } as ItemRow]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** Each item's slug in each language, as its pages use them: the published translation's, else the English one. */
export async function readSlugs(db: Db, t: KindTables, ids: readonly number[], langs: readonly LangCode[]): Promise<Map<number, Record<LangCode, string>>> {
  const slugs = new Map<number, Record<LangCode, string>>();
  if (ids.length === 0) return slugs;
  const rows = await loose(db)
    .selectFrom(`${t.items} as ${X}`)
    .innerJoin(`${t.texts} as tx`, `tx.${t.fk}`, `${X}.id`)
    .where(`${X}.id`, 'in', [...ids])
    .select([`${X}.id as id`, `${X}.slug as item_slug`, 'tx.lang as lang', 'tx.slug as slug', 'tx.status as status'])
    .execute();
  for (const id of ids) {
    const own = rows.filter((row) => Number(row.id) === id);
    const english = own.find((row) => row.lang === 'en');
    const englishSlug = String(english?.slug ?? own[0]?.item_slug ?? '');
    const shown = (lang: LangCode) => own.find((row) => row.lang === lang && shownTranslationStatuses(lang).includes(row.status as never) && row.slug !== null);
    slugs.set(id, Object.fromEntries(langs.map((lang) => [lang, lang === 'en' ? englishSlug : String(shown(lang)?.slug ?? englishSlug)])) as Record<LangCode, string>);
  }
  return slugs;
}

/** A tag of an item: the term's slug and its name in the language asked for (English where untranslated). */
export interface TagRow {
  item: number;
  slug: string;
  name: string;
}

/** The topics or programmes of these items, by slug. */
export async function readTags(db: Db, t: KindTables, kind: 'topics' | 'programmes', ids: readonly number[], lang: LangCode): Promise<TagRow[]> {
  if (ids.length === 0) return [];
  const [link, terms, texts, termFk] =
    kind === 'topics' ? [t.topics, 'topics', 'topic_translations', 'topic_id'] : [t.programmes, 'programmes', 'programme_translations', 'programme_id'];
  const rows = await loose(db)
    .selectFrom(`${link} as l`)
    .innerJoin(`${terms} as m`, 'm.id', `l.${termFk}`)
    .innerJoin(`${texts} as me`, (j) => j.onRef(`me.${termFk}`, '=', 'm.id').on('me.lang', '=', 'en'))
    .leftJoin(`${texts} as ml`, (j) => j.onRef(`ml.${termFk}`, '=', 'm.id').on('ml.lang', '=', lang))
    .where(`l.${t.fk}`, 'in', [...ids])
    .select([`l.${t.fk} as item`, 'm.slug as slug', sql<string>`coalesce(ml.name, me.name)`.as('name')])
    .orderBy('m.slug')
    .execute();
  return rows.map((row) => ({ item: Number(row.item), slug: String(row.slug), name: String(row.name) }));
}

/** The live item with this id, if any. */
export async function findLiveId(db: Db, t: KindTables, id: number, now: Date): Promise<number | undefined> {
  const row = await loose(db).selectFrom(`${t.items} as ${X}`).select(`${X}.id`).where(`${X}.id`, '=', id).where(isLive(X, now)).executeTakeFirst();
  return row ? Number(row.id) : undefined;
}

/**
 * The live item known by `slug`: its address in `lang` first (the shown
 * slug), then its slug in any language, then a former slug (in `lang`, then
 * any), as its pages find it.
 */
export async function findLiveIdBySlug(db: Db, t: KindTables, slug: string, lang: LangCode, now: Date): Promise<number | undefined> {
  const shown = shownTranslationStatuses(lang);
  const bySlug = await loose(db)
    .selectFrom(`${t.items} as ${X}`)
    .innerJoin(`${t.texts} as te`, (j) => j.onRef(`te.${t.fk}`, '=', `${X}.id`).on('te.lang', '=', 'en'))
    .leftJoin(`${t.texts} as tl`, (j) => j.onRef(`tl.${t.fk}`, '=', `${X}.id`).on('tl.lang', '=', lang).on('tl.status', 'in', shown))
    .where(isLive(X, now))
    // The translations' slug index finds the few candidates; the shown slug, computed, is preferred among them.
    // A text visitors may not read yet (a draft translation) lends the item no address.
    .where(
      `${X}.id`,
      'in',
      loose(db)
        .selectFrom(`${t.texts} as s`)
        .select(`s.${t.fk}`)
        .where('s.slug', '=', slug)
        .where((eb) => eb.or(LANGS.map((l) => eb.and([eb('s.lang', '=', l), eb('s.status', 'in', shownTranslationStatuses(l))])))),
    )
    .select(`${X}.id as id`)
    .orderBy(sql`case when ${shownSlug} = ${slug} then 0 else 1 end`)
    .orderBy(`${X}.id`)
    .executeTakeFirst();
  if (bySlug) return Number(bySlug.id);
  const former = (await slugRedirects.findRedirectTarget(db, t.kind, lang, slug)) ?? (await slugRedirects.findRedirectTargetInAnyLang(db, t.kind, slug));
  return former === undefined ? undefined : findLiveId(db, t, former, now);
}
