/**
 * Queries for news feeds and topic pages: published articles with everything
 * a feed entry needs, in one language (English where untranslated), and the
 * names of their topics.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import { isLive, shownTranslationStatuses } from '../content/index.js';
import type { TextChoice } from './articles.repository.js';
import type { BylineKind, Database, LangCode } from '../../db/schema.js';

type Db = Kysely<Database> | Transaction<Database>;

export interface NewsArticleRow {
  id: number;
  slug: string;
  published_on: string;
  hero_image_path: string | null;
  hero_media_id: number | null;
  credit_holder: string | null;
  credit_photographer: string | null;
  credit_year: number | null;
  byline_kind: BylineKind | null;
  byline_name: string | null;
  created_at: string;
  updated_at: string;
  title: string;
  summary: string | null;
  body: string | null;
  /** The body's HTML, rendered when it was saved (null without a body, or before it is rendered). */
  body_html: string | null;
  hero_alt: string | null;
  byline_role: string | null;
  byline_organisation: string | null;
  text_lang: LangCode;
}

/** Which articles: all, or those tagged with one topic or programme (by slug). */
export type ArticleScope = { kind: 'all' } | { kind: 'topic'; slug: string } | { kind: 'programme'; slug: string };

/** The newest articles visitors may see at `choice.now` in a scope, newest first, with their text in `lang` (English where untranslated). */
export async function listNewsArticles(db: Db, choice: TextChoice, scope: ArticleScope, limit: number): Promise<NewsArticleRow[]> {
  const pick = (column: 'summary' | 'body' | 'body_html' | 'hero_alt' | 'byline_role' | 'byline_organisation') =>
    sql<string | null>`case when tl.title is null then ${sql.ref(`te.${column}`)} else ${sql.ref(`tl.${column}`)} end`.as(column);
  let query = db
    .selectFrom('articles as a')
    .innerJoin('article_translations as te', (j) => j.onRef('te.article_id', '=', 'a.id').on('te.lang', '=', 'en'))
    .leftJoin('article_translations as tl', (j) =>
      j.onRef('tl.article_id', '=', 'a.id').on('tl.lang', '=', choice.lang).on('tl.status', 'in', shownTranslationStatuses(choice.lang)),
    )
    .where(isLive('a', choice.now))
    .select([
      'a.id',
      sql<string>`coalesce(tl.slug, te.slug, a.slug)`.as('slug'),
      'a.published_on',
      'a.hero_image_path',
      'a.hero_media_id',
      'a.credit_holder',
      'a.credit_photographer',
      'a.credit_year',
      'a.byline_kind',
      'a.byline_name',
      'a.created_at',
      'a.updated_at',
      sql<string>`coalesce(tl.title, te.title)`.as('title'),
      pick('summary'),
      pick('body'),
      pick('body_html'),
      pick('hero_alt'),
      pick('byline_role'),
      pick('byline_organisation'),
      sql<LangCode>`case when tl.title is null then 'en' else tl.lang end`.as('text_lang'),
    ]);
  if (choice.omitUntranslated && choice.lang !== 'en') query = query.where('tl.lang', 'is not', null);
  if (scope.kind === 'topic') {
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('article_topics as x')
          .innerJoin('topics as t', 't.id', 'x.topic_id')
          .select('x.article_id')
          .whereRef('x.article_id', '=', 'a.id')
          .where('t.slug', '=', scope.slug),
      ),
    );
  } else if (scope.kind === 'programme') {
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('article_programmes as x')
          .innerJoin('programmes as p', 'p.id', 'x.programme_id')
          .select('x.article_id')
          .whereRef('x.article_id', '=', 'a.id')
          .where('p.slug', '=', scope.slug),
      ),
    );
  }
  return query.orderBy('a.published_on', 'desc').orderBy('a.id', 'asc').limit(limit).execute();
}

/** The topics of these articles, by slug with their name in `lang` (English where untranslated), by article id, sorted by slug. */
export async function listArticleTopicNames(db: Db, articleIds: number[], lang: LangCode): Promise<Map<number, { slug: string; name: string }[]>> {
  const names = new Map<number, { slug: string; name: string }[]>();
  if (articleIds.length === 0) return names;
  const rows = await db
    .selectFrom('article_topics as x')
    .innerJoin('topics as t', 't.id', 'x.topic_id')
    .innerJoin('topic_translations as ne', (j) => j.onRef('ne.topic_id', '=', 't.id').on('ne.lang', '=', 'en'))
    .leftJoin('topic_translations as nl', (j) => j.onRef('nl.topic_id', '=', 't.id').on('nl.lang', '=', lang))
    .where('x.article_id', 'in', articleIds)
    .select(['x.article_id', 't.slug', sql<string>`coalesce(nl.name, ne.name)`.as('name')])
    .orderBy('x.article_id')
    .orderBy('t.slug')
    .execute();
  for (const row of rows) names.set(row.article_id, [...(names.get(row.article_id) ?? []), { slug: row.slug, name: row.name }]);
  return names;
}
