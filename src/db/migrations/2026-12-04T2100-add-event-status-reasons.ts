import type { Kysely } from 'kysely';

/**
 * Why an event was cancelled or postponed, in each language, as the editor
 * typed it on the confirmation page ("Postponed to 12 March"): shown to
 * visitors with the event's status. Cleared when the event is put back on.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('events').addColumn('status_reason_en', 'text').execute();
  await db.schema.alterTable('events').addColumn('status_reason_vi', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('events').dropColumn('status_reason_vi').execute();
  await db.schema.alterTable('events').dropColumn('status_reason_en').execute();
}
