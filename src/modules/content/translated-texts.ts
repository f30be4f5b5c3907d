/**
 * A kind's translated fields, declared once in its description: each has its
 * rule (the same in both languages) and says how it is stored, compared and
 * edited, and its label in both languages. The text types, the translation
 * row's columns, the form's fields and their labels, the history's order, the
 * translation tracking and the editing queries' column lists all follow from
 * the declaration, so that a new translated field is one line of it.
 */
import type { z } from 'zod';
import type { LangCode } from '../../db/schema.js';
import type { MessageKey, Translate } from '../i18n/index.js';
import { renderMarkdownForStorage } from '../media/index.js';

/**
 * Words for people, declared with the field they name: in each of the site's
 * languages, or the key of words several kinds share in the catalogues
 * (`editing.field.summary`).
 */
export type DeclaredWords = Readonly<Record<LangCode, string>> | MessageKey;

/** Declared words in the reader's language. */
export function wordsIn(ctx: { lang: LangCode; t: Translate }, words: DeclaredWords): string {
  return typeof words === 'string' ? ctx.t(words) : words[ctx.lang];
}

/** How one translated field is named, edited and stored, beside its rule. */
export interface TextFieldOptions {
  /** Its label on the form, in the history and in a translation's changes. */
  label: DeclaredWords;
  /** Several paragraphs: a text area on the form, compared word by word on the history page. */
  long?: boolean;
  /** Markdown: its HTML, rendered and sanitised when saved, is stored beside it in `<name>_html`. */
  markdown?: boolean;
  /** The rows of its text area. */
  rows?: number;
  /** The hint under its label on the form. */
  hint?: DeclaredWords;
}

/** One translated field: its rule and how it is edited and stored. */
export type TextField<R extends z.ZodType = z.ZodType> = TextFieldOptions & { rule: R };

/** A kind's translated fields after the title (which every kind has), in the order the form shows them. */
export type TextFields = Record<string, TextField>;

/** Declares one translated field (Markdown fields are long too). */
export function textField<R extends z.ZodType, const O extends TextFieldOptions>(rule: R, options: O): { rule: R } & O {
  return { ...options, rule };
}

/** The rules of the fields, for the form's schema. */
export type TextRulesOf<T extends TextFields> = { [K in keyof T]: T[K]['rule'] };

/** One language's text of a kind as stored and saved: the title, then each field as its rule gives it. */
export type TextOf<T extends TextFields> = { title: string } & { [K in keyof T]: z.output<T[K]['rule']> };

type MarkdownNames<T extends TextFields> = { [K in keyof T & string]: T[K] extends { markdown: true } ? K : never }[keyof T & string];

/** The text columns of a kind's translation row: each field, and the HTML of each Markdown field. */
export type TextColumnsOf<T extends TextFields> = TextOf<T> & { [K in MarkdownNames<T> as `${K}_html`]: string | null };

/** The rules of the fields, for the form's schema. */
export function textRules<T extends TextFields>(texts: T): TextRulesOf<T> {
  return Object.fromEntries(Object.entries(texts).map(([name, field]) => [name, field.rule])) as TextRulesOf<T>;
}

/** The names of the translated fields: the title, then the declared ones. */
export function textNames<T extends TextFields>(texts: T): readonly ('title' | (keyof T & string))[] {
  return ['title', ...(Object.keys(texts) as (keyof T & string)[])];
}

/** A text with nothing in it: what an item kept from a translated page alone has in English until an editor writes it. */
export function emptyText<T extends TextFields>(texts: T): TextOf<T> {
  return Object.fromEntries(textNames(texts).map((name) => [name, name === 'title' ? '' : null])) as TextOf<T>;
}

/** Only the translated fields of a text (a translation row, a snapshot's language), in their declared order. */
export function pickText<T extends TextFields>(texts: T, row: Readonly<Record<string, unknown>>): TextOf<T> {
  return Object.fromEntries(textNames(texts).map((name) => [name, row[name] ?? (name === 'title' ? '' : null)])) as TextOf<T>;
}

/** A text as its row stores it: the fields, and the HTML of each Markdown field rendered now (every writer passes here). */
export function textColumns<T extends TextFields>(texts: T, text: Readonly<Record<string, unknown>>): Record<string, string | null> {
  const columns: Record<string, string | null> = pickText(texts, text) as Record<string, string | null>;
  for (const [name, field] of Object.entries(texts)) {
    if (field.markdown) columns[`${name}_html`] = renderMarkdownForStorage(columns[name] ?? null);
  }
  return columns;
}

/** The fields compared word by word on the history page. */
export function longTextNames(texts: TextFields): ReadonlySet<string> {
  return new Set(Object.entries(texts).flatMap(([name, field]) => (field.long || field.markdown ? [name] : [])));
}

/** The history's order for the texts: each language's fields, English first. */
export function textDiffOrder(texts: TextFields): string[] {
  return (['en', 'vi'] as const satisfies readonly LangCode[]).flatMap((lang) => textNames(texts).map((name) => `${lang}.${name}`));
}
