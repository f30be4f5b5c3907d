/** Failed sign-ins per key ('email:…', 'ip:…'), for the rate limit. */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';

type Db = Kysely<Database> | Transaction<Database>;

export async function insertAttempts(db: Db, keys: string[], at: string): Promise<void> {
  if (keys.length === 0) return;
  await db
    .insertInto('login_attempts')
    .values(keys.map((key) => ({ key, at })))
    .execute();
}

/** Times of the most recent failures of a key since an instant, newest first, at most `limit`. */
export async function recentAttemptTimes(db: Db, key: string, sinceIso: string, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('login_attempts')
    .select('at')
    .where('key', '=', key)
    .where('at', '>', sinceIso)
    .orderBy('at', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => r.at);
}

export async function deleteAttempts(db: Db, key: string): Promise<void> {
  await db.deleteFrom('login_attempts').where('key', '=', key).execute();
}

export async function deleteAttemptsBefore(db: Db, beforeIso: string): Promise<void> {
  await db.deleteFrom('login_attempts').where('at', '<=', beforeIso).execute();
}
