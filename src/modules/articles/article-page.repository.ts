/**
 * What an article's public page reads, in one statement (content's
 * keptItemPage): the live article its address names, with its texts in every
 * language, its programmes and topics, and its hero.
 */
import type { Kysely } from 'kysely';
import type { ArticleRow, ArticleTranslationRow, Database, LangCode } from '../../db/schema.js';
import { keptItemPage, type ItemPageRead } from '../content/index.js';
import { rows } from './articles.repository.js';
import { articleTexts } from './articles.type.js';

/** The live article and its lists; kept compiled per language. */
const articlePage = keptItemPage(rows.tables, articleTexts);

/**
 * An article as its public page reads it: as content's ItemPageRead, the
 * item named `article`. Its hero is from the media library (imported
 * articles have `hero_image_path` instead).
 */
export interface ArticlePageRead extends Omit<ItemPageRead<ArticleRow, ArticleTranslationRow, object>, 'item' | 'lists'> {
  article: ArticleRow;
}

/**
 * The live article whose address in `lang` ends in its shown slug `slug`,
 * with its texts and tags; undefined when none has it (another language's
 * slug, an old one: see findLiveArticleByAddress).
 */
export async function findLiveArticlePage(db: Kysely<Database>, lang: LangCode, slug: string, now: Date): Promise<ArticlePageRead | undefined> {
  const page = await articlePage(db, lang, slug, now);
  if (page === undefined) return undefined;
  const { item, texts, programmes, topics, hero } = page;
  return { article: item, texts, programmes, topics, hero };
}
