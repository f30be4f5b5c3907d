import type { Kysely } from 'kysely';
import { timestamp } from './portable.js';

/** Editable texts of the site itself, per language (e.g. the events page's intro). */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('site_texts')
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('lang', 'text', (c) => c.notNull().references('languages.code'))
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', timestamp)
    .addPrimaryKeyConstraint('site_texts_pk', ['key', 'lang'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('site_texts').execute();
}
