/**
 * Reading dates as people type them on the office's pages, in English and
 * Vietnamese, into 'YYYY-MM-DD' strings. Nothing here touches Date: the
 * text is split into day, month and year numbers and checked against the
 * calendar directly.
 */
import { daysInMonth, makeCalendarDate } from './calendar-date.js';
import { EARLIEST_YEAR, isWithinYears, LATEST_YEAR } from './bounds.js';
import { endsBeforeStart, storedEndDate } from './day-range.js';
import type { Lang } from './format.js';

/** Result of {@link parseDateText}: a start and optional end, or a reason for refusing the text. */
export type DateTextResult = { start: string; end: string | null } | { error: string };

const ENGLISH_MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
] as const;

const ENGLISH_MONTH_TITLES = ENGLISH_MONTHS.map((m) => m.charAt(0).toUpperCase() + m.slice(1));

// Month words that follow "tháng". Both the northern "Tháng Một" and the
// traditional "Tháng Giêng"/"Tháng Chạp" are in use; "Tháng Bốn" is rarer than
// "Tháng Tư" but appears in print. Keys are lower case NFC.
const VIETNAMESE_MONTH_WORDS: Record<string, number> = {
  một: 1,
  giêng: 1,
  hai: 2,
  ba: 3,
  tư: 4,
  bốn: 4,
  năm: 5,
  sáu: 6,
  bảy: 7,
  tám: 8,
  chín: 9,
  mười: 10,
  'mười một': 11,
  'mười hai': 12,
  chạp: 12,
};

/** Normalises case, composition and spacing so the rules below see one spelling. */
function normalise(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim().toLocaleLowerCase('vi');
}

/** Month number for an English month name, full or three-letter ("Sep", "Sept." too). */
function englishMonth(word: string): number | null {
  const w = word.toLowerCase().replace(/\.$/, '');
  if (w === 'sept') return 9;
  for (let i = 0; i < ENGLISH_MONTHS.length; i++) {
    const name = ENGLISH_MONTHS[i]!;
    if (w === name || w === name.slice(0, 3)) return i + 1;
  }
  return null;
}

/** Month number for what follows "tháng": a number 1-12 or a month word. */
function vietnameseMonth(text: string): number | null {
  const t = normalise(text);
  if (/^\d{1,2}$/.test(t)) {
    const n = Number(t);
    return n >= 1 && n <= 12 ? n : null;
  }
  return VIETNAMESE_MONTH_WORDS[t] ?? null;
}

/** How one end of a date was written, used to echo it back in error messages. */
type SideStyle = 'en' | 'vi' | 'ymd' | 'dmy' | 'iso' | 'day';

interface Side {
  day: number;
  month: number | null;
  year: number | null;
  style: SideStyle;
  /** The text of this end as typed, for quoting in messages. */
  text: string;
}

const FORMAT_HINT = 'write it like "17 September 2020", "17 tháng 9, 2020" or "2020/09/17"';

function parseSide(raw: string): Side | { error: string } {
  const text = raw.trim();
  if (text === '') return { error: 'one side of the dash has no date' };
  const s = normalise(text)
    .replace(/^ngày\s+/, '')
    .replace(/,/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

  let m = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$/.exec(s);
  if (m) return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), style: 'ymd', text };
  m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (m) return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), style: 'iso', text };
  // Vietnamese numeric dates put the day first whenever the year comes last.
  m = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(s);
  if (m) return { day: Number(m[1]), month: Number(m[2]), year: Number(m[3]), style: 'dmy', text };
  m = /^(\d{1,2})[/.](\d{1,2})$/.exec(s);
  if (m) return { day: Number(m[1]), month: Number(m[2]), year: null, style: 'dmy', text };
  if (/^\d+[/.]\d+[/.]\d{1,3}$/.test(s)) return { error: `"${text}" needs a four-digit year` };

  const tokens = s.split(' ');
  const originalTokens = text.replace(/,/g, ' ').trim().split(/\s+/);
  const unknown = (word: string): { error: string } => {
    const shown = originalTokens.find((t) => normalise(t) === word) ?? word;
    if (shown === text) return { error: `"${text}" is not a date; ${FORMAT_HINT}` };
    return { error: `"${shown}" in "${text}" is not a month or date word; ${FORMAT_HINT}` };
  };
  const readYear = (token: string | undefined): number | null | { error: string } => {
    if (token === undefined) return null;
    if (/^\d{4}$/.test(token)) return Number(token);
    if (/^\d{1,3}$/.test(token)) return { error: `"${text}" needs a four-digit year` };
    return unknown(token);
  };

  const first = tokens[0] ?? '';
  if (/^\d{1,2}$/.test(first)) {
    const day = Number(first);
    const rest = tokens.slice(1);
    if (rest.length === 0) return { day, month: null, year: null, style: 'day', text };
    if (rest[0] === 'tháng') {
      const words = rest.slice(1);
      let year: number | null = null;
      if (words.length > 0 && /^\d{4}$/.test(words[words.length - 1]!)) year = Number(words.pop());
      // "năm" before the year means "year"; alone it is the month May.
      if (words.length > 1 && words[words.length - 1] === 'năm') words.pop();
      if (words.length === 0) return { error: `"${text}" has no month after "tháng"` };
      const month = vietnameseMonth(words.join(' '));
      if (month === null) {
        const monthText = words.join(' ');
        if (/^\d+$/.test(monthText)) return { error: `"${text}" is not a real date (there is no month ${monthText})` };
        return { error: `"tháng ${monthText}" in "${text}" is not a month; ${FORMAT_HINT}` };
      }
      return { day, month, year, style: 'vi', text };
    }
    const month = englishMonth(rest[0]!);
    if (month === null) return unknown(rest[0]!);
    const year = readYear(rest[1]);
    if (year !== null && typeof year === 'object') return year;
    if (rest.length > 2) return unknown(rest[2]!);
    return { day, month, year, style: 'en', text };
  }

  // "September 17, 2020" is rare on the office's pages but common in email.
  const leadingMonth = englishMonth(first);
  if (leadingMonth !== null && tokens[1] !== undefined && /^\d{1,2}$/.test(tokens[1])) {
    const year = readYear(tokens[2]);
    if (year !== null && typeof year === 'object') return year;
    if (tokens.length > 3) return unknown(tokens[3]!);
    return { day: Number(tokens[1]), month: leadingMonth, year, style: 'en', text };
  }
  if (leadingMonth !== null || first === 'tháng') return { error: `"${text}" names a month but not a day` };
  if (/^\d+$/.test(first)) return { error: `"${text}" is not a date; ${FORMAT_HINT}` };
  return unknown(first);
}

function renderSide(day: number, month: number, year: number, style: SideStyle): string {
  const dd = String(day).padStart(2, '0');
  const mm = String(month).padStart(2, '0');
  switch (style) {
    case 'vi':
      return `${day} tháng ${month}, ${year}`;
    case 'ymd':
      return `${year}/${mm}/${dd}`;
    case 'dmy':
      return `${dd}/${mm}/${year}`;
    case 'iso':
      return `${year}-${mm}-${dd}`;
    default:
      return `${day} ${ENGLISH_MONTH_TITLES[month - 1] ?? month} ${year}`;
  }
}

/** Explains why day/month/year is not a date, naming the fault a reader would look for. */
function notRealDate(quoted: string, day: number, month: number, year: number): { error: string } {
  if (month < 1 || month > 12) return { error: `"${quoted}" is not a real date (there is no month ${month})` };
  const max = daysInMonth(year, month);
  const monthName = ENGLISH_MONTH_TITLES[month - 1]!;
  if (day < 1) return { error: `"${quoted}" is not a real date (there is no day ${day})` };
  return { error: `"${quoted}" is not a real date (${monthName} ${year} has ${max} days)` };
}

/** Splits a range at its dash, telling the dash apart from the hyphens of an ISO date. */
function splitRange(t: string): string[] {
  if (/[–—‒−]/.test(t)) return t.split(/\s*[–—‒−]\s*/);
  if (/^\d{4}-\d{1,2}-\d{1,2}$/.test(t)) return [t];
  if (/\s-|-\s/.test(t)) return t.split(/\s+-\s*|\s*-\s+/);
  return t.split('-');
}

function outsideYears(quoted: string): { error: string } {
  return { error: `"${quoted}" is not between ${EARLIEST_YEAR} and ${LATEST_YEAR}, the years a date may have` };
}

/**
 * Parses a date or date range as written on the office's pages.
 *
 * English: "17 September 2020", "05 April 2022", "22 - 23 July 2020",
 * "1 January - 30 April 2020", "28 December 2020 - 3 January 2021",
 * "13-14 February 2020"; month names full or abbreviated, any case; hyphen,
 * en dash or em dash with any spacing. Vietnamese: "2020/02/25",
 * "2020/02/25 - 2020/02/29", "25/02/2020" (day first when the year is last),
 * "17 tháng 9, 2020", "17 tháng 9 năm 2020" and ranges in those styles.
 *
 * The start of a range takes whatever it leaves out (month, year) from the
 * end. When the start names a month but no year and would then fall after
 * the end ("28 December - 3 January 2021"), it is taken to be in the year
 * before. A range that starts and ends on the same day gives end null.
 * Anything else that cannot be a real date or range, or falls outside the
 * years dates may have (bounds.ts), comes back as `{ error }` with a reason
 * written for the person who typed it.
 */
export function parseDateText(text: string): DateTextResult {
  const whole = text.normalize('NFC').replace(/\s+/g, ' ').trim();
  if (whole === '') return { error: 'the date is empty' };
  const pieces = splitRange(whole);
  if (pieces.length > 2) return { error: `"${whole}" has more than one dash; a range is written "start - end"` };

  if (pieces.length === 1) {
    const side = parseSide(whole);
    if ('error' in side) return side;
    if (side.month === null) return { error: `"${whole}" has no month or year` };
    if (side.year === null) return { error: `"${whole}" has no year` };
    const date = makeCalendarDate(side.year, side.month, side.day);
    if (date === null) return notRealDate(whole, side.day, side.month, side.year);
    if (!isWithinYears(date)) return outsideYears(whole);
    return { start: date, end: null };
  }

  const left = parseSide(pieces[0]!);
  if ('error' in left) return left.error === 'one side of the dash has no date' ? { error: `"${whole}" has no start date before the dash` } : left;
  const right = parseSide(pieces[1]!);
  if ('error' in right) return right.error === 'one side of the dash has no date' ? { error: `"${whole}" has no end date after the dash` } : right;
  if (right.month === null || right.year === null) {
    return { error: `the end of "${whole}" needs a month and a year, as in "22 - 23 July 2020"` };
  }
  const end = makeCalendarDate(right.year, right.month, right.day);
  if (end === null) return notRealDate(right.text, right.day, right.month, right.year);

  const startMonth = left.month ?? right.month;
  let startYear = left.year ?? right.year;
  const style = left.style === 'day' ? right.style : left.style;
  const quoteStart = (y: number): string =>
    left.year !== null ? left.text : renderSide(left.day, startMonth, y, style);
  let start = makeCalendarDate(startYear, startMonth, left.day);
  if (start !== null && endsBeforeStart(start, end) && left.year === null && left.month !== null) {
    startYear -= 1;
    start = makeCalendarDate(startYear, startMonth, left.day);
  }
  if (start === null) return notRealDate(quoteStart(startYear), left.day, startMonth, startYear);
  if (endsBeforeStart(start, end)) return { error: `"${whole}": the range ends before it starts` };
  if (!isWithinYears(start) || !isWithinYears(end)) return outsideYears(whole);
  return { start, end: storedEndDate(start, end) };
}

/**
 * Which language a date line is written in: 'vi' for "tháng"/"năm" wording or
 * slash dates ("2020/09/17"), 'en' for English month names, null when the
 * text gives no hint (ISO dates, bare numbers).
 */
export function dateTextLanguage(text: string): Lang | null {
  const t = normalise(text);
  if (/(^|\s)(tháng|năm|ngày)(\s|$)/.test(t) || /\d[/.]\d/.test(t)) return 'vi';
  for (const word of t.split(/[^a-z]+/)) {
    if (word !== '' && englishMonth(word) !== null) return 'en';
  }
  return null;
}

/**
 * Reads a month heading of a listing page into 'YYYY-MM': English
 * "September 2020" or "Sep 2020"; Vietnamese "Tháng Hai 2020", "Tháng 2 2020",
 * "Tháng 2/2020", "Tháng 2 năm 2020", "tháng mười hai 2019", and the
 * traditional "Tháng Giêng" (January) and "Tháng Chạp" (December). Case is
 * ignored but Vietnamese words must carry their diacritics ("Thang Hai" is
 * not accepted), so ordinary text is not mistaken for a heading. Returns null
 * for anything else.
 */
export function parseMonthHeading(line: string): { month: string } | null {
  const s = normalise(line).replace(/:$/, '').trim();
  let month: number | null = null;
  let year: number | null = null;

  const en = /^([a-z]+)\.? (\d{4})$/.exec(s);
  if (en) {
    month = englishMonth(en[1]!);
    year = Number(en[2]);
  } else {
    const vi = /^tháng ?(.+?)(?: năm | ?[/.,-] ?| )(\d{4})$/.exec(s);
    if (vi) {
      month = vietnameseMonth(vi[1]!);
      year = Number(vi[2]);
    }
  }
  if (month === null || year === null) return null;
  return { month: `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}` };
}
