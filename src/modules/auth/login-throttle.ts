/**
 * The sign-in rate limit, per account and per client address. Failures are
 * counted in the database, so the limit holds across app instances. A
 * refused (throttled) attempt is not counted, so waiting always ends the lock.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import * as repo from './login-attempts.repository.js';

const MINUTE_MS = 60 * 1000;

/** Failures are counted over the last quarter of an hour. */
export const FAILURE_WINDOW_MS = 15 * MINUTE_MS;

/**
 * Five wrong passwords for one account within the window lock it for the rest
 * of the window: plenty for someone mistyping, a crawl for someone guessing
 * (about 480 guesses a day).
 */
export const ACCOUNT_FAILURE_LIMIT = 5;

/**
 * Thirty failures from one address within the window: higher than per account
 * because a whole office may sign in from behind one address, low enough to
 * stop one machine trying many accounts.
 */
export const IP_FAILURE_LIMIT = 30;

export function accountKey(email: string): string {
  return `email:${email}`;
}

export function addressKey(ip: string): string {
  return `ip:${ip}`;
}

function limitFor(key: string): number {
  return key.startsWith('ip:') ? IP_FAILURE_LIMIT : ACCOUNT_FAILURE_LIMIT;
}

/**
 * Seconds until a sign-in may be tried again for these keys, or 0 when it may
 * be tried now. A key is locked while its limit of failures lies in the
 * window; it opens when the oldest of those leaves the window.
 */
export async function secondsUntilAllowed(db: Kysely<Database>, keys: string[], now: Date): Promise<number> {
  const since = new Date(now.getTime() - FAILURE_WINDOW_MS).toISOString();
  let wait = 0;
  for (const key of keys) {
    const limit = limitFor(key);
    const times = await repo.recentAttemptTimes(db, key, since, limit);
    if (times.length < limit) continue;
    const opensAt = Date.parse(times[times.length - 1]!) + FAILURE_WINDOW_MS;
    wait = Math.max(wait, Math.ceil((opensAt - now.getTime()) / 1000));
  }
  return wait;
}

/** Counts a failed sign-in against each key, and forgets failures too old to matter. */
export async function recordFailure(db: Kysely<Database>, keys: string[], now: Date): Promise<void> {
  await repo.deleteAttemptsBefore(db, new Date(now.getTime() - FAILURE_WINDOW_MS).toISOString());
  await repo.insertAttempts(db, keys, now.toISOString());
}

/** After a successful sign-in the account's count starts again (the address's does not). */
export async function clearAccountFailures(db: Kysely<Database>, email: string): Promise<void> {
  await repo.deleteAttempts(db, accountKey(email));
}
