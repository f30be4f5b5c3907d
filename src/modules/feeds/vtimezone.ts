/**
 * VTIMEZONE components (RFC 5545 §3.6.5) for the zones of timed events, built
 * from the runtime's own time-zone data through Intl. Rather than rules
 * (RRULE), each component lists the actual changes of offset in the years the
 * calendar covers, which every client understands and which stays right when
 * a country changes its rules.
 */
import { icsDate, icsTime, offsetMinutes, wallClock } from './zoned-instant.js';

const DAY = 86_400_000;
const MINUTE = 60_000;

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
}

/** The local wall-clock time of an instant at a given offset, as iCalendar writes it. */
function localAt(epochMs: number, offset: number): string {
  const c = wallClock(epochMs + offset * MINUTE, 'UTC');
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

/**
 * The VTIMEZONE of `zone` covering the years `fromYear` to `toYear`, with CRLF
 * line ends. A zone that keeps one offset (Asia/Ho_Chi_Minh) has one STANDARD
 * component; others get one component per change of offset.
 */
export function vtimezone(zone: string, fromYear: number, toYear: number): string {
  // From a day early, so that 1 January is covered in zones ahead of UTC too.
  const start = Date.UTC(fromYear, 0, 1) - DAY;
  const end = Date.UTC(toYear + 1, 0, 1) + DAY;
  const first = offsetMinutes(start, zone);
  const lines = ['BEGIN:VTIMEZONE', `TZID:${zone}`];
  const component = (kind: 'STANDARD' | 'DAYLIGHT', dtstart: string, from: number, to: number) => {
    lines.push(`BEGIN:${kind}`, `DTSTART:${dtstart}`, `TZOFFSETFROM:${formatOffset(from)}`, `TZOFFSETTO:${formatOffset(to)}`, `END:${kind}`);
  };
  const changes = transitions(zone, start, end);
  // The offset in force at the start of the range; daylight time if the next change lowers it.
  const firstIsDaylight = changes.length > 0 && changes[0]!.to < first;
  component(firstIsDaylight ? 'DAYLIGHT' : 'STANDARD', `${String(fromYear).padStart(4, '0')}0101T000000`, first, first);
  for (const change of changes) {
    component(change.to > change.from ? 'DAYLIGHT' : 'STANDARD', localAt(change.at, change.from), change.from, change.to);
  }
  lines.push('END:VTIMEZONE');
  return lines.join('\r\n');
}
