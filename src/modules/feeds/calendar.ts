/**
 * iCalendar (RFC 5545) for events: subscription feeds and single-event files.
 *
 * - All-day events are DATE values with an exclusive end (1 - 7 March is
 *   DTSTART 20200301, DTEND 20200308), so they never shift with anyone's zone.
 * - Timed events carry their own zone (TZID with a VTIMEZONE built from the
 *   runtime's zone data).
 * - UID is the event's id at the site's host, so it survives edits and slug
 *   changes; SEQUENCE follows the event's revision; DTSTAMP and
 *   LAST-MODIFIED are its last change, so the same data always gives the same
 *   bytes whatever the server's TZ or clock.
 */
import ical, { escape, ICalCalendarMethod, ICalEventStatus, ICalEventTransparency, type ICalEventData } from 'ical-generator';
import type { Lang, Translate } from '../i18n/index.js';
import { eventLocation, isTimed, type CalendarEvent, type CalendarTiming } from '../events/index.js';
import { exclusiveEnd } from '../../shared/dates/day-range.js';
import { eventPath } from '../../shared/http/paths.js';
import { stripForbidden } from '../../shared/text/normalize.js';
import { statusLine } from '../../shared/views/EventStatusNotice.js';
import { vtimezone } from './vtimezone.js';
import { wallClockAt } from '../../shared/dates/zoned-time.js';
import { ZonedInstant } from './zoned-instant.js';
import { changedSessions, recurrenceIdLine, recurrenceLines, sessionYears, withLines } from './recurrence.js';
import type { Session } from '../events/index.js';

/**
 * How often calendar apps should fetch the feed again: often enough that a
 * cancellation reaches subscribers the same day, seldom enough to spare the server.
 */
export const CALENDAR_REFRESH_SECONDS = 3600;

export interface CalendarOptions {
  lang: Lang;
  t: Translate;
  /** The calendar's name as subscribers see it. */
  name: string;
  /** The site's public origin, without a trailing slash. */
  publicUrl: string;
  /** The page this calendar belongs to (the events listing, a topic page), absolute. */
  pageUrl?: string | undefined;
}

/** A stable UID for an event: the same in every feed and language, and across edits. */
export function eventUid(id: number, publicUrl: string): string {
  return `event-${id}@${new URL(publicUrl).host}`;
}

/** A calendar date as a Date at UTC midnight: ical-generator writes all-day dates from the UTC fields. */
function utcMidnight(date: string): Date {
  return new Date(`${date}T00:00:00.000Z`);
}

function eventData(event: CalendarEvent, options: CalendarOptions): ICalEventData {
  const { t } = options;
  const url = `${options.publicUrl}${eventPath(options.lang, event.slug)}`;
  const notice = statusLine({ t }, event, options.lang);
  const description = [notice, event.summary, event.description, event.online_url, url].filter(Boolean).join('\n\n');
  const status =
    event.event_status === 'cancelled'
      ? ICalEventStatus.CANCELLED
      : event.event_status === 'postponed'
        ? ICalEventStatus.TENTATIVE
        : ICalEventStatus.CONFIRMED;
  const timing: Pick<ICalEventData, 'start' | 'end' | 'timezone' | 'allDay'> = isTimed(event)
    ? {
        start: new ZonedInstant(event.starts_at, event.time_zone),
        end: event.ends_at ? new ZonedInstant(event.ends_at, event.time_zone) : null,
        timezone: event.time_zone,
      }
    : {
        start: utcMidnight(event.start_date),
        end: utcMidnight(exclusiveEnd(event.start_date, event.end_date)),
        allDay: true,
      };
  return {
    id: eventUid(event.id, options.publicUrl),
    // RFC 5545 starts SEQUENCE at 0; an event's first revision is 1.
    sequence: Math.max(0, event.revision - 1),
    stamp: new Date(event.updated_at),
    lastModified: new Date(event.updated_at),
    created: new Date(event.created_at),
    ...timing,
    summary: event.title,
    description,
    location: eventLocation(event, t),
    url,
    status,
    categories: [{ name: t(`eventType.${event.event_type}`) }, ...event.topics.map((name) => ({ name }))],
    // The hero as an attachment by address (RFC 5545 ATTACH), which clients that show an event's picture read.
    attachments: event.image ? [/^https?:\/\//i.test(event.image) ? event.image : `${options.publicUrl}${event.image}`] : [],
    // Information about an event, not a booking: it does not make the subscriber look busy.
    transparency: ICalEventTransparency.TRANSPARENT,
  };
}

/** Where and when one session of a recurring event is, in the event's zone. */
function sessionTiming(event: CalendarEvent, session: Session): Pick<ICalEventData, 'start' | 'end' | 'timezone' | 'allDay'> {
  return isTimed(event) && session.starts_at
    ? {
        start: new ZonedInstant(session.starts_at, event.time_zone),
        end: session.ends_at ? new ZonedInstant(session.ends_at, event.time_zone) : null,
        timezone: event.time_zone,
      }
    : { start: utcMidnight(session.start_date), end: utcMidnight(exclusiveEnd(session.start_date, session.end_date)), allDay: true };
}

/**
 * The local years of the times each zone's events name (their starts and
 * ends), for their VTIMEZONE components: not the years between, which a
 * client never needs and which an event stored across centuries would make
 * costly.
 */
function zoneYears(events: readonly CalendarTiming[]): Map<string, Set<number>> {
  const years = new Map<string, Set<number>>();
  for (const event of events) {
    if (!isTimed(event)) continue;
    const zone = years.get(event.time_zone) ?? new Set<number>();
    for (const instant of [event.starts_at, event.ends_at]) {
      if (instant !== null) zone.add(wallClockAt(Date.parse(instant), event.time_zone).year);
    }
    // A recurring event's sessions name the years up to its end (or the sessions' horizon).
    for (const year of sessionYears(event)) zone.add(year);
    years.set(event.time_zone, zone);
  }
  return years;
}

/**
 * Writes a calendar in three parts: its properties and zones (`head`, from
 * every event's timing), its events (`events`, any number at a time, in
 * order), and its end (`tail`). Every part is folded and ends in CRLF, so the
 * parts put together are the whole calendar, however the events are split.
 *
 * ical-generator writes the calendar's properties and each event; the parts
 * are put together and folded here. Its own folding (version 10, the last for
 * Node 20) encodes every character separately to count its octets: 17 s of a
 * 20 s feed of 5,000 events. foldLines gives the same lines in milliseconds.
 */
function calendarWriter(timings: readonly CalendarTiming[], options: CalendarOptions): { head: string; events(events: readonly CalendarEvent[]): string; tail: string } {
  const calendar = ical({
    prodId: { company: 'Almanac', product: 'Events', language: options.lang.toUpperCase() },
    method: ICalCalendarMethod.PUBLISH,
    ttl: CALENDAR_REFRESH_SECONDS,
    ...(options.pageUrl ? { url: options.pageUrl } : {}),
  });
  const frame = calendar.toString();
  const end = frame.lastIndexOf('END:VCALENDAR');
  // The name is TEXT (RFC 7986 NAME, and X-WR-CALNAME that older clients read), which
  // ical-generator writes unescaped: a comma or semicolon in a title would split it.
  const name = escape(options.name, false);
  // The properties come first, then the components (RFC 5545 §3.4): the zones, then the events.
  const zones = [...zoneYears(timings)].map(([zone, years]) => vtimezone(zone, years) + '\r\n');
  const head = frame.slice(0, end) + foldLines(`NAME:${name}\r\nX-WR-CALNAME:${name}\r\n` + zones.join(''));
  function events(chunk: readonly CalendarEvent[]): string {
    const parts: string[] = [];
    // stripForbidden: text stored before it was normalised may hold controls iCalendar forbids (a NUL, a vertical tab).
    for (const event of chunk) {
      const data = eventData(event, options);
      // A recurring event: its rule and skipped dates, then each session changed on its own under the same UID.
      parts.push(stripForbidden(withLines(calendar.createEvent(data).toString(), recurrenceLines(event))));
      for (const session of changedSessions(event)) {
        const changed = { ...data, ...sessionTiming(event, session), ...(session.status === 'cancelled' ? { status: ICalEventStatus.CANCELLED } : {}) };
        parts.push(stripForbidden(withLines(calendar.createEvent(changed).toString(), [recurrenceIdLine(event, session)])));
      }
    }
    // The calendar keeps what it creates: let go of this chunk's events.
    calendar.clear();
    return foldLines(parts.join(''));
  }
  // Every line ends in CRLF, the last one too (RFC 5545 §3.1); ical-generator leaves it off.
  return { head, events, tail: 'END:VCALENDAR\r\n' };
}

/** The calendar of `events` as iCalendar text (CRLF line ends, folded at 75 octets). */
export function buildCalendar(events: CalendarEvent[], options: CalendarOptions): string {
  const writer = calendarWriter(events, options);
  return writer.head + writer.events(events) + writer.tail;
}

/**
 * The calendar of events read a chunk at a time, as the pieces of its text:
 * the same text as buildCalendar of all of them, without ever holding more
 * than one chunk of events or of text.
 */
export async function* streamCalendar(timings: readonly CalendarTiming[], chunks: AsyncIterable<readonly CalendarEvent[]>, options: CalendarOptions): AsyncGenerator<string> {
  const writer = calendarWriter(timings, options);
  yield writer.head;
  for await (const chunk of chunks) yield writer.events(chunk);
  yield writer.tail;
}

/** The UTF-8 length of a code point. */
function octets(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}

/**
 * Folds CRLF-separated lines longer than 75 octets (RFC 5545 §3.1): a line
 * break and a space before the character that would pass 74 octets, never
 * inside a character, as ical-generator folds.
 */
export function foldLines(text: string): string {
  return text
    .split('\r\n')
    .map((line) => {
      if (line.length * 4 <= 74) return line;
      const pieces: string[] = [];
      let start = 0;
      let used = 0;
      for (let i = 0; i < line.length; ) {
        const codePoint = line.codePointAt(i)!;
        const width = codePoint > 0xffff ? 2 : 1;
        const size = octets(codePoint);
        used += size;
        if (used > 74) {
          pieces.push(line.slice(start, i));
          start = i;
          used = size;
        }
        i += width;
      }
      pieces.push(line.slice(start));
      return pieces.join('\r\n ');
    })
    .join('\r\n');
}
