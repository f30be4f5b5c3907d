/** Queries on one-time setup links (stored as SHA-256 of the token). */
import type { Kysely, Transaction } from 'kysely';
import type { Database, SetupTokensTable } from '../../db/schema.js';
import type { Selectable } from 'kysely';

type Db = Kysely<Database> | Transaction<Database>;

export async function insertSetupToken(db: Db, row: SetupTokensTable): Promise<void> {
  await db.insertInto('setup_tokens').values(row).execute();
}

export async function findSetupToken(db: Db, tokenHash: string): Promise<Selectable<SetupTokensTable> | undefined> {
  return db.selectFrom('setup_tokens').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

/** Marks a token used, only if it was not already; true when this call used it. */
export async function markSetupTokenUsed(db: Db, tokenHash: string, usedAt: string): Promise<boolean> {
  const result = await db
    .updateTable('setup_tokens')
    .set({ used_at: usedAt })
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function deleteExpiredSetupTokens(db: Db, nowIso: string): Promise<void> {
  await db.deleteFrom('setup_tokens').where('expires_at', '<=', nowIso).execute();
}
