import type { Kysely } from 'kysely';
import { timestamp, withId } from './portable.js';

/** Topics and programmes/projects, shared by events and articles, named per language. */
export async function up(db: Kysely<any>): Promise<void> {
  for (const [table, owner] of [
    ['topics', 'topic_id'],
    ['programmes', 'programme_id'],
  ] as const) {
    let builder = withId(db, db.schema.createTable(table))
      .addColumn('slug', 'text', (c) => c.notNull().unique())
      .addColumn('created_at', 'text', timestamp)
      .addColumn('updated_at', 'text', timestamp);
    if (table === 'programmes') {
      // The acronym the office writes in running text ("ENHANCE", "SCORE"); used to tag imported items.
      builder = builder.addColumn('code', 'text').addColumn('website_url', 'text');
    }
    await builder.execute();

    await db.schema
      .createTable(`${table.slice(0, -1)}_translations`)
      .addColumn(owner, 'integer', (c) => c.notNull().references(`${table}.id`).onDelete('cascade'))
      .addColumn('lang', 'text', (c) => c.notNull().references('languages.code'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('description', 'text')
      .addPrimaryKeyConstraint(`${table.slice(0, -1)}_translations_pk`, [owner, 'lang'])
      .execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('programme_translations').execute();
  await db.schema.dropTable('programmes').execute();
  await db.schema.dropTable('topic_translations').execute();
  await db.schema.dropTable('topics').execute();
}
