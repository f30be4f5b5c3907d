/**
 * Events as a kind of content: their editing service and their form, as
 * every generic layer (the admin first) calls them.
 */
import type { ContentType } from '../content/index.js';
import type { EventSummaryRow } from './events.editing.repository.js';
import {
  createEvent,
  deleteEvent,
  diffEventRevisions,
  EVENT_CONTENT_FIELDS,
  EVENT_FIELD_ORDER,
  getEventForEditing,
  listEventRevisions,
  listEventsForEditing,
  publishEvent,
  restoreEventRevision,
  returnEventToDraft,
  scheduleEvent,
  submitEvent,
  unpublishEvent,
  updateEvent,
  type EventSnapshot,
} from './events.editing.js';
import { eventFormValues, newEventFormValues, readEventForm, validateEventForm, type EventFormValues, type EventInput } from './events.schemas.js';

/** The description of events every kind-blind layer works from. */
export const eventType: ContentType<EventSnapshot, EventInput, EventFormValues, EventSummaryRow> = {
  kind: 'event',
  contentFields: EVENT_CONTENT_FIELDS,
  fieldOrder: EVENT_FIELD_ORDER,
  service: {
    list: listEventsForEditing,
    get: getEventForEditing,
    create: createEvent,
    update: updateEvent,
    submit: submitEvent,
    returnToDraft: returnEventToDraft,
    publish: publishEvent,
    unpublish: unpublishEvent,
    schedule: scheduleEvent,
    delete: deleteEvent,
    listRevisions: listEventRevisions,
    diffRevisions: diffEventRevisions,
    restore: restoreEventRevision,
  },
  form: {
    blank: newEventFormValues,
    fromSnapshot: eventFormValues,
    read: readEventForm,
    validate: validateEventForm,
  },
};
