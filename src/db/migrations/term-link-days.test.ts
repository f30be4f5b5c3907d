/**
 * Each link of an event to a topic or programme keeps the event's status,
 * publication time, first and last day (migration 2026-12-05T1015): filled
 * from the events already linked, then kept equal to the event's through
 * links added and moved, and events published, scheduled, moved to other
 * days and given or relieved of an end date. On both databases.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql, type Kysely } from 'kysely';
import type { DatabaseHandle } from '../database.js';
import { insertStamped, migrateTestDatabase, openTestDatabase } from '../../../test/helpers/test-database.js';

const STAMP = '2026-01-01T00:00:00.000Z';

describe("an event's days copied to its links to topics and programmes", () => {
  let handle: DatabaseHandle;
  let db: Kysely<any>;
  const ids: Record<string, number> = {};

  const insert = (table: string, values: Record<string, unknown>) => insertStamped(db, STAMP, table, values);

  /** Every link whose copy differs from its event's columns, as "table event term" lines: none when all are kept. */
  async function stale(): Promise<string[]> {
    const lines: string[] = [];
    for (const [table, termId] of [
      ['event_topics', 'topic_id'],
      ['event_programmes', 'programme_id'],
    ] as const) {
      const rows = await sql<{ event_id: number; term_id: number }>`select x.event_id, x.${sql.ref(termId)} as term_id
        from ${sql.table(table)} as x inner join events as e on e.id = x.event_id
        where x.status is distinct from e.status or x.publish_at is distinct from e.publish_at
          or x.start_date is distinct from e.start_date or x.last_day is distinct from coalesce(e.end_date, e.start_date)`.execute(db);
      for (const r of rows.rows) lines.push(`${table} ${Number(r.event_id)} ${Number(r.term_id)}`);
    }
    return lines;
  }

  /** How many links of all tables hold a copy at all (every link should). */
  async function copies(): Promise<number> {
    const row = await sql<{ n: number | string }>`select (select count(*) from event_topics where status is not null and last_day is not null)
      + (select count(*) from event_programmes where status is not null and last_day is not null) as n`.execute(db);
    return Number(row.rows[0]!.n);
  }

  before(async () => {
    handle = await openTestDatabase({ migrateTo: '2026-12-05T0530-count-items-by-term' });
    db = handle.db as unknown as Kysely<any>;
    ids.wages = await insert('topics', { slug: 'wages' });
    ids.safety = await insert('topics', { slug: 'safety' });
    ids.bw = await insert('programmes', { slug: 'better-work' });
    ids.one = await insert('events', { slug: 'one', status: 'published', start_date: '2026-03-01' });
    ids.two = await insert('events', { slug: 'two', status: 'draft', start_date: '2026-03-01', end_date: '2026-03-04' });
    await db.insertInto('event_topics').values({ event_id: ids.one, topic_id: ids.wages }).execute();
    await db.insertInto('event_topics').values({ event_id: ids.two, topic_id: ids.wages }).execute();
    await db.insertInto('event_programmes').values({ event_id: ids.two, programme_id: ids.bw }).execute();
    await migrateTestDatabase(handle);
  });
  after(() => handle.destroy());

  test('the links already there are given their events\' columns', async () => {
    assert.equal(await copies(), 3);
    assert.deepEqual(await stale(), []);
    const row = await db.selectFrom('event_programmes').select(['status', 'start_date', 'last_day']).executeTakeFirstOrThrow();
    assert.deepEqual({ ...row }, { status: 'draft', start_date: '2026-03-01', last_day: '2026-03-04' });
  });

  test('a link added or moved to another event takes that event\'s columns', async () => {
    await db.insertInto('event_topics').values({ event_id: ids.two, topic_id: ids.safety }).execute();
    await db.insertInto('event_programmes').values({ event_id: ids.one, programme_id: ids.bw }).execute();
    assert.equal(await copies(), 5);
    assert.deepEqual(await stale(), []);
    await db.updateTable('event_topics').set({ event_id: ids.one }).where('event_id', '=', ids.two).where('topic_id', '=', ids.safety).execute();
    assert.deepEqual(await stale(), []);
  });

  test('an event published, scheduled, moved or given an end date changes its links', async () => {
    await db.updateTable('events').set({ status: 'published', publish_at: '2026-02-01T08:00:00.000Z' }).where('id', '=', ids.two).execute();
    assert.deepEqual(await stale(), []);
    await db.updateTable('events').set({ start_date: '2026-05-02', end_date: null }).where('id', '=', ids.two).execute();
    assert.deepEqual(await stale(), []);
    await db.updateTable('events').set({ end_date: '2026-05-09' }).where('id', '=', ids.one).execute();
    assert.deepEqual(await stale(), []);
    const row = await db.selectFrom('event_topics').select(['status', 'publish_at', 'last_day']).where('event_id', '=', ids.two).executeTakeFirstOrThrow();
    assert.deepEqual({ ...row }, { status: 'published', publish_at: '2026-02-01T08:00:00.000Z', last_day: '2026-05-02' });
    // Another column changed leaves the copies as they are.
    await db.updateTable('events').set({ updated_at: '2026-06-01T00:00:00.000Z' }).execute();
    assert.deepEqual(await stale(), []);
  });

  test('the per-term counts stay right through the copies\' own changes', async () => {
    const kept = await db.selectFrom('term_item_counts').select(['term', 'term_id', 'n']).where('kind', '=', 'event').orderBy('term').orderBy('term_id').execute();
    assert.deepEqual(
      kept.map((r) => `${r.term} ${Number(r.term_id)}: ${Number(r.n)}`),
      [`programme ${ids.bw}: 2`, `topic ${ids.wages}: 2`, `topic ${ids.safety}: 1`].sort(),
    );
  });
});
