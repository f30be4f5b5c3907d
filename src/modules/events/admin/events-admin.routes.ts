/**
 * The admin's event pages, mounted by the admin shell at /admin/events: the
 * content admin's pages, with what only events have (their fields, the
 * cancel and postpone steps, saving and putting a called-off event back on).
 */
import type { FastifyPluginAsync } from 'fastify';
import { h } from 'preact';
import type { AppDeps } from '../../../app-deps.js';
import { eventPath } from '../../../shared/http/paths.js';
import { adminPagesOf, contentAdminRoutes, previewFrom, type ContentAdmin } from '../../content/index.js';
import { loadHeroChoices } from '../../media/index.js';
import { cancelEvent, eventType, postponeEvent, rescheduleEvent, type EventSnapshot } from '../events.editing.js';
import type { EventSummaryRow } from '../events.editing.repository.js';
import { findEventById } from '../events.repository.js';
import type { EventFormValues, EventInput } from '../events.schemas.js';
import { eventDetail } from '../events.service.js';
import { EventPage } from '../events.views.js';
import { seriesChoices } from '../series-choices.js';
import { followingAdminRoutes } from './following-admin.routes.js';
import { sessionsAdminRoutes } from './sessions-admin.routes.js';
import { EventDetailFields, EventStatusTag, eventTitleTag, type EventFormExtras } from './events-admin.views.js';

/** Events as the admin shows them. */
export const eventsAdmin: ContentAdmin<EventSnapshot, EventInput, EventFormValues, EventSummaryRow, EventFormExtras> = {
  type: eventType,
  ...adminPagesOf('events'),
  dateColumn: { label: 'editing.field.start_date', value: (row) => row.start_date },
  titleTag: eventTitleTag,
  statusTag: (ctx, item) => h(EventStatusTag, { ctx, eventStatus: item.snapshot.event_status }),
  DetailFields: EventDetailFields,
  extraSteps: [
    { step: 'postpone', done: 'postponed', run: postponeEvent },
    { step: 'cancel', done: 'cancelled', run: cancelEvent },
  ],
  // A postponed or cancelled event can be put back on with new dates.
  saveIntents: [{ intent: 'reschedule', label: 'editing.form.saveAndReschedule', done: 'rescheduled', save: rescheduleEvent, offered: (item) => item.snapshot.event_status !== 'scheduled' }],
  publicPath: eventPath,
  preview: previewFrom(findEventById, eventDetail, EventPage),
  // The library images offered as the hero, and the series the event may be in.
  extras: async (db, values) => ({ ...(await loadHeroChoices(db, values)), seriesChoices: await seriesChoices(db) }),
  // "Show sessions": the form again, unsaved, with the sessions its repeats make.
  showOnly: (values) => values.show_sessions !== '',
};

const contentPages = contentAdminRoutes(eventsAdmin);

/** The admin's event pages: list, new, edit, workflow steps, preview, history, restore, delete, and a recurring event's sessions, one or "this and the following". */
export const eventsAdminRoutes: FastifyPluginAsync<AppDeps> = async (app, deps) => {
  await contentPages(app, deps);
  await sessionsAdminRoutes(app, deps);
  await followingAdminRoutes(app, deps);
};
