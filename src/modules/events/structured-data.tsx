/**
 * The schema.org Event describing an event's page to search engines (JSON-LD),
 * built from the same data the page shows.
 */
import { lastDay } from '../../shared/dates/day-range.js';
import { isoWithOffset } from '../../shared/dates/zoned-time.js';
import { eventPath, seriesPath } from '../../shared/http/paths.js';
import type { ViewContext } from '../../shared/views/view-context.js';
import { statusLine } from '../../shared/views/EventStatusNotice.js';
import { formatCredit, shareableImage } from '../media/index.js';
import { defaultImage, imageObject, office, type JsonObject } from '../seo/index.js';
import { isTimed } from './event-timing.js';
import type { EventDetail } from './events.service.js';

const EVENT_STATUS = {
  scheduled: 'https://schema.org/EventScheduled',
  cancelled: 'https://schema.org/EventCancelled',
  postponed: 'https://schema.org/EventPostponed',
} as const;

const ATTENDANCE_MODE = {
  in_person: 'https://schema.org/OfflineEventAttendanceMode',
  online: 'https://schema.org/OnlineEventAttendanceMode',
  mixed: 'https://schema.org/MixedEventAttendanceMode',
} as const;

/**
 * An Event: all-day events give plain dates (the last day inclusive, as
 * schema.org reads endDate), timed ones local times with their offset.
 * Where it happens: a Place (the venue or city, else the office) unless it
 * is online only, a VirtualLocation unless it is in person only. The image is
 * the event's hero with its credit, else the site's default picture. An
 * event of a series names it as its superEvent.
 */
export function eventJsonLd(detail: EventDetail, ctx: ViewContext): JsonObject {
  const { event } = detail;
  const url = `${ctx.publicUrl}${eventPath(ctx.lang, detail.slugs[ctx.lang])}`;
  const timed = isTimed(event);
  const startDate = timed ? isoWithOffset(event.starts_at, event.time_zone) : event.start_date;
  const endDate = timed ? (event.ends_at ? isoWithOffset(event.ends_at, event.time_zone) : undefined) : lastDay(event.start_date, event.end_date);
  const shared = detail.hero ? shareableImage(detail.hero, detail.textLang) : undefined;
  const locations: JsonObject[] = [];
  if (event.attendance_mode !== 'online') {
    // Search engines require a place: the venue and city as known, else the office, which
    // holds the events it lists unless they say otherwise (the site knows no street address).
    locations.push(
      detail.venue || detail.city
        ? {
            '@type': 'Place',
            name: detail.venue ?? detail.city ?? undefined,
            address: detail.city ? { '@type': 'PostalAddress', addressLocality: detail.city } : (detail.venue ?? undefined),
          }
        : { '@type': 'Place', name: ctx.siteName, address: ctx.siteName },
    );
  }
  // Where people join: the meeting link, else where they register for it; never this page,
  // which is not the event's online place. With neither, no address rather than a wrong one.
  const joinAt = event.online_url ?? event.registration_url;
  if (event.attendance_mode !== 'in_person') locations.push({ '@type': 'VirtualLocation', ...(joinAt ? { url: joinAt } : {}) });
  return {
    '@context': 'https://schema.org',
    '@type': 'Event',
    name: detail.title,
    // A cancelled or postponed event says so, and why, before its own description.
    description: [statusLine(ctx, event, ctx.lang), detail.summary ?? detail.description].filter(Boolean).join(' ') || undefined,
    startDate,
    endDate,
    eventStatus: EVENT_STATUS[event.event_status],
    eventAttendanceMode: ATTENDANCE_MODE[event.attendance_mode],
    location: locations.length === 0 ? undefined : locations.length === 1 ? locations[0] : locations,
    organizer: office(ctx),
    url,
    inLanguage: detail.textLang,
    keywords: detail.topics.length > 0 ? detail.topics.map((topic) => topic.name).join(', ') : undefined,
    superEvent: detail.around?.series ? { '@type': 'EventSeries', name: detail.around.series.title, url: `${ctx.publicUrl}${seriesPath(ctx.lang, detail.around.series.slug)}` } : undefined,
    image: shared && detail.hero ? imageObject({ ...shared, caption: shared.alt, creditText: detail.hero.credit ? formatCredit(detail.hero.credit) : null, credit: detail.hero.credit }, ctx) : [defaultImage(ctx)],
  };
}
