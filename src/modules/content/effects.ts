/**
 * What follows every change to an event or article, inside the same
 * transaction: an entry in the audit log and a fresh entry in the search index.
 */
import type { Kysely } from 'kysely';
import type { ContentKind, Database } from '../../db/schema.js';
import { recordAudit } from '../audit/index.js';
import { reindexItem } from '../search/index.js';

export interface ContentChange {
  /** Who made the change; null for the scheduler. */
  userId: number | null;
  kind: ContentKind;
  itemId: number;
  /** What was done, e.g. 'event.update', 'article.publish'. */
  action: string;
  /** One line for the audit log. */
  summary: string;
  /** When (the app's clock). */
  at: Date;
  /** The client's address, when the change came over HTTP. */
  ip?: string | undefined;
}

/** Records the change in the audit log and refreshes the item in the search index (removing it when deleted). */
export async function afterContentChange(db: Kysely<Database>, change: ContentChange): Promise<void> {
  await recordAudit(db, {
    userId: change.userId,
    action: change.action,
    subjectKind: change.kind,
    subjectId: change.itemId,
    summary: change.summary,
    ip: change.ip,
    at: change.at,
  });
  await reindexItem(db, change.kind, change.itemId);
}
