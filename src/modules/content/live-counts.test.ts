/**
 * The counts of live items the listings' pagers use come from item_counts,
 * kept by the database's triggers: they must equal counting the items one by
 * one after every kind of write, and the listings must agree with them.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { databaseForBlock } from '../../../test/helpers/test-database.js';
import { createArticle, createEvent } from '../../../test/helpers/factories.js';
import { countUpcomingAndPast } from '../events/events.repository.js';
import { countPublishedArticles } from '../articles/articles.repository.js';
import { countLive } from './live.js';

const NOW = new Date('2026-11-23T02:00:00.000Z');
const TODAY = '2026-11-23';

/** item_counts as rows, and the same counted from the tables, for comparison. */
async function keptAndCounted(db: Kysely<Database>) {
  const kept = await db.selectFrom('item_counts').select(['kind', 'status', 'n']).where('n', '<>', 0).orderBy('kind').orderBy('status').execute();
  const counted = [];
  for (const [kind, table] of [
    ['article', 'articles'],
    ['event', 'events'],
  ] as const) {
    const rows = await db.selectFrom(table).select((eb) => ['status', eb.fn.countAll<number | string>().as('n')]).groupBy('status').orderBy('status').execute();
    counted.push(...rows.map((r) => ({ kind, status: r.status, n: Number(r.n) })));
  }
  return { kept: kept.map((r) => ({ ...r, n: Number(r.n) })), counted };
}

describe('live counts kept by the database', () => {
  let db: Kysely<Database>;
  databaseForBlock((opened) => (db = opened));

  test('item_counts follows inserts, changes of status, other changes and deletes', async () => {
    const past = await createEvent(db, { start: '2026-10-01' });
    await createEvent(db, { start: '2026-09-01', end: '2026-11-22' });
    await createEvent(db, { start: '2026-11-20', end: '2026-11-23' });
    await createEvent(db, { start: '2027-01-10' });
    const draft = await createEvent(db, { start: '2026-12-10', status: 'draft' });
    const scheduled = await createEvent(db, { start: '2026-12-20' });
    await db.updateTable('events').set({ publish_at: '2026-11-23T03:00:00.000Z' }).where('id', '=', scheduled.id).execute();
    for (const date of ['2026-01-01', '2026-02-01', '2026-03-01']) await createArticle(db, { date });
    const review = await createArticle(db, { date: '2026-04-01', status: 'in_review' });

    let state = await keptAndCounted(db);
    assert.deepEqual(state.kept, state.counted);
    assert.deepEqual(state.kept.find((r) => r.kind === 'event' && r.status === 'published')?.n, 5);

    const choice = { lang: 'en' as const, now: NOW, omitUntranslated: false };
    // The scheduled one is published but not live until 03:00.
    assert.equal(await countLive(db, 'event', NOW), 4);
    assert.deepEqual(await countUpcomingAndPast(db, choice, TODAY), { upcoming: 2, past: 2 });
    // Counted one by one (a filter that selects everything takes that path): the same.
    assert.deepEqual(await countUpcomingAndPast(db, { ...choice, filters: { year: 2026 } }, TODAY), { upcoming: 1, past: 2 });
    assert.deepEqual(await countUpcomingAndPast(db, { ...choice, now: new Date('2026-11-23T03:00:00.000Z') }, TODAY), { upcoming: 3, past: 2 });
    assert.equal(await countPublishedArticles(db, choice), 3);

    await db.updateTable('events').set({ status: 'published' }).where('id', '=', draft.id).execute();
    await db.updateTable('events').set({ status: 'draft' }).where('id', '=', past.id).execute();
    await db.updateTable('events').set({ start_date: '2026-10-02' }).where('status', '=', 'published').execute();
    await db.updateTable('articles').set({ status: 'published' }).where('id', '=', review.id).execute();
    await db.deleteFrom('articles').where('published_on', '<', '2026-02-15').execute();
    state = await keptAndCounted(db);
    assert.deepEqual(state.kept, state.counted);
    assert.equal(await countPublishedArticles(db, choice), 2);
    // All now start on 2 October; the one ending today is still upcoming.
    assert.deepEqual(await countUpcomingAndPast(db, choice, TODAY), { upcoming: 1, past: 3 });

    await db.deleteFrom('events').execute();
    assert.equal(await countLive(db, 'event', NOW), 0);
    state = await keptAndCounted(db);
    assert.deepEqual(state.kept, state.counted);
  });
});
