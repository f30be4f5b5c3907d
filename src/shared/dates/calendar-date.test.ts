import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  addDays,
  compareDates,
  daysInMonth,
  isCalendarDate,
  isValidTimeZone,
  makeCalendarDate,
  monthKey,
  todayInZone,
  weekdayOf,
  yearOf,
} from './calendar-date.js';
import { casesOf } from '../../../test/helpers/cases.js';

describe('isCalendarDate', () => {
  test('accepts real days, leap days included', () => {
    for (const d of ['2020-09-17', '2020-02-29', '2000-02-29', '2021-12-31', '2021-01-01']) {
      assert.equal(isCalendarDate(d), true, d);
    }
  });

  test('rejects days that do not exist', () => {
    for (const d of ['2021-02-29', '1900-02-29', '2020-04-31', '2020-13-01', '2020-00-10', '2020-01-00', '2020-01-32']) {
      assert.equal(isCalendarDate(d), false, d);
    }
  });

  test('rejects other shapes', () => {
    for (const d of ['2020-9-17', '20-09-17', '2020/09/17', ' 2020-09-17', '2020-09-17T00:00:00Z', '17 September 2020', '']) {
      assert.equal(isCalendarDate(d), false, d);
    }
  });
});

describe('daysInMonth and makeCalendarDate', () => {
  test('knows month lengths', () => {
    assert.equal(daysInMonth(2020, 2), 29);
    assert.equal(daysInMonth(2021, 2), 28);
    assert.equal(daysInMonth(2020, 4), 30);
    assert.equal(daysInMonth(2020, 12), 31);
    assert.equal(daysInMonth(2020, 13), 0);
  });

  test('pads parts and refuses impossible ones', () => {
    assert.equal(makeCalendarDate(2020, 9, 7), '2020-09-07');
    assert.equal(makeCalendarDate(2020, 4, 31), null);
    assert.equal(makeCalendarDate(2021, 2, 29), null);
    assert.equal(makeCalendarDate(2020, 0, 1), null);
  });
});

describe('compareDates', () => {
  test('orders by calendar', () => {
    assert.ok(compareDates('2020-01-31', '2020-02-01') < 0);
    assert.ok(compareDates('2021-01-01', '2020-12-31') > 0);
    assert.equal(compareDates('2020-07-22', '2020-07-22'), 0);
  });

  test('sorts an array', () => {
    const sorted = ['2021-02-18', '2020-04-23', '2024-03-29', '2022-04-05'].sort(compareDates);
    assert.deepEqual(sorted, ['2020-04-23', '2021-02-18', '2022-04-05', '2024-03-29']);
  });

  test('throws on a malformed date', () => {
    assert.throws(() => compareDates('2020-02-30', '2020-03-01'), RangeError);
  });
});

describe('addDays', () => {
  test('crosses month, year and leap-day boundaries', () => {
    assert.equal(addDays('2020-02-28', 1), '2020-02-29');
    assert.equal(addDays('2021-02-28', 1), '2021-03-01');
    assert.equal(addDays('2020-12-31', 1), '2021-01-01');
    assert.equal(addDays('2021-01-01', -1), '2020-12-31');
    assert.equal(addDays('2020-07-22', 0), '2020-07-22');
    assert.equal(addDays('2020-01-01', 366), '2021-01-01');
  });

  test('is not disturbed by daylight-saving changes in the local zone', () => {
    // 2020-03-08 and 2020-11-01 are the US clock changes.
    assert.equal(addDays('2020-03-07', 1), '2020-03-08');
    assert.equal(addDays('2020-03-08', 1), '2020-03-09');
    assert.equal(addDays('2020-10-31', 2), '2020-11-02');
  });

  test('rejects bad input', () => {
    assert.throws(() => addDays('2020-02-30', 1), RangeError);
    assert.throws(() => addDays('2020-02-01', 1.5), RangeError);
  });
});

describe('monthKey and yearOf', () => {
  test('extract the month and the year', () => {
    assert.equal(monthKey('2020-09-17'), '2020-09');
    assert.equal(yearOf('2020-09-17'), 2020);
    assert.throws(() => monthKey('2020-9-17'), RangeError);
  });
});

describe('weekdayOf', () => {
  casesOf(weekdayOf, {
    'counts from Sunday (0) to Saturday (6)': [
      ['2026-11-22', 0],
      ['2026-11-23', 1],
      ['2026-11-28', 6],
    ],
    'across a leap day and a year': [
      ['2024-02-29', 4],
      ['2027-01-01', 5],
    ],
  });
});

describe('todayInZone', () => {
  test('late evening UTC is already tomorrow in Ho Chi Minh City', () => {
    assert.equal(todayInZone('Asia/Ho_Chi_Minh', new Date('2026-11-23T17:30:00Z')), '2026-11-24');
    assert.equal(todayInZone('Asia/Ho_Chi_Minh', new Date('2026-11-23T16:59:59Z')), '2026-11-23');
    assert.equal(todayInZone('Asia/Ho_Chi_Minh', new Date('2026-11-23T17:00:00Z')), '2026-11-24');
  });

  test('the same instant is still yesterday in Los Angeles and today in UTC', () => {
    const instant = new Date('2026-11-24T03:00:00Z');
    assert.equal(todayInZone('America/Los_Angeles', instant), '2026-11-23');
    assert.equal(todayInZone('UTC', instant), '2026-11-24');
    assert.equal(todayInZone('Asia/Ho_Chi_Minh', instant), '2026-11-24');
  });

  test('New Year turns over at local midnight', () => {
    assert.equal(todayInZone('Asia/Ho_Chi_Minh', new Date('2020-12-31T17:30:00Z')), '2021-01-01');
    assert.equal(todayInZone('Asia/Ho_Chi_Minh', new Date('2020-12-31T17:00:00Z')), '2021-01-01');
    assert.equal(todayInZone('Asia/Ho_Chi_Minh', new Date('2020-12-31T16:59:59.999Z')), '2020-12-31');
  });

  test('throws for an unknown zone or an invalid instant', () => {
    assert.throws(() => todayInZone('Mars/Olympus_Mons', new Date()), RangeError);
    assert.throws(() => todayInZone('UTC', new Date(Number.NaN)), RangeError);
  });
});

describe('isValidTimeZone', () => {
  test('knows IANA names', () => {
    assert.equal(isValidTimeZone('Asia/Ho_Chi_Minh'), true);
    assert.equal(isValidTimeZone('UTC'), true);
    assert.equal(isValidTimeZone('America/Los_Angeles'), true);
  });

  test('rejects anything else', () => {
    assert.equal(isValidTimeZone('Asia/Hanoi_City'), false);
    assert.equal(isValidTimeZone(''), false);
    assert.equal(isValidTimeZone('GMT+7 Indochina'), false);
  });
});

describe('isCalendarDate, read digit by digit', () => {
  // The rule as a pattern: 'YYYY-MM-DD' in ASCII digits, naming a day that exists.
  const byPattern = (s: string) => {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
    return m !== null && Number(m[1]) >= 1 && Number(m[3]) >= 1 && Number(m[3]) <= daysInMonth(Number(m[1]), Number(m[2]));
  };

  test('agrees with the pattern on near misses: other digits, signs, lengths, separators, lines', () => {
    const near = ['2020-09-17', '2020-9-17', '2020-09-7', '20200-09-17', '2020/09/17', '2020-09-17\n', ' 2020-09-17', '2020-0a-17', '2020-09-1٣', '２０２０-09-17', '0000-01-01', '0001-01-01', '9999-12-31', '2020-00-10', '2020-13-01', '2021-02-29', '2024-02-29', '2020-04-31', '2020-04-30', '+202-09-17', '2020-09-00', '2020--9-17', '', '2020-09-17T00'];
    for (const s of near) assert.equal(isCalendarDate(s), byPattern(s), JSON.stringify(s));
  });

  test('agrees with the pattern on every day and non-day of two years', () => {
    for (const year of ['1900', '2000']) {
      for (let month = 0; month <= 13; month++) {
        for (let day = 0; day <= 32; day++) {
          const s = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
          assert.equal(isCalendarDate(s), byPattern(s), s);
        }
      }
    }
  });
});
