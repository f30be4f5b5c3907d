/**
 * Links that put events into people's calendars: a Google Calendar template
 * link and the .ics file for one event, and webcal:// subscriptions for the
 * calendar feeds (which the feeds module writes).
 */
import { exclusiveEnd } from '../../shared/dates/day-range.js';
import { calendarPath, eventCalendarPath, eventPath, formQuery, type FeedScope } from '../../shared/http/paths.js';
import type { Translate } from '../../shared/messages.js';
import type { ViewContext } from '../../shared/views/view-context.js';
import type { CalendarEvent } from './calendar.service.js';
import { isTimed } from './event-timing.js';

/** Where an event happens, as one line: its place, and/or that it is online. */
export function eventLocation(event: CalendarEvent, t: Translate): string | null {
  const place = [event.venue, event.city].filter(Boolean).join(', ');
  const online = event.attendance_mode === 'in_person' ? '' : event.attendance_mode === 'mixed' ? t('event.onlineAndInPerson') : t('event.online');
  return [place, online].filter(Boolean).join('; ') || null;
}

/** The same address with the webcal scheme, which calendar apps open as a subscription. */
export function webcalUrl(httpUrl: string): string {
  return httpUrl.replace(/^https?:\/\//i, 'webcal://');
}

const compactDate = (date: string) => date.replaceAll('-', '');
/** An instant as Google writes it: 20261207T020000Z. */
const compactInstant = (instant: string) => new Date(instant).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');

/**
 * A Google Calendar "add event" link. All-day events give dates with an
 * exclusive end; timed events give UTC instants and their zone (ctz) so
 * Google shows them at the right local time.
 */
export function googleCalendarUrl(event: CalendarEvent, ctx: Pick<ViewContext, 'lang' | 't' | 'publicUrl'>): string {
  const timed = isTimed(event);
  const dates = timed
    ? `${compactInstant(event.starts_at)}/${compactInstant(event.ends_at ?? event.starts_at)}`
    : `${compactDate(event.start_date)}/${compactDate(exclusiveEnd(event.start_date, event.end_date))}`;
  const page = `${ctx.publicUrl}${eventPath(ctx.lang, event.slug)}`;
  const params: Record<string, string> = { action: 'TEMPLATE', text: event.title, dates };
  params.details = [event.summary, page].filter(Boolean).join('\n\n');
  const location = eventLocation(event, ctx.t);
  if (location) params.location = location;
  if (timed) params.ctz = event.time_zone;
  return `https://calendar.google.com/calendar/render?${formQuery(params)}`;
}

/** "Add to your calendar" for one event: its .ics file and a Google Calendar link. */
export function AddToCalendar({ ctx, event }: { ctx: ViewContext; event: CalendarEvent }) {
  const { t } = ctx;
  return (
    <section class="calendar-links" aria-labelledby="add-to-calendar">
      <h2 id="add-to-calendar" class="calendar-links__title">
        {t('calendar.add')}
      </h2>
      <ul>
        <li>
          <a href={eventCalendarPath(ctx.lang, event.slug)} type="text/calendar" download={`${event.slug}.ics`}>
            {t('calendar.download')}
          </a>
        </li>
        <li>
          <a href={googleCalendarUrl(event, ctx)} rel="noopener" target="_blank">
            {t('calendar.google')}
          </a>
        </li>
      </ul>
    </section>
  );
}

/** Subscribe (webcal://) and download links for a calendar feed. */
export function SubscribeToCalendar({ ctx, scope }: { ctx: ViewContext; scope: FeedScope }) {
  const { t } = ctx;
  const path = calendarPath(ctx.lang, scope);
  return (
    <p class="feed-links feed-links--calendar">
      <a href={webcalUrl(`${ctx.publicUrl}${path}`)}>{t('calendar.subscribe')}</a>
      <span aria-hidden="true"> · </span>
      <a href={path} type="text/calendar">
        {t('calendar.feedFile')}
      </a>
    </p>
  );
}
