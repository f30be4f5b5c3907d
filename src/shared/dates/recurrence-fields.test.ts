/**
 * The event form's plain fields and the rule they make: every set of fields
 * makes a rule that shows back as the same fields, every rule the fields can
 * say shows as fields that make a rule with the same sessions, and what the
 * fields cannot say is left as text. Nothing here may depend on the server's
 * zone (run under TZ=UTC and TZ=America/Los_Angeles).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { casesOf } from '../../../test/helpers/cases.js';
import { addDays } from './calendar-date.js';
import {
  fieldsOfRule,
  MAX_INTERVAL,
  MAX_SESSIONS,
  monthOrdinalOf,
  MONTH_ORDINALS,
  parseRule,
  ruleEndingOn,
  ruleFromFields,
  sessionDates,
  WEEKDAY_CODES,
  weekdayOf,
  type RuleEnd,
  type RuleFields,
} from './recurrence.js';

const date = fc.date({ min: new Date(Date.UTC(2000, 0, 1)), max: new Date(Date.UTC(2090, 11, 31)), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const ends: fc.Arbitrary<RuleEnd> = fc.oneof(
  fc.constant({ by: 'never' as const }),
  date.map((d) => ({ by: 'until' as const, date: d })),
  fc.integer({ min: 1, max: MAX_SESSIONS }).map((count) => ({ by: 'count' as const, count })),
);
const interval = fc.integer({ min: 1, max: MAX_INTERVAL });
const weekday = fc.constantFrom(...WEEKDAY_CODES);
const fields: fc.Arbitrary<RuleFields> = fc.oneof(
  fc.record({ frequency: fc.constant('weekly' as const), interval, weekdays: fc.subarray([...WEEKDAY_CODES]), ends }),
  fc.record({
    frequency: fc.constant('monthly' as const),
    interval,
    on: fc.oneof(
      fc.record({ by: fc.constant('day' as const), day: fc.option(fc.integer({ min: 1, max: 31 }), { nil: null }) }),
      fc.record({ by: fc.constant('weekday' as const), ordinal: fc.constantFrom(...MONTH_ORDINALS), weekday }),
    ),
    ends,
  }),
);

describe('the rule fields of the event form', () => {
  test('any fields make a rule the calendar accepts, shown back as the same fields', () => {
    fc.assert(
      fc.property(fields, (f) => {
        const rule = ruleFromFields(f);
        assert.ok('options' in parseRule(rule), rule);
        assert.deepEqual(fieldsOfRule(rule), JSON.parse(JSON.stringify(f)), rule);
      }),
      { numRuns: 500 },
    );
  });

  const sayable = [
    'FREQ=WEEKLY;BYDAY=TU;COUNT=7',
    'FREQ=WEEKLY;BYDAY=WE,MO;INTERVAL=2;UNTIL=20271231',
    'RRULE:FREQ=WEEKLY',
    'FREQ=WEEKLY;INTERVAL=1;BYDAY=TU,TH',
    'FREQ=MONTHLY;BYMONTHDAY=12',
    'FREQ=MONTHLY;BYDAY=2TU;UNTIL=20280101T000000Z',
    'FREQ=MONTHLY;BYDAY=-1FR;COUNT=12',
    'FREQ=MONTHLY;COUNT=6',
  ];
  test('a stored rule the fields can say makes, from them, a rule with the same sessions', () => {
    for (const rule of sayable) {
      const f = fieldsOfRule(rule);
      assert.ok(f, rule);
      const again = ruleFromFields(f);
      for (const first of ['2027-01-05', '2027-03-09', '2027-10-29', '2028-02-29']) {
        assert.deepEqual(sessionDates(again, first, '2029-12-31'), sessionDates(rule, first, '2029-12-31'), `${rule} from ${first}`);
      }
    }
  });

  casesOf(fieldsOfRule, {
    'a rule the fields cannot say is left as text': [
      ['FREQ=DAILY;COUNT=5', null],
      ['FREQ=YEARLY', null],
      ['FREQ=MONTHLY;BYMONTHDAY=1,15', null],
      ['FREQ=MONTHLY;BYDAY=TU;BYSETPOS=2', null],
      ['FREQ=MONTHLY;BYDAY=MO,TU', null],
      ['FREQ=MONTHLY;BYDAY=5MO', null],
      ['FREQ=WEEKLY;BYMONTH=3', null],
      ['nonsense', null],
    ],
    'the fields of a few rules as editors write them': [
      ['FREQ=MONTHLY;BYDAY=+2TU;INTERVAL=3', { frequency: 'monthly', interval: 3, on: { by: 'weekday', ordinal: 2, weekday: 'TU' }, ends: { by: 'never' } }],
      ['FREQ=WEEKLY;BYDAY=FR,MO;UNTIL=20270430', { frequency: 'weekly', interval: 1, weekdays: ['MO', 'FR'], ends: { by: 'until', date: '2027-04-30' } }],
    ],
  });

  casesOf((d: string) => [weekdayOf(d), monthOrdinalOf(d)], {
    'a date\'s weekday and which of them it is in its month': [
      ['2027-03-09', ['TU', 2]],
      ['2027-04-30', ['FR', -1]],
      ['2027-04-23', ['FR', 4]],
      ['2026-12-31', ['TH', -1]],
      ['2027-01-01', ['FR', 1]],
    ],
  });

  test('a rule ended on a date makes the same sessions up to that date and none after', () => {
    fc.assert(
      fc.property(fields, date, fc.integer({ min: 1, max: 400 }), (f, first, gap) => {
        const rule = ruleFromFields(f);
        const last = addDays(first, gap);
        const ended = ruleEndingOn(rule, first, last)!;
        const through = addDays(last, 800);
        const before = sessionDates(rule, first, through).filter((d) => d <= last);
        assert.deepEqual(sessionDates(ended, first, through), before, `${rule} → ${ended}`);
      }),
      { numRuns: 200 },
    );
  });
});
