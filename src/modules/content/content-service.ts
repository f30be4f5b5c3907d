/**
 * The editing service of any kind, written once over the kind's store: what
 * an editor does to an item (create, save, the workflow steps, delete, the
 * history) and what the scheduler records. A kind exports these under the
 * names its callers know (`publishEvent`, `restoreArticleRevision`…) and adds
 * only its own steps.
 */
import type { Kysely } from 'kysely';
import type { Database, LangCode } from '../../db/schema.js';
import { NotFoundError } from '../../shared/errors.js';
import { pageInfo, type PageInfo } from '../../shared/pagination.js';
import type { ContentListFilter, ContentListNarrowing } from './content-type.js';
import {
  createItem,
  deleteItem,
  diffRevisions,
  getEditable,
  getRevision,
  listRevisions,
  publicationSteps,
  publishingStep,
  recordDueItemsLive,
  restoreRevision,
  saveItem,
  scheduleStep,
  takeStep,
  type BaseSnapshot,
  type ContentInput,
  type ContentStore,
  type Editable,
  type PublishOptions,
  type RevisionDiff,
  type RevisionSummary,
  type Step,
} from './editing.js';
import type { SummaryFilter } from './editing.repository.js';
import type { EditContext, RevisionAction } from './workflow.js';

type Db = Kysely<Database>;

/** What the admin list of a kind needs besides its store: how many rows a filter gives, and one page of them. */
export interface SummaryLister<Row> {
  count(db: Db, filter: SummaryFilter): Promise<number>;
  page(db: Db, filter: SummaryFilter, limit: number, offset: number): Promise<Row[]>;
}

/** The editing service of a kind whose items are snapshots `S`, saved from validated forms `Input`. */
export function contentService<S extends BaseSnapshot, Input extends ContentInput<S>, Row>(
  store: ContentStore<S>,
  options: { initial: Partial<S>; summaries: SummaryLister<Row> },
) {
  const steps = publicationSteps<S>();
  const step = (s: Step<S>) => (db: Db, ctx: EditContext, id: number, loadedRevision?: number) => takeStep(store, db, ctx, id, s, loadedRevision);
  return {
    /**
     * One page of the admin list, newest first: every item, or those in one
     * state ('scheduled': published with a time still to come), narrowed to
     * titles holding the words searched for and to items with or without
     * Vietnamese text. NotFoundError past the last page.
     */
    async list(db: Db, filter: ContentListFilter, page: number, now: Date, narrow: ContentListNarrowing = {}): Promise<{ rows: Row[]; info: PageInfo }> {
      const where: SummaryFilter = { now: now.toISOString(), ...narrow };
      if (filter) where.status = filter;
      const info = pageInfo(page, await options.summaries.count(db, where));
      if (page > info.pages) throw new NotFoundError();
      return { rows: await options.summaries.page(db, where, info.pageSize, info.offset), info };
    },
    /** An item for the edit form; NotFoundError when there is none. */
    get: (db: Db, id: number): Promise<Editable<S>> => getEditable(store, db, id),
    /**
     * Creates a draft from a validated form, with a slug made from the
     * English title unless one was typed (unique: `-2`, `-3`… when taken). Its
     * first revision lists every field set. ValidationError when the typed slug
     * is another item's or a chosen topic no longer exists.
     */
    create: (db: Db, ctx: EditContext, input: Input): Promise<Editable<S>> => createItem(store, db, ctx, input, options.initial),
    /**
     * Saves the form over item `id`. `loadedRevision` is the revision the form
     * was loaded at: when someone has changed the content since, throws
     * StaleEditError carrying the stored version and writes nothing. A changed
     * slug keeps the old address redirecting (301). An unchanged form records
     * no revision.
     */
    update: (db: Db, ctx: EditContext, id: number, input: Input, loadedRevision: number): Promise<Editable<S>> =>
      saveItem(store, db, ctx, id, input, loadedRevision, 'update'),
    /** Saves the form as `action`, setting `extra` fields at the same time (an event put back on, say). */
    saveAs: (db: Db, ctx: EditContext, id: number, input: Input, loadedRevision: number, action: RevisionAction, extra: Partial<S>): Promise<Editable<S>> =>
      saveItem(store, db, ctx, id, input, loadedRevision, action, extra),
    /** Takes a step of the kind's own (an event's cancellation). */
    step,
    /** Sends a draft to the editors for review. */
    submit: step(steps.submit),
    /** Sends an item in review back to draft. */
    returnToDraft: step(steps.returnToDraft),
    /** Publishes the item now (a scheduled one too, ahead of its time); with `withVietnamese`, its Vietnamese text too, in the same revision. */
    publish: (db: Db, ctx: EditContext, id: number, loadedRevision?: number, publishing?: PublishOptions): Promise<Editable<S>> =>
      takeStep(store, db, ctx, id, publishingStep(steps.publish, publishing), loadedRevision),
    /** Takes a published or scheduled item off the site, back to draft. */
    unpublish: step(steps.unpublish),
    /** Schedules publication at `publishAt` (after now, else a rejected ValidationError on `publish_at`); visitors see it from then on. `withVietnamese`: its Vietnamese text too. */
    async schedule(db: Db, ctx: EditContext, id: number, publishAt: Date, loadedRevision?: number, publishing?: PublishOptions): Promise<Editable<S>> {
      return takeStep(store, db, ctx, id, publishingStep(scheduleStep<S>(publishAt, ctx.now), publishing), loadedRevision);
    },
    /** Deletes the item; its history stays, ending with a 'delete' revision. */
    delete: (db: Db, ctx: EditContext, id: number, loadedRevision?: number): Promise<void> => deleteItem(store, db, ctx, id, loadedRevision),
    /** The item's revisions, newest first; NotFoundError when the item does not exist. */
    listRevisions: (db: Db, id: number): Promise<RevisionSummary[]> => listRevisions(store, db, id),
    /** One revision with the whole item as it was then. */
    getRevision: (db: Db, id: number, revision: number): Promise<RevisionSummary & { snapshot: S }> => getRevision(store, db, id, revision),
    /** Field-by-field (and word-by-word) differences between two revisions. */
    diffRevisions: (db: Db, id: number, a: number, b: number, lang: LangCode): Promise<RevisionDiff> => diffRevisions(store, db, id, a, b, lang),
    /** Brings back the item's text and details as they were at `revision`, as a new revision; its workflow state stays. */
    restore: (db: Db, ctx: EditContext, id: number, revision: number, loadedRevision?: number): Promise<Editable<S>> =>
      restoreRevision(store, db, ctx, id, revision, loadedRevision),
    /** Records that scheduled items whose time has come went live, once each even with several instances; the ids recorded. */
    recordDueLive: (db: Db, now: Date): Promise<number[]> => recordDueItemsLive(store, db, now),
  };
}

/** The editing service of one kind. */
export type ContentService<S extends BaseSnapshot, Input extends ContentInput<S>, Row> = ReturnType<typeof contentService<S, Input, Row>>;
