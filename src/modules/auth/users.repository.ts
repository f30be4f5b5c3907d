/** Queries on user accounts. Emails are passed in already lower-cased. */
import { PostgresAdapter, type Insertable, type Kysely, type Transaction, type Updateable } from 'kysely';
import type { Database, UserRow, UsersTable } from '../../db/schema.js';

type Db = Kysely<Database> | Transaction<Database>;

export async function findUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
}

export async function findUserById(db: Db, id: number): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertUser(db: Db, row: Insertable<UsersTable>): Promise<UserRow> {
  return db.insertInto('users').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function updateUser(db: Db, id: number, patch: Updateable<UsersTable>): Promise<void> {
  await db.updateTable('users').set(patch).where('id', '=', id).execute();
}

/** Every account, enabled ones first, then by name. */
export async function listUsers(db: Db): Promise<UserRow[]> {
  return db
    .selectFrom('users')
    .selectAll()
    .orderBy((eb) => eb.case().when('disabled_at', 'is', null).then(0).else(1).end())
    .orderBy('name')
    .orderBy('id')
    .execute();
}

export async function countUsers(db: Db): Promise<number> {
  const row = await db.selectFrom('users').select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Inside a transaction that may leave the site with fewer enabled admins:
 * waits until no other such transaction holds them, then returns their ids.
 * On PostgreSQL the enabled admins' rows are locked (FOR UPDATE, in id order
 * so that two transactions never wait for each other), and a transaction that
 * waited sees them as they are after the other one committed. SQLite
 * transactions here begin IMMEDIATE (see db/database.ts): they already hold
 * the only write lock from their first read.
 */
export async function lockEnabledAdmins(trx: Transaction<Database>): Promise<number[]> {
  const query = trx.selectFrom('users').select('id').where('role', '=', 'admin').where('disabled_at', 'is', null).orderBy('id');
  const rows = await (trx.getExecutor().adapter instanceof PostgresAdapter ? query.forUpdate() : query).execute();
  return rows.map((r) => r.id);
}
