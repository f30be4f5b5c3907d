/**
 * Instants shown on the clocks of a named time zone, in the shape
 * ical-generator accepts for a zoned time (Luxon's DateTime interface:
 * setZone, toFormat, toJSDate). Given a plain Date and a zone, the library
 * would read the wall-clock time from the *server's* zone; this reads it
 * from the event's own zone through Intl, so the output is the same
 * whatever TZ the server runs in.
 */
import type { ICalLuxonDateTimeStub } from 'ical-generator';

// One formatter per zone for the life of the process: building them is the costly part.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      calendar: 'gregory',
      numberingSystem: 'latn',
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(zone, f);
  }
  return f;
}

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** What the clocks of `zone` show at an instant (milliseconds since the epoch). */
export function wallClock(epochMs: number, zone: string): WallClock {
  const clock: WallClock = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const part of formatter(zone).formatToParts(new Date(epochMs))) {
    if (part.type in clock) clock[part.type as keyof WallClock] = Number(part.value);
  }
  return clock;
}

/** The zone's offset from UTC at an instant, in whole minutes (+420 for Asia/Ho_Chi_Minh). */
export function offsetMinutes(epochMs: number, zone: string): number {
  const c = wallClock(epochMs, zone);
  const asIfUtc = Date.UTC(c.year, c.month - 1, c.day, c.hour, c.minute, c.second);
  return Math.round((asIfUtc - Math.floor(epochMs / 1000) * 1000) / 60_000);
}

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
    const clock = wallClock(Date.parse(this.instant), this.zoneName);
    if (pattern === 'yyyyLLdd') return icsDate(clock);
    if (pattern === 'HHmmss') return icsTime(clock);
    throw new Error(`ZonedInstant cannot format ${pattern}`);
  }
}

/** An instant as ISO 8601 local time with its offset in a zone: '2026-12-07T09:00:00+07:00'. */
export function isoWithOffset(instant: string, zone: string): string {
  const ms = Date.parse(instant);
  const c = wallClock(ms, zone);
  const offset = offsetMinutes(ms, zone);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${pad(c.year, 4)}-${pad(c.month)}-${pad(c.day)}T${pad(c.hour)}:${pad(c.minute)}:${pad(c.second)}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}
