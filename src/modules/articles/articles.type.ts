/**
 * Articles as a kind of content, described once: their tables, their
 * translated fields, their own columns and how they are stored. The editing
 * service, the form and the admin are driven by this description; what is
 * particular to articles (the photo credit and the byline, their rules) is in
 * articles.schemas.ts.
 */
import type { BylineKind } from '../../db/schema.js';
import {
  optionalLongText,
  optionalText,
  textField,
  type ContentKindDescription,
  type ContentOf,
  type SnapshotOf,
  type TextColumnsOf,
  type TextOf,
} from '../content/index.js';
import { heroChoiceProblems, MARKDOWN_MAX_LENGTH } from '../media/index.js';

// Limits: generous for real articles, small enough to keep pages and the database sane.
const MAX_SUMMARY = 2000;
const MAX_NAME = 200;
const MAX_ALT = 500;

/**
 * An article's translated fields after its title, each with the same rule in
 * both languages and its label (words several kinds share come from the
 * catalogues by their key). A new one is a line here and its column's
 * migration; the article page shows it where articles.views.tsx says.
 */
export const articleTexts = {
  summary: textField(optionalLongText(MAX_SUMMARY), { label: 'editing.field.summary', long: true, rows: 3, hint: 'editing.hint.summary' }),
  body: textField(optionalLongText(MARKDOWN_MAX_LENGTH.body, 'editing.error.bodyTooLong'), {
    label: { en: 'Body text', vi: 'Nội dung' },
    markdown: true,
    rows: 16,
    hint: 'editing.hint.body',
  }),
  hero_alt: textField(optionalText(MAX_ALT), { label: { en: 'Hero image description (alt text)', vi: 'Mô tả ảnh chính (văn bản thay thế)' } }),
  byline_role: textField(optionalText(MAX_NAME), { label: { en: "Author's role", vi: 'Chức vụ của tác giả' } }),
  byline_organisation: textField(optionalText(MAX_NAME), { label: { en: "Author's organisation", vi: 'Tổ chức của tác giả' } }),
};

/** What only articles have, as stored and as a validated form gives it. */
export interface ArticleFields {
  published_on: string;
  /** The hero from the media library (it brings its own description and credit). */
  hero_media_id: number | null;
  /** An imported article's hero: an address, described by `hero_alt` and credited on the article. */
  hero_image_path: string | null;
  credit_holder: string | null;
  credit_photographer: string | null;
  credit_year: number | null;
  byline_kind: BylineKind | null;
  byline_name: string | null;
}

/** An article's text in one language; its translation row's text columns. */
export type ArticleText = TextOf<typeof articleTexts>;
export type ArticleTextColumns = TextColumnsOf<typeof articleTexts>;

// The translation table's text columns are the fields declared above: db/schema.ts names only what every kind's row has.
declare module '../../db/schema.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ArticleTranslationsTable extends ArticleTextColumns {}
}

/** What the article form edits as stored; the whole article as revisions keep it. */
export type ArticleContent = ContentOf<typeof articleTexts, ArticleFields>;
export type ArticleSnapshot = SnapshotOf<typeof articleTexts, ArticleFields>;

/** The description of articles every kind-blind layer works from. */
export const articleKind: ContentKindDescription<ArticleSnapshot, typeof articleTexts> = {
  kind: 'article',
  tables: { items: 'articles', texts: 'article_translations', fk: 'article_id', topics: 'article_topics', programmes: 'article_programmes' },
  texts: articleTexts,
  fields: ['published_on', 'hero_media_id', 'hero_image_path', 'credit_holder', 'credit_photographer', 'credit_year', 'byline_kind', 'byline_name'],
  fallbackSlug: 'article',
  list: { columns: ['published_on'], orderBy: 'published_on' },
  check: (trx, input) => heroChoiceProblems(trx, input.hero_media_id),
};
