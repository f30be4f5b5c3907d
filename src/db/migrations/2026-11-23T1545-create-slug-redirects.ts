import { sql, type Kysely } from 'kysely';
import { timestamp } from './portable.js';

/**
 * Slugs an item used to have, per language, so that old links answer with a
 * permanent redirect to the item's current address. A redirect names the item,
 * not the slug that replaced it, so a slug changed twice needs no chain.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('slug_redirects')
    .addColumn('item_kind', 'text', (c) => c.notNull().check(sql`item_kind in ('event', 'article')`))
    .addColumn('lang', 'text', (c) => c.notNull().references('languages.code'))
    .addColumn('old_slug', 'text', (c) => c.notNull())
    .addColumn('item_id', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', timestamp)
    .addPrimaryKeyConstraint('slug_redirects_pk', ['item_kind', 'lang', 'old_slug'])
    .execute();
  await db.schema.createIndex('slug_redirects_item_idx').on('slug_redirects').columns(['item_kind', 'item_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('slug_redirects').execute();
}
