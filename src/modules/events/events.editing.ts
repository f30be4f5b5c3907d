/**
 * Editing events: the content service (content/content-service.ts) over the
 * events' description (events.type.ts), under the names callers know, and
 * what only events have: cancelling, postponing, and saving a called-off
 * event back on as planned.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
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

/** Saves the event form (new dates, usually) and puts a postponed or cancelled event back on as planned. */
export async function rescheduleEvent(db: Db, ctx: EditContext, id: number, input: EventInput, loadedRevision: number): Promise<EditableEvent> {
  return service.saveAs(db, ctx, id, input, loadedRevision, 'reschedule', { event_status: 'scheduled' });
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
export const cancelEvent = service.step(cancelStep);

/** Marks the event as postponed, a new date to be announced (then see rescheduleEvent). */
export const postponeEvent = service.step(postponeStep);

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
