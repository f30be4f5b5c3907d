import { sql, type Kysely } from 'kysely';

/**
 * Fills the columns search filters on (2026-12-04T1800) for the documents
 * already indexed, from their items and translations.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`update search_documents set
      status = (select e.status from events e where e.id = search_documents.item_id),
      publish_at = (select e.publish_at from events e where e.id = search_documents.item_id),
      sort_date = (select e.start_date from events e where e.id = search_documents.item_id),
      last_day = (select coalesce(e.end_date, e.start_date) from events e where e.id = search_documents.item_id),
      event_type = (select e.event_type from events e where e.id = search_documents.item_id),
      text_status = coalesce((select t.status from event_translations t
        where t.event_id = search_documents.item_id and t.lang = search_documents.lang), 'draft')
    where kind = 'event' and exists (select 1 from events e where e.id = search_documents.item_id)`.execute(db);
  await sql`update search_documents set
      status = (select a.status from articles a where a.id = search_documents.item_id),
      publish_at = (select a.publish_at from articles a where a.id = search_documents.item_id),
      sort_date = (select a.published_on from articles a where a.id = search_documents.item_id),
      last_day = (select a.published_on from articles a where a.id = search_documents.item_id),
      text_status = coalesce((select t.status from article_translations t
        where t.article_id = search_documents.item_id and t.lang = search_documents.lang), 'draft')
    where kind = 'article' and exists (select 1 from articles a where a.id = search_documents.item_id)`.execute(db);
}

export async function down(): Promise<void> {
  // The columns go with 2026-12-04T1800's down.
}
