import type { Kysely } from 'kysely';

/**
 * A weekly digest's bookkeeping on its subscriber: the office's date of the
 * last one (the claim: a pass sends it only when this is not today, so with
 * several instances it goes once) and the instant it was made (the next one
 * lists what is new or changed since). Null until the first.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('subscribers').addColumn('last_digest_on', 'text').execute();
  await db.schema.alterTable('subscribers').addColumn('last_digest_at', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('subscribers').dropColumn('last_digest_at').execute();
  await db.schema.alterTable('subscribers').dropColumn('last_digest_on').execute();
}
