/** Queries on feature articles; published ones only for visitors' listings. */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { ArticleRow, Database, LangCode, NewArticleRow, ArticlesTable } from '../../db/schema.js';
import type { Updateable } from 'kysely';

type Db = Kysely<Database> | Transaction<Database>;

export interface ArticleListRow {
  id: number;
  slug: string;
  published_on: string;
  hero_image_path: string | null;
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

function publishedWithText(db: Db, lang: LangCode) {
  return db
    .selectFrom('articles as a')
    .innerJoin('article_translations as te', (j) => j.onRef('te.article_id', '=', 'a.id').on('te.lang', '=', 'en'))
    .leftJoin('article_translations as tl', (j) => j.onRef('tl.article_id', '=', 'a.id').on('tl.lang', '=', lang))
    .where('a.status', '=', 'published');
}

/** Picks the asked-for language's column when that translation exists, else English. */
function pick<T>(column: string) {
  return sql<T>`case when tl.title is null then ${sql.ref(`te.${column}`)} else ${sql.ref(`tl.${column}`)} end`;
}

/** Published articles, newest first; the same day keeps the order they were entered. */
export async function listPublishedArticles(db: Db, lang: LangCode, limit: number, offset = 0): Promise<ArticleListRow[]> {
  return publishedWithText(db, lang)
    .select([
      'a.id',
      'a.slug',
      'a.published_on',
      'a.hero_image_path',
      'a.credit_holder',
      'a.credit_photographer',
      'a.credit_year',
      'a.byline_kind',
      'a.byline_name',
      pick<string>('title').as('title'),
      pick<string | null>('summary').as('summary'),
      pick<string | null>('hero_alt').as('hero_alt'),
      pick<string | null>('byline_role').as('byline_role'),
      pick<string | null>('byline_organisation').as('byline_organisation'),
      sql<LangCode>`case when tl.title is null then 'en' else tl.lang end`.as('text_lang'),
    ])
    .orderBy('a.published_on', 'desc')
    .orderBy('a.id', 'asc')
    .limit(limit)
    .offset(offset)
    .execute();
}

export async function countPublishedArticles(db: Db): Promise<number> {
  const row = await publishedWithText(db, 'en')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Published articles dated after `date` (to number a year group continued from an earlier page). */
export async function countPublishedAfter(db: Db, date: string): Promise<number> {
  const row = await publishedWithText(db, 'en')
    .where('a.published_on', '>', date)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
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

/** Inserts or replaces one language's text of an article. */
export async function upsertArticleTranslation(db: Db, articleId: number, lang: LangCode, text: ArticleTextInput, now: string) {
  const values = {
    title: text.title,
    summary: text.summary ?? null,
    body: text.body ?? null,
    hero_alt: text.hero_alt ?? null,
    byline_role: text.byline_role ?? null,
    byline_organisation: text.byline_organisation ?? null,
    updated_at: now,
  };
  await db
    .insertInto('article_translations')
    .values({ article_id: articleId, lang, created_at: now, ...values })
    .onConflict((oc) => oc.columns(['article_id', 'lang']).doUpdateSet(values))
    .execute();
}
