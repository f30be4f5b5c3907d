/**
 * An item's related events running today are found from the shared tags'
 * links and their copies of the events' days: an event begun before today
 * and still running is listed once however many of the tags it has, beside
 * those starting later and those ended, and only while visitors may see it.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { DatabaseHandle } from '../../db/database.js';
import { openTestDatabase } from '../../../test/helpers/test-database.js';
import { createTopic, publishTaggedEvents, type TaggedEvent } from '../../../test/helpers/tagged-events.js';
import { listUpcoming } from './events.repository.js';
import { listRelatedEvents } from './events.service.js';

const NOW = new Date('2026-11-23T02:00:00Z');
const TODAY = '2026-11-23';
const STAMP = '2026-01-01T00:00:00.000Z';

describe('related events running today, from the shared tags', () => {
  let handle: DatabaseHandle;
  let db: Kysely<Database>;
  const ids: Record<string, number> = {};

  before(async () => {
    handle = await openTestDatabase();
    db = handle.db;
    const [wages, safety, other] = [await createTopic(db, 'wages'), await createTopic(db, 'safety'), await createTopic(db, 'other')];
    const programme = await db
      .insertInto('programmes')
      .values({ slug: 'decent-work', code: null, website_url: null, created_at: STAMP, updated_at: STAMP })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db.insertInto('programme_translations').values({ programme_id: programme.id, lang: 'en', name: 'Decent work' }).execute();
    const decentWork = Number(programme.id);
    const events: Record<string, TaggedEvent> = {
      everyTag: { days: ['2026-11-20', '2026-11-25'], topics: [wages, safety], programmes: [decentWork] },
      twoTopics: { days: ['2026-11-21', '2026-11-24'], topics: [wages, safety], programmes: [] },
      programmeOnly: { days: ['2026-11-21', '2026-11-23'], topics: [other], programmes: [decentWork] },
      unrelated: { days: ['2026-11-21', '2026-11-30'], topics: [other], programmes: [] },
      later: { days: ['2026-11-26', null], topics: [safety], programmes: [decentWork] },
      ended: { days: ['2026-11-18', '2026-11-22'], topics: [wages, safety], programmes: [decentWork] },
      scheduled: { days: ['2026-11-22', '2026-11-25'], topics: [wages, safety], programmes: [decentWork] },
      withdrawn: { days: ['2026-11-20', '2026-11-24'], topics: [wages], programmes: [decentWork] },
      extended: { days: ['2026-11-19', '2026-11-22'], topics: [safety], programmes: [] },
    };
    Object.assign(ids, await publishTaggedEvents(db, NOW, events));
    // Changed after they were linked: one is published for later, one withdrawn, one now ends after today.
    await sql`update events set publish_at = '2026-12-01T00:00:00.000Z' where id = ${ids.scheduled}`.execute(db);
    await sql`update events set status = 'draft' where id = ${ids.withdrawn}`.execute(db);
    await sql`update events set end_date = '2026-11-27' where id = ${ids.extended}`.execute(db);
  });
  after(() => handle.destroy());

  const related = async (sharing: { topics: string[]; programmes: string[] }, limit = 10) =>
    (await listRelatedEvents(db, 'en', TODAY, NOW, sharing, limit)).map((row) => row.id);

  test('an event with several of the tags is one line, soonest first, then the ended ones', async () => {
    assert.deepEqual(await related({ topics: ['wages', 'safety'], programmes: ['decent-work'] }), [
      ids.extended,
      ids.everyTag,
      ids.programmeOnly,
      ids.twoTopics,
      ids.later,
      ids.ended,
    ]);
  });

  test('each kind of tag alone, and one tag, find their own events', async () => {
    assert.deepEqual(await related({ topics: ['wages', 'safety'], programmes: [] }), [ids.extended, ids.everyTag, ids.twoTopics, ids.later, ids.ended]);
    assert.deepEqual(await related({ topics: [], programmes: ['decent-work'] }), [ids.everyTag, ids.programmeOnly, ids.later, ids.ended]);
    assert.deepEqual(await related({ topics: ['wages'], programmes: [] }), [ids.everyTag, ids.twoTopics, ids.ended]);
  });

  test('the upcoming lines of items sharing the tags hold each event once', async () => {
    const choice = { lang: 'en' as const, now: NOW, omitUntranslated: false, filters: { sharing: { topics: ['wages', 'safety'], programmes: ['decent-work'] } } };
    assert.deepEqual(
      (await listUpcoming(db, choice, TODAY, 10)).map((row) => row.id),
      [ids.extended, ids.everyTag, ids.programmeOnly, ids.twoTopics, ids.later],
    );
    const topicsAlone = { ...choice, filters: { sharing: { topics: ['wages', 'safety'], programmes: [] } } };
    assert.deepEqual(
      (await listUpcoming(db, topicsAlone, TODAY, 10)).map((row) => row.id),
      [ids.extended, ids.everyTag, ids.twoTopics, ids.later],
    );
  });

  test('a short list stops at its length', async () => {
    assert.deepEqual(await related({ topics: ['wages', 'safety'], programmes: ['decent-work'] }, 2), [ids.extended, ids.everyTag]);
  });
});
