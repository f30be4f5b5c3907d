/**
 * The shown-text fallback, written once for every kind: a public query joins
 * an item's English text as `te` and, as `tl`, its text in the asked-for
 * language when that may be shown (shownTranslationStatuses); these pick what
 * the visitor reads from the two.
 */
import { sql, type AliasedRawBuilder, type RawBuilder } from 'kysely';
import type { LangCode } from '../../db/schema.js';

/** The slug of the shown text: the translation's once published, else the English one. */
export const shownSlug = sql<string>`coalesce(tl.slug, te.slug)`;

/** The shown text's `column`: the asked-for language's when that translation is joined, else English. */
export function shownColumn<T>(column: string) {
  return sql<T>`case when tl.title is null then ${sql.ref(`te.${column}`)} else ${sql.ref(`tl.${column}`)} end`;
}

/** The language of the shown text: the asked-for one when its translation is joined, else English. */
export const shownLang = sql<LangCode>`case when tl.title is null then 'en' else tl.lang end`;

/** Optional text columns as shown (see shownColumn), each under its own name: what a list selects of an item's text. */
export function shownTexts<C extends string>(columns: readonly C[]) {
  return columns.map((column) => shownColumn<string | null>(column).as(column));
}

/** The shown text as a query in one language selects it (see ShownText). */
export interface ShownText {
  slug: RawBuilder<string>;
  lang: RawBuilder<LangCode>;
  column<T>(column: string): RawBuilder<T>;
  texts<C extends string>(columns: readonly C[]): AliasedRawBuilder<string | null, C>[];
}

const ENGLISH_SHOWN: ShownText = {
  slug: sql<string>`te.slug`,
  lang: sql<LangCode>`'en'`,
  column: <T>(column: string) => sql<T>`${sql.ref(`te.${column}`)}`,
  texts: (columns) => columns.map((column) => sql<string | null>`${sql.ref(`te.${column}`)}`.as(column)),
};

const TRANSLATED_SHOWN: ShownText = { slug: shownSlug, lang: shownLang, column: shownColumn, texts: shownTexts };

/**
 * The shown text of a query in `lang`: for English the English text itself
 * (te) with no second join, since it is what every fallback comes to (the
 * query joins `tl` only for other languages: content's joinTexts); for
 * another language the fallback above. An English listing's rows read each
 * item's text once instead of twice: its page of past events took about a
 * third less time in SQLite.
 */
export function shownText(lang: LangCode): ShownText {
  return lang === 'en' ? ENGLISH_SHOWN : TRANSLATED_SHOWN;
}
