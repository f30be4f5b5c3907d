/**
 * Signing in: rate limit, password check, audit entry, new session. Unknown
 * emails and wrong passwords get the same answer, after the same work.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { recordAudit } from '../audit/index.js';
import type { AdminUser } from './auth.types.js';
import { isKnownDevice, knownDeviceToken } from './known-device.js';
import { clearPairFailures, recordFailure, throttleKeys, throttleWait, type ThrottleScope } from './login-throttle.js';
import { verifyDummyPassword, verifyPassword } from './passwords.js';
import { endSession, startSession, type NewSession } from './sessions.service.js';
import * as users from './users.repository.js';

export interface SignInInput {
  email: string;
  password: string;
  ip: string;
  userAgent?: string | undefined;
  /** The known-device cookie the browser sent, if any. */
  deviceToken?: string | undefined;
}

export type SignInResult =
  /** `deviceToken`: a fresh known-device cookie for the browser. */
  | { outcome: 'signed_in'; user: AdminUser; session: NewSession; deviceToken: string }
  /** Unknown email or wrong password: deliberately indistinguishable. */
  | { outcome: 'rejected' }
  /** The password was right but the account is disabled. */
  | { outcome: 'disabled' }
  /** `scope`: 'account' when only the account's count from anywhere holds this browser back. */
  | { outcome: 'throttled'; retryAfterSeconds: number; scope: ThrottleScope };

/** Emails are compared lower-cased and without surrounding spaces. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Longest attempted email kept in the log (people sometimes type a password there). */
const LOGGED_EMAIL_MAX_LENGTH = 120;

/**
 * Checks an email and password and, when they match an enabled account,
 * starts a new session. Every attempt is recorded in the audit log; failures
 * count towards the rate limits (see login-throttle.ts): of the account from
 * this address, of the address, and of the account from anywhere, which a
 * known device is not held back by.
 */
export async function signIn(db: Kysely<Database>, input: SignInInput, now: Date): Promise<SignInResult> {
  const email = normaliseEmail(input.email);
  const user = await users.findUserByEmail(db, email);
  const keys = throttleKeys(email, input.ip, user !== undefined && isKnownDevice(user, input.deviceToken));
  const wait = await throttleWait(db, keys, now);
  if (wait) return { outcome: 'throttled', retryAfterSeconds: wait.seconds, scope: wait.scope };

  const matches = user ? await verifyPassword(user.password_hash, input.password) : await verifyDummyPassword(input.password);
  const shownEmail = email.includes('@') ? email.slice(0, LOGGED_EMAIL_MAX_LENGTH) : '(not an email address)';

  if (!user || !matches) {
    await recordFailure(db, keys, now);
    await recordAudit(db, {
      userId: user?.id ?? null,
      action: 'auth.sign_in_failed',
      subjectKind: 'user',
      subjectId: user?.id ?? null,
      summary: `Failed sign-in as ${shownEmail}`,
      ip: input.ip,
      at: now,
    });
    return { outcome: 'rejected' };
  }

  if (user.disabled_at !== null) {
    await recordAudit(db, {
      userId: user.id,
      action: 'auth.sign_in_refused',
      subjectKind: 'user',
      subjectId: user.id,
      summary: `Sign-in refused: the account ${user.email} is disabled`,
      ip: input.ip,
      at: now,
    });
    return { outcome: 'disabled' };
  }

  await clearPairFailures(db, email, input.ip);
  const session = await startSession(db, user.id, { ip: input.ip, userAgent: input.userAgent }, now);
  await recordAudit(db, {
    userId: user.id,
    action: 'auth.sign_in',
    subjectKind: 'user',
    subjectId: user.id,
    summary: `Signed in as ${user.email}`,
    ip: input.ip,
    at: now,
  });
  return {
    outcome: 'signed_in',
    user: { id: user.id, email: user.email, name: user.name, role: user.role },
    session,
    deviceToken: knownDeviceToken(user),
  };
}

/** Ends the session a cookie's token belongs to, and records the sign-out. */
export async function signOut(db: Kysely<Database>, token: string, ip: string | null, now: Date): Promise<void> {
  const userId = await endSession(db, token);
  if (userId === undefined) return;
  await recordAudit(db, { userId, action: 'auth.sign_out', subjectKind: 'user', subjectId: userId, summary: 'Signed out', ip, at: now });
}
