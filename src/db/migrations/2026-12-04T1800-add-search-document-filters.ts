import { sql, type Kysely } from 'kysely';
import { isPostgres } from './portable.js';

/**
 * What a search filters and sorts on, kept on each search document: its
 * item's publication status and scheduled time (the inputs of the live
 * rule), its own language's text status, the date it sorts by, the last day
 * it covers (years), and an event's type. A search then ranks and filters
 * `search_documents` alone, reading no other table until it shows a page,
 * so it can stop after the newest matches instead of joining every match to
 * its item. Written with each document when it is indexed, and kept by
 * triggers whenever an item or a translation changes them afterwards, so no
 * writer (publishing, the scheduler, a restore) can leave them behind.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('search_documents')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft'))
    .execute();
  await db.schema.alterTable('search_documents').addColumn('publish_at', 'text').execute();
  await db.schema
    .alterTable('search_documents')
    .addColumn('text_status', 'text', (c) => c.notNull().defaultTo('draft'))
    .execute();
  await db.schema.alterTable('search_documents').addColumn('sort_date', 'text').execute();
  await db.schema.alterTable('search_documents').addColumn('last_day', 'text').execute();
  await db.schema.alterTable('search_documents').addColumn('event_type', 'text').execute();

  const follows = [
    {
      name: 'events_search_follow',
      table: 'events',
      columns: ['status', 'publish_at', 'start_date', 'end_date', 'event_type'],
      set: sql`status = new.status, publish_at = new.publish_at, sort_date = new.start_date,
        last_day = coalesce(new.end_date, new.start_date), event_type = new.event_type`,
      where: sql`kind = 'event' and item_id = new.id`,
    },
    {
      name: 'articles_search_follow',
      table: 'articles',
      columns: ['status', 'publish_at', 'published_on'],
      set: sql`status = new.status, publish_at = new.publish_at, sort_date = new.published_on, last_day = new.published_on`,
      where: sql`kind = 'article' and item_id = new.id`,
    },
    {
      name: 'event_translations_search_follow',
      table: 'event_translations',
      columns: ['status'],
      set: sql`text_status = new.status`,
      where: sql`kind = 'event' and item_id = new.event_id and lang = new.lang`,
    },
    {
      name: 'article_translations_search_follow',
      table: 'article_translations',
      columns: ['status'],
      set: sql`text_status = new.status`,
      where: sql`kind = 'article' and item_id = new.article_id and lang = new.lang`,
    },
  ];
  for (const { name, table, columns, set, where } of follows) {
    const of = sql.join(columns.map((c) => sql.id(c)));
    if (isPostgres(db)) {
      await sql`create function ${sql.id(name)}() returns trigger language plpgsql as $$
        begin
          update search_documents set ${set} where ${where};
          return null;
        end
      $$`.execute(db);
      await sql`create trigger ${sql.id(name)} after update of ${of} on ${sql.table(table)}
        for each row execute function ${sql.id(name)}()`.execute(db);
    } else {
      await sql`create trigger ${sql.id(name)} after update of ${of} on ${sql.table(table)}
        begin update search_documents set ${set} where ${where}; end`.execute(db);
    }
  }
}

const TRIGGERS = [
  ['events_search_follow', 'events'],
  ['articles_search_follow', 'articles'],
  ['event_translations_search_follow', 'event_translations'],
  ['article_translations_search_follow', 'article_translations'],
] as const;

export async function down(db: Kysely<any>): Promise<void> {
  for (const [name, table] of TRIGGERS) {
    if (isPostgres(db)) {
      await sql`drop trigger ${sql.id(name)} on ${sql.table(table)}`.execute(db);
      await sql`drop function ${sql.id(name)}()`.execute(db);
    } else {
      await sql`drop trigger ${sql.id(name)}`.execute(db);
    }
  }
  for (const column of ['event_type', 'last_day', 'sort_date', 'text_status', 'publish_at', 'status']) {
    await db.schema.alterTable('search_documents').dropColumn(column).execute();
  }
}
