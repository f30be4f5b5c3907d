import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { openTestDatabase } from '../../../test/helpers/test-database.js';
import { generateContent } from './generate.service.js';

describe('generated dates', () => {
  let handle: Awaited<ReturnType<typeof openTestDatabase>>;
  before(async () => {
    handle = await openTestDatabase();
  });
  after(() => handle.destroy());

  test('generated dates keep to the years dates may have: a clock near 2100 is refused before anything is written', async () => {
    await assert.rejects(generateContent(handle.db, { events: 5, articles: 5, now: new Date('2100-06-01T00:00:00Z') }), /between 1900 and 2100/);
    await assert.rejects(generateContent(handle.db, { events: 0, articles: 5, now: new Date('1910-06-01T00:00:00Z') }), /between 1900 and 2100/);
    const events = await handle.db.selectFrom('events').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    assert.equal(Number(events.n), 0);
  });
});
