/**
 * Instants shown on the clocks of a named time zone, in the shape
 * ical-generator accepts for a zoned time (Luxon's DateTime interface:
 * setZone, toFormat, toJSDate). Given a plain Date and a zone, the library
 * would read the wall-clock time from the *server's* zone; this reads it
 * from the event's own zone through Intl, so the output is the same
 * whatever TZ the server runs in.
 */
import type { ICalLuxonDateTimeStub } from 'ical-generator';
import { wallClockAt, type WallClock } from '../../shared/dates/zoned-time.js';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** 'YYYYMMDD' and 'HHMMSS' of a wall clock, the forms iCalendar writes. */
export function icsDate(c: WallClock): string {
  return `${pad(c.year, 4)}${pad(c.month)}${pad(c.day)}`;
}

export function icsTime(c: WallClock): string {
  return `${pad(c.hour)}${pad(c.minute)}${pad(c.second)}`;
}

/** An instant seen in a zone, usable wherever ical-generator takes a date. */
export class ZonedInstant implements ICalLuxonDateTimeStub {
  readonly isValid = true;
  readonly zone = { type: 'iana' };

  constructor(
    readonly instant: string,
    readonly zoneName: string,
  ) {
    if (Number.isNaN(Date.parse(instant))) throw new RangeError(`Not an instant: ${instant}`);
  }

  setZone(zone?: string): ZonedInstant {
    return new ZonedInstant(this.instant, zone ?? this.zoneName);
  }

  toJSDate(): Date {
    return new Date(this.instant);
  }

  toJSON(): string {
    return new Date(this.instant).toISOString();
  }

  /** The two patterns ical-generator asks for: 'yyyyLLdd' and 'HHmmss'. */
  toFormat(pattern: string): string {
    const clock = wallClockAt(Date.parse(this.instant), this.zoneName);
    if (pattern === 'yyyyLLdd') return icsDate(clock);
    if (pattern === 'HHmmss') return icsTime(clock);
    throw new Error(`ZonedInstant cannot format ${pattern}`);
  }
}
