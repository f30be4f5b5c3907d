/**
 * Queries for news feeds and topic pages: published articles with everything
 * a feed entry needs, in one language (English where untranslated), and the
 * names of their topics.
 */
import type { Kysely, Transaction } from 'kysely';
import { shownColumn, shownLang, shownSlug, type TagName } from '../content/index.js';
import { liveArticles, rows, type TextChoice } from './articles.repository.js';
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
  const filters = scope.kind === 'topic' ? { topic: scope.slug } : scope.kind === 'programme' ? { programme: scope.slug } : undefined;
  const ids = await rows.pickIds(liveArticles(db, { ...choice, filters }).select('a.id').orderBy('a.published_on', 'desc').orderBy('a.id', 'asc').limit(limit));
  const text = <T>(column: string) => shownColumn<T>(column).as(column);
  const found = await rows.rowsInOrder(db, choice.lang, ids, (query) =>
    query.select([
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
      'a.created_at',
      'a.updated_at',
      text<string>('title'),
      ...(['summary', 'body', 'body_html', 'hero_alt', 'byline_role', 'byline_organisation'] as const).map((column) => text<string | null>(column)),
      shownLang.as('text_lang'),
    ]),
  );
  // The shown columns are named by a loop, which the query builder cannot follow.
  return found as unknown as NewsArticleRow[];
}

/** The topics of these articles, by slug with their name in `lang` (English where untranslated), by article id, sorted by slug. */
export function listArticleTopicNames(db: Db, articleIds: number[], lang: LangCode): Promise<Map<number, TagName[]>> {
  return rows.listTopicNames(db, articleIds, lang);
}
