/**
 * The event form's "Repeats" fields: a recurring event's rule chosen in
 * plain fields (weekly on some weekdays, monthly on a day or on the first …
 * last of a weekday, every so many weeks or months, ending never, on a date
 * or after a number of sessions) and its skipped dates. The rule they make
 * is the RFC 5545 text the event stores (shared/dates/recurrence.ts); a
 * stored rule the fields cannot say (an imported daily one, say) is offered
 * as text instead, as is a form that sends only `recurrence_rule`.
 */
import { z } from 'zod';
import { isWithinYears } from '../../shared/dates/bounds.js';
import { addDays, compareDates, isCalendarDate } from '../../shared/dates/calendar-date.js';
import {
  fieldsOfRule,
  MAX_INTERVAL,
  MAX_SESSIONS,
  monthOrdinalOf,
  MONTH_ORDINALS,
  normalizeRule,
  parseExdates,
  parseRule,
  ruleFromFields,
  ruleUntil,
  sessionDates,
  WEEKDAY_CODES,
  weekdayOf,
  type MonthOrdinal,
  type RuleEnd,
  type RuleFields,
  type WeekdayCode,
} from '../../shared/dates/recurrence.js';
import { formatDate, type Lang } from '../../shared/dates/format.js';
import type { MessageKey, Translate } from '../i18n/index.js';
import { sessionHorizon } from './sessions.js';

/** How the event repeats, as the form's first choice says. */
export const REPEAT_CHOICES = ['none', 'weekly', 'monthly', 'rule'] as const;
export type RepeatChoice = (typeof REPEAT_CHOICES)[number];

/** The checkbox of each weekday: repeat_on_mo … repeat_on_su. */
export const weekdayField = (day: WeekdayCode) => `repeat_on_${day.toLowerCase() as Lowercase<WeekdayCode>}` as const;

const anything = z.string().trim();

/** The fields as typed; every rule across them is checked in `ruleOfForm`, so that each message sits beside its field. */
export const recurrenceFieldRules = {
  repeat: anything,
  repeat_interval: anything,
  repeat_on_mo: anything,
  repeat_on_tu: anything,
  repeat_on_we: anything,
  repeat_on_th: anything,
  repeat_on_fr: anything,
  repeat_on_sa: anything,
  repeat_on_su: anything,
  repeat_monthly: anything,
  repeat_month_day: anything,
  repeat_ordinal: anything,
  repeat_weekday: anything,
  repeat_ends: anything,
  repeat_until: anything,
  repeat_count: anything,
  recurrence_rule: anything,
  recurrence_exdates: anything,
  /** Sent by the "Show sessions" button: the form comes back unsaved with the sessions it makes. */
  show_sessions: anything,
};

export type RecurrenceFormValues = Record<keyof typeof recurrenceFieldRules, string>;

/** The repeat choice a form sent; an older form that sends only the rule's text means that rule. */
export function repeatChoiceOf(values: Pick<RecurrenceFormValues, 'repeat' | 'recurrence_rule'>): RepeatChoice | null {
  if (values.repeat === '') return values.recurrence_rule.trim() === '' ? 'none' : 'rule';
  return (REPEAT_CHOICES as readonly string[]).includes(values.repeat) ? (values.repeat as RepeatChoice) : null;
}

const wholeNumber = (v: string) => (/^\d{1,4}$/.test(v) ? Number(v) : NaN);

/** What the fields say: the rule and skipped dates to store (null: the event does not repeat), or a message key per field. */
export interface RuleOfForm {
  rule: string | null;
  exdates: string[];
  errors: Partial<Record<string, MessageKey>>;
}

/**
 * The rule the form's fields make from the event's first session `start`
 * (empty when the start date was refused: then only each field's own rule
 * is checked). A weekly rule with no weekday ticked repeats on the start
 * date's weekday, a monthly one with no day on the start date's day, as
 * RFC 5545 says; a weekday or day chosen must include the start date, which
 * is always the first session.
 */
export function ruleOfForm(v: RecurrenceFormValues, start: string): RuleOfForm {
  const errors: Partial<Record<string, MessageKey>> = {};
  const choice = repeatChoiceOf(v);
  const exdates = v.recurrence_exdates.split(/[\s,]+/).filter((d) => d !== '');
  if (exdates.some((d) => !isCalendarDate(d))) errors.recurrence_exdates = 'editing.error.recurrenceExdates';
  let rule: string | null = null;
  if (choice === null) {
    errors.repeat = 'editing.error.choice';
  } else if (choice === 'rule') {
    const parsed = parseRule(v.recurrence_rule);
    if ('problem' in parsed) errors.recurrence_rule = `editing.error.recurrence.${parsed.problem}`;
    else rule = normalizeRule(v.recurrence_rule);
  } else if (choice !== 'none') {
    const fields = fieldsOfForm(v, choice, start, errors);
    if (fields) rule = ruleFromFields(fields);
  }
  if (rule === null) return { rule: null, exdates: [], errors };
  if (start !== '' && !errors.recurrence_exdates && exdates.length > 0) {
    const last = [...exdates].sort(compareDates).at(-1)!;
    const planned = new Set(sessionDates(rule, start, last));
    if (exdates.some((d) => !planned.has(d))) errors.recurrence_exdates = 'editing.error.recurrence.skippedNotASession';
  }
  return { rule, exdates, errors };
}

function fieldsOfForm(v: RecurrenceFormValues, frequency: 'weekly' | 'monthly', start: string, errors: Partial<Record<string, MessageKey>>): RuleFields | null {
  const interval = v.repeat_interval === '' ? 1 : wholeNumber(v.repeat_interval);
  if (!(interval >= 1 && interval <= MAX_INTERVAL)) errors.repeat_interval = 'editing.error.recurrence.interval';

  let ends: RuleEnd = { by: 'never' };
  if (v.repeat_ends === 'on') {
    if (!isCalendarDate(v.repeat_until)) errors.repeat_until = 'editing.error.date';
    else if (!isWithinYears(v.repeat_until)) errors.repeat_until = 'editing.error.dateOutsideYears';
    else if (start !== '' && compareDates(v.repeat_until, start) < 0) errors.repeat_until = 'editing.error.recurrence.untilBeforeStart';
    ends = { by: 'until', date: v.repeat_until };
  } else if (v.repeat_ends === 'after') {
    const count = wholeNumber(v.repeat_count);
    if (!(count >= 1 && count <= MAX_SESSIONS)) errors.repeat_count = 'editing.error.recurrence.count';
    ends = { by: 'count', count };
  } else if (v.repeat_ends !== 'never' && v.repeat_ends !== '') {
    errors.repeat_ends = 'editing.error.choice';
  }

  let fields: RuleFields;
  if (frequency === 'weekly') {
    const weekdays = WEEKDAY_CODES.filter((d) => v[weekdayField(d)] !== '');
    if (start !== '' && weekdays.length > 0 && !weekdays.includes(weekdayOf(start))) errors.repeat_weekdays = 'editing.error.recurrence.startNotOnWeekday';
    fields = { frequency, interval, weekdays, ends };
  } else if (v.repeat_monthly === 'weekday') {
    const ordinal = Number(v.repeat_ordinal);
    const weekday = v.repeat_weekday as WeekdayCode;
    if (!(MONTH_ORDINALS as readonly number[]).includes(ordinal) || v.repeat_ordinal === '') errors.repeat_ordinal = 'editing.error.choice';
    else if (!WEEKDAY_CODES.includes(weekday)) errors.repeat_weekday = 'editing.error.choice';
    else if (start !== '' && !isNthWeekday(start, ordinal, weekday)) errors.repeat_weekday = 'editing.error.recurrence.startNotOnMonthWeekday';
    fields = { frequency, interval, on: { by: 'weekday', ordinal: ordinal as MonthOrdinal, weekday }, ends };
  } else if (v.repeat_monthly === 'day' || v.repeat_monthly === '') {
    const day = v.repeat_month_day === '' ? null : wholeNumber(v.repeat_month_day);
    if (day !== null && !(day >= 1 && day <= 31)) errors.repeat_month_day = 'editing.error.recurrence.monthDay';
    else if (day !== null && start !== '' && Number(start.slice(8, 10)) !== day) errors.repeat_month_day = 'editing.error.recurrence.startNotOnMonthDay';
    fields = { frequency, interval, on: { by: 'day', day }, ends };
  } else {
    errors.repeat_monthly = 'editing.error.choice';
    return null;
  }
  const mine = ['repeat_interval', 'repeat_ends', 'repeat_until', 'repeat_count', 'repeat_weekdays', 'repeat_ordinal', 'repeat_weekday', 'repeat_month_day'];
  return mine.some((name) => errors[name] !== undefined) ? null : fields;
}

/** Whether `date` is the `ordinal` (1 … 4, or -1: last) `weekday` of its month. */
function isNthWeekday(date: string, ordinal: number, weekday: WeekdayCode): boolean {
  if (weekdayOf(date) !== weekday) return false;
  if (ordinal === -1) return addDays(date, 7).slice(0, 7) !== date.slice(0, 7);
  return Math.ceil(Number(date.slice(8, 10)) / 7) === ordinal;
}

/** The fields showing a stored rule (or none) and its skipped dates; a rule the fields cannot say is shown as text. */
export function recurrenceFormValues(rule: string | null, exdates: string | null, start: string): RecurrenceFormValues {
  const base = blankRecurrenceValues(start);
  const skipped = parseExdates(exdates).join('\n');
  if (!rule) return { ...base, recurrence_exdates: skipped };
  const fields = fieldsOfRule(rule);
  if (!fields) return { ...base, repeat: 'rule', recurrence_rule: rule, recurrence_exdates: skipped };
  const values: RecurrenceFormValues = { ...base, repeat: fields.frequency, repeat_interval: String(fields.interval), recurrence_exdates: skipped };
  if (fields.frequency === 'weekly') {
    for (const day of WEEKDAY_CODES) values[weekdayField(day)] = fields.weekdays.includes(day) ? '1' : '';
  } else if (fields.on.by === 'day') {
    values.repeat_monthly = 'day';
    values.repeat_month_day = fields.on.day === null ? '' : String(fields.on.day);
  } else {
    values.repeat_monthly = 'weekday';
    values.repeat_ordinal = String(fields.on.ordinal);
    values.repeat_weekday = fields.on.weekday;
  }
  if (fields.ends.by === 'until') Object.assign(values, { repeat_ends: 'on', repeat_until: fields.ends.date });
  if (fields.ends.by === 'count') Object.assign(values, { repeat_ends: 'after', repeat_count: String(fields.ends.count) });
  return values;
}

/** The fields of an event that does not repeat, their choices set from its start date for when it is made to. */
export function blankRecurrenceValues(start: string): RecurrenceFormValues {
  const dated = isCalendarDate(start);
  return {
    repeat: 'none',
    repeat_interval: '1',
    repeat_on_mo: '',
    repeat_on_tu: '',
    repeat_on_we: '',
    repeat_on_th: '',
    repeat_on_fr: '',
    repeat_on_sa: '',
    repeat_on_su: '',
    repeat_monthly: 'day',
    repeat_month_day: dated ? String(Number(start.slice(8, 10))) : '',
    repeat_ordinal: dated ? String(monthOrdinalOf(start)) : '1',
    repeat_weekday: dated ? weekdayOf(start) : 'MO',
    repeat_ends: 'never',
    repeat_until: '',
    repeat_count: '',
    recurrence_rule: '',
    recurrence_exdates: '',
    show_sessions: '',
  };
}

/** How many of the sessions the form lists before saving. */
export const PREVIEW_SESSIONS = 12;

/** The sessions a rule would make, as the form lists them before saving: the first few (skipped ones marked) and how many there are. */
export interface SessionPreview {
  first: { date: string; skipped: boolean }[];
  /** The dates the rule makes, skipped ones included. */
  planned: number;
  total: number;
  /** The rule has no end: the total counts the sessions up to the horizon. */
  endless: boolean;
}

/** The sessions `rule` makes from `start`, skipping `exdates`, as the form previews them. */
export function sessionPreview(rule: string, start: string, exdates: readonly string[]): SessionPreview {
  const parsed = parseRule(rule);
  const endless = 'options' in parsed && parsed.options.count == null && parsed.options.until == null;
  // A rule with a count ends by itself (sessionDates stops at MAX_SESSIONS in any case).
  const through = ruleUntil(rule) ?? (endless ? sessionHorizon(start) : '9999-12-31');
  const all = sessionDates(rule, start, through);
  const skip = new Set(exdates);
  return { first: all.slice(0, PREVIEW_SESSIONS).map((date) => ({ date, skipped: skip.has(date) })), planned: all.length, total: all.filter((d) => !skip.has(d)).length, endless };
}

// Created once per language: the weekdays of a rule are joined as a sentence joins them ("Monday and Thursday", "thứ Hai và thứ Năm").
const weekdayLists: Record<Lang, Intl.ListFormat> = {
  en: new Intl.ListFormat('en-GB', { style: 'long', type: 'conjunction' }),
  vi: new Intl.ListFormat('vi', { style: 'long', type: 'conjunction' }),
};

/**
 * How a stored rule repeats, in words for a visitor: "Every week on
 * Tuesday", "Every 2 weeks on Monday and Thursday", "Every month on the
 * second Tuesday until 30 June 2027", "Every month on day 12, 6 sessions".
 * A weekly rule without weekdays, or a monthly one without a day, repeats
 * on `start`'s. A rule the form's fields cannot say gives a neutral
 * sentence pointing to the sessions. Without `count`, a rule ending after a
 * number of sessions is said without it: a page that counts the sessions
 * held (skipped and cancelled ones left out) says it once, not twice apart.
 */
export function repeatsInWords(rule: string, start: string, lang: Lang, t: Translate, opts: { count?: boolean } = {}): string {
  const fields = fieldsOfRule(rule);
  if (fields === null) return t('series.repeats.other');
  const weekday = (day: WeekdayCode) => t(`series.repeats.day.${day}`);
  const n = String(fields.interval);
  let words: string;
  if (fields.frequency === 'weekly') {
    const days = weekdayLists[lang].format((fields.weekdays.length ? fields.weekdays : [weekdayOf(start)]).map(weekday));
    words = fields.interval === 1 ? t('series.repeats.weekly', { days }) : t('series.repeats.everyWeeks', { n, days });
  } else {
    const on =
      fields.on.by === 'day'
        ? t('series.repeats.onDay', { day: String(fields.on.day ?? Number(start.slice(8, 10))) })
        : t('series.repeats.onWeekday', { ordinal: t(`series.repeats.ordinal.${fields.on.ordinal}`), weekday: weekday(fields.on.weekday) });
    words = fields.interval === 1 ? t('series.repeats.monthly', { on }) : t('series.repeats.everyMonths', { n, on });
  }
  if (fields.ends.by === 'until') return t('series.repeats.until', { words, date: formatDate(fields.ends.date, lang) });
  if (fields.ends.by === 'count' && opts.count !== false) return fields.ends.count === 1 ? t('series.repeats.countOne', { words }) : t('series.repeats.count', { words, count: String(fields.ends.count) });
  return words;
}
