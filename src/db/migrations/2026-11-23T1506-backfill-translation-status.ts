import type { Kysely } from 'kysely';

/**
 * Existing texts of published items were live before per-language status
 * existed, so they stay live: their rows become 'published'. Rows of items
 * that are not published keep the default 'draft'.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db
    .updateTable('event_translations')
    .set({ status: 'published' })
    .where('event_id', 'in', db.selectFrom('events').select('id').where('status', '=', 'published'))
    .execute();
  await db
    .updateTable('article_translations')
    .set({ status: 'published' })
    .where('article_id', 'in', db.selectFrom('articles').select('id').where('status', '=', 'published'))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.updateTable('event_translations').set({ status: 'draft' }).execute();
  await db.updateTable('article_translations').set({ status: 'draft' }).execute();
}
