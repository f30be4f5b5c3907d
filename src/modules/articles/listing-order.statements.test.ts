/**
 * The articles listing's pages read their ids in the listing's order from
 * an index (articles_listing_order_idx): newest first, then by id; a later
 * page skips the lines before it in the index, with no sort.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { CompiledQuery, SqliteAdapter, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { DatabaseHandle } from '../../db/database.js';
import { openTestDatabase } from '../../../test/helpers/test-database.js';
import { createArticle } from '../../../test/helpers/factories.js';
import { compiledDuring } from '../../../test/helpers/statements.js';
import { addDays } from '../../shared/dates/calendar-date.js';
import { listArticlesPage } from './articles.service.js';

const NOW = new Date('2026-11-23T02:00:00Z');

describe("the articles listing's order", () => {
  let handle: DatabaseHandle;
  let db: Kysely<Database>;
  /** Every article as [id, date], made in an order unlike the listing's, several on one day. */
  const made: [number, string][] = [];

  before(async () => {
    handle = await openTestDatabase();
    db = handle.db;
    for (let i = 0; i < 45; i += 1) {
      const date = addDays('2026-01-01', (i * 11) % 60);
      made.push([(await createArticle(db, { slug: `article-${i}`, date })).id, date]);
    }
  });
  after(() => handle.destroy());

  const page = async (n: number) => listArticlesPage(db, 'en', NOW, n, {});

  test('every page lists newest first, then the first made, as one list', async () => {
    const expected = [...made].sort(([a, ad], [b, bd]) => (ad !== bd ? (ad < bd ? 1 : -1) : a - b)).map(([id]) => id);
    const first = await page(1);
    assert.equal(first.info.pages, 3);
    const listed: number[] = [];
    for (let n = 1; n <= first.info.pages; n += 1) listed.push(...(await page(n)).rows.map((row) => row.id));
    assert.deepEqual(listed, expected);
  });

  test('on SQLite, each page reads its ids from the index in order, with no sort of its own', async (t) => {
    if (!(db.getExecutor().adapter instanceof SqliteAdapter)) return t.skip("SQLite's plan; PostgreSQL chooses by its statistics");
    for (const n of [1, 2, 3]) {
      const statements = (await compiledDuring(db, () => page(n))).filter((query) => /^select "a"."id" from/.test(query.sql) && /\boffset\b/i.test(query.sql));
      assert.equal(statements.length, 1, statements.map((s) => s.sql).join('\n\n'));
      const [statement] = statements;
      const plan = (await db.executeQuery<{ detail: string }>(CompiledQuery.raw(`explain query plan ${statement!.sql}`, [...statement!.parameters]))).rows.map((row) => row.detail);
      assert.ok(plan.some((step) => step.includes('articles_listing_order_idx')), `page ${n}:\n${plan.join('\n')}`);
      assert.ok(!plan.some((step) => /TEMP B-TREE/.test(step)), `page ${n}:\n${plan.join('\n')}`);
    }
  });
});
