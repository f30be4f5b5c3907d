import type { Kysely } from 'kysely';

/**
 * A slug is unique across languages, so every save and every imported item
 * asks whether any text of another item has it, in whatever language. The
 * (lang, slug) index cannot answer that without the language, and each
 * question read every text: 30 ms each with 20,000 events, several per
 * imported item. An index on the slug alone makes it a lookup.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('event_translations_slug_idx').on('event_translations').column('slug').execute();
  await db.schema.createIndex('article_translations_slug_idx').on('article_translations').column('slug').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('article_translations_slug_idx').execute();
  await db.schema.dropIndex('event_translations_slug_idx').execute();
}
