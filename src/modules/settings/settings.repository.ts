/** Queries on the settings table: JSON text values by key. */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import { keptQuery } from '../../db/kept-query.js';

type Db = Kysely<Database> | Transaction<Database>;

/** Read by every page: kept compiled (db/kept-query.ts). */
const settingRows = keptQuery<Record<string, never>, '', { key: string; value: string }>((kdb) => kdb.selectFrom('settings').select(['key', 'value']));

export async function listSettingRows(db: Db): Promise<{ key: string; value: string }[]> {
  return (await settingRows(db, '', {})).rows;
}

export async function upsertSetting(db: Db, key: string, value: string): Promise<void> {
  await db
    .insertInto('settings')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
}
