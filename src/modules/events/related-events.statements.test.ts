/**
 * An item's related events are read in few statements: the first page of
 * upcoming lines and the first of past ones together, their size written
 * into the SQL (SQLite ran the plans slower with it bound), and then the rows
 * of every event found, upcoming and past, in one statement.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { DatabaseHandle } from '../../db/database.js';
import { openTestDatabase } from '../../../test/helpers/test-database.js';
import { createTopic, publishTaggedEvents } from '../../../test/helpers/tagged-events.js';
import { statementsDuring } from '../../../test/helpers/statements.js';
import { listRelatedEvents } from './events.service.js';

const NOW = new Date('2026-11-23T02:00:00Z');
const TODAY = '2026-11-23';

describe("the statements of an item's related events", () => {
  let handle: DatabaseHandle;
  let db: Kysely<Database>;
  const ids: Record<string, number> = {};

  before(async () => {
    handle = await openTestDatabase();
    db = handle.db;
    const topics = [await createTopic(db, 'wages', 'Wages')];
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

  test('the first pages of upcoming and past lines are one statement, their rows another, and no page size is bound', async () => {
    await related(3);
    const statements = await statementsDuring(db, () => related(3));
    const pages = statements.filter((statement) => /\blimit\b/i.test(statement));
    const rows = statements.filter((statement) => !/\blimit\b/i.test(statement) && statement.includes('"event_translations"'));
    assert.equal(pages.length, 1, statements.join('\n\n'));
    assert.equal(rows.length, 1, statements.join('\n\n'));
    for (const page of pages) assert.doesNotMatch(page, /\b(limit|offset) (\?|\$\d+)/i);
  });
});
