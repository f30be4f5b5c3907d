import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isTimed } from './event-timing.js';

describe('timed or all-day', () => {
  test('timed only when not all-day and a start time is known', () => {
    assert.equal(isTimed({ all_day: 0, starts_at: '2026-12-03T02:00:00.000Z' }), true);
    assert.equal(isTimed({ all_day: false, starts_at: '2026-12-03T02:00:00.000Z' }), true);
    assert.equal(isTimed({ all_day: 1, starts_at: '2026-12-03T02:00:00.000Z' }), false);
    assert.equal(isTimed({ all_day: 0, starts_at: null }), false);
    assert.equal(isTimed({ all_day: true, starts_at: null }), false);
  });
});
