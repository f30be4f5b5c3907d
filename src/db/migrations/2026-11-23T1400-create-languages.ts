import type { Kysely } from 'kysely';

/** Languages exist from the first migration: every text of every item is per language. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('languages')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .execute();
  await db
    .insertInto('languages')
    .values([
      { code: 'en', name: 'English', position: 1 },
      { code: 'vi', name: 'Tiếng Việt', position: 2 },
    ])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('languages').execute();
}
