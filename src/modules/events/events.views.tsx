import { excerpt } from '../../shared/text/excerpt.js';
import type { ComponentChildren } from 'preact';
import { formatClock, formatDate, formatDateRange, formatMonthHeading, RANGE_SEPARATOR, type Lang } from '../../shared/dates/format.js';
import { DateRange } from '../../shared/views/DateRange.js';
import { listingMonth } from '../../shared/dates/day-range.js';
import { alternates, eventPath, eventsPath, seriesPath } from '../../shared/http/paths.js';
import { Layout } from '../../shared/views/Layout.js';
import { Pager } from '../../shared/views/Pager.js';
import { Paragraphs } from '../../shared/views/Paragraphs.js';
import { AttachmentList, HeroFigure, StoredMarkdown, shareableImage } from '../media/index.js';
import { UntranslatedNotice, langAttr } from '../../shared/views/Untranslated.js';
import { ItemLink } from '../../shared/views/ItemLink.js';
import { ShellCache, fillShell, hole, renderShell, type Shell } from '../../shared/views/shell.js';
import type { ViewContext } from '../../shared/views/view-context.js';
import { wordsIn, type ItemPageProps } from '../content/index.js';
import { EventStatusBadge, EventStatusNotice } from '../../shared/views/EventStatusNotice.js';
import { TagFacts } from '../../shared/views/TagFacts.js';
import { ListingFilters, filterParams, hasAnyFilter, type FilterValues } from '../search/index.js';
import type { EventDetail, EventListRow, EventSection, EventsListing } from './events.service.js';
import { calendarEventFromDetail } from './calendar.service.js';
import { isTimed } from './event-timing.js';
import { AddToCalendar, SubscribeToCalendar } from './calendar-links.js';
import { JsonLd } from '../seo/index.js';
import { eventJsonLd } from './structured-data.js';
import { eventTexts } from './events.type.js';
import type { EventAround, NeighbourSession } from './event-around.js';
import type { Session } from './sessions.js';
import { repeatsInWords } from './recurrence-fields.js';
import { SubscribeByEmail } from '../subscriptions/index.js';

/** mailto: link to the office, with the event's title as the subject when given. */
export function officeMailto(email: string, subject?: string): string {
  return subject ? `mailto:${email}?subject=${encodeURIComponent(subject)}` : `mailto:${email}`;
}

/** Which session of its event a listed session is ("Session 3 of 8"), and the date it was moved from. */
function SessionNote({ ctx, session }: { ctx: ViewContext; session: NonNullable<EventListRow['session']> }) {
  const n = String(session.position);
  return (
    <span class="session-of">
      {' · '}
      {session.total === null ? ctx.t('series.sessionNumber', { n }) : ctx.t('series.sessionOf', { n, total: String(session.total) })}
      {session.status === 'moved' ? ` · ${ctx.t('series.sessionMoved', { date: formatDate(session.recurrence_date, ctx.lang) })}` : null}
    </span>
  );
}

/** A listed event's title, linked, with its status, and its dates; a session of a recurring event says which it is. */
function EventLink({ ctx, row }: { ctx: ViewContext; row: EventListRow }) {
  return ItemLink({ ctx, href: eventPath(ctx.lang, row.slug), title: row.title, textLang: row.text_lang, marks: EventStatusBadge({ ctx, event: row }), date: eventDate(ctx, row) });
}

/** A listed event's dates, and which session of its event it is. */
function eventDate(ctx: ViewContext, row: EventListRow): ComponentChildren {
  // The parts are called as functions, not given as components: a listing shows dozens of rows, and each component is a node more to render.
  const dates = DateRange({ start: row.start_date, end: row.end_date, lang: ctx.lang });
  return row.session ? [dates, SessionNote({ ctx, session: row.session })] : dates;
}

/** What a listed event shows under its title: its description, else its summary. */
function eventText(row: EventListRow, textLang: Lang | undefined): ComponentChildren {
  if (row.description_html || row.description) return StoredMarkdown({ class: 'item-text', lang: textLang, html: row.description_html, text: row.description });
  if (!row.summary) return null;
  return (
    <div class="item-text" lang={textLang}>
      {Paragraphs({ text: row.summary })}
    </div>
  );
}

/** The markup of a listed event: every value given, or a shell's holes. */
function EventItemView({ ctx, number, href, title, textLang, marks, date, text }: { ctx: ViewContext; number: number | string; href: string; title: string; textLang: Lang; marks: ComponentChildren; date: ComponentChildren; text: ComponentChildren }) {
  return (
    <li value={number} class="event-item">
      <ItemLink ctx={ctx} href={href} title={title} textLang={textLang} marks={marks} date={date} />
      {text}
    </li>
  );
}

// A listing shows dozens of events: each is filled into one shell for each language of the page and of its text.
const itemShells = new ShellCache<ViewContext['t']>();

/** A page's shells for its rows, looked up once for each language of their text rather than for every row. */
function itemShellsFor(ctx: ViewContext): (textLang: Lang) => Shell {
  const found: Partial<Record<Lang, Shell>> = {};
  return (textLang) =>
    (found[textLang] ??= itemShells.get(ctx.t, `${ctx.lang}\u0000${textLang}`, () => (
      <EventItemView ctx={ctx} number={hole(0)} href={hole(1)} title={hole(2)} textLang={textLang} marks={hole(3)} date={hole(4)} text={hole(5)} />
    )));
}

function eventItem(ctx: ViewContext, row: EventListRow, number: number, shellFor: (textLang: Lang) => Shell) {
  const textLang = row.text_lang;
  const marks = EventStatusBadge({ ctx, event: row });
  const text = eventText(row, langAttr(textLang, ctx.lang));
  // An event's address is never empty, as an attribute's hole needs (see shell.ts).
  return fillShell(shellFor(textLang), [number, eventPath(ctx.lang, row.slug), row.title, marks, eventDate(ctx, row), text]);
}

/** A month's group of listed events: its heading, and its rows as a numbered list starting at `start`. */
function MonthGroupView({ id, level, heading, start, items }: { id: string; level: 2 | 3; heading: string; start: number | string | undefined; items: ComponentChildren }) {
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <section class="month-group" aria-labelledby={id}>
      <Heading id={id} class="month-heading">
        {heading}
      </Heading>
      {/* A shell's hole stands where the number goes. */}
      <ol class="event-list" start={start as number | undefined}>
        {items}
      </ol>
    </section>
  );
}

// Rendered once for each heading level: a listing shows a group for every month.
const monthGroupShells = {
  2: renderShell(<MonthGroupView id={hole(0)} level={2} heading={hole(1)} start={hole(2)} items={hole(3)} />),
  3: renderShell(<MonthGroupView id={hole(0)} level={3} heading={hole(1)} start={hole(2)} items={hole(3)} />),
};

/** Rows grouped under month headings (by start month), each group a numbered list. */
function MonthGroups({ ctx, section, headingLevel }: { ctx: ViewContext; section: EventSection; headingLevel: 2 | 3 }) {
  const groups: { month: string; items: ComponentChildren[] }[] = [];
  // Each list starts at the number of the first row of its month (the first such group's, should a month come twice).
  const firstRow = new Map<string, number>();
  const shellFor = itemShellsFor(ctx);
  section.rows.forEach((row, i) => {
    const month = listingMonth(row.start_date);
    if (!firstRow.has(month)) firstRow.set(month, i);
    let group = groups[groups.length - 1];
    if (!group || group.month !== month) {
      group = { month, items: [] };
      groups.push(group);
    }
    group.items.push(eventItem(ctx, row, section.numbers[i] ?? i + 1, shellFor));
  });
  const rendered = groups.map((g) => {
    const id = `month-${g.month}`;
    const heading = formatMonthHeading(g.month, ctx.lang);
    const start = section.numbers[firstRow.get(g.month) ?? -1];
    // A list without a start number has no start attribute, which no shell can hold.
    if (start === undefined) return <MonthGroupView id={id} level={headingLevel} heading={heading} start={start} items={g.items} />;
    return fillShell(monthGroupShells[headingLevel], [id, heading, start, g.items]);
  });
  return <>{rendered}</>;
}

/** The filters the events listing offers, in order. */
const EVENT_FILTERS = ['year', 'topic', 'programme', 'type'] as const;

export function EventsPage({ ctx, listing }: { ctx: ViewContext; listing: EventsListing }) {
  const { t } = ctx;
  const { info, filters } = listing;
  const [before, after] = t('events.queries').split('{email}');
  const title = info.page > 1 ? t('events.pageTitle', { page: info.page }) : t('events.title');
  const href = (lang: typeof ctx.lang, values: FilterValues, page?: number) => eventsPath(lang, { ...filterParams(values), page });
  // A filtered listing is a view of the same events as the plain one: it is not indexed (so search
  // engines neither crawl every combination nor list near-duplicates); the plain listing is the page to index.
  const filtered = hasAnyFilter(filters);
  return (
    <Layout
      ctx={ctx}
      title={title}
      description={listing.intro}
      noindex={filtered}
      alternates={alternates((lang) => href(lang, filters, info.page))}
    >
      <h1>{t('events.title')}</h1>
      <div class="intro">
        <div lang={langAttr(listing.introLang, ctx.lang)}>
          <Paragraphs text={listing.intro} />
        </div>
        <p class="office-email">
          {before}
          <a href={officeMailto(ctx.officeEmail)}>{t('events.queriesLinkText')}</a>
          {after}
        </p>
      </div>
      <SubscribeToCalendar ctx={ctx} scope={{ kind: 'all' }} />
      <ListingFilters ctx={ctx} action={eventsPath(ctx.lang)} listing={listing} show={EVENT_FILTERS} href={(values) => href(ctx.lang, values)} />
      {info.total === 0 ? <p class="empty">{filtered ? t('filter.noEvents') : t('events.noEvents')}</p> : null}
      {info.total > 0 && (info.page === 1 || listing.upcoming.rows.length > 0) ? (
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
      <Pager ctx={ctx} page={info.page} pages={info.pages} href={(page) => href(ctx.lang, filters, page)} />
      {/* After the list, so that on a phone the first item stays on the first screen. */}
      <SubscribeByEmail ctx={ctx} follow={{ kind: 'events' }} />
    </Layout>
  );
}

/** A start and end time in the event's zone, the zone named once ("14:00 - 15:00 GMT+7"), or at each end when the two differ (a change of clocks); a time and its zone never split across lines. */
function TimeRange({ start, end, zone, lang }: { start: string; end: string | null; zone: string; lang: Lang }) {
  const from = formatClock(start, zone, lang);
  const to = end ? formatClock(end, zone, lang) : null;
  return (
    <>
      <time dateTime={start}>{to && to.zone === from.zone ? from.time : `${from.time}\u00a0${from.zone}`}</time>
      {to ? (
        <>
          {RANGE_SEPARATOR}
          <time dateTime={end ?? undefined}>{`${to.time}\u00a0${to.zone}`}</time>
        </>
      ) : null}
    </>
  );
}

/** When a session is: its dates as the page's Date fact writes them, and its times in its event's zone (their time elements carrying the instants). */
function SessionWhen({ session, zone, lang }: { session: Session; zone: string; lang: Lang }) {
  return (
    <>
      {session.starts_at ? (
        <>
          {`${formatDateRange(session.start_date, session.end_date, lang)}, `}
          <TimeRange start={session.starts_at} end={session.ends_at} zone={zone} lang={lang} />
        </>
      ) : (
        <DateRange start={session.start_date} end={session.end_date} lang={lang} />
      )}
    </>
  );
}

/** A session next to the event: its date (and time in its event's zone), and its event's title linked unless it is this event's own. */
function NeighbourFact({ ctx, eventId, label, neighbour }: { ctx: ViewContext; eventId: number; label: string; neighbour: NeighbourSession | null }) {
  if (!neighbour) return null;
  const { event, session } = neighbour;
  return (
    <>
      <dt>{label}</dt>
      <dd class={`session session--${session.status}`}>
        <SessionWhen session={session} zone={event.time_zone} lang={ctx.lang} />
        {event.id === eventId ? null : (
          <>
            {': '}
            <a href={eventPath(ctx.lang, event.slug)} lang={langAttr(event.text_lang, ctx.lang)}>
              {event.title}
            </a>
          </>
        )}
        {session.status === 'cancelled' ? ` (${ctx.t('series.sessionCancelled')})` : null}
      </dd>
    </>
  );
}

/** The event's series, linked, and the sessions before and after it. */
function AroundFacts({ ctx, eventId, zone, around }: { ctx: ViewContext; eventId: number; zone: string; around: EventAround }) {
  const { t } = ctx;
  return (
    <>
      {around.series ? (
        <>
          <dt>{t('series.kind')}</dt>
          <dd>
            <a class="event-series" href={seriesPath(ctx.lang, around.series.slug)} lang={langAttr(around.series.text_lang, ctx.lang)}>
              {around.series.title}
            </a>
          </dd>
        </>
      ) : null}
      <NeighbourFact ctx={ctx} eventId={eventId} label={t('series.previousSession')} neighbour={around.previous} />
      <NeighbourFact ctx={ctx} eventId={eventId} label={t('series.nextSession')} neighbour={around.next} />
      {around.coming.length ? (
        <>
          <dt>{t('series.coming')}</dt>
          <dd>
            <ul class="coming-sessions">
              {around.coming.map((session) => (
                <li class={`session session--${session.status}`}>
                  <SessionWhen session={session} zone={zone} lang={ctx.lang} />
                  {session.status === 'moved' ? ` (${t('series.sessionMoved', { date: formatDate(session.recurrence_date, ctx.lang) })})` : null}
                  {session.status === 'cancelled' ? ` (${t('series.sessionCancelled')})` : null}
                </li>
              ))}
            </ul>
          </dd>
        </>
      ) : null}
      {around.total === null ? null : (
        <>
          <dt>{t('series.allSessions')}</dt>
          <dd>{around.total === 1 ? t('series.allSessionsOne') : t('series.allSessionsCount', { count: String(around.total) })}</dd>
        </>
      )}
    </>
  );
}

/** One event's page; with a `banner`, the admin's preview of it (never indexed). */
export function EventPage({ ctx, detail, related, banner }: ItemPageProps<EventDetail>) {
  const { t } = ctx;
  const { event } = detail;
  const textLang = langAttr(detail.textLang, ctx.lang);
  const location = [detail.venue, detail.city].filter(Boolean).join(', ');
  const online = event.attendance_mode !== 'in_person';
  const email = event.contact_email ?? ctx.officeEmail;
  return (
    <Layout
      ctx={ctx}
      banner={banner}
      title={detail.title}
      description={
        excerpt([detail.summary, detail.description]) ??
        t('event.metaDescription', { title: detail.title, dates: formatDateRange(event.start_date, event.end_date, ctx.lang), site: ctx.siteName })
      }
      alternates={alternates((lang) => eventPath(lang, detail.slugs[lang]))}
      indexedIn={detail.indexedIn}
      social={detail.hero ? { image: shareableImage(detail.hero, detail.textLang) } : undefined}
      head={<JsonLd data={eventJsonLd(detail, ctx)} />}
    >
      <article class={`event event--${event.event_status}`}>
        <p class="breadcrumb">
          <a href={eventsPath(ctx.lang)}>{t('event.backToList')}</a>
        </p>
        <h1 lang={textLang}>{detail.title}</h1>
        <UntranslatedNotice ctx={ctx} textLang={detail.textLang} />
        <EventStatusNotice ctx={ctx} event={event} />
        {detail.hero ? <HeroFigure image={detail.hero} lang={detail.textLang} /> : null}
        <dl class="facts">
          <dt>{t('event.date')}</dt>
          <dd>
            <DateRange start={event.start_date} end={event.end_date} lang={ctx.lang} />
          </dd>
          {isTimed(event) ? (
            <>
              <dt>{t('event.time')}</dt>
              <dd>
                <TimeRange start={event.starts_at} end={event.ends_at} zone={event.time_zone} lang={ctx.lang} />
              </dd>
            </>
          ) : null}
          {event.recurrence_rule ? (
            <>
              <dt>{t('series.repeats')}</dt>
              <dd>{repeatsInWords(event.recurrence_rule, event.start_date, ctx.lang, t, { count: detail.around?.total == null })}</dd>
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
          {detail.text.audience ? (
            <>
              <dt>{wordsIn(ctx, eventTexts.audience.label)}</dt>
              <dd lang={textLang}>{detail.text.audience}</dd>
            </>
          ) : null}
          {detail.around ? <AroundFacts ctx={ctx} eventId={event.id} zone={event.time_zone} around={detail.around} /> : null}
          <TagFacts lang={ctx.lang} labels={{ programmes: t('event.programmes'), topics: t('event.topics') }} programmes={detail.programmes} topics={detail.topics} />
        </dl>
        <div class="event-body" lang={textLang}>
          {detail.summary ? <p class="lead">{detail.summary}</p> : null}
          <StoredMarkdown class="event-description" html={detail.descriptionHtml} text={detail.description} />
        </div>
        <AttachmentList attachments={detail.attachments} lang={ctx.lang} t={t} />
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
        {event.event_status === 'cancelled' ? null : <AddToCalendar ctx={ctx} event={calendarEventFromDetail(detail, ctx.lang)} />}
      </article>
      {related ?? null}
    </Layout>
  );
}

/** A short list of events (home page, topic pages, an article's related events), without month groups. */
export function EventTeaserList({ ctx, rows }: { ctx: ViewContext; rows: EventListRow[] }) {
  return (
    <ul class="teaser-list">
      {rows.map((row) => (
        <li>
          <EventLink ctx={ctx} row={row} />
        </li>
      ))}
    </ul>
  );
}
