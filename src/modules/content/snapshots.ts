/**
 * Comparing saved states of an item. A snapshot is a plain JSON object; its
 * nested objects (one per language) flatten to dotted names ("en.title"), its
 * lists to one comma-separated value, so that two snapshots compare field by field.
 */
import { diffWords, type DiffPart } from '../../shared/text/word-diff.js';

/** Field name → its value as text; null when empty. */
export type FlatSnapshot = Record<string, string | null>;

function valueText(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (Array.isArray(value)) return value.length === 0 ? null : value.map(String).join(', ');
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return String(value);
}

/** Flattens a snapshot: nested objects become dotted names; a missing language is one null field. */
export function flattenSnapshot(snapshot: object, prefix = ''): FlatSnapshot {
  const flat: FlatSnapshot = {};
  for (const [key, value] of Object.entries(snapshot)) {
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      Object.assign(flat, flattenSnapshot(value as object, `${prefix}${key}.`));
    } else {
      flat[`${prefix}${key}`] = valueText(value);
    }
  }
  return flat;
}

/** The fields whose values differ between two snapshots, in the order of `after` then `before`. */
export function changedFields(before: object | null, after: object): string[] {
  const a = before ? flattenSnapshot(before) : {};
  const b = flattenSnapshot(after);
  const names = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return names.filter((name) => (a[name] ?? null) !== (b[name] ?? null));
}

/** Only the named top-level keys of a snapshot (to compare what a form edits, say). */
export function pick<T extends object, K extends keyof T>(snapshot: T, keys: readonly K[]): Pick<T, K> {
  const out = {} as Pick<T, K>;
  for (const key of keys) out[key] = snapshot[key];
  return out;
}

export interface FieldDiff {
  /** Dotted field name, e.g. "en.description". */
  field: string;
  before: string | null;
  after: string | null;
  /** Word by word, for long text fields. */
  parts?: DiffPart[];
}

/**
 * Field-by-field differences between two flattened snapshots, in the order
 * of `fieldOrder` (fields not listed follow). Fields named in `longFields`
 * (by their last part: "description" for "en.description") also get a
 * word-by-word diff.
 */
export function diffFlatSnapshots(before: FlatSnapshot, after: FlatSnapshot, fieldOrder: readonly string[], longFields: ReadonlySet<string>): FieldDiff[] {
  const names = [...new Set([...fieldOrder, ...Object.keys(before), ...Object.keys(after)])];
  const diffs: FieldDiff[] = [];
  for (const field of names) {
    const a = before[field] ?? null;
    const b = after[field] ?? null;
    if (a === b) continue;
    const diff: FieldDiff = { field, before: a, after: b };
    if (longFields.has(field.split('.').pop() ?? field)) diff.parts = diffWords(a ?? '', b ?? '');
    diffs.push(diff);
  }
  return diffs;
}
