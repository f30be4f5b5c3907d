/**
 * Wall-clock times in a named time zone and the UTC instants they stand for.
 *
 * A timed event is typed as "24 November 2026, 09:00, Asia/Ho_Chi_Minh" and
 * stored as the UTC instant 2026-11-24T02:00:00.000Z. The conversion goes
 * through Intl with an explicit timeZone and through Date.UTC only, so the
 * server's own zone never enters into it.
 */
import { isCalendarDate, makeCalendarDate } from './calendar-date.js';
import { clockFormatter, wallClockAt, type WallClock } from './wall-clock.js';

export { wallClockAt, type WallClock } from './wall-clock.js';

const TIME_OF_DAY = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** True when `s` is a 24-hour 'HH:MM' time of day. */
export function isTimeOfDay(s: string): boolean {
  return TIME_OF_DAY.test(s);
}

/** How far ahead of UTC the zone's clocks are at that instant, in milliseconds. */
function offsetAt(epochMs: number, zone: string): number {
  const c = wallClockAt(epochMs, zone);
  const asIfUtc = Date.UTC(c.year, c.month - 1, c.day, c.hour, c.minute, c.second);
  // Intl drops milliseconds; compare whole seconds.
  return asIfUtc - Math.floor(epochMs / 1000) * 1000;
}

/** The zone's offset from UTC at an instant, in whole minutes (+420 for Asia/Ho_Chi_Minh). */
export function offsetMinutes(epochMs: number, zone: string): number {
  return Math.round(offsetAt(epochMs, zone) / 60_000);
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** An instant as ISO 8601 local time with its offset in a zone: '2026-12-07T09:00:00+07:00'. */
export function isoWithOffset(instant: string, zone: string): string {
  const ms = Date.parse(instant);
  const c = wallClockAt(ms, zone);
  const offset = offsetMinutes(ms, zone);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${pad(c.year, 4)}-${pad(c.month)}-${pad(c.day)}T${pad(c.hour)}:${pad(c.minute)}:${pad(c.second)}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/**
 * How many conversions are kept (zonedTimeToInstant). A zone's rules do not
 * change while the process runs, so a conversion made once holds; a
 * recurring event's page and calendar convert each of its sessions, a
 * hundred a year, on every view, and each conversion reads the zone's clocks
 * four or more times through Intl. When that many are kept, they are all
 * let go and kept afresh.
 */
export const CONVERSIONS_KEPT = 20_000;
/**
 * Conversions by zone, time and date. Nested rather than keyed by one joined
 * string: a session's date is the same string on every view (sessionDates
 * keeps them), and a joined key would be built and hashed for every session.
 */
const conversions = new Map<string, Map<string, Map<string, string | null>>>();
let conversionsKept = 0;

/**
 * The UTC instant (ISO string) at which the clocks of `zone` show `date` at
 * `time`, or null when no such instant exists: a time skipped when the clocks
 * go forward, an unknown zone, or a malformed date or time. When clocks go
 * back and the time happens twice, the first of the two is chosen.
 */
export function zonedTimeToInstant(date: string, time: string, zone: string): string | null {
  // Only well-formed dates and times are kept: one found was checked when it was kept.
  const kept = conversions.get(zone)?.get(time)?.get(date);
  if (kept !== undefined) return kept;
  if (!isCalendarDate(date) || !isTimeOfDay(time)) return null;
  const instant = convertZonedTime(date, time, zone);
  if (conversionsKept >= CONVERSIONS_KEPT) {
    conversions.clear();
    conversionsKept = 0;
  }
  let byTime = conversions.get(zone);
  if (!byTime) conversions.set(zone, (byTime = new Map()));
  let byDate = byTime.get(time);
  if (!byDate) byTime.set(time, (byDate = new Map()));
  byDate.set(date, instant);
  conversionsKept += 1;
  return instant;
}

function convertZonedTime(date: string, time: string, zone: string): string | null {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  let wall: number;
  try {
    wall = Date.UTC(year, month - 1, day, hour, minute);
    if (year < 100) wall = new Date(wall).setUTCFullYear(year);
    clockFormatter(zone);
  } catch {
    return null;
  }
  // The offset can differ on either side of a change of clocks: try the offsets
  // in force a day before and a day after, and keep the earliest that fits.
  const DAY = 86_400_000;
  const candidates = [...new Set([offsetAt(wall - DAY, zone), offsetAt(wall, zone), offsetAt(wall + DAY, zone)])]
    .map((offset) => wall - offset)
    .sort((a, b) => a - b);
  for (const instant of candidates) {
    const back = instantToZonedTime(new Date(instant).toISOString(), zone);
    if (back && back.date === date && back.time === time) return new Date(instant).toISOString();
  }
  return null;
}

/** The date ('YYYY-MM-DD') and time ('HH:MM') the clocks of `zone` show at `instant`; null for an unknown zone or bad instant. */
export function instantToZonedTime(instant: string, zone: string): { date: string; time: string } | null {
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) return null;
  let c: WallClock;
  try {
    c = wallClockAt(ms, zone);
  } catch {
    return null;
  }
  const date = makeCalendarDate(c.year, c.month, c.day);
  if (date === null) return null;
  return { date, time: `${String(c.hour).padStart(2, '0')}:${String(c.minute).padStart(2, '0')}` };
}
