/**
 * Server-side sessions. The browser holds a random token in an HttpOnly
 * cookie; the database holds its SHA-256, the user, and the times that decide
 * when the session ends: after a quiet spell (idle) or, whatever the activity,
 * a fixed time after sign-in (absolute).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { SessionUser } from './auth.types.js';
import * as repo from './sessions.repository.js';
import { csrfTokenFor, hashToken, newToken } from './tokens.js';

const MINUTE_MS = 60 * 1000;
const HOUR_MS = 60 * MINUTE_MS;

/**
 * Two hours without a request ends a session. Typing sends nothing to the
 * server, so this must outlast writing a long article in one go; it is short
 * enough that a computer left unlocked at the end of the day is safe by evening.
 */
export const SESSION_IDLE_MS = 2 * HOUR_MS;

/**
 * Twelve hours after sign-in a session ends however busy it is: a working day.
 * People sign in once each morning, and a copied cookie is worthless by the next.
 */
export const SESSION_ABSOLUTE_MS = 12 * HOUR_MS;

/**
 * `last_seen_at` is written at most once a minute, not on every request: idle
 * expiry needs only minute precision, and it spares a write per page view.
 */
const TOUCH_INTERVAL_MS = MINUTE_MS;

/** Longest user agent kept; it is only there to help someone recognise their sessions. */
const USER_AGENT_MAX_LENGTH = 300;

export interface NewSession {
  /** Goes in the cookie; never stored. */
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

export interface ActiveSession {
  id: number;
  user: SessionUser;
  csrfToken: string;
  expiresAt: Date;
}

/** Starts a new session for a user (always a new token: sign-in never reuses one). */
export async function startSession(
  db: Kysely<Database>,
  userId: number,
  client: { ip?: string | null | undefined; userAgent?: string | null | undefined },
  now: Date,
): Promise<NewSession> {
  const token = newToken();
  const expiresAt = new Date(now.getTime() + SESSION_ABSOLUTE_MS);
  // Clearing out ended sessions here keeps the table small without a timer.
  await repo.deleteStaleSessions(db, now.toISOString(), new Date(now.getTime() - SESSION_IDLE_MS).toISOString());
  await repo.insertSession(db, {
    token_hash: hashToken(token),
    user_id: userId,
    created_at: now.toISOString(),
    last_seen_at: now.toISOString(),
    expires_at: expiresAt.toISOString(),
    ip: client.ip ?? null,
    user_agent: client.userAgent ? client.userAgent.slice(0, USER_AGENT_MAX_LENGTH) : null,
  });
  return { token, csrfToken: csrfTokenFor(token), expiresAt };
}

/**
 * The session a cookie's token belongs to, or undefined when there is none,
 * it has ended (idle or absolute expiry), or its account is disabled. An ended
 * session is deleted on the spot.
 */
export async function resolveSession(db: Kysely<Database>, token: string, now: Date): Promise<ActiveSession | undefined> {
  const row = await repo.findSessionWithUser(db, hashToken(token));
  if (!row) return undefined;
  const nowMs = now.getTime();
  const lastSeen = Date.parse(row.last_seen_at);
  const ended = row.disabled_at !== null || nowMs >= Date.parse(row.expires_at) || nowMs - lastSeen >= SESSION_IDLE_MS;
  if (ended) {
    await repo.deleteSessionById(db, row.session_id);
    return undefined;
  }
  if (nowMs - lastSeen >= TOUCH_INTERVAL_MS) await repo.touchSession(db, row.session_id, now.toISOString());
  return {
    id: row.session_id,
    user: { id: row.user_id, email: row.email, name: row.name, role: row.role, uiLang: row.ui_lang },
    csrfToken: csrfTokenFor(token),
    expiresAt: new Date(row.expires_at),
  };
}

/** Ends the session a token belongs to (sign out); returns its user's id, if there was one. */
export async function endSession(db: Kysely<Database>, token: string): Promise<number | undefined> {
  return repo.deleteSessionByTokenHash(db, hashToken(token));
}

/** Ends all of a user's sessions, except `keepSessionId` when given; returns how many ended. */
export async function endUserSessions(db: Kysely<Database>, userId: number, keepSessionId?: number): Promise<number> {
  return repo.deleteUserSessions(db, userId, keepSessionId);
}

/** How many live sessions a user has (ended ones may linger in the table until cleared out; they are not counted). */
export async function countUserSessions(db: Kysely<Database>, userId: number, now: Date): Promise<number> {
  return repo.countLiveUserSessions(db, userId, now.toISOString(), new Date(now.getTime() - SESSION_IDLE_MS).toISOString());
}
