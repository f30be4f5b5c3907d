/**
 * Slugs per language. Every language of an item has its own slug (the
 * Vietnamese one transliterated: "Hội thảo quốc gia" → "hoi-thao-quoc-gia"),
 * and no slug is used by two items in any language, so an address under
 * /en or /vi names one item whichever language its slug came from.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import { slugify } from '../../shared/text/slugify.js';
import { slugTakenByOther, type TranslatableKind } from './translations.repository.js';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * A slug for `title` that no other item uses: the transliterated title, then
 * with the item's year, then with its date, then numbered. `date` is the
 * item's date ('YYYY-MM-DD': an event's start, an article's publication);
 * `itemId` is null for an item not yet saved. A title with nothing to
 * transliterate uses `fallback` (e.g. the English slug) as its base.
 */
export async function uniqueSlug(
  db: Db,
  kind: TranslatableKind,
  input: { title: string; date: string; itemId: number | null; fallback: string },
): Promise<string> {
  const base = slugify(input.title) || slugify(input.fallback) || kind;
  const candidates = [base, `${base}-${input.date.slice(0, 4)}`, `${base}-${input.date}`];
  for (const candidate of candidates) {
    if (!(await slugTakenByOther(db, kind, candidate, input.itemId))) return candidate;
  }
  for (let n = 2; ; n += 1) {
    const candidate = `${base}-${input.date}-${n}`;
    if (!(await slugTakenByOther(db, kind, candidate, input.itemId))) return candidate;
  }
}
