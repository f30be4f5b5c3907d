import type { Kysely } from 'kysely';

/**
 * A one-day event has no end date. The admin form used to store one with its
 * end on its first day where the importer stored none, so the next import
 * took an imported event an editor had saved for a changed one, and its
 * translated page no longer found it. Every writer now stores no end; rows
 * written before are brought in line. A timed event keeps its end instant
 * (ends_at): only the day, the same as its first, goes.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.updateTable('events').set({ end_date: null }).whereRef('end_date', '=', 'start_date').execute();
}

/** Nothing to undo: an empty end date and one on the first day say the same, and every version reads both. */
export async function down(): Promise<void> {}
