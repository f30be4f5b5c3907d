/** Failed sign-ins per key ('email:…', 'ip:…', 'pair:…'), for the rate limits. */
import { sql, type Kysely, type Transaction } from 'kysely';
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

/** Deletes every key starting with `prefix` (compared as text: no wildcard in an email can widen it). */
export async function deleteAttemptsWithPrefix(db: Db, prefix: string): Promise<void> {
  await db
    .deleteFrom('login_attempts')
    // Both databases count characters (code points), not UTF-16 units.
    .where(sql<boolean>`substr(key, 1, ${Array.from(prefix).length}) = ${prefix}`)
    .execute();
}
