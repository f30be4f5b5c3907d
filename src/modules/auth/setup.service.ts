/**
 * First setup: on a fresh install with no account, the server prints a
 * one-time link that lets whoever holds it create the first administrator.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { AdminUser } from './auth.types.js';
import * as tokens from './setup-tokens.repository.js';
import { hashToken, newToken } from './tokens.js';
import { createUser, newUserProblems, type Actor } from './users.service.js';
import * as users from './users.repository.js';
import { ValidationError } from '../../shared/errors.js';

/**
 * A setup link works for a day: time enough to finish installing, short
 * enough that a link left in an old log is useless. Restarting the server
 * while there is still no account prints a fresh one.
 */
export const SETUP_TOKEN_LIFETIME_MS = 24 * 60 * 60 * 1000;

/** Why a setup link cannot be used: an account exists already, or the link is unknown, used or expired. */
export type SetupState = 'open' | 'done' | 'invalid';

/**
 * When there is no account yet, makes a new setup token and returns it (to
 * be printed once); otherwise returns undefined.
 */
export async function prepareFirstSetup(db: Kysely<Database>, now: Date): Promise<string | undefined> {
  if ((await users.countUsers(db)) > 0) return undefined;
  await tokens.deleteExpiredSetupTokens(db, now.toISOString());
  const token = newToken();
  await tokens.insertSetupToken(db, {
    token_hash: hashToken(token),
    created_at: now.toISOString(),
    expires_at: new Date(now.getTime() + SETUP_TOKEN_LIFETIME_MS).toISOString(),
    used_at: null,
  });
  return token;
}

/** Whether a setup link may be used now. */
export async function setupState(db: Kysely<Database>, token: string, now: Date): Promise<SetupState> {
  if ((await users.countUsers(db)) > 0) return 'done';
  const row = token ? await tokens.findSetupToken(db, hashToken(token)) : undefined;
  if (!row || row.used_at !== null || Date.parse(row.expires_at) <= now.getTime()) return 'invalid';
  return 'open';
}

export interface FirstAdminInput {
  email: string;
  name: string;
  password: string;
  confirm: string;
  uiLang?: 'en' | 'vi';
}

export type FirstSetupResult = { state: 'created'; user: AdminUser } | { state: Exclude<SetupState, 'open'> };

/**
 * Creates the first administrator with a valid setup link, and uses the link
 * up. Throws ValidationError (field → message key) for bad input; answers
 * 'done' or 'invalid' when the link cannot be used (someone was quicker, or it
 * expired).
 */
export async function completeFirstSetup(
  db: Kysely<Database>,
  token: string,
  input: FirstAdminInput,
  actor: Actor,
  now: Date,
): Promise<FirstSetupResult> {
  const state = await setupState(db, token, now);
  if (state !== 'open') return { state };
  const fields = await newUserProblems(db, { ...input, role: 'admin' });
  if (!fields.password && input.password !== input.confirm) fields.confirm = 'admin.password.mismatch';
  if (Object.keys(fields).length > 0) throw new ValidationError('The administrator could not be created.', fields);
  return db.transaction().execute(async (trx) => {
    // Only one link use may create the first admin, however many arrive at once.
    if (!(await tokens.markSetupTokenUsed(trx, hashToken(token), now.toISOString()))) return { state: 'invalid' as const };
    if ((await users.countUsers(trx)) > 0) return { state: 'done' as const };
    const user = await createUser(trx, { ...input, role: 'admin' }, actor, now);
    return { state: 'created' as const, user };
  });
}
