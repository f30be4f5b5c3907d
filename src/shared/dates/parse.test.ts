import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { dateTextLanguage, parseDateText, parseMonthHeading, type DateTextResult } from './parse.js';
import { formatDate, formatDateRange } from './format.js';
import { casesOf } from '../../../test/helpers/cases.js';

function ok(text: string): { start: string; end: string | null } {
  const r: DateTextResult = parseDateText(text);
  if ('error' in r) assert.fail(`expected ${JSON.stringify(text)} to parse, got: ${r.error}`);
  return r;
}

function fails(text: string): string {
  const r = parseDateText(text);
  if (!('error' in r)) assert.fail(`expected ${JSON.stringify(text)} to be refused, got ${JSON.stringify(r)}`);
  return r.error;
}

describe('parseDateText: English single dates', () => {
  casesOf(ok, {
    'as written on the pages': [
      ['17 September 2020', { start: '2020-09-17', end: null }],
      ['05 April 2022', { start: '2022-04-05', end: null }],
      ['1 January 2020', { start: '2020-01-01', end: null }],
      ['29 February 2020', { start: '2020-02-29', end: null }],
    ],
    'abbreviated months, any case, extra spaces': [
      ['17 Sep 2020', { start: '2020-09-17', end: null }],
      ['17 sept. 2020', { start: '2020-09-17', end: null }],
      ['  17   SEPTEMBER 2020 ', { start: '2020-09-17', end: null }],
      ['3 feb 2021', { start: '2021-02-03', end: null }],
    ],
    'month first with a comma, as in email': [
      ['September 17, 2020', { start: '2020-09-17', end: null }],
    ],
  });
});

describe('parseDateText: English ranges', () => {
  casesOf(ok, {
    'within a month': [
      ['22 - 23 July 2020', { start: '2020-07-22', end: '2020-07-23' }],
      ['25 - 29 February 2020', { start: '2020-02-25', end: '2020-02-29' }],
    ],
    'across months': [
      ['1 January - 30 April 2020', { start: '2020-01-01', end: '2020-04-30' }],
      ['30 Jun - 2 Jul 2020', { start: '2020-06-30', end: '2020-07-02' }],
    ],
    'across years': [
      ['28 December 2020 - 3 January 2021', { start: '2020-12-28', end: '2021-01-03' }],
    ],
    'a start month without a year that would fall after the end belongs to the year before': [
      ['28 December - 3 January 2021', { start: '2020-12-28', end: '2021-01-03' }],
    ],
  });

  test('hyphen, en dash or em dash with any spacing', () => {
    const expected = { start: '2020-02-13', end: '2020-02-14' };
    for (const text of ['13-14 February 2020', '13 -14 February 2020', '13- 14 February 2020', '13–14 February 2020', '13 – 14 February 2020', '13—14 February 2020', '13 —  14 February 2020']) {
      assert.deepEqual(ok(text), expected, text);
    }
  });

  test('a same-day range has no end', () => {
    assert.deepEqual(ok('12 - 12 July 2020'), { start: '2020-07-12', end: null });
  });
});

describe('parseDateText: Vietnamese forms', () => {
  casesOf(ok, {
    'numeric, year first and year last': [
      ['2020/02/25', { start: '2020-02-25', end: null }],
      ['2020/02/25 - 2020/02/29', { start: '2020-02-25', end: '2020-02-29' }],
      ['25/02/2020', { start: '2020-02-25', end: null }],
      ['5/2/2020', { start: '2020-02-05', end: null }],
      ['25/02/2020 - 29/02/2020', { start: '2020-02-25', end: '2020-02-29' }],
      ['25 - 29/02/2020', { start: '2020-02-25', end: '2020-02-29' }],
      ['2020/12/28–2021/01/03', { start: '2020-12-28', end: '2021-01-03' }],
    ],
  });

  test('worded, with a comma or "năm"', () => {
    assert.deepEqual(ok('17 tháng 9, 2020'), { start: '2020-09-17', end: null });
    assert.deepEqual(ok('17 tháng 9 năm 2020'), { start: '2020-09-17', end: null });
    assert.deepEqual(ok('ngày 17 tháng 9 năm 2020'), { start: '2020-09-17', end: null });
    assert.deepEqual(ok('17 Tháng Chín, 2020'), { start: '2020-09-17', end: null });
    // "năm" alone is the month May; before the year it means "year".
    assert.deepEqual(ok('17 tháng năm năm 2020'), { start: '2020-05-17', end: null });
  });

  casesOf(ok, {
    'worded ranges': [
      ['22 - 23 tháng 7, 2020', { start: '2020-07-22', end: '2020-07-23' }],
      ['1 tháng 1 - 30 tháng 4, 2020', { start: '2020-01-01', end: '2020-04-30' }],
      ['28 tháng 12, 2020 - 3 tháng 1, 2021', { start: '2020-12-28', end: '2021-01-03' }],
      ['22 – 23 tháng 7 năm 2020', { start: '2020-07-22', end: '2020-07-23' }],
    ],
    'ISO dates are read too': [
      ['2020-09-17', { start: '2020-09-17', end: null }],
      ['2020-02-25 - 2020-02-29', { start: '2020-02-25', end: '2020-02-29' }],
    ],
  });
});

describe('parseDateText: refusals with reasons', () => {
  test('a day that does not exist', () => {
    assert.equal(fails('31 April 2020'), '"31 April 2020" is not a real date (April 2020 has 30 days)');
    assert.match(fails('29 February 2021'), /"29 February 2021" is not a real date/);
    assert.match(fails('30 - 31 April 2020'), /"31 April 2020" is not a real date/);
    assert.match(fails('31 April - 2 May 2020'), /"31 April 2020" is not a real date/);
    assert.match(fails('2020/02/30'), /"2020\/02\/30" is not a real date/);
    assert.match(fails('2020/13/01'), /there is no month 13/);
    assert.match(fails('17 tháng 13, 2020'), /there is no month 13/);
  });

  test('a range that ends before it starts', () => {
    assert.match(fails('23 - 22 July 2020'), /the range ends before it starts/);
    assert.match(fails('3 January 2021 - 28 December 2020'), /the range ends before it starts/);
    assert.match(fails('2020/02/29 - 2020/02/25'), /the range ends before it starts/);
  });

  test('unknown words are named', () => {
    assert.match(fails('17 Septembre 2020'), /"Septembre" .* is not a month/);
    assert.match(fails('17 tháng xyz 2020'), /"tháng xyz"/);
    assert.match(fails('next Tuesday'), /is not a/);
    assert.match(fails('TBC'), /"TBC" is not a date/);
  });

  test('missing parts', () => {
    assert.equal(fails(''), 'the date is empty');
    assert.equal(fails('   '), 'the date is empty');
    assert.equal(fails('17 September'), '"17 September" has no year');
    assert.match(fails('September 2020'), /names a month but not a day/);
    assert.match(fails('17/9/20'), /four-digit year/);
    assert.match(fails('17 September 20'), /four-digit year/);
    assert.match(fails('22 - 23'), /needs a month and a year/);
    assert.match(fails('- 3 July 2020'), /no start date/);
    assert.match(fails('3 July 2020 -'), /no end date/);
    assert.match(fails('1 - 2 - 3 July 2020'), /more than one dash/);
  });
});

describe('parseDateText and the formatters agree', () => {
  test('every English and Vietnamese display form reads back', () => {
    const cases: [string, string | null][] = [
      ['2020-09-17', null],
      ['2020-07-22', '2020-07-23'],
      ['2020-01-01', '2020-04-30'],
      ['2020-12-28', '2021-01-03'],
    ];
    for (const [start, end] of cases) {
      for (const lang of ['en', 'vi'] as const) {
        assert.deepEqual(ok(formatDateRange(start, end, lang)), { start, end }, `${lang} ${start} ${end}`);
      }
    }
    assert.deepEqual(ok(formatDate('2022-04-05', 'en', { padDay: true })), { start: '2022-04-05', end: null });
  });
});

describe('dateTextLanguage', () => {
  casesOf(dateTextLanguage, {
    'tells Vietnamese from English dates': [
      ['2020/09/17', 'vi'],
      ['17 tháng 9, 2020', 'vi'],
      ['17 September 2020', 'en'],
      ['2020-09-17', null],
    ],
  });
});

describe('parseMonthHeading', () => {
  casesOf(parseMonthHeading, {
    'English': [
      // The month's name in full or short, and in capitals with spaces around.
      ['September 2020', { month: '2020-09' }], ['Sep 2020', { month: '2020-09' }],
      ['  FEBRUARY 2020 ', { month: '2020-02' }],
    ],
    'Vietnamese words and numbers': [
      // One month in words and in the three ways of writing its number.
      ['Tháng Hai 2020', { month: '2020-02' }], ['Tháng 2 2020', { month: '2020-02' }], ['Tháng 2/2020', { month: '2020-02' }], ['Tháng 02 năm 2020', { month: '2020-02' }],
      // Names of two words, and the one-word names they begin with.
      ['tháng mười hai 2019', { month: '2019-12' }], ['Tháng Mười Một 2020', { month: '2020-11' }], ['Tháng Mười 2020', { month: '2020-10' }], ['Tháng Một 2020', { month: '2020-01' }],
      ['Tháng Tư 2020', { month: '2020-04' }], ['Tháng Năm 2020', { month: '2020-05' }], ['THÁNG BẢY 2020', { month: '2020-07' }],
    ],
    'the traditional January and December': [
      ['Tháng Giêng 2021', { month: '2021-01' }],
      ['Tháng Chạp 2020', { month: '2020-12' }],
    ],
    'the same month written with decomposed diacritics': [
      ['Tháng Chín 2020'.normalize('NFD'), { month: '2020-09' }],
    ],
  });

  test('anything else is not a heading', () => {
    for (const line of ['Thang Hai 2020', 'Tháng 13 2020', 'Tháng Hai', '17 September 2020', 'Septembre 2020', 'Events and meetings', '2020', '']) {
      assert.equal(parseMonthHeading(line), null, line);
    }
  });
});

describe('parseDateText: the years dates may have', () => {
  test('dates before 1900 or after 2100 are refused, naming the years', () => {
    assert.match(fails('1 January 3999'), /between 1900 and 2100/);
    assert.match(fails('31 December 1899'), /between 1900 and 2100/);
    assert.match(fails('1 January 2000 - 31 December 3999'), /between 1900 and 2100/);
    assert.deepEqual(ok('1 January 1900 - 31 December 2100'), { start: '1900-01-01', end: '2100-12-31' });
  });
});
