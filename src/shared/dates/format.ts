/**
 * Display formatting of calendar dates for the English and Vietnamese pages.
 *
 * Every Date handed to Intl here is built with Date.UTC and every formatter
 * runs with timeZone 'UTC', so a date never shifts by a day because of the
 * server's own zone. Intl supplies the month wording; the layout around it is
 * assembled here so the output matches the office's pages exactly whatever
 * the ICU version.
 */
import { dateParts, isCalendarDate } from './calendar-date.js';
import { endsBeforeStart, isOneDay } from './day-range.js';
import { keptFormatters } from './intl.js';

/** The two languages the site is published in. */
export type Lang = 'en' | 'vi';

/**
 * The Vietnamese display style, following Intl's 'vi' long date:
 *
 * - a date is "17 tháng 9, 2020": day, "tháng" + month number, comma, year;
 *   with padDay the day becomes two digits ("05 tháng 4, 2022");
 * - a range repeats only what differs and joins with " - " as the English
 *   pages do: "22 - 23 tháng 7, 2020", "1 tháng 1 - 30 tháng 4, 2020",
 *   "28 tháng 12, 2020 - 3 tháng 1, 2021";
 * - a month heading is "Tháng 9 2020": capitalised, numeric month, year.
 *
 * Numeric months avoid the clash between "Tháng Năm" (May) and "năm" (year)
 * and read the same in the north and the south, where month words differ
 * ("Tháng Giêng", "Tháng Chạp"). The importer still reads the worded forms.
 */
export const VIETNAMESE_DATE_STYLE = {
  date: '17 tháng 9, 2020',
  paddedDate: '05 tháng 4, 2022',
  rangeSameMonth: '22 - 23 tháng 7, 2020',
  rangeSameYear: '1 tháng 1 - 30 tháng 4, 2020',
  rangeAcrossYears: '28 tháng 12, 2020 - 3 tháng 1, 2021',
  monthHeading: 'Tháng 9 2020',
} as const;

/** The separator between the two ends of a range, as on the office's pages. */
export const RANGE_SEPARATOR = ' - ';

const LOCALES: Record<Lang, string> = { en: 'en-GB', vi: 'vi' };

// Created once: constructing a DateTimeFormat costs far more than formatting.
const dayMonthYear: Record<Lang, Intl.DateTimeFormat> = {
  en: new Intl.DateTimeFormat(LOCALES.en, { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' }),
  vi: new Intl.DateTimeFormat(LOCALES.vi, { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' }),
};

interface DisplayParts {
  day: string;
  /** "September" in English, "tháng 9" in Vietnamese. */
  month: string;
  year: string;
  /** For comparing months and years without re-parsing the text. */
  monthNumber: number;
  yearNumber: number;
}

/** Each language's twelve month words, worked out on first use: a page shows dozens of dates, and the word depends on the month alone. */
const monthWords: Record<Lang, string[]> = { en: [], vi: [] };

function monthWord(month: number, lang: Lang): string {
  let word = monthWords[lang][month];
  if (word === undefined) {
    word = '';
    for (const part of dayMonthYear[lang].formatToParts(new Date(Date.UTC(2000, month - 1, 15)))) {
      if (part.type === 'month') word = part.value;
    }
    monthWords[lang][month] = word;
  }
  return word;
}

function displayParts(date: string, lang: Lang, padDay: boolean): DisplayParts {
  const { year, month, day } = dateParts(date);
  const monthText = monthWord(month, lang);
  // Day and year come from the string itself: Intl could render them in
  // another numbering system or with an era, the string is already right.
  const dayText = padDay ? String(day).padStart(2, '0') : String(day);
  return { day: dayText, month: monthText, year: String(year), monthNumber: month, yearNumber: year };
}

function joinFull(p: DisplayParts, lang: Lang): string {
  return lang === 'vi' ? `${p.day} ${p.month}, ${p.year}` : `${p.day} ${p.month} ${p.year}`;
}

/**
 * Formats a 'YYYY-MM-DD' date for display: "17 September 2020" in English,
 * "17 tháng 9, 2020" in Vietnamese. `padDay` gives a two-digit day
 * ("05 April 2022"), the style of the feature articles page.
 */
export function formatDate(date: string, lang: Lang, opts?: { padDay?: boolean }): string {
  return joinFull(displayParts(date, lang, opts?.padDay === true), lang);
}

/**
 * Formats an event's dates the way the events page does, naming the month and
 * year once when both ends share them: "22 - 23 July 2020",
 * "1 January - 30 April 2020", "28 December 2020 - 3 January 2021". A missing
 * or same-day end gives a single date. Throws RangeError when the end is
 * before the start, since such a range cannot be shown truthfully.
 */
export function formatDateRange(start: string, end: string | null, lang: Lang): string {
  const a = displayParts(start, lang, false);
  if (end === null || isOneDay(start, end)) return joinFull(a, lang);
  const b = displayParts(end, lang, false);
  if (endsBeforeStart(start, end)) throw new RangeError(`Date range ends before it starts: ${start} to ${end}`);
  if (a.yearNumber !== b.yearNumber) return `${joinFull(a, lang)}${RANGE_SEPARATOR}${joinFull(b, lang)}`;
  if (a.monthNumber !== b.monthNumber) return `${a.day} ${a.month}${RANGE_SEPARATOR}${joinFull(b, lang)}`;
  return `${a.day}${RANGE_SEPARATOR}${joinFull(b, lang)}`;
}

/**
 * Formats a 'YYYY-MM' month as a listing heading: "September 2020" in
 * English, "Tháng 9 2020" in Vietnamese.
 */
export function formatMonthHeading(month: string, lang: Lang): string {
  const date = `${month}-01`;
  // A month is good when its first day is: the date is read as exactly 'YYYY-MM-DD', digit by digit.
  if (!isCalendarDate(date)) {
    throw new RangeError(`Not a month (YYYY-MM): ${JSON.stringify(month)}`);
  }
  const p = displayParts(date, lang, false);
  return `${headingWord(p.monthNumber, lang)} ${p.year}`;
}

/** Each language's month words as a heading starts them, worked out on first use: a listing shows a heading for every month. */
const headingWords: Record<Lang, string[]> = { en: [], vi: [] };

function headingWord(month: number, lang: Lang): string {
  let word = headingWords[lang][month];
  if (word === undefined) {
    word = monthWord(month, lang);
    // Intl's "tháng 9" is lower case mid-sentence; a heading starts with a capital.
    if (lang === 'vi') word = `${word.charAt(0).toLocaleUpperCase('vi')}${word.slice(1)}`;
    headingWords[lang][month] = word;
  }
  return word;
}

const instantFormatter = keptFormatters(
  (lang: Lang, zone: string) =>
    new Intl.DateTimeFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { timeZone: zone, day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
);

/**
 * An instant as the wall clock of `zone` shows it, in `lang`: "24 Nov 2026,
 * 09:00" (the admin's timestamps). The zone is explicit, so the server's never
 * matters.
 */
export function formatInstant(instant: string, zone: string, lang: Lang): string {
  return instantFormatter(lang, zone).format(new Date(instant));
}

const clockFormatter = keptFormatters(
  (lang: Lang, zone: string) =>
    new Intl.DateTimeFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: zone, timeZoneName: 'short' }),
);

/**
 * An instant's wall-clock time in `zone` ("14:00") and the zone's short name
 * there ("GMT+7"), in `lang`: an event's times, its zone named beside them.
 */
export function formatClock(instant: string, zone: string, lang: Lang): { time: string; zone: string } {
  const parts = clockFormatter(lang, zone).formatToParts(new Date(instant));
  let time = '';
  let zoneName = '';
  for (const part of parts) {
    if (part.type === 'hour' || part.type === 'minute' || (part.type === 'literal' && part.value.trim() === ':')) time += part.value;
    else if (part.type === 'timeZoneName') zoneName = part.value;
  }
  return { time, zone: zoneName };
}
