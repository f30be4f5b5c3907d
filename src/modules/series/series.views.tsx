/**
 * A series' page: what it is, its upcoming and past sessions (each a link to
 * its event, with its date and time in the event's zone, a moved or
 * cancelled one saying so), its calendar to subscribe to, and the schema.org
 * EventSeries with each session as a subEvent.
 */
import { formatDate, formatInstant } from '../../shared/dates/format.js';
import { isoWithOffset } from '../../shared/dates/zoned-time.js';
import { alternates, eventPath, seriesCalendarPath, seriesPath } from '../../shared/http/paths.js';
import { DateRange } from '../../shared/views/DateRange.js';
import { Layout } from '../../shared/views/Layout.js';
import { langAttr } from '../../shared/views/Untranslated.js';
import type { ViewContext } from '../../shared/views/view-context.js';
import { webcalUrl } from '../events/index.js';
import { JsonLd, office, type JsonObject } from '../seo/index.js';
import type { SeriesPage, SeriesSession } from './series.service.js';

const EVENT_STATUS = { scheduled: 'https://schema.org/EventScheduled', moved: 'https://schema.org/EventRescheduled', cancelled: 'https://schema.org/EventCancelled' } as const;

/** The series and its sessions for search engines. */
export function seriesStructuredData(ctx: ViewContext, page: SeriesPage): JsonObject {
  const sessions = [...page.upcoming, ...page.past];
  return {
    '@context': 'https://schema.org',
    '@type': 'EventSeries',
    name: page.series.title,
    url: `${ctx.publicUrl}${seriesPath(ctx.lang, page.series.slugs[ctx.lang])}`,
    organizer: office(ctx),
    subEvent: sessions.map(({ event, session }) => ({
      '@type': 'Event',
      name: event.title,
      url: `${ctx.publicUrl}${eventPath(ctx.lang, event.slug)}`,
      startDate: session.starts_at ? isoWithOffset(session.starts_at, event.time_zone) : session.start_date,
      ...(session.ends_at ? { endDate: isoWithOffset(session.ends_at, event.time_zone) } : session.end_date ? { endDate: session.end_date } : {}),
      eventStatus: event.event_status === 'cancelled' ? EVENT_STATUS.cancelled : EVENT_STATUS[session.status],
    })),
  };
}

function SessionList({ ctx, sessions }: { ctx: ViewContext; sessions: SeriesSession[] }) {
  const { t } = ctx;
  return (
    <ol class="session-list">
      {sessions.map(({ event, session }) => (
        <li class={`session session--${session.status}`}>
          <p class="session-date">
            {session.starts_at ? (
              <time datetime={session.starts_at}>{formatInstant(session.starts_at, event.time_zone, ctx.lang)}</time>
            ) : (
              <DateRange start={session.start_date} end={session.end_date} lang={ctx.lang} />
            )}
          </p>
          <p class="session-title">
            <a href={eventPath(ctx.lang, event.slug)} lang={langAttr(event.text_lang, ctx.lang)}>
              {event.title}
            </a>
          </p>
          {session.status === 'moved' ? <p class="session-note">{t('series.sessionMoved', { date: formatDate(session.recurrence_date, ctx.lang) })}</p> : null}
          {session.status === 'cancelled' || event.event_status === 'cancelled' ? <p class="session-note tag tag--warning">{t('series.sessionCancelled')}</p> : null}
        </li>
      ))}
    </ol>
  );
}

export function SeriesPageView({ ctx, page }: { ctx: ViewContext; page: SeriesPage }) {
  const { t } = ctx;
  const { series } = page;
  const textLang = langAttr(series.text_lang, ctx.lang);
  const calendar = seriesCalendarPath(ctx.lang, series.slugs[ctx.lang]);
  return (
    <Layout ctx={ctx} title={series.title} alternates={alternates((lang) => seriesPath(lang, series.slugs[lang]))} head={<JsonLd data={seriesStructuredData(ctx, page)} />}>
      <article class="series">
        <p class="term-kind">{t('series.kind')}</p>
        <h1 lang={textLang}>{series.title}</h1>
        {series.description_html ? <div class="prose" lang={textLang} dangerouslySetInnerHTML={{ __html: series.description_html }} /> : null}
        <p class="feed-links feed-links--calendar">
          <a href={webcalUrl(`${ctx.publicUrl}${calendar}`)}>{t('series.subscribe')}</a>
          <span aria-hidden="true"> · </span>
          <a href={calendar} type="text/calendar">
            {t('calendar.feedFile')}
          </a>
        </p>
        <section aria-labelledby="series-upcoming">
          <h2 id="series-upcoming">{t('series.upcoming')}</h2>
          {page.upcoming.length ? <SessionList ctx={ctx} sessions={page.upcoming} /> : <p class="empty">{t('series.noUpcoming')}</p>}
        </section>
        <section aria-labelledby="series-past">
          <h2 id="series-past">{t('series.past')}</h2>
          {page.past.length ? <SessionList ctx={ctx} sessions={page.past} /> : <p class="empty">{t('series.noPast')}</p>}
        </section>
      </article>
    </Layout>
  );
}
