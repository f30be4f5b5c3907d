/**
 * A topic's page finds its upcoming events, and those running today, from
 * the topic's links and their copies of the events' days: events begun
 * before today, moved to other days, scheduled for later or withdrawn are
 * listed and counted as the events themselves say, also when they change
 * after they were linked.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { DatabaseHandle } from '../../db/database.js';
import { openTestDatabase } from '../../../test/helpers/test-database.js';
import { createTopic, publishTaggedEvents } from '../../../test/helpers/tagged-events.js';
import { eventsRepository } from '../events/index.js';
import { getTermPage } from './topics.service.js';

const NOW = new Date('2026-11-23T02:00:00Z');
const TODAY = '2026-11-23';

describe("a topic's events running today and still to come", () => {
  let handle: DatabaseHandle;
  let db: Kysely<Database>;
  const ids: Record<string, number> = {};

  before(async () => {
    handle = await openTestDatabase();
    db = handle.db;
    const topics = [await createTopic(db, 'wages', 'Wages')];
    const events = {
      running: ['2026-11-21', '2026-11-24'],
      later: ['2026-11-26', null],
      past: ['2026-11-18', null],
      extended: ['2026-11-19', '2026-11-22'],
      scheduled: ['2026-11-22', '2026-11-25'],
      withdrawn: ['2026-11-20', '2026-11-23'],
    } as const;
    Object.assign(ids, await publishTaggedEvents(db, NOW, Object.fromEntries(Object.entries(events).map(([name, days]) => [name, { days, topics }])), 'Wages'));
    // Changed after they were linked: one now ends after today, one is published for later, one withdrawn.
    await sql`update events set end_date = '2026-11-27' where id = ${ids.extended}`.execute(db);
    await sql`update events set publish_at = '2026-12-01T00:00:00.000Z' where id = ${ids.scheduled}`.execute(db);
    await sql`update events set status = 'draft' where id = ${ids.withdrawn}`.execute(db);
  });
  after(() => handle.destroy());

  test('the page lists and counts the events as their own days and status say', async () => {
    const page = await getTermPage(db, 'topic', 'wages', 'en', TODAY, NOW);
    assert.deepEqual(
      page.events.upcoming.map((row) => row.id),
      [ids.extended, ids.running, ids.later],
    );
    assert.deepEqual(
      page.events.past.map((row) => row.id),
      [ids.past],
    );
    assert.equal(page.events.totalUpcoming, 3);
    assert.equal(page.events.totalPast, 1);
  });

  test('the events listing filtered by the topic counts the same', async () => {
    const choice = { lang: 'en' as const, now: NOW, omitUntranslated: false, filters: { topic: 'wages' } };
    assert.deepEqual(await eventsRepository.countUpcomingAndPast(db, choice, TODAY), { upcoming: 3, past: 1 });
    const { counts } = await eventsRepository.countEventsWithYears(db, choice, TODAY);
    assert.deepEqual({ upcoming: counts.upcoming, past: counts.past }, { upcoming: 3, past: 1 });
  });
});
