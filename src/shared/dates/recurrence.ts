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
 * The local dates of the sessions `rule` makes from `first` (the event's own
 * start date, always the first session), up to and including `through`,
 * skipping `exdates`: at most MAX_SESSIONS, whatever the rule says.
 */
export function sessionDates(rule: string, first: string, through: string, exdates: readonly string[] = []): string[] {
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
