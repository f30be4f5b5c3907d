import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { endsBeforeStart, exclusiveEnd, isOneDay, lastDay, listingMonth, lastDayColumn, lastDayOfDates, storedEndDate } from './day-range.js';
import type { Database } from '../../db/schema.js';

describe("an event's days", () => {
  test('a one-day event has no end date, however the end was given', () => {
    assert.equal(storedEndDate('2020-09-17', null), null);
    assert.equal(storedEndDate('2020-09-17', ''), null);
    assert.equal(storedEndDate('2020-09-17', '2020-09-17'), null);
    assert.equal(storedEndDate('2020-07-22', '2020-07-23'), '2020-07-23');
  });

  test('a range is one day without an end or with its end on its first day', () => {
    for (const end of [null, undefined, '', '2020-09-17']) assert.equal(isOneDay('2020-09-17', end), true, String(end));
    assert.equal(isOneDay('2020-09-17', '2020-09-18'), false);
  });
});

describe('the last day', () => {
  test('is the end date, or the first day of a one-day event', () => {
    assert.equal(lastDay('2020-09-17', null), '2020-09-17');
    assert.equal(lastDay('2020-12-28', '2021-01-03'), '2021-01-03');
  });

  test('in SQL, the generated column and the same rule from the two dates', () => {
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: new BetterSqlite3(':memory:') }) });
    assert.equal(db.selectFrom('events as e').select(lastDayColumn('e').as('d')).compile().sql, 'select "e"."last_day" as "d" from "events" as "e"');
    assert.equal(
      db.selectFrom('events as e').select(lastDayOfDates('e').as('d')).compile().sql,
      'select coalesce("e"."end_date", "e"."start_date") as "d" from "events" as "e"',
    );
  });
});

describe('the exclusive end of calendars', () => {
  test('is the day after the last day, across months, years and leap days', () => {
    assert.equal(exclusiveEnd('2020-09-17', null), '2020-09-18');
    assert.equal(exclusiveEnd('2020-07-22', '2020-07-31'), '2020-08-01');
    assert.equal(exclusiveEnd('2020-12-28', '2020-12-31'), '2021-01-01');
    assert.equal(exclusiveEnd('2020-02-28', '2020-02-29'), '2020-03-01');
  });
});

describe('the end is not before the start', () => {
  test('an earlier end is refused; none, the same day or a later one are not', () => {
    assert.equal(endsBeforeStart('2020-07-23', '2020-07-22'), true);
    assert.equal(endsBeforeStart('2021-01-03', '2020-12-28'), true);
    for (const end of [null, '', '2020-07-23', '2020-07-24', '2021-01-01']) assert.equal(endsBeforeStart('2020-07-23', end), false, String(end));
  });
});

describe('the month an event is listed under', () => {
  test('is the month it starts in, for a range across months or years too', () => {
    assert.equal(listingMonth('2020-09-17'), '2020-09');
    assert.equal(listingMonth('2020-01-01'), '2020-01');
    assert.equal(listingMonth('2020-12-28'), '2020-12');
  });
});
