/**
 * Items and links inserted many to a statement (a generated archive) are
 * counted by status and by term (migration 2026-12-06T0900): the counts stay
 * equal to the rows counted afresh, and on PostgreSQL each count row is
 * written once per statement, not once per row inserted, however many rows
 * the statement holds. Deletions and changes of status still count row by
 * row. On both databases.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql, type Kysely } from 'kysely';
import type { DatabaseHandle } from '../database.js';
import { migrateTestDatabase, openTestDatabase, testDatabaseUrl } from '../../../test/helpers/test-database.js';

const STAMP = '2026-01-01T00:00:00.000Z';

const LINKS = [
  ['event', 'topic', 'event_topics', 'event_id', 'topic_id', 'events'],
  ['event', 'programme', 'event_programmes', 'event_id', 'programme_id', 'events'],
  ['article', 'topic', 'article_topics', 'article_id', 'topic_id', 'articles'],
  ['article', 'programme', 'article_programmes', 'article_id', 'programme_id', 'articles'],
] as const;

/** Rows in each statement that inserts many. */
const MANY = 12;

describe('counts of items inserted many to a statement', () => {
  let handle: DatabaseHandle;
  let db: Kysely<any>;
  const terms: Record<string, number> = {};

  async function term(table: 'topics' | 'programmes', slug: string): Promise<void> {
    const row = await db.insertInto(table).values({ slug, created_at: STAMP, updated_at: STAMP }).returning('id').executeTakeFirstOrThrow();
    terms[slug] = Number(row.id);
  }

  /** Inserts MANY events or articles in one statement, every third a draft; returns their ids. */
  async function insertMany(trx: Kysely<any>, table: 'events' | 'articles', prefix: string): Promise<number[]> {
    const dated = table === 'events' ? { start_date: '2026-03-01' } : { published_on: '2026-03-01' };
    const rows = await trx
      .insertInto(table)
      .values(Array.from({ length: MANY }, (_, k) => ({ slug: `${prefix}-${k}`, status: k % 3 === 0 ? 'draft' : 'published', ...dated, created_at: STAMP, updated_at: STAMP })))
      .returning('id')
      .execute();
    return rows.map((r) => Number(r.id));
  }

  /** Links every item to a term, in one statement. */
  async function linkAll(trx: Kysely<any>, table: string, fk: string, termId: string, ids: number[], term: number): Promise<void> {
    await trx
      .insertInto(table)
      .values(ids.map((id) => ({ [fk]: id, [termId]: term })))
      .execute();
  }

  /** The kept counts, as "kind status: n" and "kind term id: n" lines (zeros left out). */
  async function kept(trx: Kysely<any>): Promise<string[]> {
    const items = await trx.selectFrom('item_counts').select(['kind', 'status', 'n']).execute();
    const byTerm = await trx.selectFrom('term_item_counts').select(['kind', 'term', 'term_id', 'n']).execute();
    return [
      ...items.filter((r) => Number(r.n) !== 0).map((r) => `${r.kind} ${r.status}: ${Number(r.n)}`),
      ...byTerm.filter((r) => Number(r.n) !== 0).map((r) => `${r.kind} ${r.term} ${Number(r.term_id)}: ${Number(r.n)}`),
    ].sort();
  }

  /** The same counted from the tables. */
  async function counted(trx: Kysely<any>): Promise<string[]> {
    const lines: string[] = [];
    for (const [kind, table] of [
      ['event', 'events'],
      ['article', 'articles'],
    ] as const) {
      const rows = await sql<{ status: string; n: number | string }>`select status, count(*) as n from ${sql.table(table)} group by status`.execute(trx);
      for (const r of rows.rows) lines.push(`${kind} ${r.status}: ${Number(r.n)}`);
    }
    for (const [kind, name, table, fk, termId, itemTable] of LINKS) {
      const rows = await sql<{ term_id: number; n: number | string }>`select x.${sql.ref(termId)} as term_id, count(*) as n
        from ${sql.table(table)} as x inner join ${sql.table(itemTable)} as i on i.id = x.${sql.ref(fk)}
        where i.status = 'published' group by x.${sql.ref(termId)}`.execute(trx);
      for (const r of rows.rows) lines.push(`${kind} ${name} ${Number(r.term_id)}: ${Number(r.n)}`);
    }
    return lines.sort();
  }

  /** PostgreSQL: rows written to the count tables so far in this transaction (inserts and new versions of updated rows). */
  async function countWrites(trx: Kysely<any>): Promise<number> {
    const row = await sql<{ n: number | string }>`select coalesce(sum(n_tup_ins + n_tup_upd), 0) as n from pg_stat_xact_user_tables
      where relid in ('item_counts'::regclass, 'term_item_counts'::regclass)`.execute(trx);
    return Number(row.rows[0]!.n);
  }

  before(async () => {
    handle = await openTestDatabase({ migrateTo: '2026-12-05T1015-copy-event-days-to-term-links' });
    db = handle.db as unknown as Kysely<any>;
    await term('topics', 'wages');
    await term('topics', 'safety');
    await term('programmes', 'better-work');
    // Items and links from before, counted by the earlier triggers.
    const events = await insertMany(db, 'events', 'old-event');
    await linkAll(db, 'event_topics', 'event_id', 'topic_id', events, terms.wages!);
    await migrateTestDatabase(handle);
  });
  after(() => handle.destroy());

  test('items and links inserted many to a statement are counted as the rows are', async () => {
    await db.transaction().execute(async (trx) => {
      const events = await insertMany(trx, 'events', 'event');
      const articles = await insertMany(trx, 'articles', 'article');
      await linkAll(trx, 'event_topics', 'event_id', 'topic_id', events, terms.wages!);
      await linkAll(trx, 'event_programmes', 'event_id', 'programme_id', events, terms['better-work']!);
      await linkAll(trx, 'article_topics', 'article_id', 'topic_id', articles, terms.safety!);
      await linkAll(trx, 'article_programmes', 'article_id', 'programme_id', articles, terms['better-work']!);
      assert.deepEqual(await kept(trx), await counted(trx));
      assert.ok((await kept(trx)).includes(`event topic ${terms.wages}: ${(2 * MANY * 2) / 3}`));
    });
  });

  test('on PostgreSQL, a statement inserting many rows writes each count it changes once', { skip: testDatabaseUrl ? false : 'PostgreSQL only' }, async () => {
    await db.transaction().execute(async (trx) => {
      // Drafts and published items: two counts of items; then one count of links (drafts' links count nothing).
      const start = await countWrites(trx);
      const events = await insertMany(trx, 'events', 'counted-event');
      assert.equal((await countWrites(trx)) - start, 2);
      await linkAll(trx, 'event_topics', 'event_id', 'topic_id', events, terms.safety!);
      assert.equal((await countWrites(trx)) - start, 3);
      const articles = await insertMany(trx, 'articles', 'counted-article');
      await linkAll(trx, 'article_topics', 'article_id', 'topic_id', articles, terms.wages!);
      assert.equal((await countWrites(trx)) - start, 6);
      assert.deepEqual(await kept(trx), await counted(trx));
    });
  });

  test('deletions and changes of status still count row by row', async () => {
    const published = await db.selectFrom('events').select('id').where('status', '=', 'published').orderBy('id').execute();
    await db.deleteFrom('events').where('id', '=', published[0]!.id).execute();
    await db.updateTable('events').set({ status: 'draft' }).where('id', '=', published[1]!.id).execute();
    await db.updateTable('articles').set({ status: 'published' }).where('status', '=', 'draft').execute();
    await db.deleteFrom('article_topics').where('article_id', 'in', db.selectFrom('articles').select('id').where('slug', 'like', 'article-%')).execute();
    assert.deepEqual(await kept(db), await counted(db));
  });
});
