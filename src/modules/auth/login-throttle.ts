/**
 * The sign-in rate limits. Failures are counted in the database, so the
 * limits hold across app instances. A refused (throttled) attempt is not
 * counted, so waiting always ends a lock.
 *
 * Three counts, so that nobody can lock someone else out:
 * - per account and address: a few mistakes lock that account from that
 *   address only; the owner elsewhere is not affected;
 * - per address: one machine trying many accounts;
 * - per account, from anywhere: a slower limit on guessing spread over many
 *   addresses. It stops only new devices: a browser the account has signed in
 *   from before (a known device, see known-device.ts) passes it, and a
 *   password reset clears it.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import * as repo from './login-attempts.repository.js';

const MINUTE_MS = 60 * 1000;

/** Failures are counted over the last quarter of an hour. */
export const FAILURE_WINDOW_MS = 15 * MINUTE_MS;

/**
 * Five wrong passwords for one account from one address within the window
 * lock that pair for the rest of the window: plenty for someone mistyping, a
 * crawl for someone guessing (about 480 guesses a day per address).
 */
export const PAIR_FAILURE_LIMIT = 5;

/**
 * Twenty failures for one account from anywhere within the window: far more
 * than its owner makes, while guessing spread over many addresses stays below
 * 2,000 tries a day against a password of 12 characters or more.
 */
export const ACCOUNT_FAILURE_LIMIT = 20;

/**
 * Thirty failures from one address within the window: higher than per account
 * because a whole office may sign in from behind one address, low enough to
 * stop one machine trying many accounts.
 */
export const IP_FAILURE_LIMIT = 30;

/**
 * Five wrong current passwords on the password-change form within the window
 * hold that account's form for the rest of it. Whoever uses the form is
 * already signed in; this stops a borrowed or stolen session being used to
 * find the password itself.
 */
export const CURRENT_PASSWORD_FAILURE_LIMIT = 5;

/** What a key counts; the scope of a lock decides what the person is told. */
export type ThrottleScope = 'pair' | 'address' | 'account';

interface ThrottleKey {
  key: string;
  scope: ThrottleScope;
  limit: number;
}

function accountKey(email: string): string {
  return `email:${email}`;
}

/** Email first, so that every address's count for one account shares a prefix (see clearAccountFailures). */
function pairPrefix(email: string): string {
  return `pair:${email} `;
}

/**
 * The counts an attempt for `email` from `ip` is checked against and counted
 * in. A known device is not held back by the account's count from anywhere.
 */
export function throttleKeys(email: string, ip: string, knownDevice: boolean): ThrottleKey[] {
  const keys: ThrottleKey[] = [
    { key: `${pairPrefix(email)}${ip}`, scope: 'pair', limit: PAIR_FAILURE_LIMIT },
    { key: `ip:${ip}`, scope: 'address', limit: IP_FAILURE_LIMIT },
  ];
  if (!knownDevice) keys.push({ key: accountKey(email), scope: 'account', limit: ACCOUNT_FAILURE_LIMIT });
  return keys;
}

/** The count of wrong current passwords typed while signed in to an account (kept apart from sign-in). */
export function currentPasswordKeys(userId: number): ThrottleKey[] {
  return [{ key: `current-password:${userId}`, scope: 'account', limit: CURRENT_PASSWORD_FAILURE_LIMIT }];
}

/** The wait before a sign-in may be tried again, and the count that imposes it. */
export interface ThrottleWait {
  seconds: number;
  scope: ThrottleScope;
}

/**
 * How long until a sign-in may be tried again for these keys, or undefined
 * when it may be tried now. A key is locked while its limit of failures lies
 * in the window; it opens when the oldest of those leaves the window.
 */
export async function throttleWait(db: Kysely<Database>, keys: ThrottleKey[], now: Date): Promise<ThrottleWait | undefined> {
  const since = new Date(now.getTime() - FAILURE_WINDOW_MS).toISOString();
  let wait: ThrottleWait | undefined;
  for (const { key, scope, limit } of keys) {
    const times = await repo.recentAttemptTimes(db, key, since, limit);
    if (times.length < limit) continue;
    const opensAt = Date.parse(times[times.length - 1]!) + FAILURE_WINDOW_MS;
    const seconds = Math.max(1, Math.ceil((opensAt - now.getTime()) / 1000));
    if (!wait || seconds > wait.seconds) wait = { seconds, scope };
  }
  return wait;
}

/** Counts a failure against each key, and forgets failures too old to matter. */
export async function recordFailure(db: Kysely<Database>, keys: ThrottleKey[], now: Date): Promise<void> {
  await repo.deleteAttemptsBefore(db, new Date(now.getTime() - FAILURE_WINDOW_MS).toISOString());
  await repo.insertAttempts(db, keys.map((k) => k.key), now.toISOString());
}

/**
 * After a successful sign-in the count of that account from that address
 * starts again. The account's count from anywhere does not: someone guessing
 * elsewhere must not get a fresh allowance each time the owner signs in.
 */
export async function clearPairFailures(db: Kysely<Database>, email: string, ip: string): Promise<void> {
  await repo.deleteAttempts(db, `${pairPrefix(email)}${ip}`);
}

/** After a password reset, every count of the account starts again (its own and per address). */
export async function clearAccountFailures(db: Kysely<Database> | Transaction<Database>, email: string): Promise<void> {
  await repo.deleteAttempts(db, accountKey(email));
  await repo.deleteAttemptsWithPrefix(db, pairPrefix(email));
}

/** After the password is changed, its form's count starts again. */
export async function clearCurrentPasswordFailures(db: Kysely<Database> | Transaction<Database>, userId: number): Promise<void> {
  await repo.deleteAttempts(db, currentPasswordKeys(userId)[0]!.key);
}
