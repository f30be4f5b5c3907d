/**
 * Queries on feature articles for visitors' pages, on the public queries
 * every kind shares (content/public.repository.ts): an article adds its date
 * filter, its columns and its order.
 */
import { sql, type Expression, type Kysely, type SqlBool, type Transaction } from 'kysely';
import type { StandIns } from '../../db/kept-query.js';
import { choosesAll, oneTagAsShared, publicRows, shownText, type ItemsQuery, type SharedLive, type TagFilters, type TextChoice as ContentTextChoice } from '../content/index.js';
import type { ArticleRow, Database, LangCode } from '../../db/schema.js';

type Db = Kysely<Database> | Transaction<Database>;

/** The article's own columns a list shows. */
type ListedColumn =
  | 'id'
  | 'published_on'
  | 'hero_image_path'
  | 'hero_media_id'
  | 'credit_holder'
  | 'credit_photographer'
  | 'credit_year'
  | 'byline_kind'
  | 'byline_name';

/** An article in a list: its own columns, and its text in the page's language (English where untranslated). */
export interface ArticleListRow extends Pick<ArticleRow, ListedColumn> {
  /** The article's slug in the language asked for (its English slug while it has no published translation). */
  slug: string;
  title: string;
  summary: string | null;
  hero_alt: string | null;
  byline_role: string | null;
  byline_organisation: string | null;
  text_lang: LangCode;
}

/** Which articles and which text a visitors' page shows (content/public.repository.ts). */
export type TextChoice = ContentTextChoice<ArticleFilters>;

/** The filters of a visitors' listing of articles: the tags every kind has, and the year of the article's date. */
export interface ArticleFilters extends TagFilters {
  year?: number | undefined;
}

/** The public queries every kind shares, on the article tables. */
export const rows = publicRows({
  kind: 'article',
  alias: 'a',
  items: 'articles',
  texts: 'article_translations',
  fk: 'article_id',
  topics: 'article_topics',
  programmes: 'article_programmes',
});

/** Articles visitors may see now (a) under the choice: the shared rule and tags, then the year. */
export function liveArticles(db: Db, choice: TextChoice) {
  const query = rows.live(db, choice);
  const year = choice.filters?.year;
  if (year === undefined) return query;
  const y = String(year).padStart(4, '0');
  return query.where('a.published_on', '>=', `${y}-01-01`).where('a.published_on', '<=', `${y}-12-31`);
}

/** The years of visitors' articles, newest first: the choices of the listing's year filter. */
export async function listArticleYears(db: Db, choice: TextChoice): Promise<number[]> {
  return (await articleYears(db, choice, {})).map((row) => Number(row.year));
}

/**
 * The year choices in one statement, kept compiled (db/kept-query.ts): the
 * listing asks them on every visit. The newest and oldest dates come from
 * the date index, then each year between is held when the index has an
 * article dated in it (one look per year), rather than reading every
 * article. Dates fall in the years 1900 to 2100 (shared/dates/bounds.ts), so
 * a year is written in four digits.
 */
const articleYears = rows.keptOnLive<Record<string, never>, { year: number | string }>(
  (live, _values, _shared, db) => {
    const newest = live.select('a.published_on').orderBy('a.published_on', 'desc').limit(1);
    const oldest = live.select('a.published_on').orderBy('a.published_on', 'asc').limit(1);
    const year = sql<string>`cast(y.y as text)`;
    const datedIn = live
      .select('a.published_on')
      .where('a.published_on', '>=', sql<string>`${year} || '-01-01'`)
      .where('a.published_on', '<=', sql<string>`${year} || '-12-31'`)
      .limit(1);
    const query = sql<{ year: number | string }>`with recursive span (lo, hi) as (
        select cast(substr(${oldest}, 1, 4) as integer), cast(substr(${newest}, 1, 4) as integer)
      ),
      years (y) as (
        select hi from span where hi is not null
        union all
        select y - 1 from years, span where y > lo
      )
      select y.y as year from years as y where exists ${datedIn} order by y.y desc`;
    return { compile: () => query.compile(db) };
  },
  (db, choice) => liveArticles(db, choice),
);

/**
 * Published articles, newest first; the same day keeps the order they were
 * entered. The page's articles are chosen from the indexes first, then only
 * their rows are read: a deep page costs index entries, not whole rows. A
 * term's page reads its articles from the term's links (oneTagAsShared).
 */
export async function listPublishedArticles(db: Db, choice: TextChoice, limit: number, offset = 0): Promise<ArticleListRow[]> {
  const ids = (await newestPage(db, oneTagAsShared(choice), { limit, offset })).map((row) => Number(row.id));
  return listRows(db, choice.lang, ids);
}

/** The columns of an article in a list (ArticleListRow) in `lang`, on a query of articles with their texts (content's joinTexts). */
export function selectListed(query: ItemsQuery<'articles', 'a'>, lang: LangCode) {
  const shown = shownText(lang);
  return query.select([
    'a.id',
    shown.slug.as('slug'),
    'a.published_on',
    'a.hero_image_path',
    'a.hero_media_id',
    'a.credit_holder',
    'a.credit_photographer',
    'a.credit_year',
    'a.byline_kind',
    'a.byline_name',
    shown.column<string>('title').as('title'),
    ...shown.texts(['summary', 'hero_alt', 'byline_role', 'byline_organisation']),
    shown.lang.as('text_lang'),
  ]);
}

type PageValues = { limit: number; offset: number };

/**
 * A page's ids, newest first: kept compiled for the plain listing (no
 * filters), and for articles sharing tags (related articles, a term's page)
 * found from the tags' links (newestOfTerms).
 */
// Shared tags' pages write their size and offset into the statement, kept compiled
// per number (an item's page asks one size): with them bound SQLite ran the same plan about twice as
// long. A listing's pages bind theirs.
const newestPage = rows.keptOnLive<PageValues, { id: number }>(
  (live, v, shared, db) =>
    shared === undefined
      ? live.select('a.id').orderBy('a.published_on', 'desc').orderBy('a.id', 'asc').limit(v.limit).offset(v.offset)
      : newestOfTerms(db, shared, v),
  (db, choice) => liveArticles(db, choice),
  ['limit', 'offset'],
);

/**
 * One term's newest articles visitors may see, cut to the page's end: its
 * links' range by term and status, newest first then by article (index
 * article_topics_dates_idx, whose copies of the articles' status, time and
 * date the database keeps: migration 2026-12-09T0900), each article then
 * read by id and kept while visitors may see it (`untagged`: the choice
 * without the tags' condition). A page costs about its own articles,
 * however few of the archive's are the term's.
 */
function newestOfTerm(untagged: ItemsQuery<'articles', 'a'>, tags: 'topics' | 'programmes', slug: string, take: Expression<number>) {
  const [links, terms, termId] = tags === 'topics' ? (['article_topics', 'topics', 'topic_id'] as const) : (['article_programmes', 'programmes', 'programme_id'] as const);
  const link = (column: string) => sql.ref(`tx.${column}`);
  return untagged
    .innerJoin(`${links} as tx` as 'article_topics as tx', (j) => j.onRef('tx.article_id', '=', 'a.id'))
    .select(['a.id', link('published_on').as('published_on')])
    .where(link(termId), '=', sql<number>`(select lt.id from ${sql.table(terms)} as lt where lt.slug = ${slug})`)
    .where(link('status'), '=', sql.lit('published'))
    .orderBy(link('published_on'), 'desc')
    .orderBy(link('article_id'), 'asc')
    .limit(take);
}

/**
 * The page of articles sharing any of the tags: each tag's newest, cut to
 * the page's end (newestOfTerm), merged with UNION (an article with two of
 * the tags once), then put in the listing's order and cut to the page. The
 * page's articles are among each tag's first as many, so the order and the
 * cut come out as over every article.
 */
function newestOfTerms(db: Kysely<Database>, shared: SharedLive<'articles', 'a'>, v: StandIns<PageValues>) {
  // The page's end: the two numbers are written into the statement, so this is a constant.
  const take = sql<number>`${v.limit} + ${v.offset}`;
  const parts = [
    ...shared.sharing.topics.map((slug) => newestOfTerm(shared.untagged, 'topics', slug, take)),
    ...shared.sharing.programmes.map((slug) => newestOfTerm(shared.untagged, 'programmes', slug, take)),
  ];
  // Each part with its own order and limit is a subquery of the compound (SQLite takes them no other way).
  const q = db as unknown as Kysely<Record<string, { id: number; published_on: string }>>;
  const [first, ...others] = parts.map((part, i) => q.selectFrom(part.as(`t${i}`)).selectAll());
  // Shared by nothing, an article has no related articles: the untagged live query, asked for none.
  if (first === undefined) return shared.untagged.select('a.id').where(sql<SqlBool>`1 = 0`);
  const all = others.reduce((union, part) => union.union(part), first);
  return q
    .selectFrom(all.as('lines'))
    .select('lines.id')
    .orderBy('lines.published_on', 'desc')
    .orderBy('lines.id', 'asc')
    .limit(v.limit)
    .offset(v.offset);
}

/** A listing's rows, in the order of their ids, with their shown text: kept compiled. */
const listRows = rows.keptRowsInOrder<ArticleListRow>(selectListed);

/**
 * How many articles the choice shows. With no filters and nothing left out
 * for want of a translation, that is every live article, and with one
 * topic or programme alone, every live article of that term: both counted
 * by the database as they change rather than one by one.
 */
export async function countPublishedArticles(db: Db, choice: TextChoice): Promise<number> {
  if (choosesAll(choice)) return rows.countLive(db, choice.now);
  return (await rows.countLiveTagged(db, choice)) ?? (await rows.count(liveArticles(db, choice)));
}

/** Published articles dated after `date` (to number a year group continued from an earlier page). */
export function countPublishedAfter(db: Db, choice: TextChoice, date: string): Promise<number> {
  return rows.count(liveArticles(db, choice).where('a.published_on', '>', date));
}

/** The article visitors may see at `now` at an address in `lang` (content/public.repository.ts). */
export const findLiveArticleByAddress = rows.findLiveByAddress;
export const findArticleById = rows.findById;
export const findArticleBySourceKey = rows.findBySourceKey;
export const listArticleTranslations = rows.listTexts;
/** The article's programmes and topics with their names in a language (English when untranslated). */
export const listArticleTaxonomy = rows.listTags;

/** Articles dated `date` that have English text, in the order entered (for pairing translated pages). */
export function listEnglishArticlesOn(db: Db, date: string): Promise<ArticleRow[]> {
  return rows.listWithEnglish(db, (query) => query.where('a.published_on', '=', date));
}
