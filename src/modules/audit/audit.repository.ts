/** Queries on the audit log. Rows are only ever inserted and read. */
import type { Kysely, Transaction } from 'kysely';
import type { AuditLogRow, Database } from '../../db/schema.js';

type Db = Kysely<Database> | Transaction<Database>;

export interface NewAuditEntry {
  at: string;
  user_id: number | null;
  action: string;
  subject_kind: string | null;
  subject_id: string | null;
  summary: string;
  ip: string | null;
}

export interface AuditFilter {
  userId?: number | undefined;
  action?: string | undefined;
}

export interface AuditListRow extends AuditLogRow {
  user_name: string | null;
  user_email: string | null;
}

export async function insertAuditEntry(db: Db, entry: NewAuditEntry): Promise<void> {
  await db.insertInto('audit_log').values(entry).execute();
}

function filtered(db: Db, filter: AuditFilter) {
  let query = db.selectFrom('audit_log as a');
  if (filter.userId !== undefined) query = query.where('a.user_id', '=', filter.userId);
  if (filter.action !== undefined) query = query.where('a.action', '=', filter.action);
  return query;
}

export async function countAuditEntries(db: Db, filter: AuditFilter): Promise<number> {
  const row = await filtered(db, filter).select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Newest first; entries written in the same instant keep their insertion order (newest first). */
export async function listAuditEntries(db: Db, filter: AuditFilter, limit: number, offset: number): Promise<AuditListRow[]> {
  return filtered(db, filter)
    .leftJoin('users as u', 'u.id', 'a.user_id')
    .selectAll('a')
    .select(['u.name as user_name', 'u.email as user_email'])
    .orderBy('a.at', 'desc')
    .orderBy('a.id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
}

/** The actions that occur in the log, for the filter's choices. */
export async function listAuditActions(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('audit_log').select('action').distinct().orderBy('action').execute();
  return rows.map((r) => r.action);
}
