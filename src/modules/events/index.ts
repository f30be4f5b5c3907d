export { eventsRoutes } from './events.routes.js';
export { eventsAtAGlance, type EventListRow } from './events.service.js';
export { EventTeaserList, eventPath } from './events.views.js';
export * as eventsRepository from './events.repository.js';
