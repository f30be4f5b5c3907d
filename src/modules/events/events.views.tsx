import type { ComponentChildren } from 'preact';
import { formatMonthHeading, type Lang } from '../../shared/dates/format.js';
import { DateRange } from '../../shared/views/DateRange.js';
import { Layout } from '../../shared/views/Layout.js';
import { Pager } from '../../shared/views/Pager.js';
import { Paragraphs } from '../../shared/views/Paragraphs.js';
import type { ViewContext } from '../../shared/views/view-context.js';
import type { EventDetail, EventListRow, EventSection, EventsListing } from './events.service.js';

export function eventPath(slug: string): string {
  return `/events/${encodeURIComponent(slug)}`;
}

/** mailto: link to the office, with the event's title as the subject when given. */
export function officeMailto(email: string, subject?: string): string {
  return subject ? `mailto:${email}?subject=${encodeURIComponent(subject)}` : `mailto:${email}`;
}

/** Text in a language other than the page's is marked so screen readers switch voice. */
function langAttr(textLang: Lang, pageLang: Lang): Lang | undefined {
  return textLang === pageLang ? undefined : textLang;
}

function EventItem({ ctx, row, number }: { ctx: ViewContext; row: EventListRow; number: number }) {
  const { t } = ctx;
  const text = row.description ?? row.summary;
  return (
    <li value={number} class="event-item" lang={langAttr(row.text_lang, ctx.lang)}>
      <a class="item-title" href={eventPath(row.slug)}>
        {row.title}
      </a>
      {row.event_status !== 'scheduled' ? (
        <strong class={`badge badge--${row.event_status}`}>
          {row.event_status === 'cancelled' ? t('event.cancelled') : t('event.postponed')}
        </strong>
      ) : null}
      <p class="item-date">
        <DateRange start={row.start_date} end={row.end_date} lang={ctx.lang} />
      </p>
      {text ? (
        <div class="item-text">
          <Paragraphs text={text} />
        </div>
      ) : null}
    </li>
  );
}

/** Rows grouped under month headings (by start month), each group a numbered list. */
function MonthGroups({ ctx, section, headingLevel }: { ctx: ViewContext; section: EventSection; headingLevel: 2 | 3 }) {
  const groups: { month: string; items: ComponentChildren[] }[] = [];
  section.rows.forEach((row, i) => {
    const month = row.start_date.slice(0, 7);
    let group = groups[groups.length - 1];
    if (!group || group.month !== month) {
      group = { month, items: [] };
      groups.push(group);
    }
    group.items.push(<EventItem ctx={ctx} row={row} number={section.numbers[i] ?? i + 1} />);
  });
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <>
      {groups.map((g) => {
        const id = `month-${g.month}`;
        return (
          <section class="month-group" aria-labelledby={id}>
            <Heading id={id} class="month-heading">
              {formatMonthHeading(g.month, ctx.lang)}
            </Heading>
            <ol class="event-list" start={section.numbers[section.rows.findIndex((r) => r.start_date.startsWith(g.month))]}>
              {g.items}
            </ol>
          </section>
        );
      })}
    </>
  );
}

export function EventsPage({ ctx, listing }: { ctx: ViewContext; listing: EventsListing }) {
  const { t } = ctx;
  const { info } = listing;
  const [before, after] = t('events.queries').split('{email}');
  const title = info.page > 1 ? t('events.pageTitle', { page: info.page }) : t('events.title');
  return (
    <Layout ctx={ctx} title={title} description={listing.intro} canonicalPath={info.page > 1 ? `/events?page=${info.page}` : '/events'}>
      <h1>{t('events.title')}</h1>
      <div class="intro">
        <Paragraphs text={listing.intro} />
        <p class="office-email">
          {before}
          <a href={officeMailto(ctx.officeEmail)}>{t('events.queriesLinkText')}</a>
          {after}
        </p>
      </div>
      {info.total === 0 ? <p class="empty">{t('events.noEvents')}</p> : null}
      {info.page === 1 || listing.upcoming.rows.length > 0 ? (
        <section class="events-section" aria-labelledby="upcoming">
          <h2 id="upcoming">{t('events.upcoming')}</h2>
          {listing.upcoming.rows.length > 0 ? (
            <MonthGroups ctx={ctx} section={listing.upcoming} headingLevel={3} />
          ) : (
            <p class="empty">{t('events.noUpcoming')}</p>
          )}
        </section>
      ) : null}
      {listing.past.rows.length > 0 ? (
        <section class="events-section" aria-labelledby="past">
          <h2 id="past">{t('events.past')}</h2>
          <MonthGroups ctx={ctx} section={listing.past} headingLevel={3} />
        </section>
      ) : null}
      <Pager ctx={ctx} page={info.page} pages={info.pages} href={(p) => (p === 1 ? '/events' : `/events?page=${p}`)} />
    </Layout>
  );
}

function formatTime(instant: string, zone: string, lang: Lang): string {
  return new Intl.DateTimeFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    timeZone: zone,
    timeZoneName: 'short',
  }).format(new Date(instant));
}

export function EventPage({ ctx, detail }: { ctx: ViewContext; detail: EventDetail }) {
  const { t } = ctx;
  const { event } = detail;
  const textLang = langAttr(detail.textLang, ctx.lang);
  const location = [detail.venue, detail.city].filter(Boolean).join(', ');
  const online = event.attendance_mode !== 'in_person';
  const email = event.contact_email ?? ctx.officeEmail;
  return (
    <Layout ctx={ctx} title={detail.title} description={detail.summary ?? undefined} canonicalPath={eventPath(event.slug)}>
      <article class={`event event--${event.event_status}`}>
        <p class="breadcrumb">
          <a href="/events">{t('event.backToList')}</a>
        </p>
        <h1 lang={textLang}>{detail.title}</h1>
        {event.event_status === 'cancelled' ? (
          <p class="status-notice status-notice--cancelled" role="status">
            {t('event.cancelled')}
          </p>
        ) : null}
        {event.event_status === 'postponed' ? (
          <p class="status-notice status-notice--postponed" role="status">
            {t('event.postponed')}
          </p>
        ) : null}
        <dl class="facts">
          <dt>{t('event.date')}</dt>
          <dd>
            <DateRange start={event.start_date} end={event.end_date} lang={ctx.lang} />
          </dd>
          {!event.all_day && event.starts_at ? (
            <>
              <dt>{t('event.time')}</dt>
              <dd>
                <time dateTime={event.starts_at}>{formatTime(event.starts_at, event.time_zone, ctx.lang)}</time>
                {event.ends_at ? (
                  <>
                    {' - '}
                    <time dateTime={event.ends_at}>{formatTime(event.ends_at, event.time_zone, ctx.lang)}</time>
                  </>
                ) : null}
              </dd>
            </>
          ) : null}
          <dt>{t('event.type')}</dt>
          <dd>{t(`eventType.${event.event_type}`)}</dd>
          {location || online ? (
            <>
              <dt>{t('event.location')}</dt>
              <dd>
                {location ? <span lang={textLang}>{location}</span> : null}
                {location && online ? '; ' : null}
                {online ? (event.attendance_mode === 'mixed' ? t('event.onlineAndInPerson') : t('event.online')) : null}
              </dd>
            </>
          ) : null}
          {detail.programmes.length > 0 ? (
            <>
              <dt>{t('event.programmes')}</dt>
              <dd>{detail.programmes.map((p) => p.name).join(', ')}</dd>
            </>
          ) : null}
          {detail.topics.length > 0 ? (
            <>
              <dt>{t('event.topics')}</dt>
              <dd>{detail.topics.map((p) => p.name).join(', ')}</dd>
            </>
          ) : null}
        </dl>
        <div class="event-body" lang={textLang}>
          {detail.summary ? <p class="lead">{detail.summary}</p> : null}
          <Paragraphs text={detail.description} />
        </div>
        <p class="actions">
          {event.registration_url && event.event_status === 'scheduled' ? (
            <a class="button" href={event.registration_url}>
              {t('event.register')}
            </a>
          ) : null}
          <a class="button button--secondary" href={officeMailto(email, detail.title)}>
            {t('event.query')}
          </a>
        </p>
      </article>
    </Layout>
  );
}

/** A short list of events for the home page (no month groups). */
export function EventTeaserList({ ctx, rows }: { ctx: ViewContext; rows: EventListRow[] }) {
  return (
    <ul class="teaser-list">
      {rows.map((row) => (
        <li lang={langAttr(row.text_lang, ctx.lang)}>
          <a class="item-title" href={eventPath(row.slug)}>
            {row.title}
          </a>
          <p class="item-date">
            <DateRange start={row.start_date} end={row.end_date} lang={ctx.lang} />
          </p>
        </li>
      ))}
    </ul>
  );
}
