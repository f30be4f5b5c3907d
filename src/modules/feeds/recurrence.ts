/**
 * A recurring event in a calendar (RFC 5545 §3.8.5): one VEVENT with the
 * rule (RRULE) and the skipped sessions (EXDATE), and one VEVENT more, with
 * the same UID and a RECURRENCE-ID, for each session changed on its own (a
 * moved session at its new time, a cancelled one marked CANCELLED). Times
 * are local to the event's zone (TZID), so a weekly session stays at its hour
 * across a change of clocks; UNTIL is the end of its day in that zone, in
 * UTC, as the standard asks when DTSTART has a zone.
 */
import { addDays } from '../../shared/dates/calendar-date.js';
import { parseExdates, ruleUntil } from '../../shared/dates/recurrence.js';
import { wallClockAt, zonedTimeToInstant } from '../../shared/dates/zoned-time.js';
import { eventSessions, isTimed, sessionHorizon, type CalendarEvent, type CalendarTiming, type Session } from '../events/index.js';
import { icsTime } from './zoned-instant.js';

const compact = (date: string) => date.replaceAll('-', '');

/** A UTC instant as an iCalendar UTC date-time: 20270427T215959Z. */
function utcStamp(instant: string): string {
  return new Date(instant).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/** How a session is named by its planned date: the event's local start time on that date in its zone, or the date alone. */
function occurrenceValue(event: CalendarEvent, date: string): string {
  if (!isTimed(event)) return `;VALUE=DATE:${compact(date)}`;
  const clock = wallClockAt(Date.parse(event.starts_at), event.time_zone);
  return `;TZID=${event.time_zone}:${compact(date)}T${icsTime(clock)}`;
}

/** The RRULE and EXDATE lines of a recurring event's VEVENT; none for a single event. */
export function recurrenceLines(event: CalendarEvent): string[] {
  if (!event.recurrence_rule) return [];
  let rule = event.recurrence_rule;
  const until = ruleUntil(rule);
  if (until !== null && isTimed(event)) {
    // The last second of the UNTIL day in the event's zone.
    const nextMidnight = zonedTimeToInstant(addDays(until, 1), '00:00', event.time_zone) ?? `${addDays(until, 1)}T00:00:00.000Z`;
    rule = rule.replace(/UNTIL=\d{8}/, `UNTIL=${utcStamp(new Date(Date.parse(nextMidnight) - 1000).toISOString())}`);
  }
  return [`RRULE:${rule}`, ...parseExdates(event.recurrence_exdates).map((date) => `EXDATE${occurrenceValue(event, date)}`)];
}

/** The RECURRENCE-ID line of a changed session's VEVENT. */
export function recurrenceIdLine(event: CalendarEvent, session: Session): string {
  return `RECURRENCE-ID${occurrenceValue(event, session.recurrence_date)}`;
}

/** The sessions changed on their own, as the site lists them, for their own VEVENTs. */
export function changedSessions(event: CalendarEvent): Session[] {
  if (!event.recurrence_rule || event.session_changes.length === 0) return [];
  const through = ruleUntil(event.recurrence_rule) ?? sessionHorizon(event.start_date);
  return eventSessions(event, event.session_changes, through).filter((s) => s.status !== 'scheduled');
}

/** The local years a recurring event's sessions fall in (for its zone's VTIMEZONE), up to its end or the horizon. */
export function sessionYears(event: CalendarTiming): number[] {
  if (!event.recurrence_rule || !isTimed(event)) return [];
  const through = ruleUntil(event.recurrence_rule) ?? sessionHorizon(event.start_date);
  const years = new Set<number>();
  for (const s of eventSessions(event, event.session_changes, through)) {
    if (!s.starts_at) continue;
    // A session starts on its own local date, or (a time the clocks skip, read an hour later) beside it:
    // only at New Year can the year its zone's clocks show differ from its date's, and only there are they read.
    const monthDay = s.start_date.slice(5);
    years.add(monthDay === '12-31' || monthDay === '01-01' ? wallClockAt(Date.parse(s.starts_at), event.time_zone).year : Number(s.start_date.slice(0, 4)));
  }
  return [...years];
}

/** Inserts lines before the END:VEVENT of one event's text. */
export function withLines(vevent: string, lines: readonly string[]): string {
  if (lines.length === 0) return vevent;
  const end = vevent.lastIndexOf('END:VEVENT');
  return vevent.slice(0, end) + lines.map((l) => `${l}\r\n`).join('') + vevent.slice(end);
}
