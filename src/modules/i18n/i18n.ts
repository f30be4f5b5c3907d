/** Looks up interface text for a language and fills in `{name}` placeholders. */
import { en, type MessageKey, type Messages } from './messages/en.js';
import { vi } from './messages/vi.js';
import type { Lang } from '../../shared/dates/format.js';
import { PUBLIC_LANGS } from '../../shared/http/paths.js';
import type { Translate } from '../../shared/messages.js';

export type { MessageKey, Lang, Translate };

// Shared views and handlers name message keys through shared/messages.ts; this is where the keys come from.
declare module '../../shared/messages.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface MessageCatalogue extends Messages {}
}

/** The site's languages, English (the source language) first. */
export const LANGS: readonly Lang[] = PUBLIC_LANGS;
export const DEFAULT_LANG: Lang = 'en';

const catalogues: Record<Lang, Messages> = { en, vi };

/** Returns the translate function for a language. Unknown placeholders are left visible, never blank. */
export function translator(lang: Lang): Translate {
  const messages = catalogues[lang];
  return (key, params) => {
    const text = messages[key];
    if (!params) return text;
    return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
  };
}

/** Whether a string is a message key (services and schemas may carry keys for the view to translate). */
export function isMessageKey(value: string): value is MessageKey {
  return Object.hasOwn(en, value);
}

/** The raw catalogues, for the completeness test. */
export function catalogue(lang: Lang): Messages {
  return catalogues[lang];
}
