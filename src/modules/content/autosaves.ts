/**
 * Autosaves: what an editor has typed on an item's form and not saved, kept
 * by the edit page's script a few seconds after each change. Kept apart from
 * the items: an autosave never changes an item, its revisions or anything
 * visitors see. The edit page offers it back (restore or discard); saving
 * the form, or discarding, clears it. One per account, kind and item (or
 * `new`, a form not yet saved), forgotten after AUTOSAVE_MAX_AGE_DAYS.
 */
import type { Kysely } from 'kysely';
import type { ContentKind, Database } from '../../db/schema.js';
import { normalizeText } from '../../shared/text/normalize.js';
import * as repository from './autosaves.repository.js';

type Db = Kysely<Database>;

/** A month: long enough to come back from a holiday to an unfinished text, short enough not to offer something forgotten. */
export const AUTOSAVE_MAX_AGE_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The longest field kept: twice the longest text a form accepts (an
 * article's body, 50,000 characters), so that a text a little over a form's
 * limit is still kept (its save then says what to shorten).
 */
export const AUTOSAVE_FIELD_MAX_LENGTH = 100_000;

/** More ticked boxes than any form offers. */
const AUTOSAVE_LIST_MAX_LENGTH = 200;

/** Which form an autosave belongs to: an item's, or a new one's. */
export type AutosaveKey = number | 'new';

/** A form's fields as typed, by name. */
export type AutosaveFields = Record<string, string | string[]>;

export interface Autosave {
  fields: AutosaveFields;
  /** The revision the form was loaded at; null for a new item. */
  baseRevision: number | null;
  savedAt: string;
}

/** Why a posted form is not kept: none of the form's fields, a field that is not text, a field far too long, too many boxes ticked, or a revision the item never had. */
export type AutosaveProblem = 'empty' | 'notText' | 'tooLong' | 'tooMany' | 'revision';

export type AutosaveReading = { ok: true; fields: AutosaveFields; baseRevision: number | null } | { ok: false; problem: AutosaveProblem; field?: string };

/**
 * What of a posted form is kept: the fields the kind's form reads
 * (`values`, as its reader gave them from `body`), checked against the body
 * as sent. `item`: the stored item the form edits (its revision bounds the
 * form's), or undefined for a new item.
 */
export function readAutosave(body: unknown, values: Readonly<Record<string, string | string[]>>, item: { revision: number } | undefined): AutosaveReading {
  const raw = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const names = Object.keys(values).filter((name) => name !== 'revision');
  if (!names.some((name) => Object.hasOwn(raw, name))) return { ok: false, problem: 'empty' };
  for (const name of names) {
    const sent = raw[name];
    if (sent === undefined) continue;
    const list: unknown[] = Array.isArray(sent) ? sent : [sent];
    if (list.some((x) => typeof x !== 'string')) return { ok: false, problem: 'notText', field: name };
    if (list.length > AUTOSAVE_LIST_MAX_LENGTH) return { ok: false, problem: 'tooMany', field: name };
    if (list.some((x) => typeof x === 'string' && x.length > AUTOSAVE_FIELD_MAX_LENGTH)) return { ok: false, problem: 'tooLong', field: name };
  }
  let baseRevision: number | null = null;
  if (item) {
    const typed = raw.revision;
    const revision = typeof typed === 'string' && /^[1-9]\d{0,9}$/.test(typed) ? Number(typed) : NaN;
    if (!(revision <= item.revision)) return { ok: false, problem: 'revision', field: 'revision' };
    baseRevision = revision;
  }
  const fields: AutosaveFields = {};
  for (const name of names) fields[name] = values[name]!;
  return { ok: true, fields, baseRevision };
}

function oldest(now: Date): string {
  return new Date(now.getTime() - AUTOSAVE_MAX_AGE_DAYS * DAY_MS).toISOString();
}

const keyOf = (key: AutosaveKey) => String(key);

/** Keeps `fields` as the account's autosave of the form, replacing the one before; autosaves past their age are forgotten on the way. */
export async function keepAutosave(
  db: Db,
  userId: number,
  kind: ContentKind,
  key: AutosaveKey,
  kept: { fields: AutosaveFields; baseRevision: number | null },
  now: Date,
): Promise<void> {
  await repository.deleteAutosavesBefore(db, oldest(now));
  await repository.upsertAutosave(db, {
    user_id: userId,
    item_kind: kind,
    item_key: keyOf(key),
    base_revision: kept.baseRevision,
    fields: JSON.stringify(kept.fields),
    saved_at: now.toISOString(),
  });
}

/** The account's autosave of the form, unless it is past its age. */
export async function findAutosave(db: Db, userId: number, kind: ContentKind, key: AutosaveKey, now: Date): Promise<Autosave | undefined> {
  const row = await repository.findAutosave(db, userId, kind, keyOf(key), oldest(now));
  if (!row) return undefined;
  let fields: AutosaveFields;
  try {
    fields = JSON.parse(row.fields) as AutosaveFields;
  } catch {
    // Only this module writes the column; a row it cannot read is as good as none.
    return undefined;
  }
  return { fields, baseRevision: row.base_revision, savedAt: row.saved_at };
}

/** Forgets the account's autosave of the form (it was saved, or discarded). */
export async function clearAutosave(db: Db, userId: number, kind: ContentKind, key: AutosaveKey): Promise<void> {
  await repository.deleteAutosave(db, userId, kind, keyOf(key));
}

/** Forgets every account's autosave of an item (it was deleted). */
export async function clearItemAutosaves(db: Db, kind: ContentKind, id: number): Promise<void> {
  await repository.deleteAutosavesOfItem(db, kind, keyOf(id));
}

/** Forgets the autosaves past their age; how many. */
export async function purgeAutosaves(db: Db, now: Date): Promise<number> {
  return repository.deleteAutosavesBefore(db, oldest(now));
}

/**
 * A value as it would be saved, for comparing: text normalised and trimmed,
 * ticked boxes in order, and a translation status left empty as the form's
 * list shows it (a draft).
 */
function comparable(name: string, value: string | string[] | undefined): string {
  if (Array.isArray(value)) return [...value].sort().join(',');
  const text = normalizeText(value ?? '').trim();
  return name === 'vi_status' && text === '' ? 'draft' : text;
}

/** Whether an autosave holds nothing but what the item has saved (the revision aside): nothing to offer back. */
export function sameAsSaved(fields: AutosaveFields, saved: Readonly<Record<string, string | string[]>>): boolean {
  const names = new Set([...Object.keys(fields), ...Object.keys(saved)]);
  names.delete('revision');
  return [...names].every((name) => comparable(name, fields[name]) === comparable(name, saved[name]));
}
