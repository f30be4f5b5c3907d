/**
 * Timed or all-day, decided once for every page, calendar and feed: an
 * event is timed when it is not marked all-day and has a start time. One
 * with neither mark nor time is shown by its dates alone, as all-day.
 */
export function isTimed<E extends { all_day: number | boolean; starts_at: string | null }>(event: E): event is E & { starts_at: string } {
  return !event.all_day && event.starts_at !== null;
}
