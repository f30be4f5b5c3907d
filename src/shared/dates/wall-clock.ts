/**
 * What the clocks of a time zone show at an instant, read through Intl with
 * an explicit timeZone, so the server's own zone never enters into it.
 */
import { keptFormatters } from './intl.js';

/** What the clocks of a zone show. */
export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** Reads every part of a zone's clocks as plain numbers. Throws RangeError for an unknown zone. */
export const clockFormatter = keptFormatters(
  (zone: string) =>
    new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      calendar: 'gregory',
      numberingSystem: 'latn',
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    }),
);

/** Each zone's clocks at the last second asked for: a page asks for the office's today on every request, mostly within the same second. */
const lastSecond = new Map<string, { second: number; clock: WallClock }>();

/** What the clocks of `zone` show at an instant (milliseconds since the epoch). Throws RangeError for an unknown zone. */
export function wallClockAt(epochMs: number, zone: string): WallClock {
  // The clocks show whole seconds, and every zone's offset is a whole number of seconds:
  // instants within the same second of the epoch read the same.
  const second = Math.floor(epochMs / 1000);
  const kept = lastSecond.get(zone);
  if (kept !== undefined && kept.second === second) return { ...kept.clock };
  const clock: WallClock = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const part of clockFormatter(zone).formatToParts(new Date(epochMs))) {
    if (part.type in clock) clock[part.type as keyof WallClock] = Number(part.value);
  }
  lastSecond.set(zone, { second, clock: { ...clock } });
  return clock;
}
