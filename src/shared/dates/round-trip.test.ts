/**
 * Properties of the date parser and formatter together: every date and range
 * in the years dates may have, written as the pages write it (or in any form
 * the parser accepts), reads back as itself, in both languages.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { addDays, dateParts, daysInMonth, makeCalendarDate } from './calendar-date.js';
import { formatDate, formatDateRange, formatMonthHeading, type Lang } from './format.js';
import { dateTextLanguage, parseDateText, parseMonthHeading } from './parse.js';

// Seeded so that a failure is the same on every run and every machine.
const params = { seed: 1204, numRuns: 3000 };

// The years the parser and the formatter are promised to agree on (the years dates may have).
const EARLIEST_YEAR = 1900;
const LATEST_YEAR = 2100;
const FIRST = `${EARLIEST_YEAR}-01-01`;
const LAST = `${LATEST_YEAR}-12-31`;
const DAYS = Math.round((Date.UTC(LATEST_YEAR, 11, 31) - Date.UTC(EARLIEST_YEAR, 0, 1)) / 86_400_000);

const lang = fc.constantFrom<Lang>('en', 'vi');

/** Any date from the first to the last allowed, the ends and the leap days more often. */
const date = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: 0, max: DAYS }).map((n) => addDays(FIRST, n)) },
  { weight: 1, arbitrary: fc.constantFrom(FIRST, LAST, '1900-02-28', '1900-03-01', '2000-02-29', '2096-02-29', '2100-02-28', '2020-12-31') },
  {
    weight: 1,
    arbitrary: fc
      .integer({ min: EARLIEST_YEAR / 4, max: LATEST_YEAR / 4 })
      .map((q) => makeCalendarDate(q * 4, 2, 29))
      .filter((d): d is string => d !== null),
  },
);

/** A range that starts and ends in the same month. */
const rangeInMonth = date.chain((start) => {
  const { year, month, day } = dateParts(start);
  return fc.integer({ min: day, max: daysInMonth(year, month) }).map((end) => [start, makeCalendarDate(year, month, end)!] as const);
});

/** A range across months of one year. */
const rangeInYear = date
  .filter((d) => dateParts(d).month < 12)
  .chain((start) => {
    const { year, month } = dateParts(start);
    return fc
      .integer({ min: month + 1, max: 12 })
      .chain((m) => fc.integer({ min: 1, max: daysInMonth(year, m) }).map((d) => [start, makeCalendarDate(year, m, d)!] as const));
  });

/** A range across years, up to two years long (longer events are refused elsewhere). */
const rangeAcrossYears = date
  .filter((d) => dateParts(d).year < LATEST_YEAR)
  .chain((start) => {
    const days = Math.round((Date.UTC(dateParts(start).year + 1, 0, 1) - Date.parse(`${start}T00:00:00Z`)) / 86_400_000);
    return fc.integer({ min: days, max: days + 730 }).map((n) => [start, addDays(start, n)] as const);
  })
  .filter(([, end]) => end <= LAST);

const anyRange = fc.oneof(rangeInMonth, rangeInYear, rangeAcrossYears);

describe('parse ∘ format is the identity', () => {
  test('on every single date, in both languages, with and without a padded day', () => {
    fc.assert(
      fc.property(date, lang, fc.boolean(), (d, l, padDay) => {
        const text = formatDate(d, l, { padDay });
        assert.deepEqual(parseDateText(text), { start: d, end: null }, text);
        assert.equal(dateTextLanguage(text), l, text);
      }),
      params,
    );
  });

  test('on every range: within a month, across months, across years, in both languages', () => {
    fc.assert(
      fc.property(anyRange, lang, ([start, end], l) => {
        const text = formatDateRange(start, end, l);
        assert.deepEqual(parseDateText(text), { start, end: start === end ? null : end }, text);
      }),
      params,
    );
  });

  test('the ranges are written as the office writes them', () => {
    fc.assert(
      fc.property(rangeInMonth.filter(([a, b]) => a !== b), ([start, end]) => {
        assert.match(formatDateRange(start, end, 'en'), /^\d{1,2} - \d{1,2} [A-Z][a-z]+ \d{4}$/);
        assert.match(formatDateRange(start, end, 'vi'), /^\d{1,2} - \d{1,2} tháng \d{1,2}, \d{4}$/);
      }),
      { ...params, numRuns: 200 },
    );
    fc.assert(
      fc.property(rangeAcrossYears, ([start, end]) => {
        assert.match(formatDateRange(start, end, 'en'), /^\d{1,2} [A-Z][a-z]+ \d{4} - \d{1,2} [A-Z][a-z]+ \d{4}$/);
        assert.match(formatDateRange(start, end, 'vi'), /^\d{1,2} tháng \d{1,2}, \d{4} - \d{1,2} tháng \d{1,2}, \d{4}$/);
      }),
      { ...params, numRuns: 200 },
    );
  });

  test('on every month heading', () => {
    fc.assert(
      fc.property(date, lang, (d, l) => {
        const month = d.slice(0, 7);
        assert.deepEqual(parseMonthHeading(formatMonthHeading(month, l)), { month });
      }),
      params,
    );
  });
});

const VIETNAMESE_MONTH_WORDS = ['Một', 'Hai', 'Ba', 'Tư', 'Năm', 'Sáu', 'Bảy', 'Tám', 'Chín', 'Mười', 'Mười Một', 'Mười Hai'];
const ENGLISH_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

type Writer = (d: string) => string;
const pad = (n: number) => String(n).padStart(2, '0');
const parts = (d: string) => dateParts(d);

/** The other ways the parser reads a date: Vietnamese numeric and worded forms, English abbreviations. */
const WRITERS: Record<string, Writer> = {
  'year first, slashes': (d) => `${parts(d).year}/${pad(parts(d).month)}/${pad(parts(d).day)}`,
  'day first, slashes': (d) => `${pad(parts(d).day)}/${pad(parts(d).month)}/${parts(d).year}`,
  'day first, dots': (d) => `${parts(d).day}.${parts(d).month}.${parts(d).year}`,
  'tháng … năm': (d) => `${parts(d).day} tháng ${parts(d).month} năm ${parts(d).year}`,
  'ngày … tháng …, year': (d) => `ngày ${parts(d).day} tháng ${parts(d).month}, ${parts(d).year}`,
  'month word': (d) => `${parts(d).day} tháng ${VIETNAMESE_MONTH_WORDS[parts(d).month - 1]!.toLowerCase()}, ${parts(d).year}`,
  'month word and năm': (d) => `${parts(d).day} Tháng ${VIETNAMESE_MONTH_WORDS[parts(d).month - 1]!} năm ${parts(d).year}`,
  'decomposed diacritics': (d) => formatDate(d, 'vi').normalize('NFD'),
  'English, abbreviated': (d) => `${pad(parts(d).day)} ${ENGLISH_MONTHS[parts(d).month - 1]!.slice(0, 3)} ${parts(d).year}`,
  'English, month first': (d) => `${ENGLISH_MONTHS[parts(d).month - 1]!} ${parts(d).day}, ${parts(d).year}`,
  ISO: (d) => d,
};

describe('every form the parser accepts reads back the same date', () => {
  const writer = fc.constantFrom(...Object.keys(WRITERS));

  test('single dates', () => {
    fc.assert(
      fc.property(date, writer, (d, w) => {
        const text = WRITERS[w]!(d);
        assert.deepEqual(parseDateText(text), { start: d, end: null }, `${w}: ${text}`);
      }),
      params,
    );
  });

  test('a range across the new year with the start\'s year left out ("28 December - 3 January 2021")', () => {
    const shortRange = rangeAcrossYears.filter(([start, end]) => addDays(start, 300) > end);
    fc.assert(
      fc.property(shortRange, ([start, end]) => {
        const s = parts(start);
        const english = `${s.day} ${ENGLISH_MONTHS[s.month - 1]!} - ${formatDate(end, 'en')}`;
        const vietnamese = `${s.day} tháng ${s.month} - ${formatDate(end, 'vi')}`;
        assert.deepEqual(parseDateText(english), { start, end }, english);
        assert.deepEqual(parseDateText(vietnamese), { start, end }, vietnamese);
      }),
      { ...params, numRuns: 500 },
    );
  });

  test('ranges written with both ends in full, with any dash', () => {
    const dash = fc.constantFrom(' - ', '-', ' – ', '–', ' — ');
    fc.assert(
      fc.property(anyRange, writer, dash, ([start, end], w, sep) => {
        // An ISO date's own hyphens are told from a dash only when the dash has spaces.
        if (w === 'ISO' && !sep.startsWith(' ')) return;
        const text = `${WRITERS[w]!(start)}${sep}${WRITERS[w]!(end)}`;
        assert.deepEqual(parseDateText(text), { start, end: start === end ? null : end }, `${w}: ${text}`);
      }),
      params,
    );
  });
});

describe('every month heading form the parser accepts reads back the same month', () => {
  const HEADINGS: Record<string, (year: number, month: number) => string> = {
    English: (y, m) => `${ENGLISH_MONTHS[m - 1]!} ${y}`,
    'English, abbreviated': (y, m) => `${ENGLISH_MONTHS[m - 1]!.slice(0, 3).toUpperCase()} ${y}`,
    'Vietnamese word': (y, m) => `Tháng ${VIETNAMESE_MONTH_WORDS[m - 1]!} ${y}`,
    'Vietnamese word and năm': (y, m) => `tháng ${VIETNAMESE_MONTH_WORDS[m - 1]!.toLowerCase()} năm ${y}`,
    'Vietnamese number, slash': (y, m) => `Tháng ${m}/${y}`,
    'Vietnamese number and năm': (y, m) => `Tháng ${m} năm ${y}`,
    'traditional names': (y, m) => `Tháng ${m === 1 ? 'Giêng' : m === 12 ? 'Chạp' : m} ${y}`,
  };

  test('in every form', () => {
    fc.assert(
      fc.property(date, fc.constantFrom(...Object.keys(HEADINGS)), (d, form) => {
        const { year, month } = parts(d);
        const text = HEADINGS[form]!(year, month);
        assert.deepEqual(parseMonthHeading(text), { month: d.slice(0, 7) }, `${form}: ${text}`);
      }),
      params,
    );
  });
});
