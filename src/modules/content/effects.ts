/**
 * What follows every change to an event or article, inside the same
 * transaction: an entry in the audit log and a fresh entry in the search index.
 * The search module reads content's live rule, so content cannot import it
 * back: it names here what it needs of an index, and the app hands search's in.
 */
import type { Kysely } from 'kysely';
import type { ContentKind, Database } from '../../db/schema.js';
import { recordAudit } from '../audit/index.js';

/** What content needs of the search index after a change, inside the change's transaction. */
export interface ContentIndexer {
  /** Rebuilds one item's search documents (removing them when it is deleted). */
  reindexItem(db: Kysely<Database>, kind: ContentKind, id: number): Promise<void>;
  /** Indexes items inserted in bulk, which have no search documents yet. */
  indexNewItems(db: Kysely<Database>, kind: ContentKind, ids: number[]): Promise<void>;
}

let indexer: ContentIndexer | undefined;

/** Sets the index every content change refreshes; the app calls it once at start-up, before any change. */
export function useContentIndexer(next: ContentIndexer): void {
  indexer = next;
}

function contentIndexer(): ContentIndexer {
  // A change that skipped the index would leave search out of step without a word: refuse it instead.
  if (!indexer) throw new Error('No search index was handed to the content module (useContentIndexer) before a change.');
  return indexer;
}

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
  /** What the person wrote to whoever the change concerns (an editor's request for changes). */
  note?: string | undefined;
}

/** Something else that follows a change, inside its transaction (the editorial notices by email, handed in by the app). */
export type ContentListener = (db: Kysely<Database>, change: ContentChange) => Promise<void>;

const listeners = new Map<string, ContentListener>();

/** Adds (or, under the same name, replaces) what follows every change made one at a time; the app calls it at start-up. */
export function useContentListener(name: string, listener: ContentListener): void {
  listeners.set(name, listener);
}

/** Records the change in the audit log, refreshes the item in the search index (removing it when deleted), and tells the listeners. */
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
  await contentIndexer().reindexItem(db, change.kind, change.itemId);
  for (const listener of listeners.values()) await listener(db, change);
}

/**
 * The effects of many changes made in one transaction (an import, a
 * generated archive), done once at its end rather than after each: every
 * item is indexed once, however often it changed, and search never sees the
 * transaction half done. Items are indexed events first, each kind in the
 * order it was first changed, as one save after another would have.
 */
export class ContentChangeBatch {
  private readonly changed: Record<ContentKind, Set<number>> = { event: new Set(), article: new Set() };
  private readonly created: Record<ContentKind, number[]> = { event: [], article: [] };

  /** An item changed (or was created one at a time): its search documents are rebuilt at the end. */
  changedItem(kind: ContentKind, id: number): void {
    this.changed[kind].add(id);
  }

  /** Items inserted in bulk, with no search documents yet: indexed without looking for old ones. */
  createdItems(kind: ContentKind, ids: readonly number[]): void {
    this.created[kind].push(...ids);
  }

  /** Does what the changes call for, inside the transaction `db`. */
  async flush(db: Kysely<Database>): Promise<void> {
    const index = contentIndexer();
    for (const kind of ['event', 'article'] as const) {
      for (const id of this.changed[kind]) await index.reindexItem(db, kind, id);
      const created = this.created[kind].filter((id) => !this.changed[kind].has(id));
      for (let start = 0; start < created.length; start += INDEX_BATCH) await index.indexNewItems(db, kind, created.slice(start, start + INDEX_BATCH));
      this.changed[kind].clear();
      this.created[kind] = [];
    }
  }
}

/** Items whose texts are read in one query when indexed in bulk: well under every database's limit of bound values. */
const INDEX_BATCH = 500;
