import type { Kysely } from 'kysely';
import { timestamp } from './portable.js';

/**
 * One-time links that create the first administrator on a fresh install.
 * Only the SHA-256 of each token is kept; a token works once and until it expires.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('setup_tokens')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('created_at', 'text', timestamp)
    .addColumn('expires_at', 'text', timestamp)
    .addColumn('used_at', 'text')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('setup_tokens').execute();
}
