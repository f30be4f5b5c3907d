import type { Kysely } from 'kysely';

/**
 * An event's hero image from the media library, as articles have one. The
 * library item brings its alt text in both languages and its photo credit, so
 * the event stores only the choice. No cascade: an image used as a hero cannot
 * be deleted from the library.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('events')
    .addColumn('hero_media_id', 'integer', (c) => c.references('media.id'))
    .execute();
  await db.schema.createIndex('events_hero_media_idx').on('events').column('hero_media_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('events_hero_media_idx').execute();
  await db.schema.alterTable('events').dropColumn('hero_media_id').execute();
}
