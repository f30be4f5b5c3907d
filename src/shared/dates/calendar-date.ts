/**
 * Calendar dates as plain 'YYYY-MM-DD' strings.
 *
 * An event on "17 September 2020" happens on that day wherever the server
 * runs, so calendar dates never pass through a local-time Date. Where Date
 * arithmetic is convenient it is done with Date.UTC and UTC getters only, which
 * makes every result independent of the process time zone.
 */
import { wallClockAt } from './wall-clock.js';

/** Whether `year` is a leap year in the proleptic Gregorian calendar. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Number of days in `month` (1-12) of `year`; 0 for a month outside 1-12. */
export function daysInMonth(year: number, month: number): number {
  if (!Number.isInteger(month) || month < 1 || month > 12) return 0;
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** True when `s` is 'YYYY-MM-DD' and names a day that exists (2021-02-29 does not). */
export function isCalendarDate(s: string): boolean {
  // Read digit by digit: pages check every date they show, and a regular expression's match costs an array each time.
  if (typeof s !== 'string') return isCalendarDate(String(s));
  if (s.length !== 10 || s.charCodeAt(4) !== DASH || s.charCodeAt(7) !== DASH) return false;
  const year = digits(s, 0, 4);
  const month = digits(s, 5, 7);
  const day = digits(s, 8, 10);
  return year >= 1 && day >= 1 && day <= daysInMonth(year, month);
}

const DASH = 0x2d;

/** The number the ASCII digits of s[from, to) spell, or -1 when one is not a digit. */
function digits(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = s.charCodeAt(i) - 0x30;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/**
 * Builds a 'YYYY-MM-DD' string from numeric parts, or returns null when the
 * parts do not name a real day (31 April, 29 February 2021, month 13).
 */
export function makeCalendarDate(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || !Number.isInteger(day) || year < 1 || year > 9999) return null;
  if (day < 1 || day > daysInMonth(year, month)) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function assertCalendarDate(date: string): void {
  if (!isCalendarDate(date)) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${JSON.stringify(date)}`);
}

/** Splits a valid 'YYYY-MM-DD' into numbers; throws RangeError for anything else. */
export function dateParts(date: string): { year: number; month: number; day: number } {
  assertCalendarDate(date);
  // Read as isCalendarDate read them: a page splits every date it shows.
  return { year: digits(date, 0, 4), month: digits(date, 5, 7), day: digits(date, 8, 10) };
}

/**
 * Orders two calendar dates: negative when `a` is earlier, 0 when equal,
 * positive when later. Usable directly as an Array#sort comparator.
 */
export function compareDates(a: string, b: string): number {
  assertCalendarDate(a);
  assertCalendarDate(b);
  // Zero-padded ISO dates sort lexically in calendar order.
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The calendar date `n` days after `date` (before it when `n` is negative). */
export function addDays(date: string, n: number): string {
  if (!Number.isInteger(n)) throw new RangeError(`addDays needs a whole number of days, got ${n}`);
  const { year, month, day } = dateParts(date);
  // Date.UTC normalises day overflow across months and years without any
  // daylight-saving gaps, which local-time arithmetic would introduce.
  const t = new Date(Date.UTC(year, month - 1, day + n));
  // Date.UTC maps years 0-99 to 1900-1999; setUTCFullYear keeps them literal.
  if (year < 100) t.setUTCFullYear(year, month - 1, day + n);
  const out = makeCalendarDate(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
  if (out === null) throw new RangeError(`addDays(${date}, ${n}) leaves the supported range of years`);
  return out;
}

/** The 'YYYY-MM' month a calendar date falls in, the key used for month headings. */
export function monthKey(date: string): string {
  assertCalendarDate(date);
  return date.slice(0, 7);
}

/** The day of the week of a calendar date: 0 (Sunday) to 6 (Saturday), as Date#getDay counts them. */
export function weekdayOf(date: string): number {
  const { year, month, day } = dateParts(date);
  const t = new Date(Date.UTC(year, month - 1, day));
  if (year < 100) t.setUTCFullYear(year, month - 1, day);
  return t.getUTCDay();
}

/** The year of a calendar date as a number. */
export function yearOf(date: string): number {
  assertCalendarDate(date);
  return Number(date.slice(0, 4));
}

/** True when `zone` is an IANA time zone name this runtime's Intl knows. */
export function isValidTimeZone(zone: string): boolean {
  if (typeof zone !== 'string' || zone.trim() === '') return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * The calendar date ('YYYY-MM-DD') at instant `now` in the IANA zone `zone`,
 * e.g. 2026-11-23T17:30Z is 2026-11-24 in Asia/Ho_Chi_Minh. Throws RangeError
 * for an unknown zone.
 */
export function todayInZone(zone: string, now: Date): string {
  if (Number.isNaN(now.getTime())) throw new RangeError('todayInZone needs a valid instant');
  const { year, month, day } = wallClockAt(now.getTime(), zone);
  const out = makeCalendarDate(year, month, day);
  if (out === null) throw new RangeError(`Cannot express ${now.toISOString()} as a calendar date in ${zone}`);
  return out;
}
