import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { storedEndDate } from './day-range.js';

describe("an event's days", () => {
  test('a one-day event has no end date, however the end was given', () => {
    assert.equal(storedEndDate('2020-09-17', null), null);
    assert.equal(storedEndDate('2020-09-17', ''), null);
    assert.equal(storedEndDate('2020-09-17', '2020-09-17'), null);
    assert.equal(storedEndDate('2020-07-22', '2020-07-23'), '2020-07-23');
  });
});
