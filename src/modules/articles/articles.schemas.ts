/**
 * The article form: what it sends (urlencoded strings), how it is validated,
 * and how a stored article is turned back into form values. English text is
 * required; Vietnamese is optional, but once any Vietnamese field is filled
 * the Vietnamese title is required too. The photo credit and the byline are
 * structured, as on the public pages ("© ILO/Nguyen Hai Dat 2024").
 */
import { z } from 'zod';
import type { BylineKind } from '../../db/schema.js';
import { hasControlCharacter, normalizeLine } from '../../shared/text/normalize.js';
import {
  bilingualFields,
  bilingualInput,
  calendarDate,
  fieldErrorsFrom,
  formHeadFields,
  formTailFields,
  libraryChoice,
  optionalLongText,
  optionalText,
  readBilingualForm,
  storedFormValues,
  vietnameseGiven,
  fieldNames,
  textFieldNames,
  type FieldErrors,
  type FormResult,
  type BilingualContent,
  type BilingualFormValues,
  type BilingualTextOf,
  type BilingualInput,
} from '../content/index.js';
import { MARKDOWN_MAX_LENGTH } from '../media/index.js';

export const BYLINE_KINDS = ['by', 'op-ed'] as const satisfies readonly BylineKind[];

// Limits: generous for real articles, small enough to keep pages and the database sane.
const MAX_TITLE = 300;
const MAX_SUMMARY = 2000;
const MAX_NAME = 200;
const MAX_ALT = 500;
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

/** An article's translated text after its title, with the same rule in both languages. */
const articleTextRules = {
  summary: optionalLongText(MAX_SUMMARY),
  body: optionalLongText(MARKDOWN_MAX_LENGTH.body, 'editing.error.bodyTooLong'),
  hero_alt: optionalText(MAX_ALT),
  byline_role: optionalText(MAX_NAME),
  byline_organisation: optionalText(MAX_NAME),
};

export const ARTICLE_TEXT_FIELDS = textFieldNames(articleTextRules);

/** Everything the article form holds, exactly as typed. */
export type ArticleFormValues = BilingualFormValues<typeof articleFieldRules, typeof articleTextRules>;

/** Reads the article form from an urlencoded body; missing fields are empty. */
export function readArticleForm(body: unknown): ArticleFormValues {
  return readBilingualForm(body, fieldNames(articleFieldRules), ARTICLE_TEXT_FIELDS);
}

/** One language's text of an article. */
export type ArticleText = BilingualTextOf<typeof articleTextRules>;

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

/** What the article form edits, as stored. */
export interface ArticleContent extends BilingualContent<ArticleText>, ArticleFields {}

/** A validated article form: what the editing service saves. */
export interface ArticleInput extends BilingualInput<ArticleText>, ArticleFields {}

/** The field-by-field schema; rules across fields are checked after it. */
export const articleFormSchema = z.object({
  ...formHeadFields,
  ...articleFieldRules,
  ...bilingualFields(MAX_TITLE, articleTextRules),
  ...formTailFields,
});

/** Validates the article form; returns one message key per field in error. */
export function validateArticleForm(values: ArticleFormValues): FormResult<ArticleInput> {
  const parsed = articleFormSchema.safeParse(values);
  const errors: FieldErrors = parsed.success ? {} : fieldErrorsFrom(parsed.error);
  // Rules across fields are checked even when other fields failed, so every message shows at once.
  const ok = (name: string) => errors[name] === undefined;
  // As the fields are normalised: a name of nothing but control characters is empty.
  const filled = (name: keyof ArticleFormValues) => normalizeLine(String(values[name])) !== '';

  if (filled('hero_image_path') && ok('hero_image_path') && !filled('en_hero_alt')) errors.en_hero_alt = 'editing.error.heroAlt';
  if (filled('hero_image_path') && filled('hero_media_id') && ok('hero_image_path')) errors.hero_image_path = 'editing.error.twoHeroes';
  if ((filled('credit_photographer') || filled('credit_year')) && !filled('credit_holder')) errors.credit_holder = 'editing.error.creditHolder';
  if (filled('byline_kind') && ok('byline_kind') && !filled('byline_name')) errors.byline_name = 'editing.error.bylineName';
  if (filled('byline_name') && !filled('byline_kind')) errors.byline_kind = 'editing.error.bylineKind';
  const viGiven = vietnameseGiven(values, ARTICLE_TEXT_FIELDS, errors);

  if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, errors };
  const data = parsed.data;
  return {
    ok: true,
    revision: data.revision,
    input: {
      slug: data.slug,
      published_on: data.published_on,
      hero_media_id: data.hero_media_id,
      hero_image_path: data.hero_image_path,
      credit_holder: data.credit_holder,
      credit_photographer: data.credit_photographer,
      credit_year: data.credit_year,
      byline_kind: data.byline_kind,
      byline_name: data.byline_name,
      ...bilingualInput(data, ARTICLE_TEXT_FIELDS, viGiven),
    },
  };
}

/** What an article form starts with: dated `today`. */
export function newArticleFormValues(today: string): ArticleFormValues {
  return { ...readArticleForm({}), published_on: today };
}

/** A stored article as form values. */
export function articleFormValues(article: ArticleContent, revision: number): ArticleFormValues {
  return {
    ...readArticleForm({}),
    ...storedFormValues(article, revision, ARTICLE_TEXT_FIELDS),
    published_on: article.published_on,
    hero_media_id: article.hero_media_id === null ? '' : String(article.hero_media_id),
    hero_image_path: article.hero_image_path ?? '',
    credit_holder: article.credit_holder ?? '',
    credit_photographer: article.credit_photographer ?? '',
    credit_year: article.credit_year === null ? '' : String(article.credit_year),
    byline_kind: article.byline_kind ?? '',
    byline_name: article.byline_name ?? '',
  };
}
