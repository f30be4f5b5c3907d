import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openTestDatabase } from '../../../test/helpers/test-database.js';
import { isContentEmpty, seedIfEmpty } from './sample-content.js';

const NOW = new Date('2026-11-23T02:00:00Z');

test('first start seeds an empty database once; a second start leaves it alone', async () => {
  const handle = await openTestDatabase();
  try {
    assert.equal(await isContentEmpty(handle.db), true);
    const report = await seedIfEmpty(handle.db, NOW);
    assert.equal(report?.items.length, 58);
    assert.equal(await seedIfEmpty(handle.db, NOW), null);
    const programmes = await handle.db.selectFrom('programmes').select('slug').orderBy('slug').execute();
    assert.deepEqual(programmes.map((p) => p.slug), ['enhance', 'rsca', 'score', 'triangle-in-asean', 'vision-zero-fund']);
  } finally {
    await handle.destroy();
  }
});

test('two instances starting together on one empty database seed it once, and both start', async () => {
  const handle = await openTestDatabase();
  try {
    // On PostgreSQL these run on two connections at once; the loser's insert meets the unique keys.
    const results = await Promise.all([seedIfEmpty(handle.db, NOW), seedIfEmpty(handle.db, NOW)]);
    assert.ok(results.some((r) => r !== null));
    const events = await handle.db.selectFrom('events').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const articles = await handle.db.selectFrom('articles').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    assert.deepEqual([Number(events.n), Number(articles.n)], [20, 20]);
  } finally {
    await handle.destroy();
  }
});
