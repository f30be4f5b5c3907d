/**
 * An event's related articles (those sharing a topic or programme with it)
 * are one page statement with its size written into its SQL (SQLite ran the
 * plan about twice as long with it bound), each article's links looked up
 * with the terms joined (a list of the terms' ids, read again for every
 * article, cost SQLite four times as much), then the rows.
 */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { PostgresAdapter, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { createArticle } from '../../../test/helpers/factories.js';
import { compiledDuring, planLines, statementsDuring } from '../../../test/helpers/statements.js';
import { databaseForBlock } from '../../../test/helpers/test-database.js';
import { listRelatedArticles } from './articles.service.js';

const NOW = new Date('2026-11-23T02:00:00Z');
const STAMP = '2026-01-01T00:00:00.000Z';

describe("the statements of an event's related articles", () => {
  let db: Kysely<Database>;
  databaseForBlock((handle) => (db = handle));
  const ids: Record<string, number> = {};

  before(async () => {
    const term = async (table: 'topics' | 'programmes', slug: string) => {
      const row = await db.insertInto(table).values({ slug, created_at: STAMP, updated_at: STAMP }).returning('id').executeTakeFirstOrThrow();
      return Number(row.id);
    };
    const wages = await term('topics', 'wages');
    const migration = await term('topics', 'migration');
    const better = await term('programmes', 'better-work');
    const tag = (articleId: number, links: { topics?: number[]; programmes?: number[] }) =>
      Promise.all([
        ...(links.topics ?? []).map((topic_id) => db.insertInto('article_topics').values({ article_id: articleId, topic_id }).execute()),
        ...(links.programmes ?? []).map((programme_id) => db.insertInto('article_programmes').values({ article_id: articleId, programme_id }).execute()),
      ]);
    const made: [string, string, { topics?: number[]; programmes?: number[] }][] = [
      ['newest', '2026-11-01', { topics: [wages] }],
      ['both', '2026-10-01', { topics: [wages, migration] }],
      ['programme', '2026-09-01', { programmes: [better] }],
      ['other', '2026-08-01', { topics: [migration] }],
      ['oldest', '2025-01-01', { topics: [wages], programmes: [better] }],
    ];
    for (const [name, date, links] of made) {
      const { id } = await createArticle(db, { date, title: `Article ${name}` });
      await tag(id, links);
      ids[name] = id;
    }
    const { id: draft } = await createArticle(db, { date: '2026-11-20', status: 'draft' });
    await tag(draft, { topics: [wages] });
  });

  const sharing = { topics: ['wages'], programmes: ['better-work'] };
  const related = async (limit: number) => (await listRelatedArticles(db, 'en', NOW, sharing, limit)).map((row) => row.id);

  test('newest first, each once, whatever the number asked for', async () => {
    assert.deepEqual(await related(1), [ids.newest]);
    assert.deepEqual(await related(2), [ids.newest, ids.both]);
    assert.deepEqual(await related(10), [ids.newest, ids.both, ids.programme, ids.oldest]);
    assert.deepEqual((await listRelatedArticles(db, 'en', NOW, { topics: ['migration'], programmes: [] }, 10)).map((row) => row.id), [ids.both, ids.other]);
  });

  test('the page statement writes its size, and reads each tag\'s id once', async () => {
    await related(3);
    const statements = await statementsDuring(db, () => related(3));
    const pages = statements.filter((statement) => /\blimit\b/i.test(statement) && statement.includes('"article_topics"'));
    assert.equal(pages.length, 1, statements.join('\n\n'));
    assert.doesNotMatch(pages[0]!, /\b(limit|offset) (\?|\$\d+)/i);
    assert.doesNotMatch(pages[0]!, /\bin \(select\b/i, 'the terms are not read as a list for every article');
  });

  test("each tag's newest articles are read from its links by date, not by reading every article newest first until enough share a tag", async () => {
    const [page] = (await compiledDuring(db, () => related(3))).filter((query) => /\blimit\b/i.test(query.sql));
    assert.ok(page);
    const plan = await planLines(db, page);
    const shown = plan.join('\n');
    if (db.getExecutor().adapter instanceof PostgresAdapter) {
      // How each article is then read is the planner's choice by the tables' size.
      assert.ok(plan.some((line) => /on article_topics using article_topics_dates_idx .*topic_id = /.test(line)), shown);
      assert.ok(plan.some((line) => /on article_programmes using article_programmes_dates_idx .*programme_id = /.test(line)), shown);
    } else {
      // Each article then by its id: no range of the articles' own indexes in date order.
      for (const line of plan) assert.doesNotMatch(line, /articles_(listing_order|status|listing)_idx/, shown);
      assert.ok(plan.some((line) => /SEARCH tx USING (COVERING )?INDEX article_topics_dates_idx \(topic_id=\? AND status=\?\)/.test(line)), shown);
      assert.ok(plan.some((line) => /SEARCH tx USING (COVERING )?INDEX article_programmes_dates_idx \(programme_id=\? AND status=\?\)/.test(line)), shown);
    }
  });
});
