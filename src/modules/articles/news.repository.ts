/**
 * Queries for news feeds and topic pages: published articles with everything
 * a feed entry needs, in one language (English where untranslated), and the
 * names of their topics.
 */
import type { Kysely, Transaction } from 'kysely';
import { shownText, type TagName } from '../content/index.js';
import { liveArticles, rows, selectListed, type ArticleListRow, type TextChoice } from './articles.repository.js';
import type { ArticleRow, Database, LangCode } from '../../db/schema.js';

type Db = Kysely<Database> | Transaction<Database>;

/** An article as a feed entry: as listed, with its body and when it was made and last changed. */
export interface NewsArticleRow extends ArticleListRow, Pick<ArticleRow, 'created_at' | 'updated_at'> {
  body: string | null;
  /** The body's HTML, rendered when it was saved (null without a body, or before it is rendered). */
  body_html: string | null;
}

/** Which articles: all, or those tagged with one topic or programme (by slug). */
export type ArticleScope = { kind: 'all' } | { kind: 'topic'; slug: string } | { kind: 'programme'; slug: string };

/** The newest articles visitors may see at `choice.now` in a scope, newest first, with their text in `lang` (English where untranslated). */
export async function listNewsArticles(db: Db, choice: TextChoice, scope: ArticleScope, limit: number): Promise<NewsArticleRow[]> {
  const filters = scope.kind === 'topic' ? { topic: scope.slug } : scope.kind === 'programme' ? { programme: scope.slug } : undefined;
  const ids = await rows.pickIds(liveArticles(db, { ...choice, filters }).select('a.id').orderBy('a.published_on', 'desc').orderBy('a.id', 'asc').limit(limit));
  return rows.rowsInOrder(db, choice.lang, ids, (query, lang) =>
    selectListed(query, lang).select(['a.created_at', 'a.updated_at', ...shownText(lang).texts(['body', 'body_html'])]),
  );
}

/** The topics of these articles, by slug with their name in `lang` (English where untranslated), by article id, sorted by slug. */
export function listArticleTopicNames(db: Db, articleIds: number[], lang: LangCode): Promise<Map<number, TagName[]>> {
  return rows.listTopicNames(db, articleIds, lang);
}
