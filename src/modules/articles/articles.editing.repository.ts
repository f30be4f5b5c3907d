/**
 * Queries behind editing articles in the admin: whole articles by id, their
 * tags, conditional updates for optimistic locking and for the scheduler, and
 * the admin lists. Public listings stay in articles.repository.ts.
 */
import { sql, type Insertable, type Kysely, type Transaction, type Updateable } from 'kysely';
import type { ArticlesTable, ArticleTranslationsTable, Database, LangCode, PublicationStatus } from '../../db/schema.js';

type Db = Kysely<Database> | Transaction<Database>;

export async function listArticleTagIds(db: Db, articleId: number): Promise<{ topics: number[]; programmes: number[] }> {
  const topics = await db.selectFrom('article_topics').select('topic_id').where('article_id', '=', articleId).orderBy('topic_id').execute();
  const programmes = await db
    .selectFrom('article_programmes')
    .select('programme_id')
    .where('article_id', '=', articleId)
    .orderBy('programme_id')
    .execute();
  return { topics: topics.map((r) => r.topic_id), programmes: programmes.map((r) => r.programme_id) };
}

/** Replaces the article's topics and programmes. */
export async function replaceArticleTags(db: Db, articleId: number, topics: number[], programmes: number[]): Promise<void> {
  await db.deleteFrom('article_topics').where('article_id', '=', articleId).execute();
  await db.deleteFrom('article_programmes').where('article_id', '=', articleId).execute();
  if (topics.length > 0) await db.insertInto('article_topics').values(topics.map((topic_id) => ({ article_id: articleId, topic_id }))).execute();
  if (programmes.length > 0) {
    await db.insertInto('article_programmes').values(programmes.map((programme_id) => ({ article_id: articleId, programme_id }))).execute();
  }
}

export async function deleteArticleTranslation(db: Db, articleId: number, lang: LangCode): Promise<void> {
  await db.deleteFrom('article_translations').where('article_id', '=', articleId).where('lang', '=', lang).execute();
}

/** Updates the article only if it is still at `revision`, moving it to the next; false when someone saved first. */
export async function updateArticleAtRevision(db: Db, id: number, revision: number, changes: Updateable<ArticlesTable>): Promise<boolean> {
  const result = await db
    .updateTable('articles')
    .set({ ...changes, revision: revision + 1 })
    .where('id', '=', id)
    .where('revision', '=', revision)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function deleteArticleRow(db: Db, id: number): Promise<void> {
  await db.deleteFrom('articles').where('id', '=', id).execute();
}

/**
 * Whether another article (not `exceptId`) uses `slug`: as its own slug or as
 * the slug of one of its texts, in any language.
 */
export async function slugUsedByOtherArticle(db: Db, slug: string, exceptId: number | null): Promise<boolean> {
  const other = exceptId ?? -1;
  const item = await db.selectFrom('articles').select('id').where('slug', '=', slug).where('id', '<>', other).executeTakeFirst();
  if (item) return true;
  const text = await db.selectFrom('article_translations').select('article_id').where('slug', '=', slug).where('article_id', '<>', other).executeTakeFirst();
  return text !== undefined;
}

/** Scheduled articles whose time has come. */
export async function listDueArticleIds(db: Db, now: string): Promise<number[]> {
  const rows = await db
    .selectFrom('articles')
    .select('id')
    .where('status', '=', 'published')
    .where('publish_at', 'is not', null)
    .where('publish_at', '<=', now)
    .orderBy('publish_at')
    .execute();
  return rows.map((r) => r.id);
}

/**
 * Marks a due article as gone live, if no one has yet, in one conditional
 * UPDATE (see claimDueEvent). Returns the new revision, or undefined.
 */
export async function claimDueArticle(db: Db, id: number, now: string): Promise<number | undefined> {
  const row = await db
    .updateTable('articles')
    .set((eb) => ({ publish_at: null, revision: eb('revision', '+', 1), updated_at: now }))
    .where('id', '=', id)
    .where('status', '=', 'published')
    .where('publish_at', 'is not', null)
    .where('publish_at', '<=', now)
    .returning('revision')
    .executeTakeFirst();
  return row?.revision;
}

export interface ArticleSummaryRow {
  id: number;
  slug: string;
  status: PublicationStatus;
  published_on: string;
  publish_at: string | null;
  updated_at: string;
  created_by: number | null;
  title: string;
  has_vi: number;
}

type ListFilter = { status?: PublicationStatus | 'scheduled'; now: string };

/** Articles for the admin list, newest date first, optionally of one status. */
export async function listArticleSummaries(db: Db, filter: ListFilter, limit: number, offset: number): Promise<ArticleSummaryRow[]> {
  let query = db
    .selectFrom('articles as a')
    .innerJoin('article_translations as te', (j) => j.onRef('te.article_id', '=', 'a.id').on('te.lang', '=', 'en'))
    .select([
      'a.id',
      'a.slug',
      'a.status',
      'a.published_on',
      'a.publish_at',
      'a.updated_at',
      'a.created_by',
      'te.title',
      sql<number>`case when exists (select 1 from article_translations tv where tv.article_id = a.id and tv.lang = 'vi') then 1 else 0 end`.as(
        'has_vi',
      ),
    ]);
  if (filter.status === 'scheduled') query = query.where('a.status', '=', 'published').where('a.publish_at', '>', filter.now);
  else if (filter.status) query = query.where('a.status', '=', filter.status);
  return query.orderBy('a.published_on', 'desc').orderBy('a.id', 'desc').limit(limit).offset(offset).execute();
}

export async function countArticleSummaries(db: Db, filter: ListFilter): Promise<number> {
  let query = db.selectFrom('articles as a');
  if (filter.status === 'scheduled') query = query.where('a.status', '=', 'published').where('a.publish_at', '>', filter.now);
  else if (filter.status) query = query.where('a.status', '=', filter.status);
  const row = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Rows per multi-row INSERT: under SQLite's 32,766 bound values for the widest row here (about 20 columns). */
const ROWS_PER_INSERT = 500;

function* chunks<T>(rows: readonly T[]): Generator<T[]> {
  for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) yield rows.slice(start, start + ROWS_PER_INSERT);
}

/** Inserts many articles; their ids by slug. */
export async function insertArticles(db: Db, rows: readonly Insertable<ArticlesTable>[]): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const chunk of chunks(rows)) {
    for (const r of await db.insertInto('articles').values(chunk).returning(['id', 'slug']).execute()) ids.set(r.slug, r.id);
  }
  return ids;
}

/** Inserts many texts of new articles (their HTML already rendered). */
export async function insertArticleTranslations(db: Db, rows: readonly Insertable<ArticleTranslationsTable>[]): Promise<void> {
  for (const chunk of chunks(rows)) await db.insertInto('article_translations').values(chunk).execute();
}

/** Links many new articles to their topics and programmes. */
export async function insertArticleTags(db: Db, rows: readonly { articleId: number; topics: number[]; programmes: number[] }[]): Promise<void> {
  const topics = rows.flatMap((r) => r.topics.map((topic_id) => ({ article_id: r.articleId, topic_id })));
  const programmes = rows.flatMap((r) => r.programmes.map((programme_id) => ({ article_id: r.articleId, programme_id })));
  for (const chunk of chunks(topics)) await db.insertInto('article_topics').values(chunk).execute();
  for (const chunk of chunks(programmes)) await db.insertInto('article_programmes').values(chunk).execute();
}
