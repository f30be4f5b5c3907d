import type { Kysely } from 'kysely';
import { timestamp, withId } from './portable.js';

/**
 * Failed sign-ins, one row per counted key (`email:ann@example.org`,
 * `ip:203.0.113.9`). Kept in the database rather than in memory so that the
 * limit holds across several app instances and restarts.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('login_attempts'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('at', 'text', timestamp)
    .execute();
  await db.schema.createIndex('login_attempts_key_idx').on('login_attempts').columns(['key', 'at']).execute();
  await db.schema.createIndex('login_attempts_at_idx').on('login_attempts').column('at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('login_attempts').execute();
}
