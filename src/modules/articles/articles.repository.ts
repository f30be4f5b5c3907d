/** Queries on feature articles; published ones only for visitors' listings. */
import { sql, type Kysely, type Transaction } from 'kysely';
import { countLive, isLive, shownColumn, shownSlug, shownTranslationStatuses } from '../content/index.js';
import { renderMarkdownForStorage } from '../media/index.js';
import type { ArticleRow, Database, LangCode, NewArticleRow, ArticlesTable, TranslationStatus } from '../../db/schema.js';
import type { Updateable } from 'kysely';

type Db = Kysely<Database> | Transaction<Database>;

export interface ArticleListRow {
  id: number;
  /** The article's slug in the language asked for (its English slug while it has no published translation). */
  slug: string;
  published_on: string;
  hero_image_path: string | null;
  hero_media_id: number | null;
  credit_holder: string | null;
  credit_photographer: string | null;
  credit_year: number | null;
  byline_kind: 'by' | 'op-ed' | null;
  byline_name: string | null;
  title: string;
  summary: string | null;
  hero_alt: string | null;
  byline_role: string | null;
  byline_organisation: string | null;
  text_lang: LangCode;
}

/** Which articles and which text a visitors' page shows. */
export interface TextChoice {
  /** The page's language. */
  lang: LangCode;
  /** The instant of the request: scheduled articles show once their time has come (see content/live.ts). */
  now: Date;
  /** Leave out articles whose text in `lang` is missing or unpublished (the site's 'omit' setting). */
  omitUntranslated: boolean;
  /** Narrows the articles: every filter given must hold. */
  filters?: ArticleFilters | undefined;
}

/** The filters of a visitors' listing of articles (topics and programmes by slug). */
export interface ArticleFilters {
  /** The year of the article's date. */
  year?: number | undefined;
  topic?: string | undefined;
  programme?: string | undefined;
  /** Articles tagged with any of these topics or programmes (related content); nothing when both are empty. */
  sharing?: { topics: string[]; programmes: string[] } | undefined;
}

/** Articles with their English text (te), whatever their status. */
function articlesWithEnglish(db: Db) {
  return db.selectFrom('articles as a').innerJoin('article_translations as te', (j) => j.onRef('te.article_id', '=', 'a.id').on('te.lang', '=', 'en'));
}

/**
 * Articles visitors may see now (a). Counts, year choices and the choice of a
 * page's articles need no more than this, so they read the articles' indexes
 * only; the text is joined for a page's few rows. Every live article has its
 * English text: the importer and the generator write it with the article,
 * and every save in the admin writes it (writeTexts in articles.editing.ts).
 */
function liveArticles(db: Db, choice: TextChoice) {
  let query = db.selectFrom('articles as a').where(isLive('a', choice.now));
  if (choice.omitUntranslated && choice.lang !== 'en') {
    const lang = choice.lang;
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('article_translations as tx')
          .select('tx.article_id')
          .whereRef('tx.article_id', '=', 'a.id')
          .where('tx.lang', '=', lang)
          .where('tx.status', '=', 'published'),
      ),
    );
  }
  const f = choice.filters ?? {};
  if (f.year !== undefined) {
    const year = String(f.year).padStart(4, '0');
    query = query.where('a.published_on', '>=', `${year}-01-01`).where('a.published_on', '<=', `${year}-12-31`);
  }
  const { topic, programme, sharing } = f;
  if (topic !== undefined) query = query.where(({ exists }) => exists(taggedWithTopics(db, [topic])));
  if (programme !== undefined) query = query.where(({ exists }) => exists(taggedWithProgrammes(db, [programme])));
  if (sharing !== undefined) {
    query = query.where((eb) =>
      eb.or([
        ...(sharing.topics.length > 0 ? [eb.exists(taggedWithTopics(db, sharing.topics))] : []),
        ...(sharing.programmes.length > 0 ? [eb.exists(taggedWithProgrammes(db, sharing.programmes))] : []),
        // Tagged with nothing, an item has no related articles.
        sql<boolean>`1 = 0`,
      ]),
    );
  }
  return query;
}

/** Adds, as tl, the articles' text in `lang` when it may be shown: English always, another language once published. */
function withShownText<Q extends ReturnType<typeof articlesWithEnglish>>(query: Q, lang: LangCode) {
  const shown = shownTranslationStatuses(lang);
  return query.leftJoin('article_translations as tl', (j) => j.onRef('tl.article_id', '=', 'a.id').on('tl.lang', '=', lang).on('tl.status', 'in', shown));
}

/** Live articles with their English text (te) and the text to show (tl). */
function publishedWithText(db: Db, choice: TextChoice) {
  const shown = shownTranslationStatuses(choice.lang);
  return liveArticles(db, choice)
    .innerJoin('article_translations as te', (j) => j.onRef('te.article_id', '=', 'a.id').on('te.lang', '=', 'en'))
    .leftJoin('article_translations as tl', (j) => j.onRef('tl.article_id', '=', 'a.id').on('tl.lang', '=', choice.lang).on('tl.status', 'in', shown));
}

/** A subquery finding the outer article (a) among those tagged with any of these topic slugs. */
function taggedWithTopics(db: Db, slugs: string[]) {
  return db
    .selectFrom('article_topics as ft')
    .innerJoin('topics as ftt', 'ftt.id', 'ft.topic_id')
    .select('ft.article_id')
    .whereRef('ft.article_id', '=', sql.ref('a.id'))
    .where('ftt.slug', 'in', slugs);
}

/** A subquery finding the outer article (a) among those tagged with any of these programme slugs. */
function taggedWithProgrammes(db: Db, slugs: string[]) {
  return db
    .selectFrom('article_programmes as fp')
    .innerJoin('programmes as fpp', 'fpp.id', 'fp.programme_id')
    .select('fp.article_id')
    .whereRef('fp.article_id', '=', sql.ref('a.id'))
    .where('fpp.slug', 'in', slugs);
}

/** The years of visitors' articles, newest first: the choices of the listing's year filter. */
export async function listArticleYears(db: Db, choice: TextChoice): Promise<number[]> {
  // The newest and oldest dates from the date index, then one look per year in between,
  // rather than reading every article.
  const live = () => liveArticles(db, choice).select('a.published_on').limit(1);
  const [newest, oldest] = await Promise.all([
    live().orderBy('a.published_on', 'desc').executeTakeFirst(),
    live().orderBy('a.published_on', 'asc').executeTakeFirst(),
  ]);
  if (!newest || !oldest) return [];
  const years: number[] = [];
  for (let y = Number(newest.published_on.slice(0, 4)); y >= Number(oldest.published_on.slice(0, 4)); y -= 1) years.push(y);
  const held = await Promise.all(
    years.map(async (y) => {
      const year = String(y).padStart(4, '0');
      const row = await live().where('a.published_on', '>=', `${year}-01-01`).where('a.published_on', '<=', `${year}-12-31`).executeTakeFirst();
      return row !== undefined;
    }),
  );
  return years.filter((_, i) => held[i]);
}

/** Names of the article's programmes or topics in a language (English when untranslated), by slug. */
export async function listArticleTaxonomy(db: Db, articleId: number, lang: LangCode) {
  const programmes = await db
    .selectFrom('article_programmes as ap')
    .innerJoin('programmes as p', 'p.id', 'ap.programme_id')
    .innerJoin('programme_translations as pe', (j) => j.onRef('pe.programme_id', '=', 'p.id').on('pe.lang', '=', 'en'))
    .leftJoin('programme_translations as pl', (j) => j.onRef('pl.programme_id', '=', 'p.id').on('pl.lang', '=', lang))
    .where('ap.article_id', '=', articleId)
    .select(['p.slug', sql<string>`coalesce(pl.name, pe.name)`.as('name')])
    .orderBy('p.slug')
    .execute();
  const topics = await db
    .selectFrom('article_topics as at')
    .innerJoin('topics as t', 't.id', 'at.topic_id')
    .innerJoin('topic_translations as te', (j) => j.onRef('te.topic_id', '=', 't.id').on('te.lang', '=', 'en'))
    .leftJoin('topic_translations as tl', (j) => j.onRef('tl.topic_id', '=', 't.id').on('tl.lang', '=', lang))
    .where('at.article_id', '=', articleId)
    .select(['t.slug', sql<string>`coalesce(tl.name, te.name)`.as('name')])
    .orderBy('t.slug')
    .execute();
  return { programmes, topics };
}

/**
 * Published articles, newest first; the same day keeps the order they were
 * entered. The page's articles are chosen from the indexes first, then only
 * their rows are read: a deep page costs index entries, not whole rows.
 */
export async function listPublishedArticles(db: Db, choice: TextChoice, limit: number, offset = 0): Promise<ArticleListRow[]> {
  const picked = await liveArticles(db, choice)
    .select('a.id')
    .orderBy('a.published_on', 'desc')
    .orderBy('a.id', 'asc')
    .limit(limit)
    .offset(offset)
    .execute();
  const ids = picked.map((row) => row.id);
  if (ids.length === 0) return [];
  const rows = await withShownText(articlesWithEnglish(db).where('a.id', 'in', ids), choice.lang)
    .select([
      'a.id',
      shownSlug.as('slug'),
      'a.published_on',
      'a.hero_image_path',
      'a.hero_media_id',
      'a.credit_holder',
      'a.credit_photographer',
      'a.credit_year',
      'a.byline_kind',
      'a.byline_name',
      shownColumn<string>('title').as('title'),
      shownColumn<string | null>('summary').as('summary'),
      shownColumn<string | null>('hero_alt').as('hero_alt'),
      shownColumn<string | null>('byline_role').as('byline_role'),
      shownColumn<string | null>('byline_organisation').as('byline_organisation'),
      sql<LangCode>`case when tl.title is null then 'en' else tl.lang end`.as('text_lang'),
    ])
    .execute();
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/**
 * How many articles the choice shows. With no filters and nothing left out
 * for want of a translation, that is every live article, counted by the
 * database as they change rather than one by one.
 */
export async function countPublishedArticles(db: Db, choice: TextChoice): Promise<number> {
  const omitting = choice.omitUntranslated && choice.lang !== 'en';
  if (!omitting && Object.values(choice.filters ?? {}).every((value) => value === undefined)) return countLive(db, 'article', choice.now);
  const row = await liveArticles(db, choice)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Published articles dated after `date` (to number a year group continued from an earlier page). */
export async function countPublishedAfter(db: Db, choice: TextChoice, date: string): Promise<number> {
  const row = await liveArticles(db, choice)
    .where('a.published_on', '>', date)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * The published article whose address in `lang` ends in `slug`: its
 * published translation's slug, or its English slug while it has none.
 */
export async function findLiveArticleIdBySlug(db: Db, lang: LangCode, slug: string, now: Date): Promise<number | undefined> {
  const row = await publishedWithText(db, { lang, now, omitUntranslated: false })
    // The shown slug is computed, so no index can answer it; the slug must be that of the English
    // text or of the text in `lang`, which the (lang, slug) index finds at once. Without this the
    // query read every published article (a third of a second with 50,000).
    .where('a.id', 'in', (eb) =>
      eb.selectFrom('article_translations as s').select('s.article_id').where('s.slug', '=', slug).where('s.lang', 'in', lang === 'en' ? ['en'] : ['en', lang]),
    )
    .where(shownSlug, '=', slug)
    .select('a.id')
    .orderBy('a.id')
    .executeTakeFirst();
  return row?.id;
}

/**
 * A published article known by `slug` in some language: an address from the
 * other language, from before its translation was published, or from while
 * it was, that should move to the article's current address.
 */
export async function findLiveArticleIdByAnySlug(db: Db, slug: string, now: Date): Promise<number | undefined> {
  const row = await db
    .selectFrom('articles as a')
    .innerJoin('article_translations as t', 't.article_id', 'a.id')
    .where(isLive('a', now))
    .where('t.slug', '=', slug)
    .select('a.id')
    .orderBy('a.id')
    .executeTakeFirst();
  return row?.id;
}

export async function findArticleById(db: Db, id: number): Promise<ArticleRow | undefined> {
  return db.selectFrom('articles').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The article with this id if visitors may see it now. */
export async function findLiveArticleById(db: Db, id: number, now: Date): Promise<ArticleRow | undefined> {
  return db.selectFrom('articles as a').selectAll('a').where('a.id', '=', id).where(isLive('a', now)).executeTakeFirst();
}

export async function findArticleBySlug(db: Db, slug: string): Promise<ArticleRow | undefined> {
  return db.selectFrom('articles').selectAll().where('slug', '=', slug).executeTakeFirst();
}

export async function findArticleBySourceKey(db: Db, sourceKey: string): Promise<ArticleRow | undefined> {
  return db.selectFrom('articles').selectAll().where('source_key', '=', sourceKey).executeTakeFirst();
}

export async function listArticleTranslations(db: Db, articleId: number) {
  return db.selectFrom('article_translations').selectAll().where('article_id', '=', articleId).execute();
}

/** Articles dated `date` that have English text, in the order entered (for pairing translated pages). */
export async function listEnglishArticlesOn(db: Db, date: string): Promise<ArticleRow[]> {
  return db
    .selectFrom('articles as a')
    .innerJoin('article_translations as te', (j) => j.onRef('te.article_id', '=', 'a.id').on('te.lang', '=', 'en'))
    .selectAll('a')
    .where('a.published_on', '=', date)
    .orderBy('a.id', 'asc')
    .execute();
}

export async function slugExists(db: Db, slug: string): Promise<boolean> {
  const row = await db.selectFrom('articles').select('id').where('slug', '=', slug).executeTakeFirst();
  return row !== undefined;
}

export async function insertArticle(db: Db, row: NewArticleRow): Promise<number> {
  const inserted = await db.insertInto('articles').values(row).returning('id').executeTakeFirstOrThrow();
  return inserted.id;
}

export async function updateArticle(db: Db, id: number, changes: Updateable<ArticlesTable>): Promise<void> {
  await db.updateTable('articles').set(changes).where('id', '=', id).execute();
}

export interface ArticleTextInput {
  title: string;
  summary?: string | null;
  body?: string | null;
  hero_alt?: string | null;
  byline_role?: string | null;
  byline_organisation?: string | null;
}

/** A translation row's own address and status; left as they are when not given. */
export interface TranslationPublishingInput {
  slug?: string;
  status?: TranslationStatus;
}

/**
 * Inserts or replaces one language's text of an article. A new English row
 * without a slug takes the article's own slug, so every English text has an address.
 */
export async function upsertArticleTranslation(
  db: Db,
  articleId: number,
  lang: LangCode,
  text: ArticleTextInput,
  now: string,
  publishing: TranslationPublishingInput = {},
): Promise<void> {
  const values = {
    title: text.title,
    summary: text.summary ?? null,
    body: text.body ?? null,
    // Rendered here, where every writer passes, so that no text is stored without its HTML.
    body_html: renderMarkdownForStorage(text.body),
    hero_alt: text.hero_alt ?? null,
    byline_role: text.byline_role ?? null,
    byline_organisation: text.byline_organisation ?? null,
    updated_at: now,
  };
  const given = {
    ...(publishing.slug !== undefined ? { slug: publishing.slug } : {}),
    ...(publishing.status !== undefined ? { status: publishing.status } : {}),
  };
  let slug = publishing.slug ?? null;
  if (slug === null && lang === 'en') slug = (await findArticleById(db, articleId))?.slug ?? null;
  await db
    .insertInto('article_translations')
    .values({ article_id: articleId, lang, created_at: now, ...values, ...given, slug })
    .onConflict((oc) => oc.columns(['article_id', 'lang']).doUpdateSet({ ...values, ...given }))
    .execute();
}
