/**
 * The sessions of a recurring event: the dates its rule makes (shared/dates/
 * recurrence.ts) less the skipped ones, each at the event's local time in the
 * event's zone, with the sessions changed on their own (moved or cancelled)
 * in place of the planned ones. A single event has one session: itself.
 */
import { addDays, compareDates } from '../../shared/dates/calendar-date.js';
import { parseExdates, sessionDates, sessionSpanDays } from '../../shared/dates/recurrence.js';
import { instantToZonedTime, zonedTimeToInstant } from '../../shared/dates/zoned-time.js';

/** What the sessions are worked out from: the event's timing and its rule. */
export interface RecurringTiming {
  all_day: boolean | number;
  start_date: string;
  end_date: string | null;
  starts_at: string | null;
  ends_at: string | null;
  time_zone: string;
  recurrence_rule: string | null;
  recurrence_exdates: string | null;
}

/** A session changed on its own, keyed by the local date it was planned for. */
export interface SessionChange {
  recurrence_date: string;
  status: 'moved' | 'cancelled';
  start_date: string | null;
  starts_at: string | null;
  ends_at: string | null;
}

export type SessionStatus = 'scheduled' | 'moved' | 'cancelled';

/** One session: where it is now, the local date it was planned for, and whether it was changed. */
export interface Session {
  recurrence_date: string;
  status: SessionStatus;
  start_date: string;
  end_date: string | null;
  starts_at: string | null;
  ends_at: string | null;
}

/** How far ahead sessions are listed: the rule's own end, else this many days after `from`. */
export const SESSION_HORIZON_DAYS = 731;

/**
 * The instant the zone's clocks show `date` at `time`. A time skipped when
 * the clocks go forward is read with the offset before the change, as
 * RFC 5545 says (09:30 on a day 09:00-10:00 does not exist becomes 10:30).
 */
export function sessionInstant(date: string, time: string, zone: string): string {
  const exact = zonedTimeToInstant(date, time, zone);
  if (exact) return exact;
  const [h, m] = time.split(':').map(Number) as [number, number];
  const hourLater = `${String((h + 1) % 24).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
  const later = zonedTimeToInstant(date, hourLater, zone);
  return later ?? `${date}T00:00:00.000Z`;
}

/** The sessions of an event up to and including `through` (a local date), in order of their dates. */
export function eventSessions(event: RecurringTiming, changes: readonly SessionChange[], through: string): Session[] {
  const span = sessionSpanDays(event.start_date, event.end_date);
  const startLocal = event.starts_at ? instantToZonedTime(event.starts_at, event.time_zone) : null;
  const endLocal = event.ends_at ? instantToZonedTime(event.ends_at, event.time_zone) : null;
  const endDayOffset = startLocal && endLocal ? sessionSpanDays(startLocal.date, endLocal.date) : 0;
  const planned = event.recurrence_rule
    ? sessionDates(event.recurrence_rule, event.start_date, through, parseExdates(event.recurrence_exdates))
    : [event.start_date];
  const changed = new Map(changes.map((c) => [c.recurrence_date, c]));
  const sessions = planned.map((date): Session => {
    const change = changed.get(date);
    if (change?.status === 'moved' && change.start_date) {
      return {
        recurrence_date: date,
        status: 'moved',
        start_date: change.start_date,
        end_date: span ? addDays(change.start_date, span) : null,
        starts_at: change.starts_at,
        ends_at: change.ends_at,
      };
    }
    const timed = !event.all_day && startLocal;
    return {
      recurrence_date: date,
      status: change?.status === 'cancelled' ? 'cancelled' : 'scheduled',
      start_date: date,
      end_date: span ? addDays(date, span) : null,
      starts_at: timed ? sessionInstant(date, startLocal.time, event.time_zone) : null,
      ends_at: timed && endLocal ? sessionInstant(endDayOffset === 0 ? date : addDays(date, endDayOffset), endLocal.time, event.time_zone) : null,
    };
  });
  return sessions.sort((a, b) => compareDates(a.start_date, b.start_date) || (a.starts_at ?? '').localeCompare(b.starts_at ?? ''));
}

/** The horizon for an event's sessions seen from `today`: far enough for any page or calendar. */
export function sessionHorizon(today: string): string {
  return addDays(today, SESSION_HORIZON_DAYS);
}
