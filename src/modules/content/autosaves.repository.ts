/** The autosaves table: one row per account, kind and item (or `new`). Kysely only; the rules are in autosaves.ts. */
import type { Kysely } from 'kysely';
import type { AutosavesTable, ContentKind, Database } from '../../db/schema.js';

type Db = Kysely<Database>;

export interface AutosaveRow {
  base_revision: number | null;
  fields: string;
  saved_at: string;
}

/** Writes the row of (user, kind, key), replacing the one there. */
export async function upsertAutosave(db: Db, row: AutosavesTable): Promise<void> {
  await db
    .insertInto('autosaves')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['user_id', 'item_kind', 'item_key']).doUpdateSet({ base_revision: row.base_revision, fields: row.fields, saved_at: row.saved_at }),
    )
    .execute();
}

/** The row of (user, kind, key) saved at `notBefore` or later. */
export async function findAutosave(db: Db, userId: number, kind: ContentKind, key: string, notBefore: string): Promise<AutosaveRow | undefined> {
  return db
    .selectFrom('autosaves')
    .select(['base_revision', 'fields', 'saved_at'])
    .where('user_id', '=', userId)
    .where('item_kind', '=', kind)
    .where('item_key', '=', key)
    .where('saved_at', '>=', notBefore)
    .executeTakeFirst();
}

export async function deleteAutosave(db: Db, userId: number, kind: ContentKind, key: string): Promise<void> {
  await db.deleteFrom('autosaves').where('user_id', '=', userId).where('item_kind', '=', kind).where('item_key', '=', key).execute();
}

/** Every account's row of an item (it was deleted). */
export async function deleteAutosavesOfItem(db: Db, kind: ContentKind, key: string): Promise<void> {
  await db.deleteFrom('autosaves').where('item_kind', '=', kind).where('item_key', '=', key).execute();
}

/** Rows saved before `before`; how many went. */
export async function deleteAutosavesBefore(db: Db, before: string): Promise<number> {
  const result = await db.deleteFrom('autosaves').where('saved_at', '<', before).executeTakeFirst();
  return Number(result.numDeletedRows);
}
