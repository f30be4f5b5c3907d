/**
 * The editing service for writers that are commands, not accounts: the
 * listing importer and the content generator. They create and change items
 * through the same store, validation, normalisation, slug redirects,
 * translation tracking and revisions as an editor's save; what differs is
 * that they work inside the transaction of their command (all or nothing),
 * their revisions name the command (`actor`) instead of an account, and the
 * effects of their changes wait in a batch done once at the end (each item
 * indexed once, however many of its texts the command wrote).
 */
import type { Transaction } from 'kysely';
import type { Database, SystemActor } from '../../db/schema.js';
import {
  checkSpecific,
  checkTags,
  chooseSlug,
  getEditable,
  normalized,
  recordSlugChanges,
  trackTranslation,
  writeRevision,
  type BaseSnapshot,
  type ContentInput,
  type ContentStore,
  type Editable,
} from './editing.js';
import type { ContentChangeBatch } from './effects.js';
import * as revisionsRepository from './revisions.repository.js';
import { changedFields } from './snapshots.js';

type Trx = Transaction<Database>;

/** A command's changes: who makes them, when, and where their effects wait for the end of its transaction. */
export interface CommandContext {
  actor: SystemActor;
  now: Date;
  batch: ContentChangeBatch;
}

/** Refuses slugs another item has now (a command chooses its slugs itself, but validation is the same as for a form). */
async function checkSlugs<S extends BaseSnapshot>(store: ContentStore<S>, trx: Trx, next: S, current: Editable<S> | null): Promise<void> {
  const generic = store as unknown as ContentStore<BaseSnapshot>;
  const selfId = current?.id ?? null;
  if (next.slug !== current?.snapshot.slug) await chooseSlug(generic, trx, 'slug', next.slug, next.en.title, store.fallbackSlug, selfId);
  if (next.vi && next.vi.slug !== current?.snapshot.vi?.slug) {
    await chooseSlug(generic, trx, 'vi_slug', next.vi.slug, next.vi.title, next.slug, selfId);
  }
}

/** The checks a form's input gets against the database, on a whole snapshot. */
async function validate<S extends BaseSnapshot>(store: ContentStore<S>, trx: Trx, next: S, current: Editable<S> | null): Promise<void> {
  await checkTags(trx, next);
  await checkSpecific(store, trx, next as unknown as ContentInput<S>);
  await checkSlugs(store, trx, next, current);
}

/**
 * Creates an item as a command (status and all, as the command's source
 * says) inside its transaction; its first revision names the command.
 * `sourceKey` is the entry of a listing page the item comes from. A
 * Vietnamese text given counts as translated from the English given.
 * ValidationError as for a form (a slug in use, a topic that does not exist).
 */
export async function createItemAsCommand<S extends BaseSnapshot>(
  store: ContentStore<S>,
  trx: Trx,
  ctx: CommandContext,
  snapshot: S,
  options: { sourceKey?: string | null } = {},
): Promise<number> {
  const next = normalized(store, snapshot);
  await validate(store, trx, next, null);
  const at = ctx.now.toISOString();
  const id = await store.insert(trx, next, { at, userId: null, sourceKey: options.sourceKey ?? null });
  await recordSlugChanges(store.kind, trx, id, null, next, at);
  await trackTranslation(store.kind, trx, id, null, next, { vi_current: true }, ctx.now);
  await revisionsRepository.insertRevision(trx, {
    kind: store.kind,
    itemId: id,
    revision: 1,
    userId: null,
    actor: ctx.actor,
    createdAt: at,
    action: 'create',
    snapshot: next,
    changes: changedFields(null, next),
  });
  ctx.batch.changedItem(store.kind, id);
  return id;
}

/**
 * Changes item `id` as a command, inside its transaction: `change` makes the
 * next snapshot from the current one; nothing is recorded when nothing
 * changed. With `translationCurrent`, the Vietnamese text is recorded as
 * matching the English as saved (a translated page imported).
 */
export async function saveItemAsCommand<S extends BaseSnapshot>(
  store: ContentStore<S>,
  trx: Trx,
  ctx: CommandContext,
  id: number,
  change: (current: S) => S,
  options: { translationCurrent?: boolean } = {},
): Promise<Editable<S>> {
  const current = await getEditable(store, trx, id);
  const next = normalized(store, change(current.snapshot));
  if (changedFields(current.snapshot, next).length === 0) return current;
  await validate(store, trx, next, current);
  const saved = await writeRevision(store, trx, { userId: null, now: ctx.now, actor: ctx.actor, batch: ctx.batch }, current, next, 'update');
  await trackTranslation(store.kind, trx, id, current.snapshot, next, { vi_current: options.translationCurrent ?? false }, ctx.now);
  return saved;
}

/**
 * Creates many items at once as a command (a generated archive): the same
 * normalisation and checks against the database, multi-row INSERTs for the
 * items, their texts, tags and first revisions, and their search documents
 * written when the batch is done. New slugs are the caller's to make unique
 * (the database refuses a repeated one).
 */
export async function createItemsAsCommand<S extends BaseSnapshot>(
  store: ContentStore<S>,
  trx: Trx,
  ctx: CommandContext,
  snapshots: readonly S[],
): Promise<number[]> {
  if (snapshots.length === 0) return [];
  const items = snapshots.map((s) => normalized(store, s));
  // Checked together: one query per kind of tag for the whole batch.
  await checkTags(trx, { topics: [...new Set(items.flatMap((s) => s.topics))], programmes: [...new Set(items.flatMap((s) => s.programmes))] });
  for (const item of items) await checkSpecific(store, trx, item as unknown as ContentInput<S>);
  const at = ctx.now.toISOString();
  const ids = await store.insertMany(trx, items, { at });
  await revisionsRepository.insertRevisions(
    trx,
    items.map((snapshot, k) => ({
      kind: store.kind,
      itemId: ids[k]!,
      revision: 1,
      userId: null,
      actor: ctx.actor,
      createdAt: at,
      action: 'create',
      snapshot,
      changes: changedFields(null, snapshot),
    })),
  );
  ctx.batch.createdItems(store.kind, ids);
  return ids;
}
