/**
 * The editing workflow shared by events and articles, written once against a
 * small store that each kind provides (how its rows, texts and tags are read
 * and written). The events and articles modules wrap these in functions named
 * for what an editor does (`publishEvent`, `restoreArticleRevision`…).
 *
 * Every change runs in one transaction: check the permission, refuse a stale
 * form, write the item at its current revision only (so of two racing saves
 * the second is refused, never lost), record a revision with the changed
 * fields, then the audit entry and search refresh.
 */
import type { Kysely, Transaction } from 'kysely';
import type { ContentKind, Database, LangCode, PublicationStatus, SystemActor } from '../../db/schema.js';
import { ForbiddenError, NotFoundError, ValidationError } from '../../shared/errors.js';
import { assertCan, can, type Action, type PolicyItem } from '../auth/index.js';
import { markTranslationCurrent, type MessageKey } from '../i18n/index.js';
import { existingTermIds, listProgrammes, listTopics } from '../taxonomy/index.js';
import { afterContentChange, type ContentChangeBatch } from './effects.js';
import type { StoredTranslation, TranslationInput } from './form-fields.js';
import * as revisionsRepository from './revisions.repository.js';
import { changedFields, diffFlatSnapshots, flattenSnapshot, pick, type FieldDiff } from './snapshots.js';
import { recordSlugChange, uniqueSlugFromTitle } from './slugs.js';
import * as slugRedirects from './slugs.repository.js';
import { StaleEditError } from './stale-edit-error.js';
import { WorkflowError, type EditContext, type RevisionAction } from './workflow.js';

type Db = Kysely<Database>;
type Trx = Transaction<Database>;
type AnyDb = Db | Trx;

/** What every kind's snapshot has. */
export interface BaseSnapshot {
  /** The English slug (also the item's own `slug` column). */
  slug: string;
  status: PublicationStatus;
  publish_at: string | null;
  published_at: string | null;
  en: { title: string };
  /** The Vietnamese text with its own slug and status, or none. */
  vi: ({ title: string } & StoredTranslation) | null;
  topics: number[];
  programmes: number[];
}

/** An item as the admin shows it. */
export interface Editable<S> {
  id: number;
  revision: number;
  createdBy: number | null;
  updatedBy: number | null;
  createdAt: string;
  updatedAt: string;
  snapshot: S;
}

/** How one kind of item is stored. Repository work only; the rules are here. */
export interface ContentStore<S extends BaseSnapshot> {
  kind: ContentKind;
  /** The fields the form edits (restored by a restore; compared for staleness). */
  contentFields: readonly (keyof S & string)[];
  /** The order fields are listed in on the history page. */
  fieldOrder: readonly string[];
  /** Text fields compared word by word ('description', 'body'…). */
  longFields: ReadonlySet<string>;
  /** The slug when the English title has no letters or digits. */
  fallbackSlug: string;
  /** A text with nothing in it (an empty title, every other field null): what a writer builds a text from. */
  emptyText(): S['en'];
  load(db: AnyDb, id: number): Promise<Editable<S> | undefined>;
  /** Inserts a new item with its texts and tags; returns its id. `sourceKey` names an imported item's entry in its listing page. */
  insert(trx: Trx, snapshot: S, meta: { at: string; userId: number | null; sourceKey?: string | null }): Promise<number>;
  /**
   * Inserts many new items with their texts and tags in multi-row INSERTs
   * (the generator's archives); their ids in the order given. Vietnamese texts
   * are recorded as translated from the English as inserted.
   */
  insertMany(trx: Trx, snapshots: readonly S[], meta: { at: string }): Promise<number[]>;
  /** Writes `next` if the item is still at `revision` (moving it to the next); false when someone saved first. */
  update(trx: Trx, id: number, revision: number, next: S, changes: string[], meta: { at: string; userId: number | null }): Promise<boolean>;
  deleteRow(trx: Trx, id: number): Promise<void>;
  slugUsedByOther(db: AnyDb, slug: string, selfId: number | null): Promise<boolean>;
  listDueIds(db: AnyDb, at: string): Promise<number[]>;
  /** Conditional UPDATE marking a due item live; the new revision, or undefined when another claim won. */
  claimDue(trx: Trx, id: number, at: string): Promise<number | undefined>;
  /** Checks of a form against the database particular to this kind (a chosen image still there): the fields in error. */
  check?(trx: Trx, input: ContentInput<S>): Promise<Record<string, MessageKey>>;
  /**
   * The kind's own rules on how a value is stored (a one-day event has no end
   * date), applied to every snapshot created, saved or restored, so that
   * every writer stores the same item the same way.
   */
  normalize?(snapshot: S): S;
}

export function normalized<S extends BaseSnapshot>(store: ContentStore<S>, snapshot: S): S {
  return store.normalize ? store.normalize(snapshot) : snapshot;
}

/** Validation errors found against the database (a slug in use, a deleted topic). */
function formError(fields: Record<string, MessageKey>): ValidationError {
  return new ValidationError('Some fields need correcting.', fields);
}

/** An item by id; NotFoundError when there is none. */
export async function getEditable<S extends BaseSnapshot>(store: ContentStore<S>, db: AnyDb, id: number): Promise<Editable<S>> {
  const item = await store.load(db, id);
  if (!item) throw new NotFoundError();
  return item;
}

function policyItem(item: Editable<BaseSnapshot>): PolicyItem {
  return { createdBy: item.createdBy, status: item.snapshot.status };
}

/** Published and past its publication time, if it had one. */
export function isLiveAt(s: BaseSnapshot, now: Date): boolean {
  return s.status === 'published' && (s.publish_at === null || s.publish_at <= now.toISOString());
}

export async function checkTags(trx: Trx, s: { topics: number[]; programmes: number[] }): Promise<void> {
  const fields: Record<string, MessageKey> = {};
  if ((await existingTermIds(trx, 'topics', s.topics)).length !== s.topics.length) fields.topics = 'editing.error.unknownTaxonomy';
  if ((await existingTermIds(trx, 'programmes', s.programmes)).length !== s.programmes.length) {
    fields.programmes = 'editing.error.unknownTaxonomy';
  }
  if (Object.keys(fields).length > 0) throw formError(fields);
}

export async function checkSpecific<S extends BaseSnapshot>(store: ContentStore<S>, trx: Trx, input: ContentInput<S>): Promise<void> {
  const fields = store.check ? await store.check(trx, input) : {};
  if (Object.keys(fields).length > 0) throw formError(fields);
}

/** Whether another item uses `slug` in any language, now or as an old address (which would then stop redirecting). */
async function slugTaken(store: ContentStore<BaseSnapshot>, trx: Trx, slug: string, selfId: number | null): Promise<boolean> {
  if (await store.slugUsedByOther(trx, slug, selfId)) return true;
  const owner = await slugRedirects.findRedirectTargetInAnyLang(trx, store.kind, slug);
  return owner !== undefined && owner !== selfId;
}

/**
 * The slug to save in one language: the one typed (refused when another
 * item has it now; an old address of another item may be taken on purpose),
 * or one made from the title when the field was left empty. Slugs are unique
 * across languages, so that an address can never name two items.
 */
export async function chooseSlug(
  store: ContentStore<BaseSnapshot>,
  trx: Trx,
  field: 'slug' | 'vi_slug',
  typed: string | null,
  title: string,
  fallback: string,
  selfId: number | null,
): Promise<string> {
  if (typed === null) return uniqueSlugFromTitle(title, fallback, (s) => slugTaken(store, trx, s, selfId));
  if (await store.slugUsedByOther(trx, typed, selfId)) throw formError({ [field]: 'editing.error.slugTaken' });
  return typed;
}

/**
 * The content part of the next snapshot from a validated form: slugs chosen
 * (kept when unchanged), the Vietnamese status kept when the form did not
 * offer it. Changing whether the Vietnamese text is published is publishing,
 * which only editors and admins may do.
 */
async function contentFromInput<S extends BaseSnapshot>(
  store: ContentStore<S>,
  trx: Trx,
  ctx: EditContext,
  input: ContentInput<S>,
  current: Editable<S> | null,
): Promise<Partial<S>> {
  const generic = store as unknown as ContentStore<BaseSnapshot>;
  const selfId = current?.id ?? null;
  const { slug: typed, vi: viInput, vi_current: _current, ...rest } = input;
  void _current;
  const slug =
    current && typed === current.snapshot.slug
      ? typed
      : await chooseSlug(generic, trx, 'slug', typed, input.en.title, store.fallbackSlug, selfId);
  let vi: BaseSnapshot['vi'] = null;
  if (viInput) {
    const { slug: viTyped, status: viStatus, ...viText } = viInput;
    const before = current?.snapshot.vi ?? null;
    const viSlug =
      before && viTyped === before.slug ? viTyped : await chooseSlug(generic, trx, 'vi_slug', viTyped, viInput.title, slug, selfId);
    vi = { ...viText, slug: viSlug, status: viStatus ?? before?.status ?? 'draft' };
  }
  if ((vi?.status ?? 'draft') !== (current?.snapshot.vi?.status ?? 'draft') && !can(ctx.user, 'content.publish')) {
    throw new ForbiddenError('Only editors can publish or withdraw a translation.');
  }
  return { ...rest, slug, vi } as unknown as Partial<S>;
}

/**
 * Keeps every old address working after a save: a changed slug in either
 * language redirects to the item, and a slug in use again redirects nowhere.
 */
export async function recordSlugChanges(kind: ContentKind, trx: Trx, id: number, before: BaseSnapshot | null, after: BaseSnapshot, at: string) {
  if (before) await recordSlugChange(trx, kind, 'en', id, before.slug, after.slug, at);
  else await slugRedirects.deleteRedirect(trx, kind, 'en', after.slug);
  const oldVi = before?.vi?.slug ?? null;
  const newVi = after.vi?.slug ?? null;
  if (oldVi !== null && newVi !== null) await recordSlugChange(trx, kind, 'vi', id, oldVi, newVi, at);
  else if (oldVi !== null) await slugRedirects.upsertRedirect(trx, kind, 'vi', oldVi, id, at);
  else if (newVi !== null) await slugRedirects.deleteRedirect(trx, kind, 'vi', newVi);
}

/**
 * Translation tracking: a new Vietnamese text, or one the editor marked as
 * checked against the English, now matches the English as saved.
 */
export async function trackTranslation(kind: ContentKind, trx: Trx, id: number, before: BaseSnapshot | null, after: BaseSnapshot, input: { vi_current: boolean }, now: Date) {
  // An item kept from a Vietnamese page alone has no English for its text to match yet.
  if (after.en.title === '') return;
  if (after.vi && (!before?.vi || input.vi_current)) await markTranslationCurrent(trx, kind, id, now);
}

/**
 * Refuses a change made from a form loaded at `loadedRevision` when someone
 * else has since changed what the form edits. Workflow steps in between
 * (publication, going live) change none of it, so they do not conflict.
 */
async function assertNotStale<S extends BaseSnapshot>(store: ContentStore<S>, trx: Trx, current: Editable<S>, loadedRevision: number | undefined) {
  if (loadedRevision === undefined || loadedRevision === current.revision) return;
  if (loadedRevision < current.revision) {
    const loaded = await revisionsRepository.findRevisionRow(trx, store.kind, current.id, loadedRevision);
    if (loaded) {
      // A revision written before a rule of the kind's came in is compared as that rule stores it.
      const then = normalized(store, JSON.parse(loaded.snapshot) as S);
      if (changedFields(pick(then, store.contentFields), pick(current.snapshot, store.contentFields)).length === 0) return;
    }
  }
  throw new StaleEditError(current.snapshot, current.revision, loadedRevision, current.updatedBy);
}

/**
 * Who writes and how the effects follow: an account (its id; the effects at
 * once), the scheduler (no id), or a command (`actor`) whose many changes in
 * one transaction share a `batch` of effects done at its end.
 */
export interface WriterContext {
  userId: number | null;
  now: Date;
  ip?: string | undefined;
  actor?: SystemActor | undefined;
  batch?: ContentChangeBatch | undefined;
  note?: string | undefined;
}

/**
 * Writes `next` over `current` as the next revision and records it. The
 * store's UPDATE applies only at `current`'s revision, so of two saves racing
 * from the same state the second is refused rather than lost.
 */
export async function writeRevision<S extends BaseSnapshot>(
  store: ContentStore<S>,
  trx: Trx,
  ctx: WriterContext,
  current: Editable<S>,
  next: S,
  action: RevisionAction,
): Promise<Editable<S>> {
  const at = ctx.now.toISOString();
  const userId = ctx.userId;
  const changes = changedFields(current.snapshot, next);
  if (!(await store.update(trx, current.id, current.revision, next, changes, { at, userId }))) {
    const fresh = await getEditable(store, trx, current.id);
    throw new StaleEditError(fresh.snapshot, fresh.revision, current.revision, fresh.updatedBy);
  }
  await recordSlugChanges(store.kind, trx, current.id, current.snapshot, next, at);
  const revision = current.revision + 1;
  await revisionsRepository.insertRevision(trx, {
    kind: store.kind,
    itemId: current.id,
    revision,
    userId,
    actor: ctx.actor ?? null,
    createdAt: at,
    action,
    snapshot: next,
    changes,
  });
  if (ctx.batch) ctx.batch.changedItem(store.kind, current.id);
  else {
    await afterContentChange(trx, {
      userId,
      kind: store.kind,
      itemId: current.id,
      action: `${store.kind}.${action}`,
      summary: next.en.title,
      at: ctx.now,
      ip: ctx.ip,
      note: ctx.note,
    });
  }
  return { ...current, revision, updatedAt: at, updatedBy: userId, snapshot: next };
}

function actor(ctx: EditContext) {
  return { userId: ctx.user.id, now: ctx.now, ip: ctx.ip, note: ctx.note };
}

/** What a validated form gives: the fields it edits, slugs null when they are to be made from the titles. */
export type ContentInput<S extends BaseSnapshot> = Partial<Omit<S, 'slug' | 'vi' | 'status' | 'publish_at' | 'published_at'>> & {
  slug: string | null;
  en: S['en'];
  vi: (Omit<NonNullable<S['vi']>, 'slug' | 'status'> & TranslationInput) | null;
  /** The Vietnamese text was checked against the English as saved. */
  vi_current: boolean;
  topics: number[];
  programmes: number[];
};

/** Creates a draft from a validated form; its first revision lists every field set. */
export async function createItem<S extends BaseSnapshot>(
  store: ContentStore<S>,
  db: Db,
  ctx: EditContext,
  input: ContentInput<S>,
  /** Fields the form does not edit, with their first values. */
  initial: Partial<S>,
): Promise<Editable<S>> {
  assertCan(ctx.user, 'content.create');
  return db.transaction().execute(async (trx) => {
    await checkTags(trx, input);
    await checkSpecific(store, trx, input);
    const content = await contentFromInput(store, trx, ctx, input, null);
    const at = ctx.now.toISOString();
    const snapshot = normalized(store, { ...initial, ...content, status: 'draft', publish_at: null, published_at: null } as unknown as S);
    const id = await store.insert(trx, snapshot, { at, userId: ctx.user.id });
    await recordSlugChanges(store.kind, trx, id, null, snapshot, at);
    await trackTranslation(store.kind, trx, id, null, snapshot, input, ctx.now);
    await revisionsRepository.insertRevision(trx, {
      kind: store.kind,
      itemId: id,
      revision: 1,
      userId: ctx.user.id,
      createdAt: at,
      action: 'create',
      snapshot,
      changes: changedFields(null, snapshot),
    });
    await afterContentChange(trx, {
      userId: ctx.user.id,
      kind: store.kind,
      itemId: id,
      action: `${store.kind}.create`,
      summary: snapshot.en.title,
      at: ctx.now,
      ip: ctx.ip,
    });
    return getEditable(store, trx, id);
  });
}

/**
 * Saves a validated form over item `id`: StaleEditError when its content
 * changed since `loadedRevision`; nothing recorded when nothing changed.
 * `extra` sets more fields at the same time (an event put back on, say).
 */
export async function saveItem<S extends BaseSnapshot>(
  store: ContentStore<S>,
  db: Db,
  ctx: EditContext,
  id: number,
  input: ContentInput<S>,
  loadedRevision: number,
  action: RevisionAction,
  extra: Partial<S> = {},
): Promise<Editable<S>> {
  return db.transaction().execute(async (trx) => {
    const current = await getEditable(store, trx, id);
    assertCan(ctx.user, 'content.edit', policyItem(current));
    await assertNotStale(store, trx, current, loadedRevision);
    await checkTags(trx, input);
    await checkSpecific(store, trx, input);
    const next = normalized(store, { ...current.snapshot, ...(await contentFromInput(store, trx, ctx, input, current)), ...extra } as S);
    if (changedFields(current.snapshot, next).length === 0) {
      // Nothing to record, but "checked against the English" still counts.
      await trackTranslation(store.kind, trx, id, current.snapshot, next, input, ctx.now);
      return current;
    }
    const saved = await writeRevision(store, trx, actor(ctx), current, next, action);
    await trackTranslation(store.kind, trx, id, current.snapshot, next, input, ctx.now);
    return saved;
  });
}

/** One workflow step: who may take it, when it applies, what it changes. */
export interface Step<S extends BaseSnapshot> {
  action: RevisionAction;
  permission: Action;
  /** The message key of why the step does not apply now, or null when it does. */
  refuse: (s: S, now: Date) => MessageKey | null;
  apply: (s: S, now: Date) => S;
}

/** Takes a workflow step on item `id`, recorded as a revision. */
export async function takeStep<S extends BaseSnapshot>(
  store: ContentStore<S>,
  db: Db,
  ctx: EditContext,
  id: number,
  step: Step<S>,
  loadedRevision?: number,
): Promise<Editable<S>> {
  return db.transaction().execute(async (trx) => {
    const current = await getEditable(store, trx, id);
    assertCan(ctx.user, step.permission, policyItem(current));
    await assertNotStale(store, trx, current, loadedRevision);
    const reason = step.refuse(current.snapshot, ctx.now);
    if (reason) throw new WorkflowError(reason, 'This step does not apply to the item as it is now.');
    return writeRevision(store, trx, actor(ctx), current, step.apply(current.snapshot, ctx.now), step.action);
  });
}

/** The publication steps every kind has. */
export function publicationSteps<S extends BaseSnapshot>(): Record<'submit' | 'returnToDraft' | 'publish' | 'unpublish', Step<S>> {
  return {
    submit: {
      action: 'submit',
      permission: 'content.submit',
      refuse: (s) => (s.status === 'draft' ? null : 'editing.workflow.notDraft'),
      apply: (s) => ({ ...s, status: 'in_review' }),
    },
    returnToDraft: {
      action: 'return_to_draft',
      permission: 'content.publish',
      refuse: (s) => (s.status === 'in_review' ? null : 'editing.workflow.notInReview'),
      apply: (s) => ({ ...s, status: 'draft' }),
    },
    publish: {
      action: 'publish',
      permission: 'content.publish',
      refuse: (s, now) => (isLiveAt(s, now) ? 'editing.workflow.alreadyLive' : null),
      apply: (s, now) => ({ ...s, status: 'published', publish_at: null, published_at: now.toISOString() }),
    },
    unpublish: {
      action: 'unpublish',
      permission: 'content.publish',
      refuse: (s) => (s.status === 'published' ? null : 'editing.workflow.notPublished'),
      apply: (s) => ({ ...s, status: 'draft', publish_at: null, published_at: null }),
    },
  };
}

/** How a publication step treats the Vietnamese text: `withVietnamese` publishes it too, when it has a title. */
export interface PublishOptions {
  withVietnamese?: boolean;
}

/**
 * Whether publishing the item would leave a Vietnamese text behind: one
 * with a title, not published, on an item not live yet. The admin asks
 * whether to publish it too.
 */
export function leavesVietnameseDraft(s: BaseSnapshot, now: Date): boolean {
  return s.vi !== null && s.vi.title !== '' && s.vi.status !== 'published' && !isLiveAt(s, now);
}

/** `step`, publishing the Vietnamese text in the same revision when `options` say so and it has a title. */
export function publishingStep<S extends BaseSnapshot>(step: Step<S>, options: PublishOptions = {}): Step<S> {
  if (!options.withVietnamese) return step;
  return {
    ...step,
    apply: (s, now) => {
      const next = step.apply(s, now);
      return next.vi && next.vi.title !== '' ? { ...next, vi: { ...next.vi, status: 'published' } } : next;
    },
  };
}

/**
 * The step that schedules publication at `publishAt`: visitors see the item
 * from that instant. ValidationError unless it is after `now`; an item
 * already live must be unpublished first.
 */
export function scheduleStep<S extends BaseSnapshot>(publishAt: Date, now: Date): Step<S> {
  if (!(publishAt.getTime() > now.getTime())) throw formError({ publish_at: 'editing.error.publishAtPast' });
  const at = publishAt.toISOString();
  return {
    action: 'schedule',
    permission: 'content.publish',
    refuse: (s, current) => (isLiveAt(s, current) ? 'editing.workflow.alreadyLive' : null),
    apply: (s) => ({ ...s, status: 'published', publish_at: at, published_at: at }),
  };
}

/** Deletes the item; its history stays, ending with a 'delete' revision, and its old addresses stop redirecting. */
export async function deleteItem<S extends BaseSnapshot>(store: ContentStore<S>, db: Db, ctx: EditContext, id: number, loadedRevision?: number) {
  await db.transaction().execute(async (trx) => {
    const current = await getEditable(store, trx, id);
    assertCan(ctx.user, 'content.delete', policyItem(current));
    await assertNotStale(store, trx, current, loadedRevision);
    const at = ctx.now.toISOString();
    await revisionsRepository.insertRevision(trx, {
      kind: store.kind,
      itemId: id,
      revision: current.revision + 1,
      userId: ctx.user.id,
      createdAt: at,
      action: 'delete',
      snapshot: current.snapshot,
      changes: [],
    });
    await slugRedirects.deleteRedirectsOf(trx, store.kind, id);
    await store.deleteRow(trx, id);
    await afterContentChange(trx, {
      userId: ctx.user.id,
      kind: store.kind,
      itemId: id,
      action: `${store.kind}.delete`,
      summary: current.snapshot.en.title,
      at: ctx.now,
      ip: ctx.ip,
    });
  });
}

/** One entry of an item's history. */
export interface RevisionSummary {
  revision: number;
  action: RevisionAction;
  userId: number | null;
  /** The command that made it when no account did. */
  actor: SystemActor | null;
  createdAt: string;
  changes: string[];
}

function summaryOf(row: {
  revision: number;
  action: string;
  user_id: number | null;
  actor: SystemActor | null;
  created_at: string;
  changes: string;
}): RevisionSummary {
  return {
    revision: row.revision,
    action: row.action as RevisionAction,
    userId: row.user_id,
    actor: row.actor,
    createdAt: row.created_at,
    changes: JSON.parse(row.changes) as string[],
  };
}

/** An item's revisions, newest first; NotFoundError when the item does not exist. */
export async function listRevisions<S extends BaseSnapshot>(store: ContentStore<S>, db: Db, id: number): Promise<RevisionSummary[]> {
  await getEditable(store, db, id);
  return (await revisionsRepository.listRevisionRows(db, store.kind, id)).map(summaryOf);
}

/** One revision with the whole item as it was then; NotFoundError when there is no such revision. */
export async function getRevision<S extends BaseSnapshot>(
  store: ContentStore<S>,
  db: AnyDb,
  id: number,
  revision: number,
): Promise<RevisionSummary & { snapshot: S }> {
  const row = await revisionsRepository.findRevisionRow(db, store.kind, id, revision);
  if (!row) throw new NotFoundError('That revision does not exist.');
  return { ...summaryOf(row), snapshot: JSON.parse(row.snapshot) as S };
}

export interface RevisionDiff {
  from: RevisionSummary;
  to: RevisionSummary;
  diffs: FieldDiff[];
}

/** Field-by-field differences between two revisions, older first whatever the order given; tags named in `lang`. */
export async function diffRevisions<S extends BaseSnapshot>(
  store: ContentStore<S>,
  db: Db,
  id: number,
  a: number,
  b: number,
  lang: LangCode,
): Promise<RevisionDiff> {
  const [from, to] = await Promise.all([getRevision(store, db, id, Math.min(a, b)), getRevision(store, db, id, Math.max(a, b))]);
  const topicNames = new Map((await listTopics(db, lang)).map((t) => [t.id, t.name]));
  const programmeNames = new Map((await listProgrammes(db, lang)).map((p) => [p.id, p.name]));
  const named = (s: S) =>
    flattenSnapshot({
      ...s,
      topics: s.topics.map((t) => topicNames.get(t) ?? `#${t}`),
      programmes: s.programmes.map((p) => programmeNames.get(p) ?? `#${p}`),
    });
  const { snapshot: before, ...fromSummary } = from;
  const { snapshot: after, ...toSummary } = to;
  return { from: fromSummary, to: toSummary, diffs: diffFlatSnapshots(named(before), named(after), store.fieldOrder, store.longFields) };
}

/**
 * Brings back what the form edits as it was at `revision`, as a new
 * revision; the workflow state stays as it is. A slug another item has taken
 * since, and tags deleted since, are left out.
 */
export async function restoreRevision<S extends BaseSnapshot>(
  store: ContentStore<S>,
  db: Db,
  ctx: EditContext,
  id: number,
  revision: number,
  loadedRevision?: number,
): Promise<Editable<S>> {
  return db.transaction().execute(async (trx) => {
    const current = await getEditable(store, trx, id);
    assertCan(ctx.user, 'content.edit', policyItem(current));
    await assertNotStale(store, trx, current, loadedRevision);
    const old = (await getRevision(store, trx, id, revision)).snapshot;
    const content = pick(old, store.contentFields) as Partial<S>;
    // A slug another item has taken since stays with it.
    const free = async (slug: string, now: string | undefined) => slug === now || !(await store.slugUsedByOther(trx, slug, id));
    const slug = (await free(old.slug, current.snapshot.slug)) ? old.slug : current.snapshot.slug;
    let vi: BaseSnapshot['vi'] = null;
    if (old.vi) {
      const viSlug = (await free(old.vi.slug, current.snapshot.vi?.slug)) ? old.vi.slug : (current.snapshot.vi?.slug ?? slug);
      // Whether the Vietnamese text is published is publishing, not content: it stays as it is.
      vi = { ...old.vi, slug: viSlug, status: current.snapshot.vi?.status ?? 'draft' };
    }
    const next = normalized(store, {
      ...current.snapshot,
      ...content,
      slug,
      vi,
      topics: await existingTermIds(trx, 'topics', old.topics),
      programmes: await existingTermIds(trx, 'programmes', old.programmes),
    } as S);
    if (changedFields(current.snapshot, next).length === 0) {
      throw new WorkflowError('editing.workflow.nothingToRestore', 'That revision is the same as the current version.');
    }
    return writeRevision(store, trx, actor(ctx), current, next, 'restore');
  });
}

/**
 * Records that scheduled items whose time has come went live. Each is
 * claimed with a conditional UPDATE, so that when several instances run this
 * at once exactly one records the 'went_live' revision and audit entry.
 * Visitors see the items from their publication time either way. Returns the
 * ids this call claimed.
 */
export async function recordDueItemsLive<S extends BaseSnapshot>(store: ContentStore<S>, db: Db, now: Date): Promise<number[]> {
  const at = now.toISOString();
  const claimed: number[] = [];
  for (const id of await store.listDueIds(db, at)) {
    const won = await db.transaction().execute(async (trx) => {
      const revision = await store.claimDue(trx, id, at);
      if (revision === undefined) return false;
      const item = await getEditable(store, trx, id);
      await revisionsRepository.insertRevision(trx, {
        kind: store.kind,
        itemId: id,
        revision,
        userId: null,
        createdAt: at,
        action: 'went_live',
        snapshot: item.snapshot,
        changes: ['publish_at'],
      });
      await afterContentChange(trx, { userId: null, kind: store.kind, itemId: id, action: `${store.kind}.went_live`, summary: item.snapshot.en.title, at: now });
      return true;
    });
    if (won) claimed.push(id);
  }
  return claimed;
}
