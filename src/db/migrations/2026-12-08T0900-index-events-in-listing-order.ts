/**
 * Single events in the order the events listing shows its past ones: newest
 * start first, then the earliest last day, then by id; read backwards, this
 * index gives them in that order, with what the listing's looks ask of each
 * (whether it is live: status and publish_at). Recurring events, whose
 * sessions are the listing's lines, are left out.
 *
 * The first page of the listing reads twenty events with their texts: by
 * the status index SQLite read them in order of their start and sorted each
 * day's events again by last day and id, carrying every column of the rows
 * through the sort (a fifth of the statement on the sample content). A
 * later page reads its lines from here alone, where it read every line
 * before it from the events' rows and sorted them twice (the last of 2,500
 * pages, 107 ms at 100,000 items).
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('events_listing_order_idx')
    .on('events')
    .columns(['status', 'start_date', 'last_day desc', 'id desc', 'publish_at'])
    .where(sql.ref('recurrence_rule'), 'is', null)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('events_listing_order_idx').execute();
}
