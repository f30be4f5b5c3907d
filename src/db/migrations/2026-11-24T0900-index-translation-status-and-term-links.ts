import type { Kysely } from 'kysely';

/**
 * Listings count every published item and join each to its translation in the
 * page's language, checking only the translation's status: with the status in
 * the index the count is answered from the index alone, without reading the
 * translations' text (measured: about three times faster with 5,000 articles).
 * Topic and programme calendars and pages look items up by term; the link
 * tables' keys start with the item, so the term needs an index of its own.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('event_translations_status_idx').on('event_translations').columns(['event_id', 'lang', 'status']).execute();
  await db.schema.createIndex('article_translations_status_idx').on('article_translations').columns(['article_id', 'lang', 'status']).execute();
  await db.schema.createIndex('event_topics_topic_idx').on('event_topics').column('topic_id').execute();
  await db.schema.createIndex('event_programmes_programme_idx').on('event_programmes').column('programme_id').execute();
  await db.schema.createIndex('article_topics_topic_idx').on('article_topics').column('topic_id').execute();
  await db.schema.createIndex('article_programmes_programme_idx').on('article_programmes').column('programme_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('article_programmes_programme_idx').execute();
  await db.schema.dropIndex('article_topics_topic_idx').execute();
  await db.schema.dropIndex('event_programmes_programme_idx').execute();
  await db.schema.dropIndex('event_topics_topic_idx').execute();
  await db.schema.dropIndex('article_translations_status_idx').execute();
  await db.schema.dropIndex('event_translations_status_idx').execute();
}
