import type { Kysely } from 'kysely';

/** The scheduler looks for items whose publication time has come, and the dashboard lists scheduled ones. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('events_publish_at_idx').on('events').column('publish_at').execute();
  await db.schema.createIndex('articles_publish_at_idx').on('articles').column('publish_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('articles_publish_at_idx').execute();
  await db.schema.dropIndex('events_publish_at_idx').execute();
}
