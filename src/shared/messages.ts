/**
 * What shared code knows of the interface's text: that it is looked up by
 * message key, and a function that does so for one language. The catalogues
 * and the translator are the i18n module's: it fills in `MessageCatalogue`
 * (declaration merging) and the app hands its translator over in
 * `app.site.messages`, so shared views and handlers name keys, type-checked,
 * without importing a module.
 */
import type { Lang } from './dates/format.js';

// Empty here on purpose: modules/i18n/i18n.ts merges its catalogue's keys into it.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface MessageCatalogue {}

/** A key of the interface's text catalogue. */
export type MessageKey = keyof MessageCatalogue;

/** Looks up a key in one language and fills in `{name}` placeholders. */
export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** The text catalogue as shared code asks it: a language's translator, and whether a string is a key. */
export interface MessageSource {
  translator(lang: Lang): Translate;
  isMessageKey(value: string): value is MessageKey;
}
