/**
 * Each link of an article to a topic or programme keeps the article's
 * status, publication time and date (migration 2026-12-09T0900): filled from
 * the articles already linked, then kept equal to the article's through
 * links added and moved, and articles published, scheduled, withdrawn and
 * redated; the per-term counts stay right through the copies' changes. On
 * both databases.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql, type Kysely } from 'kysely';
import type { DatabaseHandle } from '../database.js';
import { insertStamped, migrateTestDatabase, openTestDatabase } from '../../../test/helpers/test-database.js';

const STAMP = '2026-01-01T00:00:00.000Z';
const TABLES = [
  ['article_topics', 'topic_id'],
  ['article_programmes', 'programme_id'],
] as const;

describe("an article's status and date copied to its links to topics and programmes", () => {
  let handle: DatabaseHandle;
  let db: Kysely<any>;
  const ids: Record<string, number> = {};

  const insert = (table: string, values: Record<string, unknown>) => insertStamped(db, STAMP, table, values);

  /** Every link whose copy differs from its article's columns, as "table article term" lines: none when all are kept. */
  async function stale(): Promise<string[]> {
    const lines: string[] = [];
    for (const [table, termId] of TABLES) {
      const rows = await sql<{ article_id: number; term_id: number }>`select x.article_id, x.${sql.ref(termId)} as term_id
        from ${sql.table(table)} as x inner join articles as a on a.id = x.article_id
        where x.status is distinct from a.status or x.publish_at is distinct from a.publish_at
          or x.published_on is distinct from a.published_on`.execute(db);
      for (const r of rows.rows) lines.push(`${table} ${Number(r.article_id)} ${Number(r.term_id)}`);
    }
    return lines;
  }

  /** How many links of both tables hold a copy at all (every link should). */
  async function copies(): Promise<number> {
    const row = await sql<{ n: number | string }>`select (select count(*) from article_topics where status is not null and published_on is not null)
      + (select count(*) from article_programmes where status is not null and published_on is not null) as n`.execute(db);
    return Number(row.rows[0]!.n);
  }

  /** The kept per-term counts of published articles, as "term id: n" lines. */
  async function counts(): Promise<string[]> {
    const rows = await db.selectFrom('term_item_counts').select(['term', 'term_id', 'n']).where('kind', '=', 'article').where('n', '>', 0).execute();
    return rows.map((r) => `${r.term} ${Number(r.term_id)}: ${Number(r.n)}`).sort();
  }

  before(async () => {
    handle = await openTestDatabase({ migrateTo: '2026-12-08T0910-index-articles-in-listing-order' });
    db = handle.db as unknown as Kysely<any>;
    ids.wages = await insert('topics', { slug: 'wages' });
    ids.safety = await insert('topics', { slug: 'safety' });
    ids.bw = await insert('programmes', { slug: 'better-work' });
    ids.one = await insert('articles', { slug: 'one', status: 'published', published_on: '2026-03-01' });
    ids.two = await insert('articles', { slug: 'two', status: 'draft', published_on: '2026-03-04' });
    await db.insertInto('article_topics').values({ article_id: ids.one, topic_id: ids.wages }).execute();
    await db.insertInto('article_topics').values({ article_id: ids.two, topic_id: ids.wages }).execute();
    await db.insertInto('article_programmes').values({ article_id: ids.two, programme_id: ids.bw }).execute();
    await migrateTestDatabase(handle);
  });
  after(() => handle.destroy());

  test("the links already there are given their articles' columns", async () => {
    assert.equal(await copies(), 3);
    assert.deepEqual(await stale(), []);
    const row = await db.selectFrom('article_programmes').select(['status', 'published_on']).executeTakeFirstOrThrow();
    assert.deepEqual({ ...row }, { status: 'draft', published_on: '2026-03-04' });
  });

  test("a link added or moved to another article takes that article's columns, and is counted once", async () => {
    await db.insertInto('article_topics').values({ article_id: ids.two, topic_id: ids.safety }).execute();
    await db.insertInto('article_programmes').values({ article_id: ids.one, programme_id: ids.bw }).execute();
    assert.equal(await copies(), 5);
    assert.deepEqual(await stale(), []);
    assert.deepEqual(await counts(), [`programme ${ids.bw}: 1`, `topic ${ids.wages}: 1`].sort());
    await db.updateTable('article_topics').set({ article_id: ids.one }).where('article_id', '=', ids.two).where('topic_id', '=', ids.safety).execute();
    assert.deepEqual(await stale(), []);
    assert.deepEqual(await counts(), [`programme ${ids.bw}: 1`, `topic ${ids.safety}: 1`, `topic ${ids.wages}: 1`].sort());
  });

  test('an article published, scheduled, redated or withdrawn changes its links, and the counts follow its status alone', async () => {
    await db.updateTable('articles').set({ status: 'published', publish_at: '2026-02-01T08:00:00.000Z' }).where('id', '=', ids.two).execute();
    assert.deepEqual(await stale(), []);
    const row = await db.selectFrom('article_topics').select(['status', 'publish_at', 'published_on']).where('article_id', '=', ids.two).executeTakeFirstOrThrow();
    assert.deepEqual({ ...row }, { status: 'published', publish_at: '2026-02-01T08:00:00.000Z', published_on: '2026-03-04' });
    assert.deepEqual(await counts(), [`programme ${ids.bw}: 2`, `topic ${ids.safety}: 1`, `topic ${ids.wages}: 2`].sort());
    await db.updateTable('articles').set({ published_on: '2025-12-30' }).where('id', '=', ids.one).execute();
    assert.deepEqual(await stale(), []);
    await db.updateTable('articles').set({ status: 'draft' }).where('id', '=', ids.one).execute();
    assert.deepEqual(await stale(), []);
    assert.deepEqual(await counts(), [`programme ${ids.bw}: 1`, `topic ${ids.wages}: 1`].sort());
    // Another column changed leaves the copies as they are.
    await db.updateTable('articles').set({ updated_at: '2026-06-01T00:00:00.000Z' }).execute();
    assert.deepEqual(await stale(), []);
  });
});
