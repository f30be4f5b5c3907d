import { sql, type Kysely } from 'kysely';
import { timestamp, withId } from './portable.js';

/**
 * Feature articles. The photo credit is structured (holder, photographer,
 * year) so it renders as "© ILO/Nguyen Hai Dat 2024" in any language; the
 * byline names a person who has no account, with role and organisation per language.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('articles'))
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('source_key', 'text', (c) => c.unique())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft').check(sql`status in ('draft', 'in_review', 'published')`))
    .addColumn('published_on', 'text', (c) => c.notNull())
    .addColumn('hero_image_path', 'text')
    .addColumn('credit_holder', 'text')
    .addColumn('credit_photographer', 'text')
    .addColumn('credit_year', 'integer')
    .addColumn('byline_kind', 'text', (c) => c.check(sql`byline_kind is null or byline_kind in ('by', 'op-ed')`))
    .addColumn('byline_name', 'text')
    .addColumn('publish_at', 'text')
    .addColumn('published_at', 'text')
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', timestamp)
    .addColumn('updated_at', 'text', timestamp)
    .execute();
  await db.schema.createIndex('articles_published_on_idx').on('articles').columns(['status', 'published_on']).execute();

  await db.schema
    .createTable('article_translations')
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('lang', 'text', (c) => c.notNull().references('languages.code'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text')
    .addColumn('body', 'text')
    .addColumn('hero_alt', 'text')
    .addColumn('byline_role', 'text')
    .addColumn('byline_organisation', 'text')
    .addColumn('created_at', 'text', timestamp)
    .addColumn('updated_at', 'text', timestamp)
    .addPrimaryKeyConstraint('article_translations_pk', ['article_id', 'lang'])
    .execute();

  for (const [table, column, target] of [
    ['article_topics', 'topic_id', 'topics'],
    ['article_programmes', 'programme_id', 'programmes'],
  ] as const) {
    await db.schema
      .createTable(table)
      .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
      .addColumn(column, 'integer', (c) => c.notNull().references(`${target}.id`).onDelete('cascade'))
      .addPrimaryKeyConstraint(`${table}_pk`, ['article_id', column])
      .execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['article_programmes', 'article_topics', 'article_translations', 'articles']) {
    await db.schema.dropTable(table).execute();
  }
}
