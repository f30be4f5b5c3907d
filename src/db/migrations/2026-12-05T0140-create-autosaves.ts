import { sql, type Kysely } from 'kysely';
import { timestamp } from './portable.js';

/**
 * What an editor typed on an event's or an article's form and has not saved,
 * kept every few seconds by the edit page's script: one row per account,
 * kind and item (`item_key` is the item's id, or `new` for a form not yet
 * saved), holding the form's fields as JSON and the revision the form was
 * loaded at. Apart from the items and their revisions: nothing here is ever
 * shown to visitors or written over what was saved. Gone with its account.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('autosaves')
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('item_kind', 'text', (c) => c.notNull().check(sql`item_kind in ('event', 'article')`))
    .addColumn('item_key', 'text', (c) => c.notNull())
    // Null for a new item's form.
    .addColumn('base_revision', 'integer')
    .addColumn('fields', 'text', (c) => c.notNull())
    .addColumn('saved_at', 'text', timestamp)
    .addPrimaryKeyConstraint('autosaves_pk', ['user_id', 'item_kind', 'item_key'])
    .execute();
  // Old rows are purged by age; an item's rows are dropped when it is deleted.
  await db.schema.createIndex('autosaves_saved_at_idx').on('autosaves').column('saved_at').execute();
  await db.schema.createIndex('autosaves_item_idx').on('autosaves').columns(['item_kind', 'item_key']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('autosaves').execute();
}
