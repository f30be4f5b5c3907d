/**
 * The one rule on which dates an item may have, used by every way in (the
 * admin forms, the importer, the generator).
 *
 * Dates fall in the years 1900 to 2100: the office's pages run from 2011, a
 * historical item may reach back a century, and nothing is planned past
 * 2100. Within those years the date parser and formatter are checked, and
 * whatever walks an item's years (time-zone data, year filters) stays
 * small. An event lasts at most MAX_EVENT_DAYS.
 */
import { dateParts, isCalendarDate } from './calendar-date.js';

export const EARLIEST_YEAR = 1900;
export const LATEST_YEAR = 2100;

/**
 * The longest an event may last, first and last day included: two years and
 * a leap day. The office's longest event runs four months (1 January to 30
 * April 2020); a programme of several years is not an event.
 */
export const MAX_EVENT_DAYS = 731;

/** Why a date or an event's dates break the rule. */
export type DateBoundProblem = 'outsideYears' | 'tooLong';

const DAY_MS = 86_400_000;

/** Whether a 'YYYY-MM-DD' date lies in the years EARLIEST_YEAR to LATEST_YEAR. */
export function isWithinYears(date: string): boolean {
  if (!isCalendarDate(date)) return false;
  const { year } = dateParts(date);
  return year >= EARLIEST_YEAR && year <= LATEST_YEAR;
}

/** Days from the first to the last day of a range, both included (1 for a single day). */
export function daysSpanned(start: string, end: string | null): number {
  if (end === null) return 1;
  const a = dateParts(start);
  const b = dateParts(end);
  return Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / DAY_MS) + 1;
}

/**
 * What is wrong with an event's first and last day under the rule, or null:
 * a day outside the years, or more than MAX_EVENT_DAYS from first to last.
 * Expects real dates with the end not before the start (checked elsewhere).
 */
export function eventDatesProblem(start: string, end: string | null): DateBoundProblem | null {
  if (!isWithinYears(start) || (end !== null && !isWithinYears(end))) return 'outsideYears';
  if (daysSpanned(start, end) > MAX_EVENT_DAYS) return 'tooLong';
  return null;
}
