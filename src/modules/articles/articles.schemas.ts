/**
 * The article form: what it sends (urlencoded strings), how it is validated,
 * and how a stored article is turned back into form values. English text is
 * required; Vietnamese is optional, but once any Vietnamese field is filled
 * the Vietnamese title is required too. The photo credit and the byline are
 * structured, as on the public pages ("© ILO/Nguyen Hai Dat 2024").
 */
import { z } from 'zod';
import type { BylineKind } from '../../db/schema.js';
import { hasControlCharacter } from '../../shared/text/normalize.js';
import { calendarDate, kindForm, libraryChoice, optionalText, type InputOf, type FormResult } from '../content/index.js';
import { articleTexts, type ArticleContent, type ArticleFields } from './articles.type.js';

export type { ArticleContent, ArticleFields, ArticleText } from './articles.type.js';

export const BYLINE_KINDS = ['by', 'op-ed'] as const satisfies readonly BylineKind[];

// Limits: generous for real articles, small enough to keep pages and the database sane.
const MAX_TITLE = 300;
const MAX_NAME = 200;
const MAX_IMAGE_PATH = 2000;
// Photographs of the office's work are recent; older years are typos.
const FIRST_CREDIT_YEAR = 1900;
const LAST_CREDIT_YEAR = 2100;

/** A site path ('/media/…', not '//host') or an http(s) address. */
function isImageAddress(v: string): boolean {
  if (hasControlCharacter(v)) return false;
  if (v.startsWith('/')) return !v.startsWith('//') && !/\s/.test(v);
  try {
    const url = new URL(v);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/** An article's own fields as typed, one rule each; rules across fields are checked after them. */
const articleFieldRules = {
  published_on: calendarDate,
  hero_media_id: libraryChoice,
  hero_image_path: z
    .string()
    .trim()
    .max(MAX_IMAGE_PATH, { error: 'editing.error.tooLong' })
    .refine((v) => v === '' || isImageAddress(v), { error: 'editing.error.imagePath' })
    .transform((v) => (v === '' ? null : v)),
  credit_holder: optionalText(MAX_NAME),
  credit_photographer: optionalText(MAX_NAME),
  credit_year: z
    .string()
    .trim()
    .refine((v) => v === '' || (/^\d{4}$/.test(v) && Number(v) >= FIRST_CREDIT_YEAR && Number(v) <= LAST_CREDIT_YEAR), {
      error: 'editing.error.year',
    })
    .transform((v) => (v === '' ? null : Number(v))),
  byline_kind: z
    .string()
    .trim()
    .refine((v) => v === '' || (BYLINE_KINDS as readonly string[]).includes(v), { error: 'editing.error.choice' })
    .transform((v) => (v === '' ? null : (v as BylineKind))),
  byline_name: optionalText(MAX_NAME),
};

const articleForm = kindForm(articleFieldRules, articleTexts, MAX_TITLE);

/** The article form's schema, reader and translated fields (the title, then those articles.type.ts declares). */
export const { schema: articleFormSchema, read: readArticleForm, textFields: ARTICLE_TEXT_FIELDS } = articleForm;
export type ArticleFormValues = ReturnType<typeof readArticleForm>;
/** A validated article form: what the editing service saves. */
export type ArticleInput = InputOf<typeof articleTexts, ArticleFields>;

/** Validates the article form; returns one message key per field in error. */
export function validateArticleForm(values: ArticleFormValues): FormResult<ArticleInput> {
  return articleForm.validate(
    values,
    ({ errors, ok, raw }) => {
      const filled = (name: keyof ArticleFormValues & string) => raw(name) !== '';
      if (filled('hero_image_path') && ok('hero_image_path') && !filled('en_hero_alt')) errors.en_hero_alt = 'editing.error.heroAlt';
      if (filled('hero_image_path') && filled('hero_media_id') && ok('hero_image_path')) errors.hero_image_path = 'editing.error.twoHeroes';
      if ((filled('credit_photographer') || filled('credit_year')) && !filled('credit_holder')) errors.credit_holder = 'editing.error.creditHolder';
      if (filled('byline_kind') && ok('byline_kind') && !filled('byline_name')) errors.byline_name = 'editing.error.bylineName';
      if (filled('byline_name') && !filled('byline_kind')) errors.byline_kind = 'editing.error.bylineKind';
    },
    (data) => ({
      published_on: data.published_on,
      hero_media_id: data.hero_media_id,
      hero_image_path: data.hero_image_path,
      credit_holder: data.credit_holder,
      credit_photographer: data.credit_photographer,
      credit_year: data.credit_year,
      byline_kind: data.byline_kind,
      byline_name: data.byline_name,
    }),
  );
}

/** What an article form starts with: dated `today`. */
export function newArticleFormValues(today: string): ArticleFormValues {
  return { ...readArticleForm({}), published_on: today };
}

/** A stored article as form values. */
export function articleFormValues(article: ArticleContent, revision: number): ArticleFormValues {
  return articleForm.stored(article, revision, {
    published_on: article.published_on,
    hero_media_id: article.hero_media_id === null ? '' : String(article.hero_media_id),
    hero_image_path: article.hero_image_path ?? '',
    credit_holder: article.credit_holder ?? '',
    credit_photographer: article.credit_photographer ?? '',
    credit_year: article.credit_year === null ? '' : String(article.credit_year),
    byline_kind: article.byline_kind ?? '',
    byline_name: article.byline_name ?? '',
  });
}
