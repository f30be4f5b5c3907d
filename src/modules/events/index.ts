export { eventsRoutes } from './events.routes.js';
export { eventsAtAGlance, visitorsEventYears, type EventListRow } from './events.service.js';
export { EventTeaserList } from './events.views.js';
export * as eventsRepository from './events.repository.js';
export {
  getEventForEditing,
  createEvent,
  updateEvent,
  rescheduleEvent,
  submitEvent,
  returnEventToDraft,
  publishEvent,
  scheduleEvent,
  unpublishEvent,
  cancelEvent,
  postponeEvent,
  deleteEvent,
  listEventRevisions,
  getEventRevision,
  diffEventRevisions,
  restoreEventRevision,
  recordDueEventsLive,
  eventStore,
  type EventSnapshot,
  type EditableEvent,
} from './events.editing.js';
export {
  getPublishedEvent,
  type EventDetail,
  type EventFilters,
  type TermEvents,
} from './events.service.js';
export {
  listCalendarEvents,
  calendarEventChunks,
  listEventSessionChanges,
  calendarEventFromDetail,
  type CalendarEvent,
  type CalendarEventChunks,
  type CalendarTiming,
  type EventScope,
} from './calendar.service.js';
export { eventSessions, sessionHorizon, type Session, type SessionChange } from './sessions.js';
export { changeSession, plannedSessionDates, type SessionChangeInput } from './sessions.editing.js';
export { rebuildEventSessions, refreshEventSessions, sessionsAfterContentChange } from './sessions.store.js';
export { isTimed } from './event-timing.js';
export { EVENT_TYPES, ATTENDANCE_MODES, readEventForm, validateEventForm } from './events.schemas.js';
export { relatedEventsSection } from './related.js';
export { AddToCalendar, SubscribeToCalendar, googleCalendarUrl, webcalUrl, eventLocation } from './calendar-links.js';
export { eventsAdminRoutes } from './admin/events-admin.routes.js';
export { useSeriesChoices, type SeriesChoice } from './series-choices.js';
export { eventKind } from './events.type.js';
