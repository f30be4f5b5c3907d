import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { daysSpanned, EARLIEST_YEAR, eventDatesProblem, isWithinYears, LATEST_YEAR, MAX_EVENT_DAYS } from './bounds.js';
import { addDays } from './calendar-date.js';

describe('the date rule', () => {
  test('dates in the years 1900 to 2100, no others', () => {
    assert.equal(EARLIEST_YEAR, 1900);
    assert.equal(LATEST_YEAR, 2100);
    for (const d of ['1900-01-01', '2020-09-17', '2100-12-31']) assert.equal(isWithinYears(d), true, d);
    for (const d of ['1899-12-31', '2101-01-01', '3999-12-31', '0001-01-01', 'not a date']) assert.equal(isWithinYears(d), false, d);
  });

  test('days spanned count both ends, across months, years and leap days', () => {
    assert.equal(daysSpanned('2020-09-17', null), 1);
    assert.equal(daysSpanned('2020-09-17', '2020-09-17'), 1);
    assert.equal(daysSpanned('2020-12-28', '2021-01-03'), 7);
    assert.equal(daysSpanned('2020-01-01', '2020-12-31'), 366);
  });

  test('an event lasts at most MAX_EVENT_DAYS, and stays within the years', () => {
    assert.equal(eventDatesProblem('2020-01-01', '2020-04-30'), null);
    assert.equal(eventDatesProblem('2020-01-01', addDays('2020-01-01', MAX_EVENT_DAYS - 1)), null);
    assert.equal(eventDatesProblem('2020-01-01', addDays('2020-01-01', MAX_EVENT_DAYS)), 'tooLong');
    assert.equal(eventDatesProblem('2000-01-01', '3999-12-31'), 'outsideYears');
    assert.equal(eventDatesProblem('1899-12-31', null), 'outsideYears');
    assert.equal(eventDatesProblem('2100-12-31', '2101-01-01'), 'outsideYears');
  });
});
