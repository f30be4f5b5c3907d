/**
 * "Forgot your password?": a link sent by email lets the account holder
 * choose a new password. The link's token is random; only its SHA-256 is
 * stored; it works once and for an hour; using it ends every session of the
 * account. Asking gives the same answer whether or not an account has the
 * address, and is rate-limited per address asked for and per client address.
 */
import type { Kysely } from 'kysely';
import type { Database, LangCode } from '../../db/schema.js';
import { ValidationError } from '../../shared/errors.js';
import { recordAudit } from '../audit/index.js';
import { enqueueMail, type MailSite } from '../mail/index.js';
import { emailChangedMail, passwordChangedMail, resetLinkMail } from './account-mail.js';
import { clearAccountFailures, recordFailure, throttleWait } from './login-throttle.js';
import { hashPassword } from './passwords.js';
import { endUserSessions } from './sessions.service.js';
import { normaliseEmail } from './sign-in.service.js';
import { hashToken, newToken } from './tokens.js';
import { passwordProblemKey } from './users.service.js';
import * as users from './users.repository.js';

/** A reset link works for an hour: long enough to reach one's mailbox, short enough that an old message in it is harmless. */
export const RESET_LINK_LIFETIME_MS = 60 * 60 * 1000;

/**
 * Three requests for one address in a quarter of an hour: enough for a
 * message that went astray, too few to fill someone's mailbox.
 */
export const RESET_EMAIL_LIMIT = 3;

/** Ten requests from one client address in a quarter of an hour: an office behind one address, not a machine trying addresses. */
export const RESET_IP_LIMIT = 10;

function resetKeys(email: string, ip: string) {
  return [
    { key: `reset-email:${email}`, scope: 'account' as const, limit: RESET_EMAIL_LIMIT },
    { key: `reset-ip:${ip}`, scope: 'address' as const, limit: RESET_IP_LIMIT },
  ];
}

export type ResetRequestResult = { outcome: 'accepted' } | { outcome: 'throttled'; retryAfterSeconds: number };

/**
 * Sends a reset link to `email` when an enabled account has it. Every
 * request counts against the limits, whether or not there is an account, so
 * the answer (accepted, or throttled) says nothing about the address.
 */
export async function requestPasswordReset(db: Kysely<Database>, site: MailSite, input: { email: string; ip: string }, now: Date): Promise<ResetRequestResult> {
  const email = normaliseEmail(input.email);
  const keys = resetKeys(email, input.ip);
  const wait = await throttleWait(db, keys, now);
  if (wait) return { outcome: 'throttled', retryAfterSeconds: wait.seconds };
  await recordFailure(db, keys, now);
  const user = await users.findUserByEmail(db, email);
  if (!user || user.disabled_at !== null) return { outcome: 'accepted' };
  const token = newToken();
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('password_resets').where('expires_at', '<=', now.toISOString()).execute();
    await trx
      .insertInto('password_resets')
      .values({
        token_hash: hashToken(token),
        user_id: user.id,
        created_at: now.toISOString(),
        expires_at: new Date(now.getTime() + RESET_LINK_LIFETIME_MS).toISOString(),
        used_at: null,
      })
      .execute();
    await enqueueMail(trx, site, { to: user.email, lang: user.ui_lang, content: resetLinkMail(site, user.ui_lang, user.email, token) }, now);
    await recordAudit(trx, {
      userId: null,
      action: 'user.password_reset_request',
      subjectKind: 'user',
      subjectId: user.id,
      summary: `A password reset link was sent to ${user.email}`,
      ip: input.ip,
      at: now,
    });
  });
  return { outcome: 'accepted' };
}

export type ResetLinkState = { state: 'open'; userId: number; email: string; lang: LangCode } | { state: 'invalid' };

/** Whether a reset link may be used now: known, unused, unexpired, and its account enabled. */
export async function resetLinkState(db: Kysely<Database>, token: string, now: Date): Promise<ResetLinkState> {
  if (!token) return { state: 'invalid' };
  const row = await db
    .selectFrom('password_resets')
    .innerJoin('users', 'users.id', 'password_resets.user_id')
    .select(['password_resets.used_at', 'password_resets.expires_at', 'users.id', 'users.email', 'users.ui_lang', 'users.disabled_at'])
    .where('password_resets.token_hash', '=', hashToken(token))
    .executeTakeFirst();
  if (!row || row.used_at !== null || row.disabled_at !== null || row.expires_at <= now.toISOString()) return { state: 'invalid' };
  return { state: 'open', userId: row.id, email: row.email, lang: row.ui_lang };
}

export type ResetResult = { state: 'done'; userId: number } | { state: 'invalid' };

/**
 * Sets the new password from a reset link and uses the link up (and any
 * other of the account's links). Ends every session of the account, lifts
 * its sign-in limits, and tells the account holder by email. ValidationError
 * for a password that cannot be used.
 */
export async function completePasswordReset(
  db: Kysely<Database>,
  site: MailSite,
  token: string,
  input: { password: string; confirm: string },
  ip: string | null,
  now: Date,
): Promise<ResetResult> {
  const link = await resetLinkState(db, token, now);
  if (link.state !== 'open') return link;
  const problem = passwordProblemKey(input.password);
  if (problem) throw new ValidationError('The password cannot be used.', { password: problem });
  if (input.password !== input.confirm) throw new ValidationError('The passwords differ.', { confirm: 'admin.password.mismatch' });
  const passwordHash = await hashPassword(input.password);
  const at = now.toISOString();
  return db.transaction().execute(async (trx) => {
    // Of two uses of one link at once, only one gets past this.
    const used = await trx
      .updateTable('password_resets')
      .set({ used_at: at })
      .where('token_hash', '=', hashToken(token))
      .where('used_at', 'is', null)
      .where('expires_at', '>', at)
      .executeTakeFirst();
    if (Number(used.numUpdatedRows) !== 1) return { state: 'invalid' as const };
    await trx.updateTable('password_resets').set({ used_at: at }).where('user_id', '=', link.userId).where('used_at', 'is', null).execute();
    await users.updateUser(trx, link.userId, { password_hash: passwordHash, updated_at: at });
    await endUserSessions(trx, link.userId);
    await clearAccountFailures(trx, link.email);
    await recordAudit(trx, {
      userId: link.userId,
      action: 'user.password_reset_link',
      subjectKind: 'user',
      subjectId: link.userId,
      summary: `Chose a new password from a reset link sent to ${link.email}`,
      ip,
      at: now,
    });
    await enqueueMail(trx, site, { to: link.email, lang: link.lang, content: passwordChangedMail(site, link.lang, link.email) }, now);
    return { state: 'done' as const, userId: link.userId };
  });
}

/** Tells the account holder by email that their password was changed (by them, by an administrator, or on the server). */
export async function noticePasswordChanged(db: Kysely<Database>, site: MailSite, userId: number, now: Date): Promise<void> {
  const user = await users.findUserById(db, userId);
  if (!user) return;
  await enqueueMail(db, site, { to: user.email, lang: user.ui_lang, content: passwordChangedMail(site, user.ui_lang, user.email) }, now);
}

/** Tells the address an account had that the account's email address was changed, in the holder's language. */
export async function noticeEmailChanged(db: Kysely<Database>, site: MailSite, userId: number, change: { previous: string; email: string }, now: Date): Promise<void> {
  const user = await users.findUserById(db, userId);
  if (!user) return;
  await enqueueMail(db, site, { to: change.previous, lang: user.ui_lang, content: emailChangedMail(site, user.ui_lang, change) }, now);
}
