/**
 * Translation tracking: each translation row keeps a snapshot of the English
 * fields it was made from. When the English text changes afterwards, the
 * translation is "out of date", and the changes since can be shown field by
 * field, word by word, without any other table.
 *
 * The editing service calls markTranslationCurrent whenever an editor saves
 * the Vietnamese text as matching the English (and the importer does for
 * every translated page it imports).
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database, LangCode, TranslationStatus } from '../../db/schema.js';
import { NotFoundError } from '../../shared/errors.js';
import {
  listTranslationCandidates,
  listTranslationRows,
  updateSourceSnapshot,
  translatableFields,
  type TranslatableKind,
} from './translations.repository.js';
import { diffWords, type DiffPart } from '../../shared/text/word-diff.js';

type Db = Kysely<Database> | Transaction<Database>;

export type { TranslatableKind };

/** The language translations are made into (the site's only other language). */
const TARGET: LangCode = 'vi';

/**
 * Where a translation stands against its English source:
 * - `missing`: no text in that language at all;
 * - `untracked`: text, but no record of the English it was made from
 *   (written before tracking, or saved without marking it current);
 * - `outdated`: the English has changed since it was translated;
 * - `current`: it matches the English it was translated from.
 */
export type TranslationState = 'missing' | 'untracked' | 'outdated' | 'current';

/** One English field that changed since the translation was made. */
export interface FieldChange {
  field: string;
  /** The English when it was translated (null: empty then). */
  before: string | null;
  /** The English now. */
  after: string | null;
  /** Word by word, from `before` to `after`. */
  diff: DiffPart[];
}

export type Snapshot = Record<string, string | null>;

/** The English fields of a kind of item as a snapshot, in a fixed order (so equal texts give equal JSON). */
export function snapshotOf(kind: TranslatableKind, fields: Readonly<Record<string, string | null | undefined>>): Snapshot {
  return Object.fromEntries(translatableFields(kind).map((field) => [field, fields[field] ?? null]));
}

/** Reads a stored snapshot; undefined when absent or unreadable (treated as untracked). */
export function parseSnapshot(json: string | null): Snapshot | undefined {
  if (json === null) return undefined;
  try {
    const value: unknown = JSON.parse(json);
    if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
    const out: Snapshot = {};
    for (const [key, field] of Object.entries(value)) out[key] = typeof field === 'string' ? field : null;
    return out;
  } catch {
    return undefined;
  }
}

/**
 * The English fields that differ between a snapshot and the English now,
 * in the kind's field order, each with a word diff. Empty and absent count
 * as the same; so do texts differing only in line endings.
 */
export function changesSince(kind: TranslatableKind, snapshot: Snapshot, current: Readonly<Record<string, string | null>>): FieldChange[] {
  const norm = (v: string | null | undefined) => (v ?? '').replace(/\r\n?/g, '\n');
  const changes: FieldChange[] = [];
  for (const field of translatableFields(kind)) {
    const before = norm(snapshot[field]);
    const after = norm(current[field]);
    if (before === after) continue;
    changes.push({ field, before: before === '' ? null : before, after: after === '' ? null : after, diff: diffWords(before, after) });
  }
  return changes;
}

function stateOf(kind: TranslatableKind, hasRow: boolean, snapshotJson: string | null, english: Record<string, string | null>) {
  if (!hasRow) return { state: 'missing' as const, changes: [] };
  const snapshot = parseSnapshot(snapshotJson);
  if (!snapshot) return { state: 'untracked' as const, changes: [] };
  const changes = changesSince(kind, snapshot, english);
  return { state: changes.length > 0 ? ('outdated' as const) : ('current' as const), changes };
}

/**
 * Records that the item's `lang` text now matches its English: stores the
 * English fields as its source snapshot, with `now` as the time translated.
 * Call it in the same transaction as the save of the translated text.
 * Throws NotFoundError when the item has no English text or no `lang` text.
 */
export async function markTranslationCurrent(db: Db, kind: TranslatableKind, itemId: number, now: Date, lang: LangCode = TARGET): Promise<void> {
  const rows = await listTranslationRows(db, kind, itemId);
  const english = rows.find((r) => r.lang === 'en');
  const translated = rows.find((r) => r.lang === lang);
  if (!english || !translated || lang === 'en') throw new NotFoundError();
  await updateSourceSnapshot(db, kind, itemId, lang, JSON.stringify(snapshotOf(kind, english.fields)), now.toISOString());
}

export interface TranslationStatusReport {
  state: TranslationState;
  /** The translation row's own publishing status; null when it is missing. */
  status: TranslationStatus | null;
  /** When it was last marked current; null when never. */
  translatedAt: string | null;
  /** The English changes since then (empty unless outdated). */
  changes: FieldChange[];
}

/**
 * Where the item's `lang` translation stands, with the English changes since
 * it was made: what the edit form shows beside the Vietnamese fields.
 * Throws NotFoundError when the item has no English text.
 */
export async function translationStatus(db: Db, kind: TranslatableKind, itemId: number, lang: LangCode = TARGET): Promise<TranslationStatusReport> {
  const rows = await listTranslationRows(db, kind, itemId);
  const english = rows.find((r) => r.lang === 'en');
  if (!english) throw new NotFoundError();
  const translated = rows.find((r) => r.lang === lang);
  const { state, changes } = stateOf(kind, translated !== undefined, translated?.sourceSnapshot ?? null, english.fields);
  return { state, status: translated?.status ?? null, translatedAt: translated?.translatedAt ?? null, changes };
}

/** Whether the English has changed since the item's `lang` text was translated ("source changed since translation"). */
export async function sourceChangedSinceTranslation(db: Db, kind: TranslatableKind, itemId: number, lang: LangCode = TARGET): Promise<boolean> {
  return (await translationStatus(db, kind, itemId, lang)).state === 'outdated';
}

/** The English field changes since the item's `lang` text was translated (empty when current, missing or untracked). */
export async function englishChangesSinceTranslation(
  db: Db,
  kind: TranslatableKind,
  itemId: number,
  lang: LangCode = TARGET,
): Promise<FieldChange[]> {
  return (await translationStatus(db, kind, itemId, lang)).changes;
}

/** An item on the dashboard's "needs translation" list. */
export interface TranslationTodo {
  kind: TranslatableKind;
  id: number;
  /** The English title, to name the item. */
  title: string;
  itemStatus: string;
  /** Never 'current'. */
  state: Exclude<TranslationState, 'current'>;
  /** The translation's own status; null when missing. */
  status: TranslationStatus | null;
  translatedAt: string | null;
  /** The names of the English fields changed since translation (outdated only). */
  changedFields: string[];
}

export interface TranslationTodoOptions {
  lang?: LangCode;
  /** Which kinds to list; both by default. */
  kinds?: readonly TranslatableKind[];
  /** Item statuses to include; published and in_review by default (drafts may still change). */
  itemStatuses?: readonly string[];
  /** Only translations whose English has changed since they were checked (the "source changed" list). */
  outdatedOnly?: boolean;
}

/**
 * Items whose `lang` text is missing, out of date or untracked: the
 * dashboard's list of translation work, newest items first, events before
 * articles.
 */
export async function listTranslationTodos(db: Db, options: TranslationTodoOptions = {}): Promise<TranslationTodo[]> {
  const lang = options.lang ?? TARGET;
  const statuses = options.itemStatuses ?? ['published', 'in_review'];
  const todos: TranslationTodo[] = [];
  for (const kind of options.kinds ?? (['event', 'article'] as const)) {
    const filter = { itemStatuses: statuses, changedSinceTranslation: options.outdatedOnly };
    for (const row of await listTranslationCandidates(db, kind, lang, filter)) {
      const { state, changes } = stateOf(kind, row.tl_title !== null, row.source_snapshot, row.en_fields);
      if (state === 'current' || (options.outdatedOnly && state !== 'outdated')) continue;
      todos.push({
        kind,
        id: row.id,
        title: row.en_title,
        itemStatus: row.item_status,
        state,
        status: row.tl_status,
        translatedAt: row.translated_at,
        changedFields: changes.map((c) => c.field),
      });
    }
  }
  return todos;
}
