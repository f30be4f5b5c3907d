/**
 * The first page of the events listing's past events is read in the
 * listing's order from an index (events_listing_order_idx): newest start
 * first, then the earliest last day, then by id; SQLite sorts nothing again,
 * so it stops at the page's last row.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { CompiledQuery, SqliteAdapter, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { DatabaseHandle } from '../../db/database.js';
import { openTestDatabase } from '../../../test/helpers/test-database.js';
import { createEvent } from '../../../test/helpers/factories.js';
import { compiledDuring } from '../../../test/helpers/statements.js';
import { listEventsPage } from './events.service.js';

const NOW = new Date('2026-11-23T02:00:00Z');
const TODAY = '2026-11-23';

describe("the events listing's first page of past events", () => {
  let handle: DatabaseHandle;
  let db: Kysely<Database>;
  const ids: Record<string, number> = {};

  before(async () => {
    handle = await openTestDatabase();
    db = handle.db;
    // Made in an order unlike the listing's: ties on the first day, broken by the last day, then by id.
    const events: [string, string, string | null][] = [
      ['long', '2026-10-05', '2026-10-09'],
      ['older', '2026-09-01', null],
      ['one-day', '2026-10-05', null],
      ['two-days', '2026-10-05', '2026-10-06'],
      ['newest', '2026-11-20', '2026-11-21'],
      ['one-day-again', '2026-10-05', null],
    ];
    for (const [name, start, end] of events) ids[name] = (await createEvent(db, { slug: name, start, end })).id;
  });
  after(() => handle.destroy());

  const page = async () => listEventsPage(db, 'en', TODAY, NOW, 1, {});

  test('lists newest start first, then the earliest last day, then the first made', async () => {
    const { past } = await page();
    assert.deepEqual(
      past.rows.map((row) => row.id),
      [ids.newest, ids['one-day'], ids['one-day-again'], ids['two-days'], ids.long, ids.older],
    );
  });

  test('on SQLite, is read in that order from an index, with no sort of its own', async (t) => {
    if (!(db.getExecutor().adapter instanceof SqliteAdapter)) return t.skip("SQLite's plan; PostgreSQL chooses by its statistics");
    const [statement] = (await compiledDuring(db, page)).filter((query) => query.sql.includes('"event_translations"') && /\border by\b/i.test(query.sql));
    assert.ok(statement, 'the page of past events with their texts');
    const plan = (await db.executeQuery<{ detail: string }>(CompiledQuery.raw(`explain query plan ${statement.sql}`, [...statement.parameters]))).rows.map((row) => row.detail);
    assert.ok(plan.some((step) => step.includes('events_listing_order_idx')), plan.join('\n'));
    assert.ok(!plan.some((step) => /TEMP B-TREE/.test(step)), plan.join('\n'));
  });
});
