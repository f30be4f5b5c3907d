import type { Kysely } from 'kysely';

/**
 * Who an event is for, in each language, as one line ("Employers' and
 * workers' organisations in the garment sector"): declared with the events'
 * other translated fields, shown on the event's page.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('event_translations').addColumn('audience', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('event_translations').dropColumn('audience').execute();
}
