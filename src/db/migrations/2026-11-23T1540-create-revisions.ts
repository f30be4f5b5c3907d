import { sql, type Kysely } from 'kysely';
import { timestamp, withId } from './portable.js';

/**
 * Every saved state of an event or article: who saved it, when, what kind of
 * change it was, the whole item as JSON (all translations and tags) and the
 * names of the fields that changed. `revision` matches the item's own
 * `revision` column at the time, so a form loaded at revision N can find what
 * it was loaded from. No foreign key to the items or to users: the history of
 * a deleted item, and of a removed account, stays readable.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('revisions'))
    .addColumn('item_kind', 'text', (c) => c.notNull().check(sql`item_kind in ('event', 'article')`))
    .addColumn('item_id', 'integer', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull())
    // Null when the system made the change (a scheduled item going live).
    .addColumn('user_id', 'integer')
    .addColumn('created_at', 'text', timestamp)
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('snapshot', 'text', (c) => c.notNull())
    .addColumn('changes', 'text', (c) => c.notNull())
    .addUniqueConstraint('revisions_item_revision_unique', ['item_kind', 'item_id', 'revision'])
    .execute();
  // The dashboard's "recently changed" reads the newest revisions first.
  await db.schema.createIndex('revisions_created_at_idx').on('revisions').column('created_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('revisions').execute();
}
