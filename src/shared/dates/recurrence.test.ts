import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { casesOf } from '../../../test/helpers/cases.js';
import { EXPANSIONS_KEPT, formatExdates, MAX_SESSIONS, normalizeRule, parseExdates, parseRule, ruleUntil, sessionDates } from './recurrence.js';

describe('recurrence rules', () => {
  casesOf((rule: string) => { const p = parseRule(rule); return 'problem' in p ? p.problem : 'ok'; }, {
    'weekly, monthly by day or by weekday, every N, until or count are accepted': [
      ['FREQ=WEEKLY;BYDAY=TU,TH;COUNT=10', 'ok'],
      ['RRULE:FREQ=MONTHLY;BYMONTHDAY=15;UNTIL=20271231', 'ok'],
      ['FREQ=MONTHLY;BYDAY=2WE;INTERVAL=2', 'ok'],
      ['FREQ=MONTHLY;BYDAY=-1FR', 'ok'],
    ],
    'a rule within a day, a time of day in the rule, too many sessions and nonsense are refused': [
      ['FREQ=HOURLY;COUNT=3', 'frequency'],
      ['FREQ=WEEKLY;BYHOUR=9', 'timeOfDay'],
      [`FREQ=DAILY;COUNT=${MAX_SESSIONS + 1}`, 'tooMany'],
      ['every tuesday', 'malformed'],
      ['FREQ=WEEKLY;INTERVAL=0', 'malformed'],
      ['', 'malformed'],
    ],
  });

  test('a rule is stored as RFC 5545 text without DTSTART, with UNTIL as a date', () => {
    assert.equal(normalizeRule('RRULE:FREQ=MONTHLY;BYDAY=2WE;UNTIL=20270801T000000Z'), 'FREQ=MONTHLY;BYDAY=+2WE;UNTIL=20270801');
    assert.equal(normalizeRule('DTSTART:20270101T090000Z\nRRULE:FREQ=WEEKLY;BYDAY=MO'), 'FREQ=WEEKLY;BYDAY=MO');
    assert.equal(normalizeRule('FREQ=SECONDLY'), null);
    assert.equal(ruleUntil('FREQ=WEEKLY;UNTIL=20270301'), '2027-03-01');
    assert.equal(ruleUntil('FREQ=WEEKLY;COUNT=3'), null);
  });

  test('skipped dates are stored sorted, once each, and read back leaving out what is not a date', () => {
    assert.equal(formatExdates(['2027-03-30', '2027-03-02', '2027-03-30']), '2027-03-02 2027-03-30');
    assert.equal(formatExdates([]), null);
    assert.deepEqual(parseExdates('2027-03-02, 2027-02-30 x 2027-03-30'), ['2027-03-02', '2027-03-30']);
  });
});

describe('the dates a rule makes', () => {
  test('weekly on two weekdays, by count, the skipped date counted but not listed (RFC 5545)', () => {
    assert.deepEqual(sessionDates('FREQ=WEEKLY;BYDAY=TU,TH;COUNT=5', '2027-03-23', '2027-12-31', ['2027-03-30']), [
      '2027-03-23',
      '2027-03-25',
      '2027-04-01',
      '2027-04-06',
    ]);
  });

  test('monthly on the second Wednesday until a date, including it', () => {
    assert.deepEqual(sessionDates('FREQ=MONTHLY;BYDAY=2WE;UNTIL=20270414', '2027-01-13', '2027-12-31'), ['2027-01-13', '2027-02-10', '2027-03-10', '2027-04-14']);
  });

  test('monthly on the 31st skips the months without one', () => {
    assert.deepEqual(sessionDates('FREQ=MONTHLY;BYMONTHDAY=31;COUNT=3', '2027-01-31', '2027-12-31'), ['2027-01-31', '2027-03-31', '2027-05-31']);
  });

  test('the first session is the start even when the rule would not make it', () => {
    assert.deepEqual(sessionDates('FREQ=WEEKLY;BYDAY=MO;COUNT=2', '2027-03-24', '2027-12-31'), ['2027-03-24', '2027-03-29', '2027-04-05']);
  });

  test('an endless rule stops at the horizon, and never makes more than the most sessions', () => {
    assert.deepEqual(sessionDates('FREQ=WEEKLY', '2027-01-01', '2027-01-20'), ['2027-01-01', '2027-01-08', '2027-01-15']);
    assert.equal(sessionDates('FREQ=DAILY', '2027-01-01', '2099-12-31').length, MAX_SESSIONS);
  });
});

describe('a rule expanded again', () => {
  const rule = 'FREQ=WEEKLY;BYDAY=TU';
  test('gives the same dates as the first time, and each horizon, skipped date and rule its own', () => {
    const first = sessionDates(rule, '2027-03-02', '2027-03-23');
    assert.deepEqual(first, ['2027-03-02', '2027-03-09', '2027-03-16', '2027-03-23']);
    assert.deepEqual(sessionDates(rule, '2027-03-02', '2027-03-23'), first);
    assert.deepEqual(sessionDates(rule, '2027-03-02', '2027-03-16'), ['2027-03-02', '2027-03-09', '2027-03-16'], 'a nearer horizon');
    assert.deepEqual(sessionDates(rule, '2027-03-02', '2027-03-23', ['2027-03-09']), ['2027-03-02', '2027-03-16', '2027-03-23'], 'a skipped date');
    assert.deepEqual(sessionDates('FREQ=WEEKLY;BYDAY=TU;INTERVAL=2', '2027-03-02', '2027-03-23'), ['2027-03-02', '2027-03-16'], 'another rule');
    assert.deepEqual(sessionDates(rule, '2027-03-09', '2027-03-23'), ['2027-03-09', '2027-03-16', '2027-03-23'], 'another first session');
  });

  test('is not changed by what a caller did with the dates it was given before', () => {
    const given = sessionDates(rule, '2027-04-06', '2027-04-20');
    given.splice(0, given.length, '1999-01-01');
    assert.deepEqual(sessionDates(rule, '2027-04-06', '2027-04-20'), ['2027-04-06', '2027-04-13', '2027-04-20']);
  });

  test('more rules than are kept still expand right, the first of them asked again after the others', () => {
    const through = '2027-06-01';
    for (let i = 0; i <= EXPANSIONS_KEPT; i++) {
      const first = `2027-05-${String((i % 28) + 1).padStart(2, '0')}`;
      assert.equal(sessionDates(`FREQ=DAILY;INTERVAL=${(i % 90) + 1}`, first, through)[0], first);
    }
    assert.deepEqual(sessionDates('FREQ=DAILY;INTERVAL=1', '2027-05-01', '2027-05-03'), ['2027-05-01', '2027-05-02', '2027-05-03']);
  });
});
