/**
 * The events an article's page shows: a few sharing one of its topics or
 * programmes, upcoming first. The app hands this to the articles' pages, so
 * articles import nothing of events.
 */
import type { RelatedSection } from '../../app-deps.js';
import type { ViewContext } from '../../shared/views/view-context.js';
import { listRelatedEvents, type EventListRow } from './events.service.js';
import { EventTeaserList } from './events.views.js';

/** How many related events an article's page links: a few, not a second listing. */
const RELATED_COUNT = 3;

/** Events sharing a topic or programme with an article, as links with their dates. */
function RelatedEvents({ ctx, rows }: { ctx: ViewContext; rows: EventListRow[] }) {
  const { t } = ctx;
  return (
    <section class="related related--events" aria-labelledby="related-events">
      <h2 id="related-events">{t('related.events')}</h2>
      <EventTeaserList ctx={ctx} rows={rows} />
    </section>
  );
}

/** The related events of an article's page, or nothing when none shares its topics or programmes. */
export const relatedEventsSection: RelatedSection = async (db, ctx, sharing, today, now) => {
  const rows = await listRelatedEvents(db, ctx.lang, today, now, sharing, RELATED_COUNT);
  return rows.length > 0 ? <RelatedEvents ctx={ctx} rows={rows} /> : null;
};
