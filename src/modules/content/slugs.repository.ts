/** Queries on slug_redirects: old slugs of events and articles, per language. */
import type { Kysely, Transaction } from 'kysely';
import type { ContentKind, Database, LangCode } from '../../db/schema.js';

type Db = Kysely<Database> | Transaction<Database>;

/** The item an old slug now belongs to, if any. */
export async function findRedirectTarget(db: Db, kind: ContentKind, lang: LangCode, oldSlug: string): Promise<number | undefined> {
  const row = await db
    .selectFrom('slug_redirects')
    .select('item_id')
    .where('item_kind', '=', kind)
    .where('lang', '=', lang)
    .where('old_slug', '=', oldSlug)
    .executeTakeFirst();
  return row?.item_id;
}

/** The item an old slug in any language now belongs to (the oldest redirect wins). */
export async function findRedirectTargetInAnyLang(db: Db, kind: ContentKind, oldSlug: string): Promise<number | undefined> {
  const row = await db
    .selectFrom('slug_redirects')
    .select('item_id')
    .where('item_kind', '=', kind)
    .where('old_slug', '=', oldSlug)
    .orderBy('created_at')
    .executeTakeFirst();
  return row?.item_id;
}

/** Points `oldSlug` at the item, replacing whatever it pointed at before. */
export async function upsertRedirect(db: Db, kind: ContentKind, lang: LangCode, oldSlug: string, itemId: number, now: string): Promise<void> {
  await db
    .insertInto('slug_redirects')
    .values({ item_kind: kind, lang, old_slug: oldSlug, item_id: itemId, created_at: now })
    .onConflict((oc) => oc.columns(['item_kind', 'lang', 'old_slug']).doUpdateSet({ item_id: itemId, created_at: now }))
    .execute();
}

/** Forgets an old slug (it is in use again, by its item or another). */
export async function deleteRedirect(db: Db, kind: ContentKind, lang: LangCode, slug: string): Promise<void> {
  await db.deleteFrom('slug_redirects').where('item_kind', '=', kind).where('lang', '=', lang).where('old_slug', '=', slug).execute();
}

/** Forgets every old slug of an item (it is deleted). */
export async function deleteRedirectsOf(db: Db, kind: ContentKind, itemId: number): Promise<void> {
  await db.deleteFrom('slug_redirects').where('item_kind', '=', kind).where('item_id', '=', itemId).execute();
}

export async function listRedirectsOf(db: Db, kind: ContentKind, itemId: number) {
  return db
    .selectFrom('slug_redirects')
    .select(['lang', 'old_slug', 'created_at'])
    .where('item_kind', '=', kind)
    .where('item_id', '=', itemId)
    .orderBy('created_at', 'desc')
    .execute();
}
