/** What visitors can see of feature articles: the listing by year and one article. */
import type { Kysely } from 'kysely';
import type { ArticleRow, Database, LangCode } from '../../db/schema.js';
import { NotFoundError } from '../../shared/errors.js';
import { pageInfo, type PageInfo } from '../../shared/pagination.js';
import * as repo from './articles.repository.js';
import type { ArticleListRow } from './articles.repository.js';

export type { ArticleListRow };

export interface ArticlesListing {
  info: PageInfo;
  rows: ArticleListRow[];
  /** Each row's 1-based number within its year group (continuing across pages). */
  numbers: number[];
}

/** One page of published articles, newest first, 20 to a page; NotFoundError past the last page. */
export async function listArticlesPage(db: Kysely<Database>, lang: LangCode, page: number): Promise<ArticlesListing> {
  const total = await repo.countPublishedArticles(db);
  const info = pageInfo(page, total);
  if (page > info.pages) throw new NotFoundError();
  const rows = await repo.listPublishedArticles(db, lang, info.pageSize, info.offset);
  let first = 1;
  const head = rows[0];
  if (head && info.offset > 0) {
    const newer = await repo.countPublishedAfter(db, `${head.published_on.slice(0, 4)}-12-31`);
    first = info.offset - newer + 1;
  }
  const numbers: number[] = [];
  let year = '';
  let n = 0;
  for (const [i, row] of rows.entries()) {
    const y = row.published_on.slice(0, 4);
    n = y === year ? n + 1 : i === 0 ? first : 1;
    year = y;
    numbers.push(n);
  }
  return { info, rows, numbers };
}

/** How many articles the home page lists. */
const LATEST_COUNT = 5;

/** The newest published articles, for the home page. */
export async function latestArticles(db: Kysely<Database>, lang: LangCode): Promise<ArticleListRow[]> {
  return repo.listPublishedArticles(db, lang, LATEST_COUNT);
}

export interface ArticleDetail {
  article: ArticleRow;
  title: string;
  summary: string | null;
  body: string | null;
  heroAlt: string | null;
  bylineRole: string | null;
  bylineOrganisation: string | null;
  textLang: LangCode;
}

/** A published article by slug, in `lang` or English when not translated. */
export async function getPublishedArticle(db: Kysely<Database>, slug: string, lang: LangCode): Promise<ArticleDetail> {
  const article = await repo.findArticleBySlug(db, slug);
  if (!article || article.status !== 'published') throw new NotFoundError();
  const translations = await repo.listArticleTranslations(db, article.id);
  const text = translations.find((t) => t.lang === lang) ?? translations.find((t) => t.lang === 'en');
  if (!text) throw new NotFoundError();
  return {
    article,
    title: text.title,
    summary: text.summary,
    body: text.body,
    heroAlt: text.hero_alt,
    bylineRole: text.byline_role,
    bylineOrganisation: text.byline_organisation,
    textLang: text.lang,
  };
}
