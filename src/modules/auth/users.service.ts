/**
 * Accounts: creating them, roles, disabling, passwords, interface language.
 * Every change is recorded in the audit log with who made it. Input problems
 * are thrown as ValidationError whose `fields` map each form field to a
 * message key (the admin pages show `t(key)` next to the field).
 */
import type { Kysely } from 'kysely';
import { isUniqueViolation } from '../../db/database.js';
import type { Database, LangCode, UserRow } from '../../db/schema.js';
import { NotFoundError, TooManyAttemptsError, ValidationError } from '../../shared/errors.js';
import { normalizeLine } from '../../shared/text/normalize.js';
import { recordAudit } from '../audit/index.js';
import { ROLES, type AdminUser, type Role } from './auth.types.js';
import { knownDeviceToken } from './known-device.js';
import { clearAccountFailures, clearCurrentPasswordFailures, currentPasswordKeys, recordFailure, throttleWait } from './login-throttle.js';
import { checkNewPassword, hashPassword, verifyPassword } from './passwords.js';
import { endUserSessions } from './sessions.service.js';
import { normaliseEmail } from './sign-in.service.js';
import * as repo from './users.repository.js';

/** Who makes a change: a signed-in person, or nobody (the command line, the setup link). */
export interface Actor {
  userId: number | null;
  ip?: string | null | undefined;
}

/** RFC 5321 allows 254 characters in an address. */
const EMAIL_MAX_LENGTH = 254;
/** Room for a full name in either language, short enough for one line in lists. */
const NAME_MAX_LENGTH = 100;
/** Something@something.something, without spaces: enough to catch typing mistakes. */
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface NewUserInput {
  email: string;
  name: string;
  role: string;
  password: string;
  uiLang?: LangCode;
}

/** The message key of a password problem, for a form field. */
export function passwordProblemKey(password: string) {
  const problem = checkNewPassword(password);
  if (problem === 'too_short') return 'admin.password.tooShort' as const;
  if (problem === 'too_long') return 'admin.password.tooLong' as const;
  return undefined;
}

/** Records, in the audit log, a change `actor` made to the account `userId`. */
function auditAccount(db: Kysely<Database>, actor: Actor, action: string, userId: number, summary: string, now: Date): Promise<void> {
  return recordAudit(db, { userId: actor.userId, action, subjectKind: 'user', subjectId: userId, summary, ip: actor.ip, at: now });
}

function isRole(role: string): role is Role {
  return (ROLES as readonly string[]).includes(role);
}

function toAdminUser(row: UserRow): AdminUser {
  return { id: row.id, email: row.email, name: row.name, role: row.role };
}

/**
 * The problems of a new account's details, as field → message key (empty
 * when there are none): a well-formed email not yet taken, a name, a role,
 * an acceptable password.
 */
export async function newUserProblems(db: Kysely<Database>, input: NewUserInput): Promise<Record<string, string>> {
  const email = normaliseEmail(input.email);
  const name = normalizeLine(input.name);
  const fields: Record<string, string> = {};
  if (!email) fields.email = 'admin.field.required';
  else if (email.length > EMAIL_MAX_LENGTH || !EMAIL_PATTERN.test(email)) fields.email = 'admin.users.emailInvalid';
  else if (await repo.findUserByEmail(db, email)) fields.email = 'admin.users.emailTaken';
  if (!name) fields.name = 'admin.field.required';
  else if (name.length > NAME_MAX_LENGTH) fields.name = 'admin.users.nameTooLong';
  if (!isRole(input.role)) fields.role = 'admin.users.roleInvalid';
  const passwordProblem = passwordProblemKey(input.password);
  if (passwordProblem) fields.password = passwordProblem;
  return fields;
}

/**
 * Creates an account after checking its details (see newUserProblems);
 * records who created it.
 */
export async function createUser(db: Kysely<Database>, input: NewUserInput, actor: Actor, now: Date): Promise<AdminUser> {
  const fields = await newUserProblems(db, input);
  if (Object.keys(fields).length > 0) throw new ValidationError('The account could not be created.', fields);
  const email = normaliseEmail(input.email);
  const name = normalizeLine(input.name);

  const stamp = now.toISOString();
  const row = await repo.insertUser(db, {
    email,
    name,
    role: input.role as Role,
    password_hash: await hashPassword(input.password),
    ui_lang: input.uiLang ?? 'en',
    disabled_at: null,
    created_at: stamp,
    updated_at: stamp,
  });
  await auditAccount(db, actor, 'user.create', row.id, `Created the account ${row.email} (${row.role})${actor.userId === null ? ' from the command line or setup link' : ''}`, now);
  return toAdminUser(row);
}

/** Every account, enabled ones first. */
export async function listUsers(db: Kysely<Database>): Promise<UserRow[]> {
  return repo.listUsers(db);
}

export async function getUser(db: Kysely<Database>, id: number): Promise<UserRow> {
  const row = await repo.findUserById(db, id);
  if (!row) throw new NotFoundError();
  return row;
}

export async function findUserByEmail(db: Kysely<Database>, email: string): Promise<UserRow | undefined> {
  return repo.findUserByEmail(db, normaliseEmail(email));
}

export async function countUsers(db: Kysely<Database>): Promise<number> {
  return repo.countUsers(db);
}

/** True when `row` is the only enabled admin (given all of them, locked): the site must always keep one. */
function isLastAdmin(row: UserRow, enabledAdmins: number[]): boolean {
  return row.role === 'admin' && row.disabled_at === null && enabledAdmins.length <= 1;
}

/**
 * Changes an account's role; refuses to demote the last enabled admin, also
 * when two admins demote or disable each other at the same moment (the check
 * and the change happen under a lock on the enabled admins).
 */
export async function changeRole(db: Kysely<Database>, userId: number, role: string, actor: Actor, now: Date): Promise<void> {
  if (!isRole(role)) throw new ValidationError('Choose a role.', { role: 'admin.users.roleInvalid' });
  await db.transaction().execute(async (trx) => {
    const admins = await repo.lockEnabledAdmins(trx);
    const row = await repo.findUserById(trx, userId);
    if (!row) throw new NotFoundError();
    if (row.role === role) return;
    if (role !== 'admin' && isLastAdmin(row, admins)) {
      throw new ValidationError('The last administrator cannot be given another role.', { role: 'admin.users.lastAdminRole' });
    }
    await repo.updateUser(trx, userId, { role, updated_at: now.toISOString() });
    await auditAccount(trx, actor, 'user.role_change', userId, `Changed the role of ${row.email} from ${row.role} to ${role}`, now);
  });
}

/**
 * Disables an account and ends its sessions. Refuses for the last enabled
 * admin (checked under the same lock as in changeRole) and for the person's
 * own account (they would lock themselves out).
 */
export async function disableUser(db: Kysely<Database>, userId: number, actor: Actor, now: Date): Promise<void> {
  if (actor.userId === userId) throw new ValidationError('You cannot disable your own account.', { account: 'admin.users.cannotDisableSelf' });
  await db.transaction().execute(async (trx) => {
    const admins = await repo.lockEnabledAdmins(trx);
    const row = await repo.findUserById(trx, userId);
    if (!row) throw new NotFoundError();
    if (row.disabled_at !== null) return;
    if (isLastAdmin(row, admins)) {
      throw new ValidationError('The last administrator cannot be disabled.', { account: 'admin.users.lastAdminDisable' });
    }
    await repo.updateUser(trx, userId, { disabled_at: now.toISOString(), updated_at: now.toISOString() });
    await endUserSessions(trx, userId);
    await auditAccount(trx, actor, 'user.disable', userId, `Disabled the account ${row.email}`, now);
  });
}

/** Enables a disabled account again. */
export async function enableUser(db: Kysely<Database>, userId: number, actor: Actor, now: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const row = await repo.findUserById(trx, userId);
    if (!row) throw new NotFoundError();
    if (row.disabled_at === null) return;
    await repo.updateUser(trx, userId, { disabled_at: null, updated_at: now.toISOString() });
    await auditAccount(trx, actor, 'user.enable', userId, `Enabled the account ${row.email}`, now);
  });
}

/**
 * Sets a new password for someone else's account (an admin's reset, or the
 * command line), ends all of that account's sessions and lifts its sign-in
 * limits (a reset is how an account locked by strangers' guesses is freed).
 */
export async function resetPassword(db: Kysely<Database>, userId: number, password: string, actor: Actor, now: Date): Promise<void> {
  const problem = passwordProblemKey(password);
  if (problem) throw new ValidationError('The password cannot be used.', { password: problem });
  const row = await repo.findUserById(db, userId);
  if (!row) throw new NotFoundError();
  const passwordHash = await hashPassword(password);
  await db.transaction().execute(async (trx) => {
    await repo.updateUser(trx, userId, { password_hash: passwordHash, updated_at: now.toISOString() });
    await endUserSessions(trx, userId);
    await clearAccountFailures(trx, row.email);
    await auditAccount(trx, actor, 'user.password_reset', userId, `Set a new password for ${row.email}`, now);
  });
}

export interface PasswordChange {
  current: string;
  password: string;
  confirm: string;
}

/**
 * Changes one's own password: needs the current one; ends every other
 * session of the account (the one making the change stays signed in).
 * Wrong current passwords are counted: past the limit the check is not even
 * made (TooManyAttemptsError) until the window has passed. Returns a new
 * known-device cookie for the browser, since the old one was tied to the old
 * password.
 */
export async function changeOwnPassword(
  db: Kysely<Database>,
  user: AdminUser,
  change: PasswordChange,
  keepSessionId: number,
  ip: string | null,
  now: Date,
): Promise<{ deviceToken: string }> {
  const row = await repo.findUserById(db, user.id);
  if (!row) throw new NotFoundError();
  const keys = currentPasswordKeys(user.id);
  const fields: Record<string, string> = {};
  if (!change.current) fields.current = 'admin.field.required';
  else {
    const wait = await throttleWait(db, keys, now);
    if (wait) throw new TooManyAttemptsError('Too many wrong current passwords.', wait.seconds);
    if (!(await verifyPassword(row.password_hash, change.current))) {
      await recordFailure(db, keys, now);
      fields.current = 'admin.account.currentWrong';
    }
  }
  const problem = passwordProblemKey(change.password);
  if (problem) fields.password = problem;
  else if (change.password !== change.confirm) fields.confirm = 'admin.password.mismatch';
  if (Object.keys(fields).length > 0) throw new ValidationError('The password was not changed.', fields);

  const passwordHash = await hashPassword(change.password);
  await db.transaction().execute(async (trx) => {
    await repo.updateUser(trx, user.id, { password_hash: passwordHash, updated_at: now.toISOString() });
    await endUserSessions(trx, user.id, keepSessionId);
    await clearCurrentPasswordFailures(trx, user.id);
    await auditAccount(trx, { userId: user.id, ip }, 'user.password_change', user.id, 'Changed their own password', now);
  });
  return { deviceToken: knownDeviceToken({ id: user.id, password_hash: passwordHash }) };
}

export interface EmailChange {
  /** The new address, as typed. */
  email: string;
  /** The current password, which proves it is the holder asking. */
  current: string;
}

/**
 * Changes one's own sign-in address, after checking the current password
 * (wrong ones counted as for a password change). ValidationError on `email`
 * (missing, not an address, used by another account or by a waiting
 * invitation, or unchanged) and `email_current`. Reset links sent to the old
 * address stop working. Returns both addresses: the notice goes to the old one.
 */
export async function changeOwnEmail(db: Kysely<Database>, user: AdminUser, change: EmailChange, ip: string | null, now: Date): Promise<{ previous: string; email: string }> {
  const row = await repo.findUserById(db, user.id);
  if (!row) throw new NotFoundError();
  const email = normaliseEmail(change.email);
  const fields: Record<string, string> = {};
  if (!email) fields.email = 'admin.field.required';
  else if (email.length > EMAIL_MAX_LENGTH || !EMAIL_PATTERN.test(email)) fields.email = 'admin.users.emailInvalid';
  else if (email === row.email) fields.email = 'admin.account.emailSame';
  else if (await repo.findUserByEmail(db, email)) fields.email = 'admin.users.emailTaken';
  else if (await db.selectFrom('invitations').select('id').where('email', '=', email).where('accepted_at', 'is', null).where('withdrawn_at', 'is', null).executeTakeFirst()) {
    fields.email = 'admin.account.emailInvited';
  }
  const keys = currentPasswordKeys(user.id);
  if (!change.current) fields.email_current = 'admin.field.required';
  else {
    const wait = await throttleWait(db, keys, now);
    if (wait) throw new TooManyAttemptsError('Too many wrong current passwords.', wait.seconds);
    if (!(await verifyPassword(row.password_hash, change.current))) {
      await recordFailure(db, keys, now);
      fields.email_current = 'admin.account.currentWrong';
    }
  }
  if (Object.keys(fields).length > 0) throw new ValidationError('The email address was not changed.', fields);

  try {
    await db.transaction().execute(async (trx) => {
      await repo.updateUser(trx, user.id, { email, updated_at: now.toISOString() });
      await trx.deleteFrom('password_resets').where('user_id', '=', user.id).execute();
      await clearCurrentPasswordFailures(trx, user.id);
      await auditAccount(trx, { userId: user.id, ip }, 'user.email_change', user.id, `Changed their email address from ${row.email} to ${email}`, now);
    });
  } catch (error) {
    // Another account took the address between the check above and this update.
    if (isUniqueViolation(error)) throw new ValidationError('The email address was not changed.', { email: 'admin.users.emailTaken' });
    throw error;
  }
  return { previous: row.email, email };
}

/** Sets the language of the admin interface for a person. */
export async function setInterfaceLanguage(db: Kysely<Database>, userId: number, lang: string, now: Date): Promise<void> {
  if (lang !== 'en' && lang !== 'vi') throw new ValidationError('Choose English or Vietnamese.', { ui_lang: 'admin.account.langInvalid' });
  await repo.updateUser(db, userId, { ui_lang: lang, updated_at: now.toISOString() });
}

/** Ends every session of the person, including the current one ("log out everywhere"). */
export async function signOutEverywhere(db: Kysely<Database>, userId: number, ip: string | null, now: Date): Promise<number> {
  const ended = await endUserSessions(db, userId);
  await auditAccount(db, { userId, ip }, 'auth.sign_out_everywhere', userId, `Signed out everywhere (${ended} session${ended === 1 ? '' : 's'})`, now);
  return ended;
}
