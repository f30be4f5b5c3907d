/**
 * Building blocks for the editing forms' zod schemas. A form arrives as
 * urlencoded strings; each field is read into a plain string (or a list of
 * strings) first, so that a form that fails validation can be shown again with
 * exactly what was typed. Validation messages are message keys
 * (`editing.error.*`), translated when the form is rendered.
 */
import { z } from 'zod';
import type { LangCode, TranslationStatus } from '../../db/schema.js';
import { isCalendarDate } from '../../shared/dates/calendar-date.js';
import { hasControlCharacter, normalizeLine, normalizeText } from '../../shared/text/normalize.js';
import type { MessageKey } from '../i18n/index.js';
import { isSlug } from './slugs.js';

/** Field name → message key of what is wrong with it. */
export type FieldErrors = Partial<Record<string, MessageKey>>;

type Body = Record<string, unknown> | null | undefined;

/** One field of an urlencoded body: the first value when repeated, '' when absent. */
export function formString(body: Body, name: string): string {
  const value = body?.[name];
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first : '';
}

/** A repeatable field (checkboxes, multiple select): every non-empty value. */
export function formList(body: Body, name: string): string[] {
  const value = body?.[name];
  const values = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return values.filter((v): v is string => typeof v === 'string' && v !== '');
}

const err = (key: MessageKey) => ({ error: key });

/**
 * A single line of text (a title, a name, a place, a credit): normalised as
 * `normalizeLine` says (no controls; line breaks become spaces; trimmed).
 * Every text field of every form starts with this or `lines`, so that nothing
 * a feed or a calendar cannot carry is ever stored.
 */
export const line = () => z.string().transform(normalizeLine);

/** Multi-line text (a summary, a description): normalised as `normalizeText` says, and trimmed. */
export const lines = () => z.string().transform((v) => normalizeText(v).trim());

export const requiredText = (max: number) =>
  line().pipe(z.string().min(1, err('editing.error.required')).max(max, err('editing.error.tooLong')));

export const optionalText = (max: number) =>
  line()
    .pipe(z.string().max(max, err('editing.error.tooLong')))
    .transform((v) => (v === '' ? null : v));

/** Multi-paragraph text: normalised (line endings too) and trimmed, the lines kept as typed. `tooLong` may name the limit. */
export const optionalLongText = (max: number, tooLong: MessageKey = 'editing.error.tooLong') =>
  lines()
    .pipe(z.string().max(max, err(tooLong)))
    .transform((v) => (v === '' ? null : v));

export const calendarDate = z.string().trim().min(1, err('editing.error.required')).refine(isCalendarDate, err('editing.error.date'));

export const optionalCalendarDate = z
  .string()
  .trim()
  .refine((v) => v === '' || isCalendarDate(v), err('editing.error.date'))
  .transform((v) => (v === '' ? null : v));

/** Web addresses are limited to what browsers and servers reliably accept. */
const MAX_URL_LENGTH = 2000;

function isHttpUrl(v: string): boolean {
  // The URL parser would quietly encode a control character; the address typed is what is stored.
  if (hasControlCharacter(v)) return false;
  try {
    const url = new URL(v);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '';
  } catch {
    return false;
  }
}

export const optionalUrl = z
  .string()
  .trim()
  .max(MAX_URL_LENGTH, err('editing.error.tooLong'))
  .refine((v) => v === '' || isHttpUrl(v), err('editing.error.url'))
  .transform((v) => (v === '' ? null : v));

/** The longest address the mail standards allow. */
const MAX_EMAIL_LENGTH = 254;

export const optionalEmail = z
  .string()
  .trim()
  .max(MAX_EMAIL_LENGTH, err('editing.error.tooLong'))
  .refine((v) => v === '' || z.email().safeParse(v).success, err('editing.error.email'))
  .transform((v) => (v === '' ? null : v));

export const choice = <const T extends readonly [string, ...string[]]>(values: T) => z.enum(values, err('editing.error.choice'));

/** One item chosen from the media library by its id (e.g. a hero image), or none when left empty. */
export const libraryChoice = z
  .string()
  .trim()
  .refine((v) => v === '' || /^[1-9]\d{0,9}$/.test(v), err('editing.error.choice'))
  .transform((v) => (v === '' ? null : Number(v)));

/** More topics or programmes than any item needs; stops absurd posts. */
const MAX_LIST_LENGTH = 50;

/** Ids from checkboxes, as distinct numbers in ascending order. */
export const idList = z
  .array(z.string().regex(/^[1-9]\d{0,9}$/, err('editing.error.unknownTaxonomy')))
  .max(MAX_LIST_LENGTH, err('editing.error.invalid'))
  .transform((ids) => [...new Set(ids.map(Number))].sort((a, b) => a - b));

/** How a translation is published: its own address and status, as stored. */
export interface StoredTranslation {
  slug: string;
  status: TranslationStatus;
}

/** A translation's address and status as a form gives them. */
export interface TranslationInput {
  /** Null: make one from the translation's title. */
  slug: string | null;
  /** Null: the form did not offer the choice (keep what is stored; a new text starts as a draft). */
  status: TranslationStatus | null;
}

/** A slug typed by an editor; null when left empty (one is then made from the title). */
export const optionalSlug = z
  .string()
  .trim()
  .refine((v) => v === '' || isSlug(v), err('editing.error.slug'))
  .transform((v) => (v === '' ? null : v));

/** A translation's own status; null when the form did not offer the choice. */
export const translationStatusField = z
  .string()
  .trim()
  .refine((v) => v === '' || v === 'draft' || v === 'published', err('editing.error.choice'))
  .transform((v) => (v === '' ? null : (v as TranslationStatus)));

/** The revision a form was loaded at (hidden field); null when absent or not a number. */
export const revisionField = z
  .string()
  .trim()
  .transform((v) => (/^[1-9]\d{0,9}$/.test(v) ? Number(v) : null));

/** A checkbox: ticked when sent with any value. */
export const checkbox = z.string().transform((v) => v !== '');

function isEditingKey(message: string): message is MessageKey {
  return message.startsWith('editing.error.');
}

/** Turns zod issues into one message key per field (the first issue of each field wins). */
export function fieldErrorsFrom(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? '');
    if (errors[field]) continue;
    errors[field] = isEditingKey(issue.message) ? issue.message : 'editing.error.invalid';
  }
  return errors;
}

// ---- What every bilingual form of a kind shares around the kind's own fields ----

/** The single fields every kind's form has besides its own: the revision it was loaded at, the slugs, the Vietnamese text's status and check. */
const COMMON_SCALAR_FIELDS = ['revision', 'slug', 'vi_slug', 'vi_status', 'vi_current'] as const;

/** Everything a kind's form holds, exactly as typed: its own fields and its texts in both languages (named by their rules), the tags chosen. */
export type BilingualFormValues<FieldRules extends object, TextRules extends object> = Record<
  (typeof COMMON_SCALAR_FIELDS)[number] | (keyof FieldRules & string) | `${LangCode}_${'title' | (keyof TextRules & string)}`,
  string
> & {
  topics: string[];
  programmes: string[];
};

/** The text every kind has in each language. */
export interface BilingualText {
  title: string;
  summary: string | null;
}

/** One language's text of a kind: the title and summary, then the kind's own texts as their rules give them. */
export type BilingualTextOf<Rules extends Record<string, z.ZodType>> = BilingualText & { [K in keyof Rules]: z.output<Rules[K]> };

/** What every kind stores around its own fields: the English slug, the texts in both languages, the tags. */
export interface BilingualContent<Text> {
  slug: string;
  en: Text;
  vi: (Text & StoredTranslation) | null;
  topics: number[];
  programmes: number[];
}

/** What every kind's validated form holds around its own fields: what it stores, as typed, and the translation's check. */
export interface BilingualInput<Text> {
  /** Null: make one from the English title. */
  slug: string | null;
  en: Text;
  vi: (Text & TranslationInput) | null;
  /** The Vietnamese text was checked against the English as it is now (translation tracking). */
  vi_current: boolean;
  topics: number[];
  programmes: number[];
}

/** A form checked: the input to save and the revision it was loaded at, or a message key per field. */
export type FormResult<Input> = { ok: true; input: Input; revision: number | null } | { ok: false; errors: FieldErrors };

const LANGS = ['en', 'vi'] as const;

/** The first fields of every kind's schema: the revision the form was loaded at and the English slug. */
export const formHeadFields = { revision: revisionField, slug: optionalSlug };

/** The last fields of every kind's schema: the Vietnamese text's address, status and check, and the tags. */
export const formTailFields = { vi_slug: optionalSlug, vi_status: translationStatusField, vi_current: checkbox, topics: idList, programmes: idList };

type TitleFields = { en_title: ReturnType<typeof requiredText>; vi_title: ReturnType<typeof optionalText> };

/**
 * A kind's translated fields in both languages, English first: the title
 * (required in English, optional in Vietnamese) and then `fields`, each with
 * the same rule in both.
 */
export function bilingualFields<T extends Record<string, z.ZodType>>(maxTitle: number, fields: T): TitleFields & { [K in keyof T & string as `en_${K}` | `vi_${K}`]: T[K] } {
  const out: Record<string, z.ZodType> = {};
  for (const lang of LANGS) {
    out[`${lang}_title`] = lang === 'en' ? requiredText(maxTitle) : optionalText(maxTitle);
    for (const [name, schema] of Object.entries(fields)) out[`${lang}_${name}`] = schema;
  }
  return out as TitleFields & { [K in keyof T & string as `en_${K}` | `vi_${K}`]: T[K] };
}

/** The names of a kind's own fields, from their rules (in the rules' order). */
export function fieldNames<T extends object>(rules: T): (keyof T & string)[] {
  return Object.keys(rules) as (keyof T & string)[];
}

/** The names of a kind's translated fields: the title, then those `rules` give. */
export function textFieldNames<T extends object>(rules: T): readonly ('title' | (keyof T & string))[] {
  return ['title', ...fieldNames(rules)];
}

/** A form's values from an urlencoded body, exactly as typed (`scalarFields`: the kind's own); missing fields are empty. */
export function readBilingualForm<V>(body: unknown, scalarFields: readonly string[], textFields: readonly string[]): V {
  const b = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const values: Record<string, string | string[]> = { topics: formList(b, 'topics'), programmes: formList(b, 'programmes') };
  for (const name of [...COMMON_SCALAR_FIELDS, ...scalarFields]) values[name] = formString(b, name);
  for (const lang of LANGS) {
    for (const field of textFields) values[`${lang}_${field}`] = formString(b, `${lang}_${field}`);
  }
  return values as V;
}

/** One language's text from parsed form data: the title ('' when absent), every other field or null. */
export function textOf<F extends string>(data: Record<string, unknown>, lang: LangCode, fields: readonly F[]): { [K in F]: K extends 'title' ? string : string | null } {
  const text: Record<string, string | null> = {};
  for (const field of fields) text[field] = (data[`${lang}_${field}`] as string | null | undefined) ?? (field === 'title' ? '' : null);
  return text as { [K in F]: K extends 'title' ? string : string | null };
}

/**
 * Whether the Vietnamese text is given: any of its fields or its slug filled
 * (as the fields are normalised, so control characters alone fill nothing).
 * When it is, its title is required: the message goes in `errors` unless the
 * title already has one.
 */
export function vietnameseGiven(values: Record<string, unknown>, textFields: readonly string[], errors: FieldErrors): boolean {
  const filled = (name: string) => normalizeLine(String(values[name] ?? '')) !== '';
  const given = textFields.some((f) => filled(`vi_${f}`)) || filled('vi_slug');
  if (given && !filled('vi_title') && errors.vi_title === undefined) errors.vi_title = 'editing.error.viTitleRequired';
  return given;
}

interface ParsedTail {
  vi_slug: string | null;
  vi_status: TranslationStatus | null;
  vi_current: boolean;
  topics: number[];
  programmes: number[];
}

/** The texts, the Vietnamese text's state and the tags of a validated form, as the editing service takes them. */
export function bilingualInput<F extends string>(data: ParsedTail & Record<string, unknown>, textFields: readonly F[], viGiven: boolean) {
  return {
    en: textOf(data, 'en', textFields),
    vi: viGiven ? { ...textOf(data, 'vi', textFields), slug: data.vi_slug, status: data.vi_status } : null,
    vi_current: data.vi_current,
    topics: data.topics,
    programmes: data.programmes,
  };
}

interface StoredBilingual {
  slug: string;
  vi: { slug: string; status: TranslationStatus } | null;
  topics: number[];
  programmes: number[];
}

/** What every kind's stored item gives its form: the revision, the slugs and status, the tags, and the texts in both languages. */
export function storedFormValues<F extends string>(item: StoredBilingual & Record<'en' | 'vi', unknown>, revision: number, textFields: readonly F[]) {
  const values: Record<string, string | string[]> = {
    revision: String(revision),
    slug: item.slug,
    vi_slug: item.vi?.slug ?? '',
    vi_status: item.vi?.status ?? '',
    topics: item.topics.map(String),
    programmes: item.programmes.map(String),
  };
  for (const lang of LANGS) {
    const text = item[lang] as Record<string, string | null> | null;
    for (const field of textFields) values[`${lang}_${field}`] = text?.[field] ?? '';
  }
  return values;
}
