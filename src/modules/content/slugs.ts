/**
 * Slugs of events and articles: made from the English title, unique, and
 * editable. A changed slug keeps its old URL working through slug_redirects.
 */
import type { Kysely, Transaction } from 'kysely';
import type { ContentKind, Database, LangCode } from '../../db/schema.js';
import { slugify } from '../../shared/text/slugify.js';
import { deleteRedirect, upsertRedirect } from './slugs.repository.js';

type Db = Kysely<Database> | Transaction<Database>;

/** Lower-case ASCII words joined by single hyphens: what slugify produces and what editors may type. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Long enough for any real title's words, short enough to read in a URL. */
export const MAX_SLUG_LENGTH = 80;

/** Whether `slug` has the shape of a slug. */
export function isSlug(slug: string): boolean {
  return slug.length <= MAX_SLUG_LENGTH && SLUG_PATTERN.test(slug);
}

/**
 * The first free slug among `base`, `base-2`, `base-3`…, where `base` comes
 * from `title` ("Đắk Lắk" → `dak-lak`), or `fallback` when the title has no
 * letters or digits. `isTaken` says whether another item uses a slug.
 */
export async function uniqueSlugFromTitle(title: string, fallback: string, isTaken: (slug: string) => Promise<boolean>): Promise<string> {
  const base = slugify(title, MAX_SLUG_LENGTH) || fallback;
  if (!(await isTaken(base))) return base;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const candidate = `${base.slice(0, MAX_SLUG_LENGTH - suffix.length).replace(/-+$/, '')}${suffix}`;
    if (!(await isTaken(candidate))) return candidate;
  }
}

/**
 * Records that an item's slug in `lang` went from `oldSlug` to `newSlug`: the
 * old one now redirects to the item, and the new one, being in use again, no
 * longer redirects anywhere.
 */
export async function recordSlugChange(
  db: Db,
  kind: ContentKind,
  lang: LangCode,
  itemId: number,
  oldSlug: string,
  newSlug: string,
  now: string,
): Promise<void> {
  if (oldSlug === newSlug) return;
  await deleteRedirect(db, kind, lang, newSlug);
  await upsertRedirect(db, kind, lang, oldSlug, itemId, now);
}
