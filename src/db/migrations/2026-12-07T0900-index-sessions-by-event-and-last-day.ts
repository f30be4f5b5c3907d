/**
 * A recurring event's sessions by their last day: the listing's counts ask,
 * for each recurring event, how many of its sessions are still to come (and
 * for each year offered, whether one falls in it), and the listing's lines
 * read the sessions to come. By the event and its session dates alone (the table's
 * key) each such look read every session the event has, a hundred for each
 * two years of a weekly event; by the event and last day it reads those it
 * counts.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('event_sessions_event_last_day_idx').on('event_sessions').columns(['event_id', 'last_day', 'start_date']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('event_sessions_event_last_day_idx').execute();
}
