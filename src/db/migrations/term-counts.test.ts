/**
 * The published items of each topic and programme, kept by the database
 * (term_item_counts): filled from the links already there, then kept equal
 * to a count of the links of published items through links added, moved
 * and removed, items published and withdrawn, and items and terms deleted.
 * On both databases.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql, type Kysely } from 'kysely';
import type { DatabaseHandle } from '../database.js';
import { migrateTestDatabase, openTestDatabase } from '../../../test/helpers/test-database.js';

const STAMP = '2026-01-01T00:00:00.000Z';

describe('counts of published items per topic and programme', () => {
  let handle: DatabaseHandle;
  let db: Kysely<any>;
  const terms: Record<string, number> = {};
  const termTables: Record<string, 'topic' | 'programme'> = {};
  /** A term's slug by its kind and id (topics and programmes number their rows apart). */
  const slugOf = (kind: string, id: number) => Object.keys(terms).find((slug) => termTables[slug] === kind && terms[slug] === id);
  const items: Record<string, number> = {};

  async function term(table: 'topics' | 'programmes', slug: string): Promise<void> {
    const row = await db.insertInto(table).values({ slug, created_at: STAMP, updated_at: STAMP }).returning('id').executeTakeFirstOrThrow();
    terms[slug] = Number(row.id);
    termTables[slug] = table === 'topics' ? 'topic' : 'programme';
  }
  async function event(slug: string, status: string): Promise<void> {
    const row = await db
      .insertInto('events')
      .values({ slug, status, start_date: '2026-03-01', created_at: STAMP, updated_at: STAMP })
      .returning('id')
      .executeTakeFirstOrThrow();
    items[slug] = Number(row.id);
  }
  async function article(slug: string, status: string): Promise<void> {
    const row = await db
      .insertInto('articles')
      .values({ slug, status, published_on: '2026-03-01', created_at: STAMP, updated_at: STAMP })
      .returning('id')
      .executeTakeFirstOrThrow();
    items[slug] = Number(row.id);
  }
  const links = [
    ['event', 'topic', 'event_topics', 'event_id', 'topic_id', 'events'],
    ['event', 'programme', 'event_programmes', 'event_id', 'programme_id', 'events'],
    ['article', 'topic', 'article_topics', 'article_id', 'topic_id', 'articles'],
    ['article', 'programme', 'article_programmes', 'article_id', 'programme_id', 'articles'],
  ] as const;

  /** The kept counts, and the same counted from the links, as "kind term slug: n" lines (zeros left out). */
  async function kept(): Promise<string[]> {
    const rows = await db.selectFrom('term_item_counts').select(['kind', 'term', 'term_id', 'n']).execute();
    return rows
      .filter((r) => Number(r.n) !== 0)
      .map((r) => `${r.kind} ${r.term} ${slugOf(r.term, Number(r.term_id))}: ${Number(r.n)}`)
      .sort();
  }
  async function counted(): Promise<string[]> {
    const lines: string[] = [];
    for (const [kind, name, table, fk, termId, itemTable] of links) {
      const rows = await sql<{ term_id: number; n: number | string }>`select x.${sql.ref(termId)} as term_id, count(*) as n
        from ${sql.table(table)} as x inner join ${sql.table(itemTable)} as i on i.id = x.${sql.ref(fk)}
        where i.status = 'published' group by x.${sql.ref(termId)}`.execute(db);
      for (const r of rows.rows) lines.push(`${kind} ${name} ${slugOf(name, Number(r.term_id))}: ${Number(r.n)}`);
    }
    return lines.sort();
  }

  before(async () => {
    handle = await openTestDatabase({ migrateTo: '2026-12-05T0400-add-event-audience' });
    db = handle.db as unknown as Kysely<any>;
    await term('topics', 'wages');
    await term('topics', 'safety');
    await term('programmes', 'better-work');
    await event('e-published', 'published');
    await event('e-draft', 'draft');
    await article('a-published', 'published');
    await article('a-in-review', 'in_review');
    for (const slug of ['e-published', 'e-draft']) {
      await db.insertInto('event_topics').values({ event_id: items[slug], topic_id: terms.wages }).execute();
      await db.insertInto('event_programmes').values({ event_id: items[slug], programme_id: terms['better-work'] }).execute();
    }
    for (const slug of ['a-published', 'a-in-review']) await db.insertInto('article_topics').values({ article_id: items[slug], topic_id: terms.wages }).execute();
    await migrateTestDatabase(handle);
  });
  after(() => handle.destroy());

  test('the counts are filled from the links of published items', async () => {
    assert.deepEqual(await kept(), ['article topic wages: 1', 'event programme better-work: 1', 'event topic wages: 1']);
    assert.deepEqual(await kept(), await counted());
  });

  test('a link added or removed counts only for a published item', async () => {
    await db.insertInto('event_topics').values({ event_id: items['e-published'], topic_id: terms.safety }).execute();
    await db.insertInto('event_topics').values({ event_id: items['e-draft'], topic_id: terms.safety }).execute();
    await db.insertInto('article_programmes').values({ article_id: items['a-published'], programme_id: terms['better-work'] }).execute();
    assert.deepEqual(await kept(), ['article programme better-work: 1', 'article topic wages: 1', 'event programme better-work: 1', 'event topic safety: 1', 'event topic wages: 1']);
    await db.deleteFrom('event_topics').where('event_id', '=', items['e-published']).where('topic_id', '=', terms.safety).execute();
    await db.deleteFrom('event_topics').where('event_id', '=', items['e-draft']).where('topic_id', '=', terms.safety).execute();
    assert.deepEqual(await kept(), await counted());
    assert.ok(!(await kept()).some((line) => line.includes('safety')));
  });

  test('a link moved to another term moves the count', async () => {
    await db.updateTable('article_topics').set({ topic_id: terms.safety }).where('article_id', '=', items['a-published']).execute();
    assert.deepEqual(await kept(), await counted());
    assert.ok((await kept()).includes('article topic safety: 1'));
    await db.updateTable('article_topics').set({ topic_id: terms.wages }).where('article_id', '=', items['a-published']).execute();
  });

  test('publishing and withdrawing an item counts its links in and out', async () => {
    await db.updateTable('events').set({ status: 'published' }).where('id', '=', items['e-draft']).execute();
    assert.ok((await kept()).includes('event topic wages: 2'));
    assert.ok((await kept()).includes('event programme better-work: 2'));
    await db.updateTable('articles').set({ status: 'in_review' }).where('id', '=', items['a-published']).execute();
    await db.updateTable('articles').set({ status: 'published' }).where('id', '=', items['a-in-review']).execute();
    assert.deepEqual(await kept(), await counted());
    // A change of status to the same status, or of another column, counts nothing.
    await db.updateTable('events').set({ status: 'published', updated_at: STAMP }).execute();
    assert.deepEqual(await kept(), await counted());
  });

  test('a published item deleted takes its links off once; an unpublished one nothing', async () => {
    await db.deleteFrom('events').where('id', '=', items['e-draft']).execute();
    assert.ok((await kept()).includes('event topic wages: 1'));
    await db.deleteFrom('articles').where('id', '=', items['a-published']).execute();
    assert.deepEqual(await kept(), await counted());
    assert.ok((await kept()).includes('article topic wages: 1'));
  });

  test('a term deleted with its links leaves no count to read', async () => {
    await db.deleteFrom('programmes').where('id', '=', terms['better-work']).execute();
    assert.deepEqual(await kept(), await counted());
    assert.ok(!(await kept()).some((line) => line.includes('better-work')));
  });
});
