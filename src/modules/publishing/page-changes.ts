/**
 * When public pages change by the clock alone, with nothing written: a
 * scheduled item's publication time arriving (public queries compare
 * publish_at with now), and the office's day turning (events move from
 * "upcoming" to "past"). Whatever keeps copies of pages must drop them then.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { addDays, todayInZone } from '../../shared/dates/calendar-date.js';
import { zonedTimeToInstant } from '../../shared/dates/zoned-time.js';
import { nextScheduledPublication } from '../content/index.js';

/** Used when midnight does not exist in the zone that day (clocks skip it): look again in an hour. */
const FALLBACK_DAY_CHECK_MS = 60 * 60 * 1000;

/** The next midnight in `zone` after `now`, as epoch milliseconds. */
export function nextMidnight(zone: string, now: Date): number {
  const tomorrow = addDays(todayInZone(zone, now), 1);
  const at = zonedTimeToInstant(tomorrow, '00:00', zone);
  return at ? Date.parse(at) : now.getTime() + FALLBACK_DAY_CHECK_MS;
}

/** The next instant (epoch ms) after `now` at which public pages may change without a write. */
export async function nextPageChangeByClock(db: Kysely<Database>, now: Date, zone: string): Promise<number> {
  const scheduled = await nextScheduledPublication(db, now);
  const midnight = nextMidnight(zone, now);
  return scheduled ? Math.min(scheduled.getTime(), midnight) : midnight;
}
