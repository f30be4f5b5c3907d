/**
 * The events an article's page shows: a few sharing one of its topics or
 * programmes, upcoming first. The app hands this to the articles' pages, so
 * articles import nothing of events.
 */
import type { RelatedSection } from '../../app-deps.js';
import { eventPath } from '../../shared/http/paths.js';
import { DateRange } from '../../shared/views/DateRange.js';
import { UntranslatedBadge, langAttr } from '../../shared/views/Untranslated.js';
import type { ViewContext } from '../../shared/views/view-context.js';
import { listRelatedEvents, type EventListRow } from './events.service.js';

/** How many related events an article's page links: a few, not a second listing. */
const RELATED_COUNT = 3;

/** Events sharing a topic or programme with an article, as links with their dates. */
function RelatedEvents({ ctx, rows }: { ctx: ViewContext; rows: EventListRow[] }) {
  const { t } = ctx;
  return (
    <section class="related related--events" aria-labelledby="related-events">
      <h2 id="related-events">{t('related.events')}</h2>
      <ul class="teaser-list">
        {rows.map((row) => (
          <li>
            <a class="item-title" href={eventPath(ctx.lang, row.slug)} lang={langAttr(row.text_lang, ctx.lang)}>
              {row.title}
            </a>
            <UntranslatedBadge ctx={ctx} textLang={row.text_lang} />
            <p class="item-date">
              <DateRange start={row.start_date} end={row.end_date} lang={ctx.lang} />
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The related events of an article's page, or nothing when none shares its topics or programmes. */
export const relatedEventsSection: RelatedSection = async (db, ctx, sharing, today, now) => {
  const rows = await listRelatedEvents(db, ctx.lang, today, now, sharing, RELATED_COUNT);
  return rows.length > 0 ? <RelatedEvents ctx={ctx} rows={rows} /> : null;
};
