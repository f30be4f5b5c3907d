/**
 * Editing events: create and save them, move them through the workflow
 * (review, publication, scheduling, cancellation, postponement), list,
 * compare and restore their revisions, and record scheduled events going
 * live. The rules shared with articles live in content/editing.ts; this file
 * says how an event is stored and names each step.
 */
import type { Kysely, Transaction } from 'kysely';
import { NotFoundError } from '../../shared/errors.js';
import { pageInfo, type PageInfo } from '../../shared/pagination.js';
import type { Database, EventRow, EventStatus, EventTranslationRow, LangCode, PublicationStatus } from '../../db/schema.js';
import {
  createItem,
  deleteItem,
  diffRevisions,
  getEditable,
  getRevision,
  listRevisions,
  publicationSteps,
  recordDueItemsLive,
  restoreRevision,
  saveItem,
  scheduleStep,
  takeStep,
  type ContentStore,
  type EditContext,
  type Editable,
  type RevisionDiff,
  type RevisionSummary,
  type Step,
} from '../content/index.js';
import { storedEndDate } from '../../shared/dates/day-range.js';
import type { EventContent, EventInput, EventText } from './events.schemas.js';
import * as repo from './events.repository.js';
import { snapshotOf } from '../i18n/index.js';
import { heroChoiceProblems, renderMarkdownForStorage } from '../media/index.js';
import * as editRepo from './events.editing.repository.js';

type Db = Kysely<Database>;
type Trx = Transaction<Database>;

/** The whole event as revisions keep it: what the form edits plus its workflow state. */
export interface EventSnapshot extends EventContent {
  status: PublicationStatus;
  event_status: EventStatus;
  publish_at: string | null;
  published_at: string | null;
}

export type EditableEvent = Editable<EventSnapshot>;

/** The fields the event form edits: restored by a restore, compared to detect a stale form. */
export const EVENT_CONTENT_FIELDS = [
  'slug',
  'event_type',
  'attendance_mode',
  'all_day',
  'start_date',
  'end_date',
  'starts_at',
  'ends_at',
  'time_zone',
  'online_url',
  'registration_url',
  'contact_email',
  'hero_media_id',
  'en',
  'vi',
  'topics',
  'programmes',
] as const satisfies readonly (keyof EventSnapshot)[];

/** The order fields are compared in on the history page: the text first, then the facts, then the workflow. */
export const EVENT_FIELD_ORDER = [
  'en.title',
  'en.summary',
  'en.description',
  'en.venue',
  'en.city',
  'vi.title',
  'vi.summary',
  'vi.description',
  'vi.venue',
  'vi.city',
  'slug',
  'event_type',
  'attendance_mode',
  'all_day',
  'start_date',
  'end_date',
  'starts_at',
  'ends_at',
  'time_zone',
  'online_url',
  'registration_url',
  'contact_email',
  'hero_media_id',
  'topics',
  'programmes',
  'event_status',
  'status',
  'publish_at',
  'published_at',
] as const;

const EMPTY_TEXT: EventText = { title: '', summary: null, description: null, venue: null, city: null };

function textOf(row: EventText): EventText {
  return { title: row.title, summary: row.summary, description: row.description, venue: row.venue, city: row.city };
}

function toEditable(row: EventRow, translations: EventTranslationRow[], tags: { topics: number[]; programmes: number[] }): EditableEvent {
  const en = translations.find((t) => t.lang === 'en');
  const vi = translations.find((t) => t.lang === 'vi');
  return {
    id: row.id,
    revision: row.revision,
    createdBy: row.created_by,
    updatedBy: row.updated_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    snapshot: {
      slug: row.slug,
      status: row.status,
      event_status: row.event_status,
      publish_at: row.publish_at,
      published_at: row.published_at,
      event_type: row.event_type,
      attendance_mode: row.attendance_mode,
      all_day: row.all_day === 1,
      start_date: row.start_date,
      end_date: row.end_date,
      starts_at: row.starts_at,
      ends_at: row.ends_at,
      time_zone: row.time_zone,
      online_url: row.online_url,
      registration_url: row.registration_url,
      contact_email: row.contact_email,
      hero_media_id: row.hero_media_id,
      // An event imported from a Vietnamese page alone has no English text yet.
      en: en ? textOf(en) : EMPTY_TEXT,
      // A translation without a slug yet gets one at its next save.
      vi: vi ? { ...textOf(vi), slug: vi.slug ?? '', status: vi.status } : null,
      topics: tags.topics,
      programmes: tags.programmes,
    },
  };
}

function rowValues(s: EventSnapshot) {
  return {
    slug: s.slug,
    status: s.status,
    event_status: s.event_status,
    event_type: s.event_type,
    start_date: s.start_date,
    end_date: s.end_date,
    all_day: s.all_day ? 1 : 0,
    starts_at: s.starts_at,
    ends_at: s.ends_at,
    time_zone: s.time_zone,
    attendance_mode: s.attendance_mode,
    online_url: s.online_url,
    registration_url: s.registration_url,
    contact_email: s.contact_email,
    hero_media_id: s.hero_media_id,
    publish_at: s.publish_at,
    published_at: s.published_at,
  };
}

async function writeTexts(trx: Trx, id: number, s: EventSnapshot, at: string): Promise<void> {
  // The English text's address is the event's own slug; its status follows the event's.
  // An event kept from a Vietnamese page alone has no English text (an empty title) until an editor writes one.
  if (s.en.title !== '') await repo.upsertEventTranslation(trx, id, 'en', s.en, at, { slug: s.slug, status: 'published' });
  if (s.vi) await repo.upsertEventTranslation(trx, id, 'vi', s.vi, at, { slug: s.vi.slug, status: s.vi.status });
  else await editRepo.rows.deleteTranslation(trx, id, 'vi');
}

/** How events are stored, for the shared editing workflow. */
export const eventStore: ContentStore<EventSnapshot> = {
  kind: 'event',
  contentFields: EVENT_CONTENT_FIELDS,
  fieldOrder: EVENT_FIELD_ORDER,
  longFields: new Set(['summary', 'description']),
  fallbackSlug: 'event',
  async load(db, id) {
    const row = await repo.findEventById(db, id);
    if (!row) return undefined;
    return toEditable(row, await repo.listEventTranslations(db, id), await editRepo.rows.listTagIds(db, id));
  },
  async insert(trx, s, { at, userId, sourceKey }) {
    const id = await repo.insertEvent(trx, {
      ...rowValues(s),
      source_key: sourceKey ?? null,
      revision: 1,
      created_at: at,
      updated_at: at,
      created_by: userId,
      updated_by: userId,
    });
    await writeTexts(trx, id, s, at);
    await editRepo.rows.replaceTags(trx, id, s.topics, s.programmes);
    return id;
  },
  async update(trx, id, revision, next, changes, { at, userId }) {
    if (!(await editRepo.rows.updateAtRevision(trx, id, revision, { ...rowValues(next), updated_at: at, updated_by: userId }))) return false;
    if (changes.some((f) => f === 'slug' || f.startsWith('en.') || f.startsWith('vi.'))) await writeTexts(trx, id, next, at);
    if (changes.includes('topics') || changes.includes('programmes')) await editRepo.rows.replaceTags(trx, id, next.topics, next.programmes);
    return true;
  },
  async insertMany(trx, snapshots, { at }) {
    const ids = await editRepo.rows.insertItems(
      trx,
      snapshots.map((s) => ({ ...rowValues(s), revision: 1, created_at: at, updated_at: at })),
    );
    const idOf = (s: EventSnapshot) => ids.get(s.slug)!;
    const text = (t: EventText) => ({ ...textOf(t), description_html: renderMarkdownForStorage(t.description), created_at: at, updated_at: at });
    await editRepo.rows.insertTranslations(
      trx,
      snapshots.flatMap((s) => [
        { event_id: idOf(s), lang: 'en' as const, ...text(s.en), slug: s.slug, status: 'published' as const },
        ...(s.vi
          ? [
              {
                event_id: idOf(s),
                lang: 'vi' as const,
                ...text(s.vi),
                slug: s.vi.slug,
                status: s.vi.status,
                // Translation tracking, as for a Vietnamese text saved with its English.
                source_snapshot: JSON.stringify(snapshotOf('event', { ...s.en })),
                translated_at: at,
              },
            ]
          : []),
      ]),
    );
    await editRepo.rows.insertTags(trx, snapshots.map((s) => ({ id: idOf(s), topics: s.topics, programmes: s.programmes })));
    return snapshots.map(idOf);
  },
  deleteRow: (trx, id) => editRepo.rows.deleteRow(trx, id),
  slugUsedByOther: (db, slug, selfId) => editRepo.rows.slugUsedByOther(db, slug, selfId),
  listDueIds: (db, at) => editRepo.rows.listDueIds(db, at),
  claimDue: (trx, id, at) => editRepo.rows.claimDue(trx, id, at),
  normalize: (s) => ({ ...s, end_date: storedEndDate(s.start_date, s.end_date) }),
  check: (trx, input) => heroChoiceProblems(trx, input.hero_media_id),
};

export type EventListFilter = PublicationStatus | 'scheduled' | undefined;

/**
 * One page of events for the admin list, newest start first: all of them,
 * or those in one state ('scheduled': published with a time still to come).
 * NotFoundError past the last page.
 */
export async function listEventsForEditing(
  db: Db,
  filter: EventListFilter,
  page: number,
  now: Date,
): Promise<{ rows: editRepo.EventSummaryRow[]; info: PageInfo }> {
  const where = { status: filter, now: now.toISOString() };
  const info = pageInfo(page, await editRepo.rows.countSummaries(db, where));
  if (page > info.pages) throw new NotFoundError();
  return { rows: await editRepo.listEventSummaries(db, where, info.pageSize, info.offset), info };
}

/** An event for the edit form; NotFoundError when there is none. */
export async function getEventForEditing(db: Db, id: number): Promise<EditableEvent> {
  return getEditable(eventStore, db, id);
}

/**
 * Creates a draft event from a validated form, with a slug made from the
 * English title unless one was typed (unique: `-2`, `-3`… when taken). Its
 * first revision lists every field set. ValidationError when the typed slug
 * is another event's or a chosen topic no longer exists.
 */
export async function createEvent(db: Db, ctx: EditContext, input: EventInput): Promise<EditableEvent> {
  return createItem(eventStore, db, ctx, input, { event_status: 'scheduled' });
}

/**
 * Saves the event form over event `id`. `loadedRevision` is the revision the
 * form was loaded at: when someone has changed the event's content since,
 * throws StaleEditError carrying the stored version and writes nothing. A
 * changed slug keeps the old address redirecting (301). An unchanged form
 * records no revision.
 */
export async function updateEvent(db: Db, ctx: EditContext, id: number, input: EventInput, loadedRevision: number): Promise<EditableEvent> {
  return saveItem(eventStore, db, ctx, id, input, loadedRevision, 'update');
}

/** Saves the event form (new dates, usually) and puts a postponed or cancelled event back on as planned. */
export async function rescheduleEvent(db: Db, ctx: EditContext, id: number, input: EventInput, loadedRevision: number): Promise<EditableEvent> {
  return saveItem(eventStore, db, ctx, id, input, loadedRevision, 'reschedule', { event_status: 'scheduled' });
}

const steps = publicationSteps<EventSnapshot>();

/** Sends a draft event to the editors for review. */
export async function submitEvent(db: Db, ctx: EditContext, id: number, loadedRevision?: number): Promise<EditableEvent> {
  return takeStep(eventStore, db, ctx, id, steps.submit, loadedRevision);
}

/** Sends an event in review back to draft. */
export async function returnEventToDraft(db: Db, ctx: EditContext, id: number, loadedRevision?: number): Promise<EditableEvent> {
  return takeStep(eventStore, db, ctx, id, steps.returnToDraft, loadedRevision);
}

/** Publishes the event now (a scheduled one too, ahead of its time). */
export async function publishEvent(db: Db, ctx: EditContext, id: number, loadedRevision?: number): Promise<EditableEvent> {
  return takeStep(eventStore, db, ctx, id, steps.publish, loadedRevision);
}

/**
 * Schedules the event's publication at `publishAt` (after now, else
 * ValidationError on `publish_at`). Visitors see it from that instant on.
 */
export async function scheduleEvent(db: Db, ctx: EditContext, id: number, publishAt: Date, loadedRevision?: number): Promise<EditableEvent> {
  return takeStep(eventStore, db, ctx, id, scheduleStep<EventSnapshot>(publishAt, ctx.now), loadedRevision);
}

/** Takes a published or scheduled event off the site, back to draft. */
export async function unpublishEvent(db: Db, ctx: EditContext, id: number, loadedRevision?: number): Promise<EditableEvent> {
  return takeStep(eventStore, db, ctx, id, steps.unpublish, loadedRevision);
}

const cancelStep: Step<EventSnapshot> = {
  action: 'cancel',
  permission: 'content.edit',
  refuse: (s) => (s.event_status === 'cancelled' ? 'editing.workflow.alreadyCancelled' : null),
  apply: (s) => ({ ...s, event_status: 'cancelled' }),
};

const postponeStep: Step<EventSnapshot> = {
  action: 'postpone',
  permission: 'content.edit',
  refuse: (s) => (s.event_status === 'scheduled' ? null : 'editing.workflow.notScheduledEvent'),
  apply: (s) => ({ ...s, event_status: 'postponed' }),
};

/** Marks the event as cancelled; it stays published so that visitors learn of it. */
export async function cancelEvent(db: Db, ctx: EditContext, id: number, loadedRevision?: number): Promise<EditableEvent> {
  return takeStep(eventStore, db, ctx, id, cancelStep, loadedRevision);
}

/** Marks the event as postponed, a new date to be announced (then see rescheduleEvent). */
export async function postponeEvent(db: Db, ctx: EditContext, id: number, loadedRevision?: number): Promise<EditableEvent> {
  return takeStep(eventStore, db, ctx, id, postponeStep, loadedRevision);
}

/** Deletes the event; its history stays, ending with a 'delete' revision. */
export async function deleteEvent(db: Db, ctx: EditContext, id: number, loadedRevision?: number): Promise<void> {
  await deleteItem(eventStore, db, ctx, id, loadedRevision);
}

/** The event's revisions, newest first; NotFoundError when the event does not exist. */
export async function listEventRevisions(db: Db, id: number): Promise<RevisionSummary[]> {
  return listRevisions(eventStore, db, id);
}

/** One revision of the event with the whole event as it was then. */
export async function getEventRevision(db: Db, id: number, revision: number): Promise<RevisionSummary & { snapshot: EventSnapshot }> {
  return getRevision(eventStore, db, id, revision);
}

/** Field-by-field (and word-by-word) differences between two revisions of the event. */
export async function diffEventRevisions(db: Db, id: number, a: number, b: number, lang: LangCode): Promise<RevisionDiff> {
  return diffRevisions(eventStore, db, id, a, b, lang);
}

/**
 * Brings back the event's text and details as they were at `revision`, as a
 * new revision; publication and cancellation stay as they are.
 */
export async function restoreEventRevision(db: Db, ctx: EditContext, id: number, revision: number, loadedRevision?: number): Promise<EditableEvent> {
  return restoreRevision(eventStore, db, ctx, id, revision, loadedRevision);
}

/**
 * Records that scheduled events whose time has come went live, once each
 * even with several instances running this at the same moment. Returns the
 * ids this call recorded.
 */
export async function recordDueEventsLive(db: Db, now: Date): Promise<number[]> {
  return recordDueItemsLive(eventStore, db, now);
}
