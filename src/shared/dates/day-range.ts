/**
 * The rules on an event's days, each written once: every writer, query,
 * page, calendar and feed asks here rather than restating them.
 *
 * An event runs from its first day (start) to its last. A one-day event has
 * no end date: the end is stored only when it differs from the start, so
 * that the admin, the importer and the generator store the same event the
 * same way, and an imported event still matches its listing line (and its
 * translated page) once an editor has saved it.
 */
import { sql } from 'kysely';
import { addDays, monthKey } from './calendar-date.js';

/**
 * An event's end date as stored: null for a one-day event (no end, or an end
 * on its first day), otherwise the end as given.
 */
export function storedEndDate(start: string, end: string | null): string | null {
  return end === null || end === '' || end === start ? null : end;
}

/** Whether a range is one day: no end, or an end on its first day (shown as a single date). */
export function isOneDay(start: string, end: string | null | undefined): boolean {
  return storedEndDate(start, end ?? null) === null;
}

/**
 * Whether a range ends before it starts, which no event, listing line or
 * shown range may do (an end on the first day is a one-day event). Dates are
 * 'YYYY-MM-DD', which sort as text in calendar order.
 */
export function endsBeforeStart(start: string, end: string | null): boolean {
  return end !== null && end !== '' && end < start;
}

/**
 * The last day an event runs: its end date, or its first day when it has
 * none. It decides whether an event is upcoming or past and which years it
 * runs in.
 */
export function lastDay(start: string, end: string | null): string {
  return end ?? start;
}

/**
 * The last day in a query on the events table (`alias`): the column the
 * database generates by the same rule (migration 2026-12-02T1010), whose
 * index answers "still running on or after a day" and "the latest last day".
 */
export function lastDayColumn(alias: string) {
  return sql.ref<string>(`${alias}.last_day`);
}

/**
 * The same worked out from the row's two dates, for queries that read events
 * in order of their start: the listing index holds both dates and answers it
 * without reading a row, where the generated column would need each row.
 */
export function lastDayOfDates(alias: string) {
  return sql<string>`coalesce(${sql.ref(`${alias}.end_date`)}, ${sql.ref(`${alias}.start_date`)})`;
}

/**
 * The day after an event's last day: calendars (iCalendar DTEND, Google
 * Calendar links) end an all-day event there, exclusively.
 */
export function exclusiveEnd(start: string, end: string | null): string {
  return addDays(lastDay(start, end), 1);
}

/**
 * The month ('YYYY-MM') an event is listed under: the month it starts in, a
 * range across months standing under its first, as on the office's pages.
 * Listings group and number by it; the importer expects each entry under it.
 */
export function listingMonth(start: string): string {
  return monthKey(start);
}
