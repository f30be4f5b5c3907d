/**
 * A topic's page shows its latest articles and its latest ended events, a
 * short list each. They are read from the topic's links, newest first, as an
 * item's related articles and events are: read from the items' side, every
 * article and every ended event of the archive was read newest first until
 * five were the topic's, and a topic with one article and one past event
 * among 100,000 items took 170 ms for its page.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { PostgresAdapter, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { DatabaseHandle } from '../../db/database.js';
import { openTestDatabase } from '../../../test/helpers/test-database.js';
import { createTaggedArticles, createTopic, publishTaggedEvents } from '../../../test/helpers/tagged-events.js';
import { compiledDuring, planLines } from '../../../test/helpers/statements.js';
import { getTermPage } from './topics.service.js';

const NOW = new Date('2026-11-23T02:00:00Z');
const TODAY = '2026-11-23';

describe("the statements of a topic's page", () => {
  let handle: DatabaseHandle;
  let db: Kysely<Database>;
  const articles: Record<string, number> = {};
  let events: Record<string, number> = {};

  before(async () => {
    handle = await openTestDatabase();
    db = handle.db;
    const wages = await createTopic(db, 'wages', 'Wages');
    const other = await createTopic(db, 'safety', 'Safety');
    Object.assign(
      articles,
      await createTaggedArticles(db, {
        newer: { date: '2026-11-01', topics: [wages] },
        untagged: { date: '2026-10-15', topics: [other] },
        older: { date: '2026-10-01', topics: [wages] },
      }),
    );
    events = await publishTaggedEvents(db, NOW, {
      ended: { days: ['2026-11-10', null], topics: [wages] },
      other: { days: ['2026-11-01', null], topics: [other] },
      older: { days: ['2026-10-01', '2026-10-03'], topics: [wages] },
      coming: { days: ['2026-12-01', null], topics: [wages] },
    });
  });
  after(() => handle.destroy());

  const page = () => getTermPage(db, 'topic', 'wages', 'en', TODAY, NOW);

  test('the topic\'s articles newest first, and its ended events newest first', async () => {
    const found = await page();
    assert.deepEqual(found.articles.rows.map((row) => row.id), [articles.newer, articles.older]);
    assert.equal(found.articles.total, 2);
    assert.deepEqual(found.events.past.map((row) => row.id), [events.ended, events.older]);
    assert.deepEqual(found.events.upcoming.map((row) => row.id), [events.coming]);
  });

  test("the articles and the ended events are read from the topic's links by date", async () => {
    const statements = await compiledDuring(db, page);
    const articlesPage = statements.find((query) => /\blimit\b/i.test(query.sql) && query.sql.includes('"article_topics"'));
    const pastPage = statements.find((query) => /\blimit\b/i.test(query.sql) && query.sql.includes('"event_topics"') && /\bdesc\b/i.test(query.sql));
    assert.ok(articlesPage && pastPage, statements.map((query) => query.sql).join('\n\n'));
    const [articlesPlan, pastPlan] = [await planLines(db, articlesPage), await planLines(db, pastPage)];
    const shown = `${articlesPlan.join('\n')}\n\n${pastPlan.join('\n')}`;
    if (db.getExecutor().adapter instanceof PostgresAdapter) {
      // How each item is then read is the planner's choice by the tables' size.
      assert.ok(articlesPlan.some((line) => /on article_topics using article_topics_dates_idx .*topic_id = /.test(line)), shown);
      assert.ok(pastPlan.some((line) => /on event_topics using event_topics_starts_idx Backward: .*start_date </.test(line)), shown);
    } else {
      for (const line of [...articlesPlan, ...pastPlan]) assert.doesNotMatch(line, /(articles|events)_(listing_order|status)_idx/, shown);
      assert.ok(articlesPlan.some((line) => /SEARCH tx USING (COVERING )?INDEX article_topics_dates_idx \(topic_id=\? AND status=\?\)/.test(line)), shown);
      assert.ok(pastPlan.some((line) => /SEARCH tx USING (COVERING )?INDEX event_topics_starts_idx \(topic_id=\? AND status=\? AND start_date<\?\)/.test(line)), shown);
    }
  });
});
