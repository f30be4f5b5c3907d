import type { Kysely } from 'kysely';

/**
 * Site settings that editors change at run time (not deployment settings,
 * which stay in the environment): one row per key, the value as JSON text.
 * A key without a row has its default.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('settings').execute();
}
