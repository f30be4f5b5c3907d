/**
 * Queries of the search module: reading items' text to index, storing
 * documents, and the search itself. The full-text match comes from the
 * database's SearchIndex; the rest is SQL both databases run alike.
 */
import { sql, type RawBuilder } from 'kysely';
import type { EventStatus, EventType, LangCode, PublicationStatus, SearchKind, TranslationStatus } from '../../db/schema.js';
import type { Db, DocumentText, IndexedText, SearchIndex, TermIds } from './search-index.js';
import { countLive, isLive } from '../content/index.js';
import { lastDay } from '../../shared/dates/day-range.js';
import type { FilterValues } from './filters.js';
import type { SearchQuery } from './search-text.js';

/** The text of one item in one language, ready to index, with what searches filter and sort it by. */
export interface ItemText extends IndexedText {
  kind: SearchKind;
  itemId: number;
  lang: LangCode;
  /** The item's publication status and scheduled time (the live rule's inputs). */
  status: PublicationStatus;
  publishAt: string | null;
  /** The status of this language's text. */
  textStatus: TranslationStatus;
  /** An event's first day, an article's publication date. */
  sortDate: string;
  /** The last day the item covers: an event's last day, an article's date. */
  lastDay: string;
  eventType: EventType | null;
}

/** A link of an item to a topic or programme, with one of the term's names (none when it has no name at all). */
interface NameRow {
  item_id: number;
  term_id: number;
  lang: LangCode | null;
  name: string | null;
}

/** Names of each item's topics or programmes, per language; English where the language has none. */
function namesByItem(rows: NameRow[]): (itemId: number, lang: LangCode) => string | null {
  const byKey = new Map<string, string[]>();
  for (const row of rows) {
    if (row.name === null) continue;
    const key = `${row.item_id}:${row.lang}`;
    byKey.set(key, [...(byKey.get(key) ?? []), row.name]);
  }
  return (itemId, lang) => (byKey.get(`${itemId}:${lang}`) ?? byKey.get(`${itemId}:en`) ?? []).join(' · ') || null;
}

/** Ids of each item's topics or programmes. */
function idsByItem(rows: NameRow[]): (itemId: number) => number[] {
  const byItem = new Map<number, Set<number>>();
  for (const row of rows) byItem.set(row.item_id, (byItem.get(row.item_id) ?? new Set()).add(row.term_id));
  return (itemId) => [...(byItem.get(itemId) ?? [])];
}

async function eventTaxonomyNames(db: Db, table: 'event_topics' | 'event_programmes', ids: number[] | null) {
  const query =
    table === 'event_topics'
      ? db
          .selectFrom('event_topics as x')
          .leftJoin('topic_translations as n', 'n.topic_id', 'x.topic_id')
          .select(['x.event_id as item_id', 'x.topic_id as term_id', 'n.lang', 'n.name'])
          .orderBy('x.topic_id')
      : db
          .selectFrom('event_programmes as x')
          .leftJoin('programme_translations as n', 'n.programme_id', 'x.programme_id')
          .select(['x.event_id as item_id', 'x.programme_id as term_id', 'n.lang', 'n.name'])
          .orderBy('x.programme_id');
  return (ids ? query.where('x.event_id', 'in', ids) : query).execute();
}

async function articleTaxonomyNames(db: Db, table: 'article_topics' | 'article_programmes', ids: number[] | null) {
  const query =
    table === 'article_topics'
      ? db
          .selectFrom('article_topics as x')
          .leftJoin('topic_translations as n', 'n.topic_id', 'x.topic_id')
          .select(['x.article_id as item_id', 'x.topic_id as term_id', 'n.lang', 'n.name'])
          .orderBy('x.topic_id')
      : db
          .selectFrom('article_programmes as x')
          .leftJoin('programme_translations as n', 'n.programme_id', 'x.programme_id')
          .select(['x.article_id as item_id', 'x.programme_id as term_id', 'n.lang', 'n.name'])
          .orderBy('x.programme_id');
  return (ids ? query.where('x.article_id', 'in', ids) : query).execute();
}

/** The text of events (all, or those with the given ids) in every language they have. */
export async function loadEventTexts(db: Db, ids: number[] | null): Promise<ItemText[]> {
  if (ids && ids.length === 0) return [];
  let query = db
    .selectFrom('event_translations as t')
    .innerJoin('events as e', 'e.id', 't.event_id')
    .select(['t.event_id', 't.lang', 't.title', 't.summary', 't.description', 't.venue', 't.city', 't.status as text_status'])
    .select(['e.status', 'e.publish_at', 'e.start_date', 'e.end_date', 'e.event_type'])
    .orderBy('t.event_id')
    .orderBy('t.lang');
  if (ids) query = query.where('t.event_id', 'in', ids);
  const [texts, topics, programmes] = await Promise.all([
    query.execute(),
    eventTaxonomyNames(db, 'event_topics', ids),
    eventTaxonomyNames(db, 'event_programmes', ids),
  ]);
  const topicNames = namesByItem(topics);
  const programmeNames = namesByItem(programmes);
  const [topicIds, programmeIds] = [idsByItem(topics), idsByItem(programmes)];
  return texts.map((t) => ({
    kind: 'event',
    itemId: t.event_id,
    lang: t.lang,
    title: t.title,
    summary: t.summary,
    body: t.description,
    place: [t.venue, t.city].filter(Boolean).join(', ') || null,
    topics: topicNames(t.event_id, t.lang),
    programmes: programmeNames(t.event_id, t.lang),
    terms: { topics: topicIds(t.event_id), programmes: programmeIds(t.event_id) },
    byline: null,
    status: t.status,
    publishAt: t.publish_at,
    textStatus: t.text_status,
    sortDate: t.start_date,
    lastDay: lastDay(t.start_date, t.end_date),
    eventType: t.event_type,
  }));
}

/** The text of articles (all, or those with the given ids) in every language they have; the byline is its name, role and organisation. */
export async function loadArticleTexts(db: Db, ids: number[] | null): Promise<ItemText[]> {
  if (ids && ids.length === 0) return [];
  let query = db
    .selectFrom('article_translations as t')
    .innerJoin('articles as a', 'a.id', 't.article_id')
    .select(['t.article_id', 't.lang', 't.title', 't.summary', 't.body', 't.byline_role', 't.byline_organisation', 'a.byline_name', 't.status as text_status'])
    .select(['a.status', 'a.publish_at', 'a.published_on'])
    .orderBy('t.article_id')
    .orderBy('t.lang');
  if (ids) query = query.where('t.article_id', 'in', ids);
  const [texts, topics, programmes] = await Promise.all([
    query.execute(),
    articleTaxonomyNames(db, 'article_topics', ids),
    articleTaxonomyNames(db, 'article_programmes', ids),
  ]);
  const topicNames = namesByItem(topics);
  const programmeNames = namesByItem(programmes);
  const [topicIds, programmeIds] = [idsByItem(topics), idsByItem(programmes)];
  return texts.map((t) => ({
    kind: 'article',
    itemId: t.article_id,
    lang: t.lang,
    title: t.title,
    summary: t.summary,
    body: t.body,
    place: null,
    topics: topicNames(t.article_id, t.lang),
    programmes: programmeNames(t.article_id, t.lang),
    terms: { topics: topicIds(t.article_id), programmes: programmeIds(t.article_id) },
    byline: t.byline_name ? [t.byline_name, t.byline_role, t.byline_organisation].filter(Boolean).join(', ') : null,
    status: t.status,
    publishAt: t.publish_at,
    textStatus: t.text_status,
    sortDate: t.published_on,
    lastDay: t.published_on,
    eventType: null,
  }));
}

/** When each event and article last changed (ISO-8601 UTC), keyed `kind:id`. */
export async function listItemChangeTimes(db: Db): Promise<Map<string, string>> {
  const [events, articles] = await Promise.all([
    db.selectFrom('events').select(['id', 'updated_at']).execute(),
    db.selectFrom('articles').select(['id', 'updated_at']).execute(),
  ]);
  return new Map([...events.map((r) => [`event:${r.id}`, r.updated_at] as const), ...articles.map((r) => [`article:${r.id}`, r.updated_at] as const)]);
}

/** Ids of every event and article, for rebuilding the index. */
export async function listAllItemIds(db: Db): Promise<{ events: number[]; articles: number[] }> {
  const [events, articles] = await Promise.all([
    db.selectFrom('events').select('id').orderBy('id').execute(),
    db.selectFrom('articles').select('id').orderBy('id').execute(),
  ]);
  return { events: events.map((r) => r.id), articles: articles.map((r) => r.id) };
}

export async function listDocumentIds(db: Db, kind: SearchKind, itemId: number): Promise<number[]> {
  const rows = await db.selectFrom('search_documents').select('id').where('kind', '=', kind).where('item_id', '=', itemId).execute();
  return rows.map((r) => r.id);
}

export async function deleteDocuments(db: Db, ids: number[]): Promise<void> {
  if (ids.length === 0) return;
  await db.deleteFrom('search_documents').where('id', 'in', ids).execute();
}

export async function deleteAllDocuments(db: Db): Promise<void> {
  await db.deleteFrom('search_documents').execute();
}

/** The row of `search_documents` for a document. */
function documentRow(doc: ItemText) {
  return {
    kind: doc.kind,
    item_id: doc.itemId,
    lang: doc.lang,
    title: doc.title,
    summary: doc.summary,
    body: doc.body,
    place: doc.place,
    topics: doc.topics,
    programmes: doc.programmes,
    byline: doc.byline,
    status: doc.status,
    publish_at: doc.publishAt,
    text_status: doc.textStatus,
    sort_date: doc.sortDate,
    last_day: doc.lastDay,
    event_type: doc.eventType,
  };
}

/** Inserts documents; returns their ids in the same order. */
export async function insertDocuments(db: Db, docs: ItemText[]): Promise<number[]> {
  if (docs.length === 0) return [];
  const rows = await db
    .insertInto('search_documents')
    .values(docs.map(documentRow))
    .returning(['id', 'kind', 'item_id', 'lang'])
    .execute();
  // (kind, item_id, lang) is unique: match rows to documents by it rather than trust the order of RETURNING.
  const idOf = new Map(rows.map((r) => [`${r.kind}:${r.item_id}:${r.lang}`, r.id]));
  return docs.map((doc) => idOf.get(`${doc.kind}:${doc.itemId}:${doc.lang}`)!);
}

/** Kind, year (an event running into it counts), topic and programme slugs, event type. */
export type SearchFilters = FilterValues;

/** One result: the best-matching document of an item (in the page's language when it matches). */
export interface SearchRow extends DocumentText {
  kind: SearchKind;
  item_id: number;
  lang: LangCode;
  score: number;
  slug: string;
  start_date: string | null;
  end_date: string | null;
  published_on: string | null;
  event_status: EventStatus | null;
  status_reason_en: string | null;
  status_reason_vi: string | null;
  event_type: EventType | null;
}

/**
 * What visitors may see of a document, and the filters, on `search_documents`
 * (alias `d`) alone: the live rule reads the item's status and scheduled time
 * kept on the document, so a scheduled item is found from its time on
 * without any reindexing. Only a topic or programme filter looks at the
 * link tables.
 */
function filterConditions(filters: SearchFilters, choice: SearchTextChoice, terms: TermFilters): RawBuilder<unknown>[] {
  // A document in another language than English counts only while that translation is published.
  const where = [sql`(d.lang = 'en' or d.text_status = 'published')`];
  if (leavesOutUntranslated(choice)) {
    // Items with a published text in the page's language: their document in it, by the unique (kind, item_id, lang) index.
    where.push(sql`exists (select 1 from search_documents t
      where t.kind = d.kind and t.item_id = d.item_id and t.lang = ${choice.lang} and t.text_status = 'published')`);
  }
  return [...where, ...itemConditions(filters, choice, terms, 'exists')];
}

/** Whether this page leaves out items without a published text in its language (the 'omit' setting; English never does). */
function leavesOutUntranslated(choice: SearchTextChoice): boolean {
  return choice.omitUntranslated && choice.lang !== 'en';
}

/**
 * Which item a search without words lists, on one document of it (alias
 * `d`): every item has its English text, so its English document stands
 * for it; with the 'omit' setting on a page in another language, its
 * published document in that language, which only the items the page may
 * show have. An item is then one row of the documents' listing index
 * (migration 2026-12-11T0900), newest first, with no grouping by item.
 */
function anchorConditions(filters: SearchFilters, choice: SearchTextChoice, terms: TermFilters): RawBuilder<unknown>[] {
  const anchor =
    leavesOutUntranslated(choice) ? sql`d.lang = ${choice.lang} and d.text_status = 'published'` : sql`d.lang = 'en'`;
  return [anchor, ...itemConditions(filters, choice, terms, 'listed')];
}

/**
 * The conditions on an item, which all its documents carry alike: live,
 * and the filters. A topic or programme with many items is either looked
 * up for each document (`exists`, for the few documents a word search
 * reads) or listed once and each document looked up in the list
 * (`listed`, for a search without words, which reads every item of the
 * filters from the listing index; SQLite would otherwise go from the list
 * to each document's row, 61 ms against 22 for a topic of 12,600 items).
 */
function itemConditions(filters: SearchFilters, choice: SearchTextChoice, terms: TermFilters, many: 'exists' | 'listed'): RawBuilder<unknown>[] {
  const few = terms.few;
  const where: RawBuilder<unknown>[] = [isLive('d', choice.now)];
  if (filters.kind) where.push(sql`d.kind = ${filters.kind}`);
  if (filters.type) where.push(sql`d.kind = 'event' and d.event_type = ${filters.type}`);
  if (filters.year !== undefined) {
    const first = `${String(filters.year).padStart(4, '0')}-01-01`;
    const last = `${String(filters.year).padStart(4, '0')}-12-31`;
    // An event running into the year counts; an article's first and last day are its date.
    where.push(sql`d.sort_date <= ${last} and d.last_day >= ${first}`);
  }
  for (const [slug, term, eventLink, articleLink] of [
    [filters.topic, 'topics', 'event_topics', 'article_topics'],
    [filters.programme, 'programmes', 'event_programmes', 'article_programmes'],
  ] as const) {
    if (!slug) continue;
    const items = few[term];
    if (items) {
      // A term with few items: theirs, listed (by the documents' (kind, item, language) index).
      const among = (kind: 'event' | 'article', ids: number[]) => (ids.length === 0 ? sql`1 = 0` : sql`(d.kind = ${kind} and d.item_id in (${sql.join(ids)}))`);
      where.push(sql`(${among('event', items.events)} or ${among('article', items.articles)})`);
      continue;
    }
    const column = sql.ref(term === 'topics' ? 'x.topic_id' : 'x.programme_id');
    const id = terms.many[term][0];
    if (many === 'listed' && id !== undefined) {
      const [eventId, articleId] = [sql.ref('x.event_id'), sql.ref('x.article_id')];
      // The unary plus keeps the item id from choosing an index: the list is probed, the listing index read.
      where.push(sql`(
        (d.kind = 'event' and +d.item_id in (select ${eventId} from ${sql.table(eventLink)} x where ${column} = ${id} and x.status = 'published'))
        or (d.kind = 'article' and +d.item_id in (select ${articleId} from ${sql.table(articleLink)} x where ${column} = ${id} and x.status = 'published')))`);
      continue;
    }
    where.push(sql`(
      (d.kind = 'event' and exists (select 1 from ${sql.table(eventLink)} x join ${sql.table(term)} t on t.id = ${column}
        where x.event_id = d.item_id and t.slug = ${slug}))
      or (d.kind = 'article' and exists (select 1 from ${sql.table(articleLink)} x join ${sql.table(term)} t on t.id = ${column}
        where x.article_id = d.item_id and t.slug = ${slug})))`);
  }
  return where;
}

/**
 * The most published items a topic or programme may have for a search
 * narrowed by it to start from its items: their documents are read by item
 * and each checked for the words. A term with more is asked of the index
 * with the words (its items' documents hold it as a word no query types),
 * newest first, which stops once enough are found. Found from the words'
 * side, a topic with one item among 100,000 read every document holding
 * "wages" first: 220 ms on SQLite, 800 ms on PostgreSQL.
 */
export const FEW_TAGGED = 1000;

/** The published items of each term filter with few of them (FEW_TAGGED), by kind; a term with more is absent. */
interface FewTagged {
  topics?: { events: number[]; articles: number[] } | undefined;
  programmes?: { events: number[]; articles: number[] } | undefined;
}

/** How the filters' topic and programme narrow a search: by their items when few, else through the index. */
interface TermFilters {
  /** Terms with many items, which the index is asked for with the words. */
  many: TermIds;
  /** The share of all published items the narrowest of them has. */
  share?: number | undefined;
  few: FewTagged;
}

/**
 * The filters' topic and programme: each term's items when they are few
 * (the kept counts of each term's published items, term_item_counts, tell;
 * the term's published links, their copies of the items' status, give
 * them), else its id, for the index.
 */
async function readTermFilters(db: Db, filters: SearchFilters, fewTagged: number): Promise<TermFilters> {
  const found: TermFilters = { many: { topics: [], programmes: [] }, few: {} };
  for (const [slug, terms, termId, eventLinks, articleLinks] of [
    [filters.topic, 'topics', 'topic_id', 'event_topics', 'article_topics'],
    [filters.programme, 'programmes', 'programme_id', 'event_programmes', 'article_programmes'],
  ] as const) {
    if (!slug) continue;
    const counted = await sql<{ id: number; n: number | string | null }>`select t.id,
        (select sum(c.n) from term_item_counts as c where c.term = ${terms === 'topics' ? 'topic' : 'programme'} and c.term_id = t.id) as n
      from ${sql.table(terms)} as t where t.slug = ${slug}`.execute(db);
    const term = counted.rows[0];
    if (!term) {
      // An unknown slug: no items.
      found.few[terms] = { events: [], articles: [] };
      continue;
    }
    if (Number(term.n ?? 0) > fewTagged) {
      found.many = { ...found.many, [terms]: [Number(term.id)] };
      const all = await db.selectFrom('item_counts').select((eb) => eb.fn.sum<number | string>('n').as('n')).where('status', '=', 'published').executeTakeFirst();
      const share = Number(term.n) / Math.max(1, Number(all?.n ?? 0));
      found.share = Math.min(found.share ?? 1, share);
      continue;
    }
    const linked = (links: string, fk: string) =>
      sql<{ id: number }>`select x.${sql.ref(fk)} as id from ${sql.table(links)} as x
        where x.${sql.ref(termId)} = ${term.id} and x.status = 'published'`.execute(db);
    const [events, articles] = await Promise.all([linked(eventLinks, 'event_id'), linked(articleLinks, 'article_id')]);
    found.few[terms] = { events: events.rows.map((row) => Number(row.id)), articles: articles.rows.map((row) => Number(row.id)) };
  }
  return found;
}

/** Which documents a search may show: the page's language, the site's choice for untranslated items, and the instant of the search. */
export interface SearchTextChoice {
  lang: LangCode;
  /** Items live at this instant are searched (content/live.ts). */
  now: Date;
  /** Leave out items whose text in `lang` is missing or unpublished (the 'omit' setting). */
  omitUntranslated: boolean;
  /** The office's date: a recurring event is shown on its next session from it (else its last one). */
  today?: string | undefined;
}

/**
 * How many matching documents a search ranks at most: the newest this many
 * (of published items, after the filters). Ranking costs every document it
 * looks at, so a word found in most of a large archive would otherwise cost
 * as much as the archive; this keeps a search's cost bounded by this number.
 * When more match, the page says so (`more`) and suggests narrowing down.
 */
export const RANKED_DOCUMENTS = 1000;

/** How many documents a search ranks (RANKED_DOCUMENTS), and the most items a term filter has to count as few (FEW_TAGGED). */
export interface SearchLimits {
  documents: number;
  fewTagged: number;
}

/**
 * The documents matching a query, of published items, one per item: its
 * document in the page's language when that one matches, else its best
 * other one, numbered `rn` = 1. A document in another language than English
 * counts only while that translation is published. The newest `ranked`
 * matches (RANKED_DOCUMENTS) are ranked, and `more` says whether there were
 * others. Everything up to the page reads `search_documents` (and the
 * full-text index) only.
 */
function bestDocuments(index: SearchIndex, query: SearchQuery, filters: SearchFilters, choice: SearchTextChoice, ranked: number, terms: TermFilters) {
  const { few } = terms;
  const where = sql.join(filterConditions(filters, choice, terms), sql` and `);
  const columns = sql`d.id, d.kind, d.item_id, d.lang, d.sort_date`;
  const rank = (score: RawBuilder<unknown>) =>
    sql`row_number() over (partition by c.kind, c.item_id order by case when c.lang = ${choice.lang} then 0 else 1 end, ${score}, c.id)`;
  // One past the limit, to know whether there were more; the newest come first from the index itself.
  // The fewest items a term filter allows, when one has few.
  const counts = [few.topics, few.programmes].flatMap((items) => (items ? [items.events.length + items.articles.length] : []));
  const fewest = counts.length > 0 ? Math.min(...counts) : undefined;
  return sql`matched as (${index.matchingDocuments(query, columns, where, { few: fewest, terms: terms.many, share: terms.share })} limit ${ranked + 1}),
    candidates as (select * from matched order by id desc limit ${ranked}),
    scored as (${index.scores(query, sql`candidates`, terms.many)}),
    best as (
      select c.id, c.kind, c.item_id, c.lang, s.score, c.sort_date, ${rank(sql`s.score`)} as rn,
        case when (select count(*) from matched) > ${ranked} then 1 else 0 end as more
      from candidates c
      join scored s on s.doc_id = c.id
    )`;
}

/** How many items match (of those ranked), and whether more documents matched than were ranked. */
export async function countMatches(
  db: Db,
  index: SearchIndex,
  query: SearchQuery | null,
  filters: SearchFilters,
  choice: SearchTextChoice,
  limits: SearchLimits = { documents: RANKED_DOCUMENTS, fewTagged: FEW_TAGGED },
): Promise<{ total: number; more: boolean }> {
  const kept = query ? undefined : keptCount(db, filters, choice);
  if (kept) return { total: await kept, more: false };
  const terms = await readTermFilters(db, filters, limits.fewTagged);
  const result = query
    ? await sql<{ n: number | string; more: number | string | null }>`with ${bestDocuments(index, query, filters, choice, limits.documents, terms)}
        select count(*) as n, max(more) as more from best where rn = 1`.execute(db)
    : await sql<{ n: number | string; more: null }>`select ${listedCount(filters, choice, terms)} as n, null as more`.execute(db);
  const row = result.rows[0];
  return { total: Number(row?.n ?? 0), more: Number(row?.more ?? 0) === 1 };
}

/**
 * A kind alone, on a page that lists every item (each has its English
 * text): as many as visitors may see of that kind, which the database keeps
 * counted (content's countLive), whatever the size of the archive. Counted
 * in the listing index instead, it read an entry for each: 16 ms for the
 * 50,000 articles of 100,000 items. Undefined for any other filters, and
 * where untranslated items are left out.
 */
function keptCount(db: Db, filters: SearchFilters, choice: SearchTextChoice): Promise<number> | undefined {
  const { kind, ...others } = filters;
  if (!kind || Object.values(others).some((value) => value !== undefined && value !== '')) return undefined;
  return leavesOutUntranslated(choice) ? undefined : countLive(db, kind, choice.now);
}

/**
 * How many items a search without words lists: their documents that stand
 * for them (anchorConditions), counted on the listing index; or, for a
 * topic or programme with many items alone, its live links (linkCount).
 */
function listedCount(filters: SearchFilters, choice: SearchTextChoice, terms: TermFilters) {
  return linkCount(filters, choice, terms) ?? sql`(select count(*) from search_documents d where ${sql.join(anchorConditions(filters, choice, terms), sql` and `)})`;
}

/**
 * A topic or programme with many items, alone or with a kind, on a page
 * that lists every item (each has its English text): its items are its
 * live links, counted in the term's own link index, which keeps each
 * item's status and scheduled time (the live rule's inputs). Counted on
 * the documents instead, each document was looked up in the term's list:
 * 50-80 ms on PostgreSQL for a topic of 12,600 items among 100,000, most
 * of it starting workers to share the reading. Undefined for any other
 * filters, and where untranslated items are left out.
 */
function linkCount(filters: SearchFilters, choice: SearchTextChoice, terms: TermFilters): RawBuilder<unknown> | undefined {
  if (leavesOutUntranslated(choice) || filters.year !== undefined || filters.type || (filters.topic && filters.programme)) return undefined;
  const [id, column, eventLinks, articleLinks] = filters.topic
    ? ([terms.many.topics[0], 'topic_id', 'event_topics', 'article_topics'] as const)
    : ([terms.many.programmes[0], 'programme_id', 'event_programmes', 'article_programmes'] as const);
  if (id === undefined) return undefined;
  const live = (links: string, kind: SearchKind) =>
    filters.kind && filters.kind !== kind ? sql`0` : sql`(select count(*) from ${sql.table(links)} x where x.${sql.ref(column)} = ${id} and ${isLive('x', choice.now)})`;
  return sql`(${live(eventLinks, 'event')} + ${live(articleLinks, 'article')})`;
}

/**
 * The page (`page`: id, kind, item_id, score, sort_date, more, total) of a
 * search without words: the items of the filters, newest first, read from
 * the documents' listing index, which stops after the page, and counted
 * there; each shown by its document in the page's language when visitors
 * may read it, else by its first other one, as bestDocuments chooses
 * between documents that match alike.
 */
function listedPage(filters: SearchFilters, choice: SearchTextChoice, terms: TermFilters, limit: number, offset: number, kept: number | undefined) {
  const where = sql.join(anchorConditions(filters, choice, terms), sql` and `);
  const total = kept === undefined ? listedCount(filters, choice, terms) : sql`cast(${kept} as integer)`;
  return sql`page as (
    select (select s.id from search_documents s
        where s.kind = d.kind and s.item_id = d.item_id and (s.lang = 'en' or s.text_status = 'published')
        order by case when s.lang = ${choice.lang} then 0 else 1 end, s.id limit 1) as id,
      d.kind, d.item_id, 0 as score, d.sort_date, 0 as more, ${total} as total
    from search_documents d
    where ${where}
    order by d.sort_date desc, d.kind, d.item_id
    limit ${limit} offset ${offset}
  )`;
}

/**
 * One page of matching items, best first; equally good ones newest first,
 * how many items match in all (undefined when the page is empty), and
 * whether more matched than were ranked (see RANKED_DOCUMENTS). Without a
 * query, newest first. The slug is the item's address in the page's
 * language: its translation's once published, else its English one.
 */
export async function listMatches(
  db: Db,
  index: SearchIndex,
  query: SearchQuery | null,
  filters: SearchFilters,
  choice: SearchTextChoice,
  limit: number,
  offset: number,
  limits: SearchLimits = { documents: RANKED_DOCUMENTS, fewTagged: FEW_TAGGED },
): Promise<{ rows: SearchRow[]; total: number | undefined; more: boolean }> {
  const shown = sql`(${choice.lang} = 'en' or x.status = 'published')`;
  // The page is chosen, and every match counted, on the ranking columns alone; the text, dates
  // and address are read for that page's rows only, not carried through the sort for every match.
  const [terms, kept] = await Promise.all([readTermFilters(db, filters, limits.fewTagged), query ? undefined : keptCount(db, filters, choice)]);
  const page = query
    ? sql`${bestDocuments(index, query, filters, choice, limits.documents, terms)},
      page as (
        select b.id, b.kind, b.item_id, b.score, b.sort_date, b.more, count(*) over () as total
        from best b
        where b.rn = 1
        order by b.score, b.sort_date desc, b.kind, b.item_id
        limit ${limit} offset ${offset}
      )`
    : listedPage(filters, choice, terms, limit, offset, kept);
  const result = await sql<SearchRow & { total: number | string; more: number | string }>`with ${page}
    select p.kind, p.item_id, d.lang, p.score, p.total, p.more,
      d.title, d.summary, d.body, d.place, d.topics, d.programmes, d.byline,
      coalesce(
        (select x.slug from event_translations x where p.kind = 'event' and x.event_id = p.item_id and x.lang = ${choice.lang} and ${shown}),
        (select x.slug from article_translations x where p.kind = 'article' and x.article_id = p.item_id and x.lang = ${choice.lang} and ${shown}),
        (select x.slug from event_translations x where p.kind = 'event' and x.event_id = p.item_id and x.lang = 'en'),
        (select x.slug from article_translations x where p.kind = 'article' and x.article_id = p.item_id and x.lang = 'en'),
        e.slug, a.slug) as slug,
      coalesce(ns.start_date, e.start_date) as start_date, case when ns.event_id is null then e.end_date else ns.end_date end as end_date,
      a.published_on, e.event_status, e.status_reason_en, e.status_reason_vi, e.event_type
    from page p
    join search_documents d on d.id = p.id
    left join events e on p.kind = 'event' and e.id = p.item_id
    left join articles a on p.kind = 'article' and a.id = p.item_id
    left join event_sessions ns on ns.event_id = e.id and ns.recurrence_date = (
      select s.recurrence_date from event_sessions s where s.event_id = e.id
      order by case when s.last_day >= ${choice.today ?? '0000-01-01'} then 0 else 1 end, case when s.last_day >= ${choice.today ?? '0000-01-01'} then s.start_date end, s.start_date desc
      limit 1)
    order by p.score, p.sort_date desc, p.kind, p.item_id`.execute(db);
  const first = result.rows[0];
  return {
    rows: result.rows.map((row) => {
      const hit: SearchRow & { total?: unknown; more?: unknown } = { ...row, item_id: Number(row.item_id), score: Number(row.score) };
      delete hit.total;
      delete hit.more;
      return hit;
    }),
    // Counted before LIMIT: every match, not only this page's.
    total: first === undefined ? undefined : Number(first.total),
    more: first !== undefined && Number(first.more) === 1,
  };
}
