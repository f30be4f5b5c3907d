import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { DatabaseHandle } from '../../db/database.js';
import { openTestDatabase } from '../../../test/helpers/test-database.js';
import { createEvent } from '../../../test/helpers/factories.js';
import { listCalendarEvents } from './calendar.service.js';

describe('the calendar service', () => {
  let handle: DatabaseHandle;
  const NOW = new Date('2026-11-23T02:00:00.000Z');

  before(async () => {
    handle = await openTestDatabase();
    for (const [title, start, end] of [
      ['January meeting', '2020-01-10', null],
      ['February meeting', '2020-02-10', null],
      ['March meeting', '2020-03-10', null],
      ['April workshop', '2020-04-10', '2020-04-12'],
      ['Two-year programme launch', '2025-01-01', '2026-12-31'],
      ['Ended yesterday in Hanoi', '2026-11-22', null],
      ['December forum', '2026-12-05', null],
    ] as const) {
      await createEvent(handle.db, { title, start, end });
    }
  });
  after(() => handle.destroy());

  test('a calendar carries the soonest events to come or running and the latest ended ones, in order of their first day', async () => {
    const titles = (past: number, upcoming = 1000) => listCalendarEvents(handle.db, 'en', { kind: 'all' }, NOW, { past, upcoming }).then((rows) => rows.map((r) => r.title));
    // "Yesterday" is kept: the cut is a day before today in UTC, so that nothing running today anywhere is cut.
    assert.deepEqual(await titles(2), ['March meeting', 'April workshop', 'Two-year programme launch', 'Ended yesterday in Hanoi', 'December forum']);
    assert.deepEqual(await titles(0), ['Two-year programme launch', 'Ended yesterday in Hanoi', 'December forum']);
    assert.deepEqual(await titles(500), [
      'January meeting',
      'February meeting',
      'March meeting',
      'April workshop',
      'Two-year programme launch',
      'Ended yesterday in Hanoi',
      'December forum',
    ]);
    // The running one started first, so it is the soonest.
    assert.deepEqual(await titles(1, 2), ['April workshop', 'Two-year programme launch', 'Ended yesterday in Hanoi']);
    assert.deepEqual(await titles(0, 0), []);
  });
});
