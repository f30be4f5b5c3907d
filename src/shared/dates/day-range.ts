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

/**
 * An event's end date as stored: null for a one-day event (no end, or an end
 * on its first day), otherwise the end as given.
 */
export function storedEndDate(start: string, end: string | null): string | null {
  return end === null || end === '' || end === start ? null : end;
}
