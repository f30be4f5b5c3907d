/**
 * What an event's page links to around it: its series, and the sessions
 * before and after. For a recurring event the sessions around today; for
 * an event of a series the sessions of the series' events just before and
 * after its own (a recurring member's around today, as for any recurring
 * event). The series itself is read through what the app hands the page
 * (`SeriesOfEvent`), as series reads events.
 */
import type { Kysely } from 'kysely';
import type { SeriesLink, SeriesOfEvent } from '../../app-deps.js';
import type { Database, EventRow, LangCode } from '../../db/schema.js';
import { compareDates } from '../../shared/dates/calendar-date.js';
import { lastDay } from '../../shared/dates/day-range.js';
import { parseRule, ruleUntil } from '../../shared/dates/recurrence.js';
import { listCalendarEvents, listEventSessionChanges, type CalendarEvent } from './calendar.service.js';
import { eventSessions, sessionHorizon, type RecurringTiming, type Session, type SessionChange } from './sessions.js';

/** One session and the event it belongs to. */
export interface EventSession<E> {
  event: E;
  session: Session;
}

/** The sessions of these events up to the rule's end (else the horizon seen from `today`), each on its date, in order. */
export function sessionsOfEvents<E extends RecurringTiming & { id: number; session_changes: readonly SessionChange[] }>(events: readonly E[], today: string): EventSession<E>[] {
  return events
    .flatMap((e) => {
      const through = e.recurrence_rule ? (ruleUntil(e.recurrence_rule) ?? sessionHorizon(today)) : e.start_date;
      return eventSessions(e, e.session_changes, through).map((session) => ({ event: e, session }));
    })
    .sort((a, b) => compareDates(a.session.start_date, b.session.start_date) || (a.session.starts_at ?? '').localeCompare(b.session.starts_at ?? '') || a.event.id - b.event.id);
}

/** A session next to the page's event: which event (its address and title), and when. */
export interface NeighbourSession {
  event: { id: number; slug: string; title: string; text_lang: LangCode; time_zone: string };
  session: Session;
}

export interface EventAround {
  /** The series the event is part of, when visitors may see it. */
  series: SeriesLink | null;
  previous: NeighbourSession | null;
  next: NeighbourSession | null;
  /** A recurring event's own sessions still to come from today (cancelled ones too, marked), at most COMING_SESSIONS. */
  coming: Session[];
  /** How many sessions a recurring event that ends has, cancelled ones left out; null when it does not end or does not repeat. */
  total: number | null;
}

/** How many coming sessions a recurring event's page lists: about a month and a half of a weekly event, enough to plan by. */
export const COMING_SESSIONS = 6;

/** Whether a rule ends by itself, on a date or after a number of sessions: only then are all its sessions counted. */
function ruleEnds(rule: string): boolean {
  const parsed = parseRule(rule);
  return 'options' in parsed && (parsed.options.count != null || parsed.options.until != null);
}

/** Whether a session's last day is before `today`. */
function ended(s: Session, today: string): boolean {
  return compareDates(lastDay(s.start_date, s.end_date), today) < 0;
}

/** The series, and the sessions before and after, that an event's page in `lang` links to. */
export async function eventAround(db: Kysely<Database>, event: EventRow, own: { title: string; textLang: LangCode; slug: string }, lang: LangCode, today: string, now: Date, seriesOf: SeriesOfEvent): Promise<EventAround> {
  const series = event.series_id === null ? null : await seriesOf(db, event.series_id, lang, now);
  let sessions: EventSession<NeighbourSession['event']>[];
  if (series && event.series_id !== null) {
    const members: CalendarEvent[] = await listCalendarEvents(db, lang, { kind: 'series', id: event.series_id }, now);
    sessions = sessionsOfEvents(members, today);
  } else if (event.recurrence_rule) {
    const self = { ...event, slug: own.slug, title: own.title, text_lang: own.textLang, session_changes: await listEventSessionChanges(db, event.id) };
    sessions = sessionsOfEvents([self], today);
  } else {
    return { series: null, previous: null, next: null, coming: [], total: null };
  }
  const neighbour = (s: (typeof sessions)[number] | undefined): NeighbourSession | null =>
    s ? { event: { id: s.event.id, slug: s.event.slug, title: s.event.title, text_lang: s.event.text_lang, time_zone: s.event.time_zone }, session: s.session } : null;
  if (event.recurrence_rule) {
    const firstToCome = sessions.findIndex((s) => !ended(s.session, today));
    const at = firstToCome === -1 ? sessions.length : firstToCome;
    const own = sessions.filter((s) => s.event.id === event.id).map((s) => s.session);
    const coming = own.filter((s) => !ended(s, today)).slice(0, COMING_SESSIONS);
    return { series, previous: neighbour(sessions[at - 1]), next: neighbour(sessions[at]), coming, total: ruleEnds(event.recurrence_rule) ? own.filter((s) => s.status !== 'cancelled').length : null };
  }
  const at = sessions.findIndex((s) => s.event.id === event.id);
  if (at === -1) return { series, previous: null, next: null, coming: [], total: null };
  return { series, previous: neighbour(sessions[at - 1]), next: neighbour(sessions[at + 1]), coming: [], total: null };
}
