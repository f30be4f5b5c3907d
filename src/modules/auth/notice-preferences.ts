/** Whether an account receives the editorial notices by email; its holder switches them on its account page. */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

export async function editorialNoticesOn(db: Kysely<Database>, userId: number): Promise<boolean> {
  const row = await db.selectFrom('users').select('editorial_notices').where('id', '=', userId).executeTakeFirst();
  return row?.editorial_notices !== 0;
}

export async function setEditorialNotices(db: Kysely<Database>, userId: number, on: boolean, now: Date): Promise<void> {
  await db.updateTable('users').set({ editorial_notices: on ? 1 : 0, updated_at: now.toISOString() }).where('id', '=', userId).execute();
}
