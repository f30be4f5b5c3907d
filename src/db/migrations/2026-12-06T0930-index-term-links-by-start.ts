/**
 * The links of events to a topic or a programme by the term, the status and
 * the event's first day (the copies kept by migration 2026-12-05T1015), then
 * its last day and id: the order of the events listing. One term's events
 * starting from today on are then read in that order from its own links and
 * stopped at a page's end, where the events' listing index gives every
 * upcoming event of the archive in turn, each looked up in the term's links
 * (some 230 for a page of 20 of one topic at 30,000 items).
 */
import type { Kysely } from 'kysely';

const LINKS = [
  { links: 'event_topics', termId: 'topic_id' },
  { links: 'event_programmes', termId: 'programme_id' },
] as const;

export async function up(db: Kysely<any>): Promise<void> {
  for (const l of LINKS) {
    await db.schema
      .createIndex(`${l.links}_starts_idx`)
      .on(l.links)
      .columns([l.termId, 'status', 'start_date', 'last_day', 'event_id'])
      .execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const l of LINKS) await db.schema.dropIndex(`${l.links}_starts_idx`).execute();
}
