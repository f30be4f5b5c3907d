import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { eventSessions, sessionInstant, type RecurringTiming } from './sessions.js';

/** A weekly Tuesday webinar at 14:00-15:30 in Geneva, across the change to summer time on 28 March 2027. */
const webinar: RecurringTiming = {
  all_day: false,
  start_date: '2027-03-16',
  end_date: null,
  starts_at: '2027-03-16T13:00:00.000Z',
  ends_at: '2027-03-16T14:30:00.000Z',
  time_zone: 'Europe/Zurich',
  recurrence_rule: 'FREQ=WEEKLY;BYDAY=TU;COUNT=5',
  recurrence_exdates: '2027-03-23',
};

describe('the sessions of a recurring event', () => {
  test('keep their local time across a change of clocks, without the skipped date', () => {
    const sessions = eventSessions(webinar, [], '2027-12-31');
    assert.deepEqual(
      sessions.map((s) => [s.start_date, s.starts_at, s.ends_at]),
      [
        ['2027-03-16', '2027-03-16T13:00:00.000Z', '2027-03-16T14:30:00.000Z'],
        ['2027-03-30', '2027-03-30T12:00:00.000Z', '2027-03-30T13:30:00.000Z'],
        ['2027-04-06', '2027-04-06T12:00:00.000Z', '2027-04-06T13:30:00.000Z'],
        ['2027-04-13', '2027-04-13T12:00:00.000Z', '2027-04-13T13:30:00.000Z'],
      ],
    );
  });

  test('a moved session stands at its new time, keyed by its planned date; a cancelled one stays, marked', () => {
    const sessions = eventSessions(
      webinar,
      [
        { recurrence_date: '2027-04-06', status: 'moved', start_date: '2027-04-08', starts_at: '2027-04-08T08:00:00.000Z', ends_at: '2027-04-08T09:00:00.000Z' },
        { recurrence_date: '2027-04-13', status: 'cancelled', start_date: null, starts_at: null, ends_at: null },
      ],
      '2027-12-31',
    );
    assert.deepEqual(
      sessions.map((s) => [s.recurrence_date, s.status, s.start_date, s.starts_at]),
      [
        ['2027-03-16', 'scheduled', '2027-03-16', '2027-03-16T13:00:00.000Z'],
        ['2027-03-30', 'scheduled', '2027-03-30', '2027-03-30T12:00:00.000Z'],
        ['2027-04-06', 'moved', '2027-04-08', '2027-04-08T08:00:00.000Z'],
        ['2027-04-13', 'cancelled', '2027-04-13', '2027-04-13T12:00:00.000Z'],
      ],
    );
  });

  test('an all-day rule makes dates only, a multi-day event sessions as long as it', () => {
    const sessions = eventSessions(
      { ...webinar, all_day: true, starts_at: null, ends_at: null, end_date: '2027-03-17', recurrence_exdates: null, recurrence_rule: 'FREQ=MONTHLY;COUNT=2' },
      [],
      '2027-12-31',
    );
    assert.deepEqual(sessions.map((s) => [s.start_date, s.end_date, s.starts_at]), [
      ['2027-03-16', '2027-03-17', null],
      ['2027-04-16', '2027-04-17', null],
    ]);
  });

  test('an event without a rule is its one session', () => {
    const sessions = eventSessions({ ...webinar, recurrence_rule: null }, [], '2027-12-31');
    assert.deepEqual(sessions.map((s) => s.starts_at), ['2027-03-16T13:00:00.000Z']);
  });

  test('a time the clocks skip is read with the offset before the change', () => {
    assert.equal(sessionInstant('2027-03-28', '02:30', 'Europe/Zurich'), '2027-03-28T01:30:00.000Z');
  });
});
