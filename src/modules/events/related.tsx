/**
 * The events an article's page shows: a few sharing one of its topics or
 * programmes, upcoming first. The app hands this to the articles' pages, so
 * articles import nothing of events.
 */
import { relatedSection } from '../content/index.js';
import { listRelatedEvents } from './events.service.js';
import { EventTeaserList } from './events.views.js';

/** The related events of an article's page, as links with their dates. */
export const relatedEventsSection = relatedSection({
  kind: 'events',
  heading: 'related.events',
  find: (db, lang, sharing, { today, now }, limit) => listRelatedEvents(db, lang, today, now, sharing, limit),
  List: EventTeaserList,
});
