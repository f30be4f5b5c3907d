/**
 * An item's related events are read in few statements: the first page of
 * upcoming lines and the first of past ones together, their size written
 * into the SQL (SQLite ran the plans slower with it bound), and then the rows
 * of every event found, upcoming and past, in one statement.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { PostgresAdapter, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { DatabaseHandle } from '../../db/database.js';
import { openTestDatabase } from '../../../test/helpers/test-database.js';
import { createTopic, publishTaggedEvents } from '../../../test/helpers/tagged-events.js';
import { compiledDuring, planLines, statementsDuring } from '../../../test/helpers/statements.js';
import { listRelatedEvents } from './events.service.js';

const NOW = new Date('2026-11-23T02:00:00Z');
const TODAY = '2026-11-23';

describe("the statements of an item's related events", () => {
  let handle: DatabaseHandle;
  let db: Kysely<Database>;
  const ids: Record<string, number> = {};
  let wagesTopic: number;

  before(async () => {
    handle = await openTestDatabase();
    db = handle.db;
    const topics = [await createTopic(db, 'wages', 'Wages')];
    wagesTopic = topics[0]!;
    const days: Record<string, string> = { soon: '2026-11-30', later: '2026-12-10', ended: '2026-11-10', older: '2026-10-01' };
    Object.assign(ids, await publishTaggedEvents(db, NOW, Object.fromEntries(Object.entries(days).map(([name, day]) => [name, { days: [day, null] as const, topics }]))));
  });
  after(() => handle.destroy());

  const sharing = { topics: ['wages'], programmes: [] };
  const related = async (limit: number) => (await listRelatedEvents(db, 'en', TODAY, NOW, sharing, limit)).map((row) => row.id);

  test('upcoming soonest first, then past newest first, whatever the number asked for', async () => {
    assert.deepEqual(await related(1), [ids.soon]);
    assert.deepEqual(await related(3), [ids.soon, ids.later, ids.ended]);
    assert.deepEqual(await related(4), [ids.soon, ids.later, ids.ended, ids.older]);
    assert.deepEqual(await related(10), [ids.soon, ids.later, ids.ended, ids.older]);
  });

  test("the single events starting later and those ended are found from the tags' links, not by reading every event in order until enough share a tag", async () => {
    // Two tags, so that each tag's links are read apart and their lines merged (an event with both is one line).
    const rare = await createTopic(db, 'rare', 'Rare');
    const both = await publishTaggedEvents(db, NOW, { both: { days: ['2026-10-20', null], topics: [wagesTopic, rare] } }, 'Both');
    const sharingBoth = { topics: ['wages', 'rare'], programmes: [] };
    assert.deepEqual(
      (await listRelatedEvents(db, 'en', TODAY, NOW, sharingBoth, 10)).map((row) => row.id),
      [ids.soon, ids.later, ids.ended, both.both, ids.older],
    );
    const [page] = (await compiledDuring(db, () => listRelatedEvents(db, 'en', TODAY, NOW, sharingBoth, 3))).filter((query) => /\blimit\b/i.test(query.sql));
    assert.ok(page);
    const plan = await planLines(db, page);
    const shown = plan.join('\n');
    if (db.getExecutor().adapter instanceof PostgresAdapter) {
      // How each event is then read is the planner's choice by the tables' size; the lines come from each tag's links by first day.
      assert.ok(plan.some((line) => /on event_topics using \w+ Forward: .*start_date >=/.test(line)), shown);
      assert.ok(plan.some((line) => /on event_topics using \w+ Backward: .*start_date </.test(line)), shown);
    } else {
      // Each event by its id (or the recurring ones by their own index), each tag's links by tag and first day.
      for (const line of plan) assert.doesNotMatch(line, /(SCAN|SEARCH) e USING (COVERING )?INDEX events_(status|listing_order)_idx/, shown);
      assert.ok(plan.some((line) => /SEARCH tx USING (COVERING )?INDEX event_topics_starts_idx \(topic_id=\? AND status=\? AND start_date<\?\)/.test(line)), shown);
    }
  });

  test('the first pages of upcoming and past lines are one statement, their rows another, and no page size is bound', async () => {
    await related(3);
    const statements = await statementsDuring(db, () => related(3));
    const pages = statements.filter((statement) => /\blimit\b/i.test(statement));
    const rows = statements.filter((statement) => !/\blimit\b/i.test(statement) && statement.includes('"event_translations"'));
    assert.equal(pages.length, 1, statements.join('\n\n'));
    assert.equal(rows.length, 1, statements.join('\n\n'));
    for (const page of pages) assert.doesNotMatch(page, /\b(limit|offset) (\?|\$\d+)/i);
  });

  test('on PostgreSQL, the generic plan the page runs finds the events running today from the links by last day, and reads links begun before today only newest first', async (t) => {
    if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return t.skip('PostgreSQL alone plans it so');
    const [page] = (await compiledDuring(db, () => related(3))).filter((query) => /\blimit\b/i.test(query.sql));
    assert.ok(page);
    // As the kept statement runs (db/pg-statements.ts): prepared, with one plan for every value.
    const ranges = (await planLines(db, page)).filter((line) => /^\S.* on event_topics using .*: /.test(line));
    const shown = ranges.join('\n');
    assert.ok(ranges.some((line) => /last_day >=/.test(line)), shown);
    // The links begun before today are read only backwards, newest first: the past events', cut to the page's end.
    for (const line of ranges) if (/start_date </.test(line)) assert.match(line, / Backward: /, `no range of links begun before today read from the oldest:\n${shown}`);
  });
});
