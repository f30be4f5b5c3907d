/**
 * The kinds' descriptions, handed over at start-up (src/module-links.ts):
 * events and articles import this module, so it cannot import them. What a
 * page needs of their declared texts without being given the kind (the
 * labels of the history's and the dashboard's fields) is read here, and
 * translation tracking is given each kind's translatable fields from the same
 * declaration.
 */
import type { ContentKind } from '../../db/schema.js';
import { useTranslatableFields } from '../i18n/index.js';
import { textNames, type DeclaredWords, type TextFields } from './translated-texts.js';

const declared = new Map<ContentKind, TextFields>();

/**
 * Hands over the kinds' descriptions: their translated fields, to this module
 * and to translation tracking. A field's name means one thing whatever the
 * kind (the history and the dashboard name it by its name alone), so two
 * kinds declaring one name with different labels are refused.
 */
export function useContentKinds(...kinds: readonly { kind: ContentKind; texts: TextFields }[]): void {
  const labels = new Map<string, string>();
  for (const { texts } of kinds) {
    for (const [name, field] of Object.entries(texts)) {
      const label = JSON.stringify(field.label);
      if ((labels.get(name) ?? label) !== label) throw new Error(`Two kinds declare the translated field ${name} with different labels; give one of them another name.`);
      labels.set(name, label);
    }
  }
  for (const { kind, texts } of kinds) {
    declared.set(kind, texts);
    useTranslatableFields(kind, textNames(texts));
  }
}

/** The label a kind declares for the translated field `name`, if one does. */
export function declaredLabel(name: string): DeclaredWords | undefined {
  for (const texts of declared.values()) {
    const field = texts[name];
    if (field) return field.label;
  }
  return undefined;
}
