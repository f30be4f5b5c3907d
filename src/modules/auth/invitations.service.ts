/**
 * Invitations: an administrator names someone (email, name, role, language)
 * and they receive a link to choose their own password, which creates their
 * account. The link's token is stored as SHA-256, works once, for 7 days;
 * resending makes a new link (the old one stops working); withdrawing stops it.
 */
import type { Kysely } from 'kysely';
import type { Database, InvitationRow, LangCode } from '../../db/schema.js';
import { NotFoundError, ValidationError } from '../../shared/errors.js';
import { recordAudit } from '../audit/index.js';
import { enqueueMail, type MailSite } from '../mail/index.js';
import { invitationMail } from './account-mail.js';
import type { AdminUser, Role } from './auth.types.js';
import { normaliseEmail } from './sign-in.service.js';
import { hashToken, newToken } from './tokens.js';
import { createUser, newUserProblems, passwordProblemKey, type Actor } from './users.service.js';
import * as users from './users.repository.js';
import { normalizeLine } from '../../shared/text/normalize.js';

/** An invitation works for a week: time to find the message after a few days away, not so long that a forgotten one lingers. */
export const INVITATION_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

export interface InvitationInput {
  email: string;
  name: string;
  role: string;
  lang: string;
}

function pendingQuery(db: Kysely<Database>) {
  return db.selectFrom('invitations').where('accepted_at', 'is', null).where('withdrawn_at', 'is', null);
}

/** Invitations neither accepted nor withdrawn (expired ones too, to be resent or withdrawn), newest first. */
export async function listInvitations(db: Kysely<Database>): Promise<(InvitationRow & { invited_by_name: string | null })[]> {
  return pendingQuery(db)
    .leftJoin('users', 'users.id', 'invitations.invited_by')
    .selectAll('invitations')
    .select('users.name as invited_by_name')
    .orderBy('invitations.created_at', 'desc')
    .orderBy('invitations.id', 'desc')
    .execute();
}

async function inviterName(db: Kysely<Database>, actor: Actor): Promise<string | undefined> {
  return actor.userId === null ? undefined : (await users.findUserById(db, actor.userId))?.name;
}

async function sendInvitation(db: Kysely<Database>, site: MailSite, row: InvitationRow, token: string, inviter: string, now: Date): Promise<void> {
  await enqueueMail(db, site, { to: row.email, lang: row.lang, content: invitationMail(site, row.lang, { email: row.email, role: row.role, inviter }, token) }, now);
}

/**
 * Invites someone and sends them the link. ValidationError (field → message
 * key) for a bad or taken address, a missing name, an unknown role or
 * language, or an address with an invitation waiting already.
 */
export async function inviteUser(db: Kysely<Database>, site: MailSite, input: InvitationInput, actor: Actor, now: Date): Promise<InvitationRow> {
  const email = normaliseEmail(input.email);
  const name = normalizeLine(input.name);
  // The same checks as a new account's, but the invitee chooses the password later.
  const fields = await newUserProblems(db, { email, name, role: input.role, password: '' });
  delete fields.password;
  if (!fields.email && (await pendingQuery(db).select('id').where('email', '=', email).executeTakeFirst())) fields.email = 'admin.invite.pending';
  if (input.lang !== 'en' && input.lang !== 'vi') fields.lang = 'admin.account.langInvalid';
  if (Object.keys(fields).length > 0) throw new ValidationError('The invitation could not be sent.', fields);
  const token = newToken();
  const inviter = (await inviterName(db, actor)) ?? site.siteName;
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('invitations')
      .values({
        email,
        name,
        role: input.role as Role,
        lang: input.lang as LangCode,
        token_hash: hashToken(token),
        invited_by: actor.userId,
        created_at: now.toISOString(),
        expires_at: new Date(now.getTime() + INVITATION_LIFETIME_MS).toISOString(),
        accepted_at: null,
        withdrawn_at: null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await sendInvitation(trx, site, row, token, inviter, now);
    await recordAudit(trx, { userId: actor.userId, action: 'user.invite', subjectKind: 'invitation', subjectId: row.id, summary: `Invited ${email} (${row.role})`, ip: actor.ip, at: now });
    return row;
  });
}

async function pendingInvitation(db: Kysely<Database>, id: number): Promise<InvitationRow> {
  const row = await pendingQuery(db).selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new NotFoundError();
  return row;
}

/** Sends a waiting invitation again with a new link, valid 7 days from now; the earlier link stops working. */
export async function resendInvitation(db: Kysely<Database>, site: MailSite, id: number, actor: Actor, now: Date): Promise<InvitationRow> {
  const current = await pendingInvitation(db, id);
  const token = newToken();
  const inviter = (await inviterName(db, actor)) ?? site.siteName;
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('invitations')
      .set({ token_hash: hashToken(token), expires_at: new Date(now.getTime() + INVITATION_LIFETIME_MS).toISOString() })
      .where('id', '=', current.id)
      .where('accepted_at', 'is', null)
      .where('withdrawn_at', 'is', null)
      .returningAll()
      .executeTakeFirst();
    if (!row) throw new NotFoundError();
    await sendInvitation(trx, site, row, token, inviter, now);
    await recordAudit(trx, { userId: actor.userId, action: 'user.invite_resend', subjectKind: 'invitation', subjectId: row.id, summary: `Sent the invitation to ${row.email} again`, ip: actor.ip, at: now });
    return row;
  });
}

/** Withdraws a waiting invitation: its link stops working. */
export async function withdrawInvitation(db: Kysely<Database>, id: number, actor: Actor, now: Date): Promise<void> {
  const row = await pendingInvitation(db, id);
  await db.updateTable('invitations').set({ withdrawn_at: now.toISOString() }).where('id', '=', row.id).where('accepted_at', 'is', null).execute();
  await recordAudit(db, { userId: actor.userId, action: 'user.invite_withdraw', subjectKind: 'invitation', subjectId: row.id, summary: `Withdrew the invitation to ${row.email}`, ip: actor.ip, at: now });
}

export type InvitationState = { state: 'open'; invitation: InvitationRow } | { state: 'invalid' };

/** Whether an invitation link may be used now: known, neither accepted nor withdrawn, unexpired. */
export async function invitationState(db: Kysely<Database>, token: string, now: Date): Promise<InvitationState> {
  if (!token) return { state: 'invalid' };
  const row = await pendingQuery(db).selectAll().where('token_hash', '=', hashToken(token)).executeTakeFirst();
  if (!row || row.expires_at <= now.toISOString()) return { state: 'invalid' };
  return { state: 'open', invitation: row };
}

export type AcceptResult = { state: 'created'; user: AdminUser } | { state: 'invalid' };

/**
 * Creates the invited account with the name and password the invitee chose,
 * and uses the invitation up. ValidationError for a bad name or password;
 * 'invalid' when the link cannot be used (used, withdrawn, expired, or the
 * address has an account by now).
 */
export async function acceptInvitation(
  db: Kysely<Database>,
  token: string,
  input: { name: string; password: string; confirm: string },
  ip: string | null,
  now: Date,
): Promise<AcceptResult> {
  const found = await invitationState(db, token, now);
  if (found.state !== 'open') return found;
  const invitation = found.invitation;
  const fields: Record<string, string> = {};
  const name = normalizeLine(input.name);
  if (!name) fields.name = 'admin.field.required';
  const problem = passwordProblemKey(input.password);
  if (problem) fields.password = problem;
  else if (input.password !== input.confirm) fields.confirm = 'admin.password.mismatch';
  if (Object.keys(fields).length > 0) throw new ValidationError('The account could not be created.', fields);
  if (await users.findUserByEmail(db, invitation.email)) return { state: 'invalid' };
  const at = now.toISOString();
  return db.transaction().execute(async (trx) => {
    // Of two uses of one link at once, only one gets past this.
    const accepted = await trx
      .updateTable('invitations')
      .set({ accepted_at: at })
      .where('id', '=', invitation.id)
      .where('token_hash', '=', invitation.token_hash)
      .where('accepted_at', 'is', null)
      .where('withdrawn_at', 'is', null)
      .where('expires_at', '>', at)
      .executeTakeFirst();
    if (Number(accepted.numUpdatedRows) !== 1) return { state: 'invalid' as const };
    const user = await createUser(trx, { email: invitation.email, name, role: invitation.role, password: input.password, uiLang: invitation.lang }, { userId: null, ip }, now);
    await recordAudit(trx, { userId: user.id, action: 'user.invite_accept', subjectKind: 'invitation', subjectId: invitation.id, summary: `Accepted the invitation to ${user.email}`, ip, at: now });
    return { state: 'created' as const, user };
  });
}
