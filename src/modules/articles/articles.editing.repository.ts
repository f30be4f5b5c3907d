/**
 * Queries behind editing articles in the admin: whole articles by id, their
 * tags, conditional updates for optimistic locking and for the scheduler, and
 * the admin lists. Public listings stay in articles.repository.ts.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database, PublicationStatus } from '../../db/schema.js';
import { editingRows, type SummaryFilter } from '../content/index.js';

type Db = Kysely<Database> | Transaction<Database>;

/** The shared editing queries (content/editing.repository.ts) on the article tables. */
export const rows = editingRows({
  items: 'articles',
  texts: 'article_translations',
  fk: 'article_id',
  topics: 'article_topics',
  programmes: 'article_programmes',
});

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

/** Articles for the admin list, newest date first, optionally of one status. */
export async function listArticleSummaries(db: Db, filter: SummaryFilter, limit: number, offset: number): Promise<ArticleSummaryRow[]> {
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
