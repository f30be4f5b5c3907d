/** Queries on user accounts. Emails are passed in already lower-cased. */
import type { Insertable, Kysely, Transaction, Updateable } from 'kysely';
import type { Database, UserRole, UserRow, UsersTable } from '../../db/schema.js';

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

/** Enabled accounts with a role (the last enabled admin must stay). */
export async function countEnabledWithRole(db: Db, role: UserRole): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('role', '=', role)
    .where('disabled_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
