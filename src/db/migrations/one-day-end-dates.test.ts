/**
 * Events stored with their end on their first day lose the end date, all-day
 * or timed (a timed one keeps its end instant); ranges and events without an
 * end stay as they were. On both databases.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Kysely } from 'kysely';
import type { DatabaseHandle } from '../database.js';
import { migrateTestDatabase, openTestDatabase } from '../../../test/helpers/test-database.js';

const STAMP = '2026-01-01T00:00:00.000Z';

describe('one-day events lose their end date', () => {
  let handle: DatabaseHandle;
  let db: Kysely<any>;
  const ids: Record<string, number> = {};

  async function insert(slug: string, values: Record<string, unknown>): Promise<void> {
    const row = await db
      .insertInto('events')
      .values({ slug, status: 'published', created_at: STAMP, updated_at: STAMP, ...values })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids[slug] = row.id as number;
  }

  before(async () => {
    handle = await openTestDatabase({ migrateTo: '2026-12-04T1230-add-rendered-text-html' });
    db = handle.db as unknown as Kysely<any>;
    await insert('saved-in-the-admin', { start_date: '2020-09-17', end_date: '2020-09-17' });
    await insert('imported', { start_date: '2020-09-15', end_date: null });
    await insert('two-days', { start_date: '2020-07-22', end_date: '2020-07-23' });
    await insert('timed', {
      start_date: '2026-12-03',
      end_date: '2026-12-03',
      all_day: 0,
      starts_at: '2026-12-03T02:00:00.000Z',
      ends_at: '2026-12-03T04:30:00.000Z',
    });
    await migrateTestDatabase(handle);
  });
  after(() => handle.destroy());

  async function dates(slug: string) {
    return db
      .selectFrom('events')
      .select(['start_date', 'end_date', 'last_day', 'starts_at', 'ends_at'])
      .where('id', '=', ids[slug]!)
      .executeTakeFirstOrThrow();
  }

  test('an end on the first day is no end; the last day stays the first', async () => {
    assert.deepEqual(await dates('saved-in-the-admin'), {
      start_date: '2020-09-17',
      end_date: null,
      last_day: '2020-09-17',
      starts_at: null,
      ends_at: null,
    });
  });

  test('a timed one-day event keeps its end instant', async () => {
    assert.deepEqual(await dates('timed'), {
      start_date: '2026-12-03',
      end_date: null,
      last_day: '2026-12-03',
      starts_at: '2026-12-03T02:00:00.000Z',
      ends_at: '2026-12-03T04:30:00.000Z',
    });
  });

  test('ranges and events without an end are left as they were', async () => {
    assert.equal((await dates('two-days')).end_date, '2020-07-23');
    assert.equal((await dates('imported')).end_date, null);
  });
});
