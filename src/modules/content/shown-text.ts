/**
 * The shown-text fallback, written once for every kind: a public query joins
 * an item's English text as `te` and, as `tl`, its text in the asked-for
 * language when that may be shown (shownTranslationStatuses); these pick what
 * the visitor reads from the two.
 */
import { sql } from 'kysely';
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
