import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { formatClock, formatDate, formatDateRange, formatMonthHeading, RANGE_SEPARATOR, VIETNAMESE_DATE_STYLE } from './format.js';
import { casesOf } from '../../../test/helpers/cases.js';

/** The formatters on a row's arguments, for tables of cases. */
const date = (args: Parameters<typeof formatDate>) => formatDate(...args);
const range = (args: Parameters<typeof formatDateRange>) => formatDateRange(...args);

describe('formatDate', () => {
  casesOf(date, {
    'English, as on the events page': [
      [['2020-09-17', 'en'], '17 September 2020'],
      [['2020-01-01', 'en'], '1 January 2020'],
      [['2020-02-29', 'en'], '29 February 2020'],
    ],
    'English with a padded day, as on the articles page': [
      [['2022-04-05', 'en', { padDay: true }], '05 April 2022'],
      [['2020-12-01', 'en', { padDay: true }], '01 December 2020'],
      [['2024-03-29', 'en', { padDay: true }], '29 March 2024'],
    ],
    Vietnamese: [
      [['2020-09-17', 'vi'], '17 tháng 9, 2020'],
      [['2020-01-01', 'vi'], '1 tháng 1, 2020'],
      [['2020-12-31', 'vi'], '31 tháng 12, 2020'],
      [['2022-04-05', 'vi', { padDay: true }], '05 tháng 4, 2022'],
    ],
    'the first and last day of a year do not slip into the neighbouring year': [
      [['2021-01-01', 'en'], '1 January 2021'],
      [['2020-12-31', 'en'], '31 December 2020'],
    ],
  });

  test('throws on a malformed date', () => {
    assert.throws(() => formatDate('2021-02-29', 'en'), RangeError);
    assert.throws(() => formatDate('17 September 2020', 'en'), RangeError);
  });
});

describe('formatDateRange', () => {
  casesOf(range, {
    'English, every shape found on the events page': [
      [['2020-09-17', null, 'en'], '17 September 2020'],
      [['2020-09-17', '2020-09-17', 'en'], '17 September 2020'],
      [['2020-07-22', '2020-07-23', 'en'], '22 - 23 July 2020'],
      [['2020-02-25', '2020-02-29', 'en'], '25 - 29 February 2020'],
      [['2020-01-01', '2020-04-30', 'en'], '1 January - 30 April 2020'],
      [['2020-12-28', '2021-01-03', 'en'], '28 December 2020 - 3 January 2021'],
    ],
    Vietnamese: [
      [['2020-09-17', null, 'vi'], '17 tháng 9, 2020'],
      [['2020-07-22', '2020-07-23', 'vi'], '22 - 23 tháng 7, 2020'],
      [['2020-01-01', '2020-04-30', 'vi'], '1 tháng 1 - 30 tháng 4, 2020'],
      [['2020-12-28', '2021-01-03', 'vi'], '28 tháng 12, 2020 - 3 tháng 1, 2021'],
    ],
  });

  test('uses the plain hyphen with spaces of the office pages', () => {
    assert.equal(RANGE_SEPARATOR, ' - ');
    assert.ok(formatDateRange('2020-03-01', '2020-03-10', 'en').includes(' - '));
    assert.ok(!/[–—]/.test(formatDateRange('2020-03-01', '2020-05-10', 'vi')));
  });

  test('refuses a range that ends before it starts', () => {
    assert.throws(() => formatDateRange('2020-07-23', '2020-07-22', 'en'), RangeError);
  });
});

describe('formatMonthHeading', () => {
  test('English and Vietnamese', () => {
    assert.equal(formatMonthHeading('2020-09', 'en'), 'September 2020');
    assert.equal(formatMonthHeading('2020-02', 'en'), 'February 2020');
    assert.equal(formatMonthHeading('2020-09', 'vi'), 'Tháng 9 2020');
    assert.equal(formatMonthHeading('2019-12', 'vi'), 'Tháng 12 2019');
  });

  test('rejects anything but YYYY-MM', () => {
    assert.throws(() => formatMonthHeading('2020-13', 'en'), RangeError);
    assert.throws(() => formatMonthHeading('2020-09-01', 'en'), RangeError);
  });
});

describe('every month, both languages', () => {
  const english = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  test('Intl gives the month words; the layout stays the same for each', () => {
    for (let m = 1; m <= 12; m += 1) {
      const month = `2021-${String(m).padStart(2, '0')}`;
      assert.equal(formatDate(`${month}-01`, 'en'), `1 ${english[m - 1]} 2021`);
      assert.equal(formatDate(`${month}-01`, 'vi'), `1 tháng ${m}, 2021`);
      assert.equal(formatMonthHeading(month, 'en'), `${english[m - 1]} 2021`);
      assert.equal(formatMonthHeading(month, 'vi'), `Tháng ${m} 2021`);
    }
  });

  casesOf(range, {
    'ranges within a month, across months and across years, on month and year edges': [
      [['2024-02-28', '2024-02-29', 'en'], '28 - 29 February 2024'],
      [['2024-02-28', '2024-02-29', 'vi'], '28 - 29 tháng 2, 2024'],
      [['2024-01-31', '2024-02-01', 'en'], '31 January - 1 February 2024'],
      [['2024-01-31', '2024-02-01', 'vi'], '31 tháng 1 - 1 tháng 2, 2024'],
      [['2024-12-31', '2025-01-01', 'en'], '31 December 2024 - 1 January 2025'],
      [['2024-12-31', '2025-01-01', 'vi'], '31 tháng 12, 2024 - 1 tháng 1, 2025'],
      // Same day and month in different years is still a range across years.
      [['2024-03-05', '2025-03-05', 'vi'], '5 tháng 3, 2024 - 5 tháng 3, 2025'],
    ],
  });
});

describe('VIETNAMESE_DATE_STYLE', () => {
  test('documents exactly what the formatters produce', () => {
    assert.equal(formatDate('2020-09-17', 'vi'), VIETNAMESE_DATE_STYLE.date);
    assert.equal(formatDate('2022-04-05', 'vi', { padDay: true }), VIETNAMESE_DATE_STYLE.paddedDate);
    assert.equal(formatDateRange('2020-07-22', '2020-07-23', 'vi'), VIETNAMESE_DATE_STYLE.rangeSameMonth);
    assert.equal(formatDateRange('2020-01-01', '2020-04-30', 'vi'), VIETNAMESE_DATE_STYLE.rangeSameYear);
    assert.equal(formatDateRange('2020-12-28', '2021-01-03', 'vi'), VIETNAMESE_DATE_STYLE.rangeAcrossYears);
    assert.equal(formatMonthHeading('2020-09', 'vi'), VIETNAMESE_DATE_STYLE.monthHeading);
  });
});

describe('formatClock', () => {
  test('an instant as the clocks of its zone show it, with the zone named as it is at that instant', () => {
    assert.deepEqual(formatClock('2026-03-10T07:00:00Z', 'Asia/Ho_Chi_Minh', 'en'), { time: '14:00', zone: 'GMT+7' });
    assert.deepEqual(formatClock('2026-03-10T07:00:00Z', 'Asia/Ho_Chi_Minh', 'vi'), { time: '14:00', zone: 'GMT+7' });
    assert.deepEqual(formatClock('2026-03-08T00:05:00Z', 'UTC', 'en'), { time: '00:05', zone: 'UTC' });
    // Either side of the change of clocks in Los Angeles (2026-03-08, 02:00 local).
    assert.deepEqual(formatClock('2026-03-08T09:30:00Z', 'America/Los_Angeles', 'en'), { time: '01:30', zone: 'GMT-8' });
    assert.deepEqual(formatClock('2026-03-08T10:30:00Z', 'America/Los_Angeles', 'en'), { time: '03:30', zone: 'GMT-7' });
  });

  test('one zone after another gives each its own clocks (its formatter is kept per language and zone)', () => {
    const instant = '2026-07-01T12:00:00Z';
    assert.equal(formatClock(instant, 'Asia/Ho_Chi_Minh', 'en').time, '19:00');
    assert.equal(formatClock(instant, 'Europe/Paris', 'en').time, '14:00');
    assert.equal(formatClock(instant, 'Asia/Ho_Chi_Minh', 'en').time, '19:00');
  });
});
