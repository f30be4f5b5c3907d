/**
 * The kinds' descriptions, handed over at start-up (src/module-links.ts):
 * events and articles import this module, so it cannot import them. What a
 * page showing several kinds needs of their declared texts (the labels of
 * the dashboard's changed fields) is read here, and translation tracking is
 * given each kind's translatable fields from the same declaration.
 */
import type { ContentKind } from '../../db/schema.js';
import { useTranslatableFields } from '../i18n/index.js';
import { textNames, type TextFields } from './translated-texts.js';

const declared = new Map<ContentKind, TextFields>();

/** Hands over the kinds' descriptions: their translated fields, to this module and to translation tracking. */
export function useContentKinds(...kinds: readonly { kind: ContentKind; texts: TextFields }[]): void {
  for (const { kind, texts } of kinds) {
    declared.set(kind, texts);
    useTranslatableFields(kind, textNames(texts));
  }
}

/** The translated fields the kind declares, once handed over (none before). */
export function declaredTexts(kind: ContentKind): TextFields {
  return declared.get(kind) ?? {};
}
