/**
 * Editing events: the content service (content/content-service.ts) over the
 * events' description (events.type.ts), under the names callers know, and
 * what only events have: cancelling, postponing, and saving a called-off
 * event back on as planned.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { ValidationError } from '../../shared/errors.js';
import { normalizeLine } from '../../shared/text/normalize.js';
import type { MessageKey } from '../i18n/index.js';
import { contentFieldsOf, contentService, contentStore, fieldOrderOf, summaryLister, type ContentType, type EditContext, type Editable, type Step } from '../content/index.js';
import type { EventSummaryRow } from './events.editing.repository.js';
import { eventFormValues, newEventFormValues, readEventForm, validateEventForm, type EventFormValues, type EventInput } from './events.schemas.js';
import { eventKind, type EventSnapshot } from './events.type.js';

export type { EventSnapshot } from './events.type.js';

type Db = Kysely<Database>;

export type EditableEvent = Editable<EventSnapshot>;

/** The fields the event form edits: restored by a restore, compared to detect a stale form. */
export const EVENT_CONTENT_FIELDS = contentFieldsOf(eventKind);

/** The order fields are compared in on the history page: the text first, then the facts, then the workflow. */
export const EVENT_FIELD_ORDER = fieldOrderOf(eventKind);

/** How events are stored, for the shared editing workflow (and the importer and generator). */
export const eventStore = contentStore(eventKind);

const service = contentService<EventSnapshot, EventInput, EventSummaryRow>(eventStore, {
  initial: eventKind.initial ?? {},
  summaries: summaryLister<EventSummaryRow>(eventKind),
});

// What content/content-service.ts says each does, named for events.
export const { list: listEventsForEditing, get: getEventForEditing, create: createEvent, update: updateEvent, delete: deleteEvent } = service;
export const { submit: submitEvent, returnToDraft: returnEventToDraft, publish: publishEvent, schedule: scheduleEvent, unpublish: unpublishEvent } = service;
export const { listRevisions: listEventRevisions, getRevision: getEventRevision, diffRevisions: diffEventRevisions, restore: restoreEventRevision } = service;
export const { recordDueLive: recordDueEventsLive } = service;

/** Saves the event form (new dates, usually) and puts a postponed or cancelled event back on as planned, its reason gone. */
export async function rescheduleEvent(db: Db, ctx: EditContext, id: number, input: EventInput, loadedRevision: number): Promise<EditableEvent> {
  return service.saveAs(db, ctx, id, input, loadedRevision, 'reschedule', { event_status: 'scheduled', status_reason_en: null, status_reason_vi: null });
}

/** Why an event is no longer on as planned, in each language, shown to visitors with its status ("Postponed to 12 March"). */
export interface StatusReasons {
  en: string;
  vi: string;
}

/** Longest reason: a sentence or two, as visitors read it beside the title. */
const MAX_REASON = 300;

/**
 * The reasons as stored: one line each, the English required (it stands in
 * for a Vietnamese one not given). ValidationError on `reason_en` or
 * `reason_vi` otherwise.
 */
function checkedReasons(typed: StatusReasons): Pick<EventSnapshot, 'status_reason_en' | 'status_reason_vi'> {
  const en = normalizeLine(typed.en);
  const vi = normalizeLine(typed.vi);
  const fields: Record<string, MessageKey> = {};
  if (en === '') fields.reason_en = 'editing.error.reasonRequired';
  else if (en.length > MAX_REASON) fields.reason_en = 'editing.error.reasonTooLong';
  if (vi.length > MAX_REASON) fields.reason_vi = 'editing.error.reasonTooLong';
  if (Object.keys(fields).length > 0) throw new ValidationError('Say why, in a sentence or two.', fields);
  return { status_reason_en: en, status_reason_vi: vi === '' ? null : vi };
}

const cancelStep = (reasons: StatusReasons): Step<EventSnapshot> => {
  const said = checkedReasons(reasons);
  return {
    action: 'cancel',
    permission: 'content.edit',
    refuse: (s) => (s.event_status === 'cancelled' ? 'editing.workflow.alreadyCancelled' : null),
    apply: (s) => ({ ...s, event_status: 'cancelled', ...said }),
  };
};

const postponeStep = (reasons: StatusReasons): Step<EventSnapshot> => {
  const said = checkedReasons(reasons);
  return {
    action: 'postpone',
    permission: 'content.edit',
    refuse: (s) => (s.event_status === 'scheduled' ? null : 'editing.workflow.notScheduledEvent'),
    apply: (s) => ({ ...s, event_status: 'postponed', ...said }),
  };
};

/** Marks the event as cancelled, saying why; it stays published so that visitors learn of it. */
export async function cancelEvent(db: Db, ctx: EditContext, id: number, reasons: StatusReasons, loadedRevision?: number): Promise<EditableEvent> {
  return service.step(cancelStep(reasons))(db, ctx, id, loadedRevision);
}

/** Marks the event as postponed, saying why or until when (then see rescheduleEvent). */
export async function postponeEvent(db: Db, ctx: EditContext, id: number, reasons: StatusReasons, loadedRevision?: number): Promise<EditableEvent> {
  return service.step(postponeStep(reasons))(db, ctx, id, loadedRevision);
}

/** Events as every kind-blind layer (the admin first) calls them: their description, editing service and form. */
export const eventType: ContentType<EventSnapshot, EventInput, EventFormValues, EventSummaryRow> = {
  kind: eventKind.kind,
  texts: eventKind.texts,
  contentFields: EVENT_CONTENT_FIELDS,
  fieldOrder: EVENT_FIELD_ORDER,
  service,
  form: {
    blank: newEventFormValues,
    fromSnapshot: eventFormValues,
    read: readEventForm,
    validate: validateEventForm,
  },
};
