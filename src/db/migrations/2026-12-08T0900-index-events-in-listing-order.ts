/**
 * Events in the order the events listing shows its past ones: newest start
 * first, then the earliest last day, then by id. The first page of the
 * listing reads twenty events with their texts; by the status index alone
 * SQLite read them in order of their start and sorted each day's events
 * again by last day and id, carrying every column of the page's rows through
 * the sort (a fifth of the statement on the sample content). Read backwards,
 * this index gives them in the listing's order, so the statement stops at
 * the twentieth.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('events_listing_order_idx').on('events').columns(['status', 'start_date', 'last_day desc', 'id desc']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('events_listing_order_idx').execute();
}
