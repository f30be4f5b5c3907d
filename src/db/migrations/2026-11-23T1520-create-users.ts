import { sql, type Kysely } from 'kysely';
import { timestamp, withId } from './portable.js';

/**
 * People who sign in to the admin. Emails are stored lower-cased by the
 * application, so the unique constraint also refuses "Ann@x" beside "ann@x".
 * Accounts are disabled, never deleted, so that audit entries and content
 * keep pointing at someone.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('users'))
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('admin', 'editor', 'contributor')`))
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('ui_lang', 'text', (c) => c.notNull().defaultTo('en').check(sql`ui_lang in ('en', 'vi')`))
    .addColumn('disabled_at', 'text')
    .addColumn('created_at', 'text', timestamp)
    .addColumn('updated_at', 'text', timestamp)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('users').execute();
}
