import type { Kysely } from 'kysely';

/**
 * The articles listing picks a page's articles newest first among the live
 * ones (status and publish_at). With publish_at in the date index, choosing
 * them, counting them and skipping to a deep page read the index alone, not
 * the rows: the events listing has had such an index since the last release.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('articles_listing_idx').on('articles').columns(['status', 'published_on', 'publish_at']).execute();
  // Its first two columns; the new index answers everything it did.
  await db.schema.dropIndex('articles_published_on_idx').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('articles_published_on_idx').on('articles').columns(['status', 'published_on']).execute();
  await db.schema.dropIndex('articles_listing_idx').execute();
}
