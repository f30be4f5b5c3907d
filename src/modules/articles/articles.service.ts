/**
 * What visitors can see of feature articles: the listing by year and one
 * article. Only articles visitors may see at `now` are shown: published, and
 * past their publication time if scheduled.
 */
import type { Kysely } from 'kysely';
import type { ArticleRow, Database, LangCode } from '../../db/schema.js';
import { NotFoundError } from '../../shared/errors.js';
import { pageInfo, type PageInfo } from '../../shared/pagination.js';
import { loadPicture, loadPictures, type PictureImage } from '../media/index.js';
import { LANGS } from '../i18n/index.js';
import { rememberedLiveRead, visitorsTextChoice } from '../content/index.js';
import { getSettings, type Settings } from '../settings/index.js';
import { knownTerms, listProgrammes, listTopics, type TermRow } from '../taxonomy/index.js';
import * as repo from './articles.repository.js';
import { findLiveArticlePage, type ArticlePageRead } from './article-page.repository.js';
import type { ArticleFilters, ArticleListRow, TextChoice } from './articles.repository.js';
import type { ArticleTextColumns } from './articles.type.js';

export type { ArticleFilters, ArticleListRow };

/** Which text visitors' listings in `lang` show at `now`, per the site's `untranslated` setting. */
export interface ArticlesListing {
  info: PageInfo;
  rows: ArticleListRow[];
  /** Each row's 1-based number within its year group (continuing across pages). */
  numbers: number[];
  /** Library images of the rows that have one, by media id. */
  pictures: Map<number, PictureImage>;
  /** The filters applied (a topic or programme no one has is left out: see `unknown`). */
  filters: ArticleFilters;
  /** Slugs asked for that name no topic or programme; the page says they were left out. */
  unknown: { topic?: string; programme?: string };
  /** The choices of the filter form. */
  options: { years: number[]; topics: TermRow[]; programmes: TermRow[] };
}

/** The years of visitors' articles at `now`, newest first: the listing's year choices (an ItemYears). */
export async function visitorsArticleYears(db: Kysely<Database>, lang: LangCode, now: Date): Promise<number[]> {
  return articleYears(db, await visitorsTextChoice(db, lang, now));
}

/** The years of the articles visitors may see by `choice` (its filters aside), kept until they can change. */
function articleYears(db: Kysely<Database>, choice: TextChoice): Promise<number[]> {
  return rememberedLiveRead(db, `article years ${choice.lang} ${choice.omitUntranslated}`, choice.now, () => repo.listArticleYears(db, { ...choice, filters: undefined }));
}

/**
 * One page of published articles, newest first, 20 to a page; in Vietnamese,
 * untranslated ones in English or left out per the `untranslated` setting.
 * `asked` narrows the list (year, topic, programme); a topic or programme
 * slug naming nothing is dropped and reported in `unknown`. Also gives the
 * filter form's choices. NotFoundError past the last page.
 */
export async function listArticlesPage(
  db: Kysely<Database>,
  lang: LangCode,
  now: Date,
  page: number,
  asked: ArticleFilters = {},
): Promise<ArticlesListing> {
  const unfiltered = await visitorsTextChoice(db, lang, now);
  const [years, topics, programmes] = await Promise.all([articleYears(db, unfiltered), listTopics(db, lang), listProgrammes(db, lang)]);
  const { filters, unknown } = knownTerms(asked, topics, programmes);
  const choice: TextChoice = { ...unfiltered, filters };
  const total = await repo.countPublishedArticles(db, choice);
  const info = pageInfo(page, total);
  if (page > info.pages) throw new NotFoundError();
  const rows = await repo.listPublishedArticles(db, choice, info.pageSize, info.offset);
  let first = 1;
  const head = rows[0];
  if (head && info.offset > 0) {
    const newer = await repo.countPublishedAfter(db, choice, `${head.published_on.slice(0, 4)}-12-31`);
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
  const pictures = await loadPictures(db, rows.map((r) => r.hero_media_id));
  return { info, rows, numbers, pictures, filters, unknown, options: { years, topics, programmes } };
}

/** The newest `limit` articles matching the filters (a topic's or programme's page), with how many match. */
export async function listArticlesFiltered(
  db: Kysely<Database>,
  lang: LangCode,
  now: Date,
  filters: ArticleFilters,
  limit: number,
): Promise<{ rows: ArticleListRow[]; total: number }> {
  const choice: TextChoice = { ...(await visitorsTextChoice(db, lang, now)), filters };
  const [rows, total] = await Promise.all([repo.listPublishedArticles(db, choice, limit), repo.countPublishedArticles(db, choice)]);
  return { rows, total };
}

/**
 * Articles sharing a topic or programme with an event (its tags by slug),
 * newest first, at most `limit`; none for an untagged event.
 */
export async function listRelatedArticles(
  db: Kysely<Database>,
  lang: LangCode,
  now: Date,
  sharing: { topics: string[]; programmes: string[] },
  limit: number,
): Promise<ArticleListRow[]> {
  return repo.listPublishedArticles(db, { ...(await visitorsTextChoice(db, lang, now)), filters: { sharing } }, limit);
}

/** How many articles the home page lists. */
const LATEST_COUNT = 5;

/** The newest published articles, for the home page. */
export async function latestArticles(db: Kysely<Database>, lang: LangCode, now: Date): Promise<ArticleListRow[]> {
  return repo.listPublishedArticles(db, await visitorsTextChoice(db, lang, now), LATEST_COUNT);
}

export interface ArticleDetail {
  article: ArticleRow;
  title: string;
  summary: string | null;
  body: string | null;
  /** The body's HTML, rendered when it was saved (null without a body, or before it is rendered). */
  bodyHtml: string | null;
  heroAlt: string | null;
  bylineRole: string | null;
  bylineOrganisation: string | null;
  /**
   * The text shown, with every translated field its description declares
   * (articles.type.ts): a field added there reaches the page's view with no
   * change here.
   */
  text: ArticleTextColumns;
  textLang: LangCode;
  /** The hero from the media library; imported articles have `article.hero_image_path` instead. */
  hero: PictureImage | null;
  /** The article's slug in each language, for the switcher and hreflang links. */
  slugs: Record<LangCode, string>;
  /**
   * The languages the page is indexed in (hreflang, sitemap): English, each
   * language the article's text is published in, and every other one too when
   * the site shows English in place of a missing translation ('fallback').
   */
  indexedIn: LangCode[];
  programmes: { slug: string; name: string }[];
  topics: { slug: string; name: string }[];
}

/**
 * The article visitors may see at `now` whose address in `lang` ends in
 * `slug`, with its text in `lang`: the translation once published, else
 * English (textLang says which). An address using its slug in another
 * language, or an old slug (slug_redirects), also finds it; the route then
 * moves the visitor to `slugs[lang]`. Throws NotFoundError.
 */
export async function getPublishedArticle(db: Kysely<Database>, slug: string, lang: LangCode, now: Date): Promise<ArticleDetail> {
  // Nearly every visit names the article by its shown slug: the article, its texts, tags and hero come in one statement.
  const [page, settings] = await Promise.all([findLiveArticlePage(db, lang, slug, now), getSettings(db)]);
  if (page !== undefined) return detailOf(page, settings, lang, {});
  const article = await repo.findLiveArticleByAddress(db, lang, slug, now);
  if (!article) throw new NotFoundError();
  return articleDetail(db, article, lang);
}

/**
 * An article as its page in `lang` shows it. With `draftText` (an editor's
 * preview) a translation is shown even before it is published.
 */
export async function articleDetail(
  db: Kysely<Database>,
  article: ArticleRow,
  lang: LangCode,
  options: { draftText?: boolean } = {},
): Promise<ArticleDetail> {
  // Each look needs only the article's row, so they are asked together: on PostgreSQL the page then
  // waits for one round trip instead of three in turn.
  const [texts, settings, hero, taxonomy] = await Promise.all([
    repo.listArticleTranslations(db, article.id),
    getSettings(db),
    loadPicture(db, article.hero_media_id),
    repo.listArticleTaxonomy(db, article.id, lang),
  ]);
  return detailOf({ article, texts, ...taxonomy, hero }, settings, lang, options);
}

/** The page's detail from what was read of the article. */
function detailOf(read: ArticlePageRead, { untranslated }: Settings, lang: LangCode, options: { draftText?: boolean }): ArticleDetail {
  const { article, texts: translations, programmes, topics, hero } = read;
  const english = translations.find((t) => t.lang === 'en');
  if (!english) throw new NotFoundError();
  const shown = (l: LangCode) => translations.find((t) => t.lang === l && (l === 'en' || options.draftText === true || t.status === 'published'));
  const englishSlug = english.slug ?? article.slug;
  const slugs = Object.fromEntries(LANGS.map((l) => [l, shown(l)?.slug ?? englishSlug])) as Record<LangCode, string>;
  const indexedIn = LANGS.filter((l) => shown(l) !== undefined || untranslated === 'fallback');
  const text = shown(lang) ?? english;
  return {
    article,
    title: text.title,
    summary: text.summary,
    body: text.body,
    bodyHtml: text.body_html,
    heroAlt: text.hero_alt,
    bylineRole: text.byline_role,
    bylineOrganisation: text.byline_organisation,
    text,
    textLang: text.lang,
    hero,
    slugs,
    indexedIn,
    programmes,
    topics,
  };
}
