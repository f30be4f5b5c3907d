import type { Kysely } from 'kysely';

/**
 * The HTML of each translation's Markdown (an event's description, an
 * article's body), rendered and sanitized once when the text is saved rather
 * than on every page view. Null until rendered: the application fills
 * missing HTML when it starts (and `almanac render-text` renders it all
 * again), so this migration needs no renderer of its own.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('event_translations').addColumn('description_html', 'text').execute();
  await db.schema.alterTable('article_translations').addColumn('body_html', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('article_translations').dropColumn('body_html').execute();
  await db.schema.alterTable('event_translations').dropColumn('description_html').execute();
}
