/** Queries on the outgoing mail queue. */
import type { Insertable, Kysely, Transaction } from 'kysely';
import type { Database, OutgoingMailRow, OutgoingMailTable } from '../../db/schema.js';

type Db = Kysely<Database> | Transaction<Database>;

export async function insertMail(db: Db, row: Insertable<OutgoingMailTable>): Promise<number> {
  const inserted = await db.insertInto('outgoing_mail').values(row).returning('id').executeTakeFirstOrThrow();
  return inserted.id;
}

/** Messages due now (queued, or claimed by an instance whose lease has run out), oldest first. */
export async function listDue(db: Db, nowIso: string, limit: number): Promise<Pick<OutgoingMailRow, 'id' | 'next_attempt_at'>[]> {
  return db
    .selectFrom('outgoing_mail')
    .select(['id', 'next_attempt_at'])
    .where('status', 'in', ['queued', 'sending'])
    .where('next_attempt_at', '<=', nowIso)
    .orderBy('next_attempt_at')
    .orderBy('id')
    .limit(limit)
    .execute();
}

/**
 * Claims a due message: a conditional UPDATE on the next-attempt time read
 * before, so that of several workers reading the same row only one changes
 * it. The claim moves the next attempt to the end of a lease: a worker that
 * dies while sending leaves the message to be tried again then.
 */
export async function claim(db: Db, id: number, seenNextAttempt: string, leaseUntilIso: string): Promise<OutgoingMailRow | undefined> {
  return db
    .updateTable('outgoing_mail')
    .set((eb) => ({ status: 'sending', next_attempt_at: leaseUntilIso, attempts: eb('attempts', '+', 1) }))
    .where('id', '=', id)
    .where('status', 'in', ['queued', 'sending'])
    .where('next_attempt_at', '=', seenNextAttempt)
    .returningAll()
    .executeTakeFirst();
}

export async function markSent(db: Db, id: number, atIso: string): Promise<void> {
  await db.updateTable('outgoing_mail').set({ status: 'sent', sent_at: atIso, last_error: null }).where('id', '=', id).execute();
}

export async function markFailed(db: Db, id: number, error: string, nextAttemptIso: string | null): Promise<void> {
  await db
    .updateTable('outgoing_mail')
    .set(nextAttemptIso === null ? { status: 'failed', last_error: error } : { status: 'queued', next_attempt_at: nextAttemptIso, last_error: error })
    .where('id', '=', id)
    .execute();
}

export async function findMail(db: Db, id: number): Promise<OutgoingMailRow | undefined> {
  return db.selectFrom('outgoing_mail').selectAll().where('id', '=', id).executeTakeFirst();
}
