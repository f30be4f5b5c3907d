/**
 * The past single events of the events listing are read in the listing's
 * order from an index (events_listing_order_idx): newest start first, then
 * the earliest last day, then by id. The first page reads them with their
 * texts and sorts nothing again, so it stops at its last row; a later page,
 * when no past line is a session of a recurring event, reads its lines from
 * the index alone, where merged with the sessions every line before it was
 * read from the events' rows and sorted twice; and it counts the lines
 * newer than its first month there too, where it read each one's row.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { CompiledQuery, SqliteAdapter, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { DatabaseHandle } from '../../db/database.js';
import { openTestDatabase } from '../../../test/helpers/test-database.js';
import { createEvent } from '../../../test/helpers/factories.js';
import { compiledDuring } from '../../../test/helpers/statements.js';
import { addDays } from '../../shared/dates/calendar-date.js';
import { listEventsPage } from './events.service.js';

const NOW = new Date('2026-11-23T02:00:00Z');
const TODAY = '2026-11-23';

describe("the events listing's past events", () => {
  let handle: DatabaseHandle;
  let db: Kysely<Database>;
  const ids: Record<string, number> = {};
  /** Every past event as [id, start, last day], made in an order unlike the listing's. */
  const made: [number, string, string][] = [];

  before(async () => {
    handle = await openTestDatabase();
    db = handle.db;
    // Ties on the first day, broken by the last day, then by id; then enough others for three pages.
    const events: [string, string, string | null][] = [
      ['long', '2026-10-05', '2026-10-09'],
      ['older', '2026-09-01', null],
      ['one-day', '2026-10-05', null],
      ['two-days', '2026-10-05', '2026-10-06'],
      ['newest', '2026-11-20', '2026-11-21'],
      ['one-day-again', '2026-10-05', null],
    ];
    for (let i = 0; i < 40; i += 1) {
      const start = addDays('2026-03-01', (i * 7) % 120);
      events.push([`other-${i}`, start, i % 3 === 0 ? addDays(start, i % 5) : null]);
    }
    for (const [name, start, end] of events) {
      ids[name] = (await createEvent(db, { slug: name, start, end })).id;
      made.push([ids[name], start, end ?? start]);
    }
    // Upcoming, so not among the past.
    await createEvent(db, { slug: 'coming', start: '2026-12-01' });
  });
  after(() => handle.destroy());

  const page = async (n: number) => listEventsPage(db, 'en', TODAY, NOW, n, {});

  test('are listed newest start first, then the earliest last day, then the first made, on every page', async () => {
    const first = await page(1);
    assert.equal(first.past.rows[0]?.id, ids.newest);
    const expected = [...made].sort(([a, as, al], [b, bs, bl]) => (as !== bs ? (as < bs ? 1 : -1) : al !== bl ? (al < bl ? -1 : 1) : a - b)).map(([id]) => id);
    const listed: number[] = [];
    for (let n = 1; n <= first.info.pages; n += 1) listed.push(...(await page(n)).past.rows.map((row) => row.id));
    assert.equal(first.info.pages, 3);
    assert.deepEqual(listed, expected);
    // The ties, in order.
    const tied = listed.filter((id) => [ids['one-day'], ids['one-day-again'], ids['two-days'], ids.long].includes(id));
    assert.deepEqual(tied, [ids['one-day'], ids['one-day-again'], ids['two-days'], ids.long]);
  });

  /** SQLite's plan of the statement of `n`'s page that reads the past events in order. */
  async function pastPlan(n: number): Promise<string[]> {
    const statements = (await compiledDuring(db, () => page(n))).filter((query) => /\border by "e"."start_date" desc/i.test(query.sql));
    assert.equal(statements.length, 1, statements.map((s) => s.sql).join('\n\n'));
    const [statement] = statements;
    return (await db.executeQuery<{ detail: string }>(CompiledQuery.raw(`explain query plan ${statement!.sql}`, [...statement!.parameters]))).rows.map((row) => row.detail);
  }

  test('on SQLite, the first page and a later one are read in that order from the index, with no sort of their own', async (t) => {
    if (!(db.getExecutor().adapter instanceof SqliteAdapter)) return t.skip("SQLite's plan; PostgreSQL chooses by its statistics");
    for (const n of [1, 2, 3]) {
      const plan = await pastPlan(n);
      assert.ok(plan.some((step) => step.includes('events_listing_order_idx')), `page ${n}:\n${plan.join('\n')}`);
      assert.ok(!plan.some((step) => /TEMP B-TREE|UNION/.test(step)), `page ${n}:\n${plan.join('\n')}`);
    }
  });

  test("on SQLite, a later page numbers its first month's events by counting the newer ones in the same index alone", async (t) => {
    if (!(db.getExecutor().adapter instanceof SqliteAdapter)) return t.skip("SQLite's plan; PostgreSQL chooses by its statistics");
    const counts = (await compiledDuring(db, () => page(3))).filter((query) => /^select count\(\*\) as "n" from "events" as "e" where/.test(query.sql));
    assert.equal(counts.length, 1, counts.map((s) => s.sql).join('\n\n'));
    const [count] = counts;
    const plan = (await db.executeQuery<{ detail: string }>(CompiledQuery.raw(`explain query plan ${count!.sql}`, [...count!.parameters]))).rows.map((row) => row.detail);
    assert.ok(plan.some((step) => step.includes('events_listing_order_idx')), plan.join('\n'));
    // SQLite names the index alike whether or not it also reads each event's row (its plan says nothing of
    // a partial index's coverage): the program tells. No column is read from a cursor on the events table.
    const program = (await db.executeQuery<{ opcode: string; p1: number; p2: number }>(CompiledQuery.raw(`explain ${count!.sql}`, [...count!.parameters]))).rows;
    const { rootpage } = (await db.executeQuery<{ rootpage: number }>(CompiledQuery.raw(`select rootpage from sqlite_master where type = 'table' and name = 'events'`))).rows[0]!;
    const eventsCursors = new Set(program.filter((op) => op.opcode === 'OpenRead' && op.p2 === rootpage).map((op) => op.p1));
    const rowReads = program.filter((op) => eventsCursors.has(op.p1) && ['Column', 'DeferredSeek', 'SeekRowid', 'NotExists'].includes(op.opcode));
    assert.deepEqual(rowReads, [], 'the rows of the events are not read');
  });
});
