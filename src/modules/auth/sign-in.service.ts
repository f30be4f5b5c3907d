/**
 * Signing in: rate limit, password check, audit entry, new session. Unknown
 * emails and wrong passwords get the same answer, after the same work.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { recordAudit } from '../audit/index.js';
import type { AdminUser } from './auth.types.js';
import { accountKey, addressKey, clearAccountFailures, recordFailure, secondsUntilAllowed } from './login-throttle.js';
import { verifyDummyPassword, verifyPassword } from './passwords.js';
import { endSession, startSession, type NewSession } from './sessions.service.js';
import * as users from './users.repository.js';

export interface SignInInput {
  email: string;
  password: string;
  ip: string;
  userAgent?: string | undefined;
}

export type SignInResult =
  | { outcome: 'signed_in'; user: AdminUser; session: NewSession }
  /** Unknown email or wrong password: deliberately indistinguishable. */
  | { outcome: 'rejected' }
  /** The password was right but the account is disabled. */
  | { outcome: 'disabled' }
  | { outcome: 'throttled'; retryAfterSeconds: number };

/** Emails are compared lower-cased and without surrounding spaces. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Longest attempted email kept in the log (people sometimes type a password there). */
const LOGGED_EMAIL_MAX_LENGTH = 120;

/**
 * Checks an email and password and, when they match an enabled account,
 * starts a new session. Every attempt is recorded in the audit log; failures
 * count towards the rate limit of the account and of the client's address.
 */
export async function signIn(db: Kysely<Database>, input: SignInInput, now: Date): Promise<SignInResult> {
  const email = normaliseEmail(input.email);
  const keys = [accountKey(email), addressKey(input.ip)];
  const wait = await secondsUntilAllowed(db, keys, now);
  if (wait > 0) return { outcome: 'throttled', retryAfterSeconds: wait };

  const user = await users.findUserByEmail(db, email);
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

  await clearAccountFailures(db, email);
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
  return { outcome: 'signed_in', user: { id: user.id, email: user.email, name: user.name, role: user.role }, session };
}

/** Ends the session a cookie's token belongs to, and records the sign-out. */
export async function signOut(db: Kysely<Database>, token: string, ip: string | null, now: Date): Promise<void> {
  const userId = await endSession(db, token);
  if (userId === undefined) return;
  await recordAudit(db, { userId, action: 'auth.sign_out', subjectKind: 'user', subjectId: userId, summary: 'Signed out', ip, at: now });
}
