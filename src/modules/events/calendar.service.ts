/**
 * What calendars (iCalendar feeds, "add to calendar") and topic pages read of
 * events: published events in a scope with their topics' names, and one
 * event's page data in the same shape.
 */
import type { Kysely } from 'kysely';
import type { Database, LangCode } from '../../db/schema.js';
import { loadPictures, shareableImage } from '../media/index.js';
import { visitorsTextChoice } from '../content/index.js';
import * as repo from './calendar.repository.js';
import type { CalendarEventRow, CalendarTimingRow, EventScope } from './calendar.repository.js';
import type { EventDetail } from './events.service.js';
import type { SessionChange } from './sessions.js';

export type { EventScope };

/**
 * How many events a subscribed calendar carries: the `upcoming` soonest of
 * those to come or running, and the `past` latest that have ended. Calendar
 * programs fetch the whole feed again every few hours; thousands of events
 * would make that slow for them and for the server, while these numbers
 * cover years of this office's events. The website lists every event, and
 * each event's own .ics stays available.
 */
export const CALENDAR_LIMITS: CalendarLimits = { upcoming: 1000, past: 500 };

export interface CalendarLimits {
  upcoming: number;
  past: number;
}

export interface CalendarEvent extends CalendarEventRow {
  /** Names of the event's topics in the calendar's language. */
  topics: string[];
  /** The address of the event's hero image (site-relative), for clients that show one; null without a hero. */
  image: string | null;
  /** A recurring event's sessions changed on their own (moved or cancelled); none for a single event. */
  session_changes: SessionChange[];
}

/** Published events in a scope (all, a topic, a programme): the soonest `limits.upcoming` to come or running and the latest `limits.past` ended, in order of their first day, in `lang` where translated (untranslated ones left out when the site says so, as in the listings). */
export async function listCalendarEvents(
  db: Kysely<Database>,
  lang: LangCode,
  scope: EventScope,
  now: Date,
  limits: CalendarLimits = CALENDAR_LIMITS,
): Promise<CalendarEvent[]> {
  const rows = await repo.listCalendarEvents(db, await visitorsTextChoice(db, lang, now), scope, limits);
  const changes = await repo.listSessionChanges(
    db,
    rows.filter((r) => r.recurrence_rule !== null).map((r) => r.id),
  );
  return completeRows(db, lang, rows, changes);
}

/** Calendar rows with their topics' names, their hero's address and their changed sessions. */
async function completeRows(db: Kysely<Database>, lang: LangCode, rows: CalendarEventRow[], changes: Map<number, SessionChange[]>): Promise<CalendarEvent[]> {
  const topics = await repo.listTopicNames(
    db,
    rows.map((r) => r.id),
    lang,
  );
  const pictures = await loadPictures(
    db,
    rows.map((r) => r.hero_media_id),
  );
  const image = (id: number | null) => {
    const picture = id === null ? undefined : pictures.get(id);
    return (picture && shareableImage(picture, lang)?.url) ?? null;
  };
  return rows.map((row) => ({ ...row, topics: topics.get(row.id) ?? [], image: image(row.hero_media_id), session_changes: changes.get(row.id) ?? [] }));
}

/** When an event of a calendar takes place, with its sessions changed on their own. */
export interface CalendarTiming extends CalendarTimingRow {
  session_changes: SessionChange[];
}

/** A calendar's events read a chunk at a time: their timings first, then their full rows. */
export interface CalendarEventChunks {
  /** Every event's timing, in calendar order. */
  timings: CalendarTiming[];
  /** The same events in full, in the same order, `chunkSize` at a time, read as they are asked for. */
  chunks(): AsyncGenerator<CalendarEvent[]>;
}

/** How many events' rows a streamed calendar reads at a time. */
export const CALENDAR_CHUNK_SIZE = 100;

/**
 * The events of listCalendarEvents, for a calendar written as it is read:
 * their timings at once (a few columns each, for the zones a calendar names
 * before its events), their rows a chunk at a time, so a feed never holds
 * more than one chunk of events' text.
 */
export async function calendarEventChunks(
  db: Kysely<Database>,
  lang: LangCode,
  scope: EventScope,
  now: Date,
  limits: CalendarLimits = CALENDAR_LIMITS,
  chunkSize = CALENDAR_CHUNK_SIZE,
): Promise<CalendarEventChunks> {
  const choice = await visitorsTextChoice(db, lang, now);
  const rows = await repo.listCalendarTimings(db, choice, scope, limits);
  const changes = await repo.listSessionChanges(
    db,
    rows.filter((r) => r.recurrence_rule !== null).map((r) => r.id),
  );
  const timings = rows.map((row) => ({ ...row, session_changes: changes.get(row.id) ?? [] }));
  async function* chunks(): AsyncGenerator<CalendarEvent[]> {
    for (let i = 0; i < timings.length; i += chunkSize) {
      const ids = timings.slice(i, i + chunkSize).map((row) => row.id);
      yield completeRows(db, lang, await repo.listCalendarRows(db, lang, ids), changes);
    }
  }
  return { timings, chunks };
}

/** A recurring event's sessions changed on their own, for its calendar entry and its page. */
export async function listEventSessionChanges(db: Kysely<Database>, eventId: number): Promise<SessionChange[]> {
  return (await repo.listSessionChanges(db, [eventId])).get(eventId) ?? [];
}

/** One event's page data as a calendar entry, for its "add to calendar" file. */
export function calendarEventFromDetail(detail: EventDetail, lang: LangCode, sessionChanges: SessionChange[] = []): CalendarEvent {
  const { event } = detail;
  return {
    id: event.id,
    slug: detail.slugs[lang],
    start_date: event.start_date,
    end_date: event.end_date,
    all_day: event.all_day,
    starts_at: event.starts_at,
    ends_at: event.ends_at,
    time_zone: event.time_zone,
    event_status: event.event_status,
    status_reason_en: event.status_reason_en,
    status_reason_vi: event.status_reason_vi,
    event_type: event.event_type,
    attendance_mode: event.attendance_mode,
    online_url: event.online_url,
    registration_url: event.registration_url,
    hero_media_id: event.hero_media_id,
    recurrence_rule: event.recurrence_rule,
    recurrence_exdates: event.recurrence_exdates,
    session_changes: sessionChanges,
    revision: event.revision,
    created_at: event.created_at,
    updated_at: event.updated_at,
    title: detail.title,
    summary: detail.summary,
    description: detail.description,
    venue: detail.venue,
    city: detail.city,
    text_lang: detail.textLang,
    topics: detail.topics.map((t) => t.name),
    image: (detail.hero && shareableImage(detail.hero, lang)?.url) ?? null,
  };
}
