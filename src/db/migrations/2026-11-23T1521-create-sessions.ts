import type { Kysely } from 'kysely';
import { timestamp, withId } from './portable.js';

/**
 * Server-side sessions. Only the SHA-256 of the cookie's random token is kept,
 * so a copy of the database does not let anyone act as a signed-in person.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('sessions'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'text', timestamp)
    .addColumn('last_seen_at', 'text', timestamp)
    // The absolute end of the session, whatever the activity.
    .addColumn('expires_at', 'text', timestamp)
    .addColumn('ip', 'text')
    .addColumn('user_agent', 'text')
    .execute();
  await db.schema.createIndex('sessions_user_idx').on('sessions').column('user_id').execute();
  await db.schema.createIndex('sessions_expires_idx').on('sessions').column('expires_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('sessions').execute();
}
