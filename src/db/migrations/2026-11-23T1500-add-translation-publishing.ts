import { sql, type Kysely } from 'kysely';

/**
 * Per-language publishing on the translation rows of events and articles:
 *
 * - `slug`: the item's address in that language, unique per language
 *   (filled in by the next migration for existing rows);
 * - `status`: 'draft' | 'published' for that language's text. The item's own
 *   status still governs the item and its English text; a Vietnamese page
 *   shows the Vietnamese text only when both are published;
 * - `source_snapshot`: JSON of the English fields the text was translated
 *   from, so a changed source can be noticed and shown;
 * - `translated_at`: when the text was last marked as matching its source.
 */
export async function up(db: Kysely<any>): Promise<void> {
  for (const table of ['event_translations', 'article_translations']) {
    await db.schema.alterTable(table).addColumn('slug', 'text').execute();
    await db.schema
      .alterTable(table)
      .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft').check(sql`status in ('draft', 'published')`))
      .execute();
    await db.schema.alterTable(table).addColumn('source_snapshot', 'text').execute();
    await db.schema.alterTable(table).addColumn('translated_at', 'text').execute();
    // Unique per language; rows without a slug yet (null) do not collide on either database.
    await db.schema.createIndex(`${table}_lang_slug_key`).on(table).columns(['lang', 'slug']).unique().execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['event_translations', 'article_translations']) {
    await db.schema.dropIndex(`${table}_lang_slug_key`).execute();
    for (const column of ['translated_at', 'source_snapshot', 'status', 'slug']) {
      await db.schema.alterTable(table).dropColumn(column).execute();
    }
  }
}
