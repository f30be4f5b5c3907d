/**
 * VTIMEZONE components (RFC 5545 §3.6.5) for the zones of timed events, built
 * from the runtime's own time-zone data through Intl. Rather than rules
 * (RRULE), each component lists the actual changes of offset in the years the
 * calendar names, which every client understands and which stays right when
 * a country changes its rules.
 */
import { offsetMinutes, wallClockAt } from '../../shared/dates/zoned-time.js';
import { icsDate, icsTime } from './zoned-instant.js';

const DAY = 86_400_000;
const MINUTE = 60_000;

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
}

/** The local wall-clock time of an instant at a given offset, as iCalendar writes it. */
function localAt(epochMs: number, offset: number): string {
  const c = wallClockAt(epochMs + offset * MINUTE, 'UTC');
  return `${icsDate(c)}T${icsTime(c)}`;
}

interface Transition {
  at: number;
  from: number;
  to: number;
}

/** Every change of the zone's offset between two instants, to the minute. */
function transitions(zone: string, from: number, to: number): Transition[] {
  const found: Transition[] = [];
  let before = offsetMinutes(from, zone);
  for (let t = from; t < to; t += DAY) {
    const next = Math.min(t + DAY, to);
    const after = offsetMinutes(next, zone);
    if (after === before) continue;
    // The change happened within this day: narrow it down to the minute.
    let lo = t;
    let hi = next;
    while (hi - lo > MINUTE) {
      const mid = lo + Math.floor((hi - lo) / (2 * MINUTE)) * MINUTE;
      if (offsetMinutes(mid, zone) === before) lo = mid;
      else hi = mid;
    }
    found.push({ at: hi, from: before, to: after });
    before = after;
  }
  return found;
}

interface Run {
  /** The offset in force on 1 January of the first year. */
  first: number;
  changes: Transition[];
}

/**
 * Runs already worked out, by zone and years: finding the changes takes a
 * look per day, and a zone's past and rules do not change while the process
 * runs. Bounded, since stored events can name any year; when full it starts
 * again rather than tracking use.
 */
const runs = new Map<string, Run>();
const MAX_RUNS = 2000;

/** The offset on 1 January of `fromYear` and every change until the end of `toYear`, in the zone's local years. */
function run(zone: string, fromYear: number, toYear: number): Run {
  const key = `${zone}|${fromYear}|${toYear}`;
  let found = runs.get(key);
  if (!found) {
    // From a day early, so that 1 January is covered in zones ahead of UTC too.
    const start = Date.UTC(fromYear, 0, 1) - DAY;
    const end = Date.UTC(toYear + 1, 0, 1) + DAY;
    found = { first: offsetMinutes(start, zone), changes: transitions(zone, start, end) };
    if (runs.size >= MAX_RUNS) runs.clear();
    runs.set(key, found);
  }
  return found;
}

/** Consecutive years grouped into [first, last] runs, in order. */
function yearRuns(years: Iterable<number>): [number, number][] {
  const sorted = [...new Set(years)].sort((a, b) => a - b);
  const grouped: [number, number][] = [];
  for (const year of sorted) {
    const last = grouped[grouped.length - 1];
    if (last && year === last[1] + 1) last[1] = year;
    else grouped.push([year, year]);
  }
  return grouped;
}

/**
 * The VTIMEZONE of `zone` for the given years (the local years of the
 * instants a calendar names), with CRLF line ends. Only those years are
 * covered: a calendar names its times, and a client needs the offset at
 * those times only, so an event from 2000 to 3999 costs two years of zone
 * data, not two thousand. Each run of consecutive years starts with the
 * offset in force on its first 1 January (left out when the offset before it
 * already says so), then lists each change of offset in it. A zone that keeps
 * one offset (Asia/Ho_Chi_Minh) has one STANDARD component.
 */
export function vtimezone(zone: string, years: Iterable<number>): string {
  const lines = ['BEGIN:VTIMEZONE', `TZID:${zone}`];
  const component = (kind: 'STANDARD' | 'DAYLIGHT', dtstart: string, from: number, to: number) => {
    lines.push(`BEGIN:${kind}`, `DTSTART:${dtstart}`, `TZOFFSETFROM:${formatOffset(from)}`, `TZOFFSETTO:${formatOffset(to)}`, `END:${kind}`);
  };
  let inForce: number | undefined;
  for (const [fromYear, toYear] of yearRuns(years)) {
    const { first, changes } = run(zone, fromYear, toYear);
    if (first !== inForce) {
      // Daylight time if the next change lowers the offset.
      const firstIsDaylight = changes.length > 0 && changes[0]!.to < first;
      component(firstIsDaylight ? 'DAYLIGHT' : 'STANDARD', `${String(fromYear).padStart(4, '0')}0101T000000`, inForce ?? first, first);
    }
    for (const change of changes) {
      component(change.to > change.from ? 'DAYLIGHT' : 'STANDARD', localAt(change.at, change.from), change.from, change.to);
    }
    inForce = changes.length > 0 ? changes[changes.length - 1]!.to : first;
  }
  lines.push('END:VTIMEZONE');
  return lines.join('\r\n');
}
