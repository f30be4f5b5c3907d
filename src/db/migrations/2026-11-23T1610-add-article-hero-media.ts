import type { Kysely } from 'kysely';

/**
 * An article's hero image from the media library. Imported articles keep
 * `hero_image_path` and their credit columns; an article with a library image
 * takes its alt text and credit from the media item. No cascade: an image
 * used as a hero cannot be deleted from the library.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('articles')
    .addColumn('hero_media_id', 'integer', (c) => c.references('media.id'))
    .execute();
  await db.schema.createIndex('articles_hero_media_idx').on('articles').column('hero_media_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('articles_hero_media_idx').execute();
  await db.schema.alterTable('articles').dropColumn('hero_media_id').execute();
}
