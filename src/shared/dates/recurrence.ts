/**
 * Recurring events: the sessions an RFC 5545 rule makes, written once.
 *
 * The rule is expanded over *local dates* (rrule's floating dates: a local
 * date is held as midnight UTC, and only UTC methods are used), so neither
 * the server's zone nor a change of clocks moves a session to another day.
 * Each session keeps the event's local time of day in the event's own zone;
 * the caller turns that into an instant with zoned-time.ts. A session is
 * identified by the local date it is planned for: its RECURRENCE-ID.
 */
import rrule, { type Options } from 'rrule';
import { addDays, compareDates, isCalendarDate } from './calendar-date.js';

// The package is CommonJS: its names come through its default export under Node.
const { Frequency, RRule } = rrule;

/** The most sessions one rule may make: a weekly event for about ten years. */
export const MAX_SESSIONS = 520;

/** How a rule may repeat: by day, week, month or year (never within a day; the event's time is its own). */
const FREQUENCIES = new Set<number>([Frequency.DAILY, Frequency.WEEKLY, Frequency.MONTHLY, Frequency.YEARLY]);

export type RuleProblem = 'malformed' | 'frequency' | 'timeOfDay' | 'tooMany';

/** The weekdays as rrule and RFC 5545 name them, Monday first. */
export const WEEKDAY_CODES = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;

function floating(date: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

function dateOfFloating(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** The rule's parts, or why it is refused. A leading `RRULE:` and any DTSTART are ignored: the first session is the event's. */
export function parseRule(rule: string): { options: Partial<Options> } | { problem: RuleProblem } {
  const line = rule
    .trim()
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !/^DTSTART/i.test(l))
    .join('\n')
    .replace(/^RRULE:/i, '');
  if (!/^[A-Z]+=[^;=\s]+(;[A-Z]+=[^;=\s]+)*$/i.test(line)) return { problem: 'malformed' };
  let options: Partial<Options>;
  try {
    options = RRule.parseString(line);
  } catch {
    return { problem: 'malformed' };
  }
  if (options.freq === undefined || !FREQUENCIES.has(options.freq)) return { problem: 'frequency' };
  if (options.byhour != null || options.byminute != null || options.bysecond != null) return { problem: 'timeOfDay' };
  if (options.count != null && (options.count < 1 || options.count > MAX_SESSIONS)) return { problem: 'tooMany' };
  if (options.interval != null && (options.interval < 1 || options.interval > 99)) return { problem: 'malformed' };
  return { options };
}

/** The rule as stored and written in a calendar: RFC 5545 text without DTSTART, UNTIL as a date. */
export function normalizeRule(rule: string): string | null {
  const parsed = parseRule(rule);
  if ('problem' in parsed) return null;
  const { until, ...rest } = parsed.options;
  const text = RRule.optionsToString({ ...rest }).replace(/^RRULE:/, '');
  return until ? `${text};UNTIL=${dateOfFloating(until).replaceAll('-', '')}` : text;
}

/** The local date a rule's UNTIL names (inclusive), or null when it ends by count or not at all. */
export function ruleUntil(rule: string): string | null {
  const parsed = parseRule(rule);
  return 'options' in parsed && parsed.options.until ? dateOfFloating(parsed.options.until) : null;
}

/** Skipped dates as stored: space-separated, sorted, each once. */
export function formatExdates(dates: readonly string[]): string | null {
  const unique = [...new Set(dates)].sort(compareDates);
  return unique.length ? unique.join(' ') : null;
}

/** Skipped dates as stored, back to a list (anything not a date is left out). */
export function parseExdates(stored: string | null | undefined): string[] {
  return (stored ?? '').split(/[\s,]+/).filter(isCalendarDate);
}

/**
 * How many expansions are kept (sessionDates). An expansion depends on its
 * arguments alone, and a recurring event's page, its series' page and the
 * calendars expand the same rule to the same horizon on every view, for as
 * long as the day lasts: two years of a weekly rule took rrule about 0.8 ms.
 * Bounded, the first kept leaving first (each holds at most MAX_SESSIONS dates).
 */
export const EXPANSIONS_KEPT = 200;
const expansions = new Map<string, readonly string[]>();

/**
 * The local dates of the sessions `rule` makes from `first` (the event's own
 * start date, always the first session), up to and including `through`,
 * skipping `exdates`: at most MAX_SESSIONS, whatever the rule says.
 */
export function sessionDates(rule: string, first: string, through: string, exdates: readonly string[] = []): string[] {
  const key = `${rule}\n${first}\n${through}\n${exdates.join(' ')}`;
  let dates = expansions.get(key);
  if (dates === undefined) {
    dates = expandRule(rule, first, through, exdates);
    if (expansions.size >= EXPANSIONS_KEPT) expansions.delete(expansions.keys().next().value!);
    expansions.set(key, dates);
  }
  return dates.slice();
}

function expandRule(rule: string, first: string, through: string, exdates: readonly string[]): string[] {
  const parsed = parseRule(rule);
  if ('problem' in parsed) return compareDates(first, through) <= 0 && !exdates.includes(first) ? [first] : [];
  const r = new RRule({ ...parsed.options, dtstart: floating(first), tzid: null });
  const skip = new Set(exdates);
  const dates: string[] = [];
  const last = floating(through);
  r.all((d, i) => {
    if (i >= MAX_SESSIONS || d > last) return false;
    dates.push(dateOfFloating(d));
    return true;
  });
  // RFC 5545: DTSTART is always the first instance, even when the rule would not make it.
  if (dates[0] !== first && compareDates(first, through) <= 0) dates.unshift(first);
  return dates.filter((d) => !skip.has(d));
}

/** The number of days a session runs after its first (a multi-day event's sessions run as long as it does). */
export function sessionSpanDays(start: string, end: string | null): number {
  if (!end) return 0;
  let n = 0;
  for (let d = start; compareDates(d, end) < 0 && n < 1000; d = addDays(d, 1)) n++;
  return n;
}

export type WeekdayCode = (typeof WEEKDAY_CODES)[number];

/** Which of its weekdays in a month a monthly session falls on: the first to the fourth, or the last (-1). */
export const MONTH_ORDINALS = [1, 2, 3, 4, -1] as const;
export type MonthOrdinal = (typeof MONTH_ORDINALS)[number];

/** Most weeks or months between sessions the form offers (parseRule's own limit). */
export const MAX_INTERVAL = 99;

/** How a rule ends: not at all (its sessions are then bounded as sessionDates says), after a local date (inclusive), or after a number of sessions. */
export type RuleEnd = { by: 'never' } | { by: 'until'; date: string } | { by: 'count'; count: number };

/**
 * A rule as the event form offers it: weekly on some weekdays (none: the
 * start date's), or monthly on a day of the month (null: the start date's)
 * or on the first … fourth or last of a weekday; every `interval` weeks or
 * months; ending as `ends` says.
 */
export type RuleFields =
  | { frequency: 'weekly'; interval: number; weekdays: WeekdayCode[]; ends: RuleEnd }
  | { frequency: 'monthly'; interval: number; on: { by: 'day'; day: number | null } | { by: 'weekday'; ordinal: MonthOrdinal; weekday: WeekdayCode }; ends: RuleEnd };

/** The rule the fields make, as stored (RFC 5545 text without DTSTART, UNTIL as a date). */
export function ruleFromFields(fields: RuleFields): string {
  const parts = [`FREQ=${fields.frequency === 'weekly' ? 'WEEKLY' : 'MONTHLY'}`];
  if (fields.interval !== 1) parts.push(`INTERVAL=${fields.interval}`);
  if (fields.frequency === 'weekly') {
    const days = WEEKDAY_CODES.filter((d) => fields.weekdays.includes(d));
    if (days.length) parts.push(`BYDAY=${days.join(',')}`);
  } else if (fields.on.by === 'day') {
    if (fields.on.day !== null) parts.push(`BYMONTHDAY=${fields.on.day}`);
  } else {
    parts.push(`BYDAY=${fields.on.ordinal > 0 ? '+' : ''}${fields.on.ordinal}${fields.on.weekday}`);
  }
  if (fields.ends.by === 'count') parts.push(`COUNT=${fields.ends.count}`);
  if (fields.ends.by === 'until') parts.push(`UNTIL=${fields.ends.date.replaceAll('-', '')}`);
  return parts.join(';');
}

const isWeekday = (v: string): v is WeekdayCode => (WEEKDAY_CODES as readonly string[]).includes(v);

/**
 * The fields a stored rule is shown in, or null when the fields cannot say
 * it (a daily or yearly rule, several month days, BYSETPOS…): the form then
 * offers the rule as text.
 */
export function fieldsOfRule(rule: string): RuleFields | null {
  const normal = normalizeRule(rule);
  if (normal === null) return null;
  const parts = new Map<string, string>();
  for (const part of normal.split(';')) {
    const [key = '', value = ''] = part.split('=');
    parts.set(key.toUpperCase(), value.toUpperCase());
  }
  const known = new Set(['FREQ', 'INTERVAL', 'BYDAY', 'BYMONTHDAY', 'COUNT', 'UNTIL']);
  if ([...parts.keys()].some((k) => !known.has(k))) return null;
  const interval = parts.has('INTERVAL') ? Number(parts.get('INTERVAL')) : 1;
  const count = parts.get('COUNT');
  const until = parts.get('UNTIL');
  const ends: RuleEnd = count !== undefined ? { by: 'count', count: Number(count) } : until ? { by: 'until', date: `${until.slice(0, 4)}-${until.slice(4, 6)}-${until.slice(6, 8)}` } : { by: 'never' };
  const byday = parts.get('BYDAY');
  if (parts.get('FREQ') === 'WEEKLY') {
    if (parts.has('BYMONTHDAY')) return null;
    const weekdays = byday ? byday.split(',') : [];
    if (!weekdays.every(isWeekday)) return null;
    return { frequency: 'weekly', interval, weekdays: WEEKDAY_CODES.filter((d) => weekdays.includes(d)), ends };
  }
  if (parts.get('FREQ') !== 'MONTHLY') return null;
  const monthDay = parts.get('BYMONTHDAY');
  if (monthDay !== undefined) {
    const day = Number(monthDay);
    if (byday !== undefined || !Number.isInteger(day) || day < 1 || day > 31) return null;
    return { frequency: 'monthly', interval, on: { by: 'day', day }, ends };
  }
  if (byday === undefined) return { frequency: 'monthly', interval, on: { by: 'day', day: null }, ends };
  const nth = /^([+-]?\d)([A-Z]{2})$/.exec(byday);
  const ordinal = nth ? Number(nth[1]) : NaN;
  const weekday = nth?.[2] ?? '';
  if (!(MONTH_ORDINALS as readonly number[]).includes(ordinal) || !isWeekday(weekday)) return null;
  return { frequency: 'monthly', interval, on: { by: 'weekday', ordinal: ordinal as MonthOrdinal, weekday }, ends };
}

/** The weekday of a local date, as rrule names it. */
export function weekdayOf(date: string): WeekdayCode {
  // getUTCDay: 0 is Sunday; WEEKDAY_CODES starts on Monday.
  return WEEKDAY_CODES[(floating(date).getUTCDay() + 6) % 7]!;
}

/** Which of its weekdays in its month a local date is: 1 … 4, or -1 when it is the last (a fifth is always the last). */
export function monthOrdinalOf(date: string): MonthOrdinal {
  const day = Number(date.slice(8, 10));
  const lastInMonth = addDays(date, 7).slice(0, 7) !== date.slice(0, 7);
  if (lastInMonth && day > 28) return -1;
  return Math.ceil(day / 7) as MonthOrdinal;
}

/**
 * The rule of sessions from `first` ended on `lastDate` (inclusive): the
 * same sessions up to that date and none after. A rule that ends sooner by
 * itself is kept as it is; else its COUNT or UNTIL gives way to UNTIL.
 */
export function ruleEndingOn(rule: string, first: string, lastDate: string): string | null {
  const normal = normalizeRule(rule);
  if (normal === null) return null;
  const parsed = parseRule(normal);
  const bounded = 'options' in parsed && (parsed.options.count != null || parsed.options.until != null);
  if (bounded && sessionDates(normal, first, '9999-12-31').every((d) => compareDates(d, lastDate) <= 0)) return normal;
  const kept = normal.split(';').filter((p) => !/^(COUNT|UNTIL)=/i.test(p));
  return [...kept, `UNTIL=${lastDate.replaceAll('-', '')}`].join(';');
}
