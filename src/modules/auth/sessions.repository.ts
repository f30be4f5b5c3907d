/** Queries on server-side sessions, looked up by the SHA-256 of the cookie's token. */
import type { Insertable, Kysely, Transaction } from 'kysely';
import type { Database, LangCode, SessionsTable, UserRole } from '../../db/schema.js';

type Db = Kysely<Database> | Transaction<Database>;

export interface SessionWithUser {
  session_id: number;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  user_id: number;
  email: string;
  name: string;
  role: UserRole;
  ui_lang: LangCode;
  disabled_at: string | null;
}

export async function insertSession(db: Db, row: Insertable<SessionsTable>): Promise<number> {
  const { id } = await db.insertInto('sessions').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

export async function findSessionWithUser(db: Db, tokenHash: string): Promise<SessionWithUser | undefined> {
  return db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select([
      's.id as session_id',
      's.created_at',
      's.last_seen_at',
      's.expires_at',
      'u.id as user_id',
      'u.email',
      'u.name',
      'u.role',
      'u.ui_lang',
      'u.disabled_at',
    ])
    .where('s.token_hash', '=', tokenHash)
    .executeTakeFirst();
}

export async function touchSession(db: Db, id: number, lastSeenAt: string): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: lastSeenAt }).where('id', '=', id).execute();
}

export async function deleteSessionById(db: Db, id: number): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

export async function deleteSessionByTokenHash(db: Db, tokenHash: string): Promise<number | undefined> {
  const row = await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).returning('user_id').executeTakeFirst();
  return row?.user_id;
}

/** Ends every session of a user, but the one kept (the session making the request), if any. */
export async function deleteUserSessions(db: Db, userId: number, keepSessionId?: number): Promise<number> {
  let query = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (keepSessionId !== undefined) query = query.where('id', '!=', keepSessionId);
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Removes sessions past their absolute end or idle for too long. */
export async function deleteStaleSessions(db: Db, nowIso: string, idleCutoffIso: string): Promise<void> {
  await db
    .deleteFrom('sessions')
    .where((eb) => eb.or([eb('expires_at', '<=', nowIso), eb('last_seen_at', '<=', idleCutoffIso)]))
    .execute();
}

/** Sessions of a user that have neither reached their absolute end nor been idle too long. */
export async function countLiveUserSessions(db: Db, userId: number, nowIso: string, idleCutoffIso: string): Promise<number> {
  const row = await db
    .selectFrom('sessions')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('user_id', '=', userId)
    .where('expires_at', '>', nowIso)
    .where('last_seen_at', '>', idleCutoffIso)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
