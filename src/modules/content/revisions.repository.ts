/** Queries on the revisions table: every saved state of an event or article. */
import type { Kysely, Transaction } from 'kysely';
import type { ContentKind, Database, RevisionRow, SystemActor } from '../../db/schema.js';

type Db = Kysely<Database> | Transaction<Database>;

export interface NewRevision {
  kind: ContentKind;
  itemId: number;
  revision: number;
  userId: number | null;
  /** The command that made the change when no account did. */
  actor?: SystemActor | null;
  createdAt: string;
  action: string;
  snapshot: unknown;
  changes: string[];
}

function revisionValues(r: NewRevision) {
  return {
    item_kind: r.kind,
    item_id: r.itemId,
    revision: r.revision,
    user_id: r.userId,
    actor: r.actor ?? null,
    created_at: r.createdAt,
    action: r.action,
    snapshot: JSON.stringify(r.snapshot),
    changes: JSON.stringify(r.changes),
  };
}

export async function insertRevision(db: Db, r: NewRevision): Promise<void> {
  await db.insertInto('revisions').values(revisionValues(r)).execute();
}

/**
 * Rows per INSERT of many revisions: nine columns each, far under the
 * bound-value limits of SQLite (32,766) and PostgreSQL (65,535).
 */
const REVISIONS_PER_INSERT = 500;

/** Many revisions at once (items made in bulk), in multi-row INSERTs. */
export async function insertRevisions(db: Db, rows: readonly NewRevision[]): Promise<void> {
  for (let start = 0; start < rows.length; start += REVISIONS_PER_INSERT) {
    await db
      .insertInto('revisions')
      .values(rows.slice(start, start + REVISIONS_PER_INSERT).map(revisionValues))
      .execute();
  }
}

/** An item's revisions, newest first. */
export async function listRevisionRows(db: Db, kind: ContentKind, itemId: number): Promise<RevisionRow[]> {
  return db
    .selectFrom('revisions')
    .selectAll()
    .where('item_kind', '=', kind)
    .where('item_id', '=', itemId)
    .orderBy('revision', 'desc')
    .execute();
}

export async function findRevisionRow(db: Db, kind: ContentKind, itemId: number, revision: number): Promise<RevisionRow | undefined> {
  return db
    .selectFrom('revisions')
    .selectAll()
    .where('item_kind', '=', kind)
    .where('item_id', '=', itemId)
    .where('revision', '=', revision)
    .executeTakeFirst();
}
