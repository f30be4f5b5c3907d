/**
 * A search without words lists its filters' items from the documents'
 * listing index, one document standing for each item, and stops after the
 * page: it used to read every document of its filters and number them by
 * item, 211 ms on SQLite and 489 ms on PostgreSQL for the articles alone at
 * 100,000 items.
 *
 * A search narrowed by a topic or programme with few items (FEW_TAGGED)
 * starts from those items' documents, each checked for the words: found
 * from the words' side, each matching document checked against the topic,
 * a topic with one item among 100,000 read every document holding "wages"
 * (220 ms on SQLite, 800 ms on PostgreSQL). On both databases.
 */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { PostgresAdapter, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { databaseForBlock } from '../../../test/helpers/test-database.js';
import { compiledDuring, planLines } from '../../../test/helpers/statements.js';
import { generateContent } from '../importer/index.js';
import { searchSite } from './search.service.js';

const NOW = new Date('2026-11-23T02:00:00Z');

describe('the statements of a search narrowed by a small topic', () => {
  let db: Kysely<Database>;
  databaseForBlock((opened) => (db = opened));
  before(async () => {
    await generateContent(db, { events: 40, articles: 40, now: NOW, seed: 11 });
  });

  test("the topic's documents are read by their items, and the words checked on them", async () => {
    const search = () => searchSite(db, { q: 'workers', filters: { topic: 'child-labour' }, page: 1, lang: 'en', now: NOW });
    const outcome = await search();
    assert.equal(outcome.state, 'results');
    const statements = await compiledDuring(db, search);
    const ranked = statements.filter((query) => /\bmatched as\b/.test(query.sql));
    assert.ok(ranked.length > 0, statements.map((query) => query.sql).join('\n\n'));
    for (const statement of ranked) {
      const plan = await planLines(db, statement);
      const shown = plan.join('\n');
      if (db.getExecutor().adapter instanceof PostgresAdapter) {
        // By the index of the documents' items (as a bitmap, where PostgreSQL chooses one).
        assert.ok(plan.some((line) => /using search_documents_item_lang_unique\b.*item_id = ANY/.test(line)), shown);
      } else {
        assert.ok(plan.some((line) => /SEARCH d USING (COVERING )?INDEX sqlite_autoindex_search_documents_1 \(kind=\? AND item_id=\?\)/.test(line)), shown);
        assert.ok(!plan.some((line) => /^SCAN f VIRTUAL TABLE/.test(line)), `the words' index is not read first:\n${shown}`);
      }
    }
  });
});

describe('the statements of a search by filters alone', () => {
  let db: Kysely<Database>;
  databaseForBlock((opened) => (db = opened));
  before(async () => {
    await generateContent(db, { events: 40, articles: 40, now: NOW, seed: 11 });
  });

  for (const filters of [{ kind: 'article' as const }, { year: 2024 }, { topic: 'child-labour' }]) {
    test(`${JSON.stringify(filters)}: the items are read from the listing index, not every document numbered by item`, async () => {
      const search = () => searchSite(db, { q: '', filters, page: 1, lang: 'vi', now: NOW }, { fewTagged: 0 });
      const outcome = await search();
      assert.ok(outcome.state === 'results' && outcome.hits.length > 0);
      const statements = await compiledDuring(db, search);
      const listed = statements.filter((query) => /\bsearch_documents\b/.test(query.sql) && /\border by\b/.test(query.sql));
      assert.equal(listed.length, 1, statements.map((query) => query.sql).join('\n\n'));
      const [statement] = listed;
      assert.doesNotMatch(statement!.sql, /row_number\(\)|over \(/, 'no document is numbered within its item');
      if (!(db.getExecutor().adapter instanceof PostgresAdapter)) {
        // PostgreSQL reads a table of 80 documents whole, as it should; SQLite shows the index it would use at any size.
        const plan = await planLines(db, statement!);
        assert.ok(plan.some((line) => /^SEARCH d USING COVERING INDEX search_documents_listing_idx \(lang=\?/.test(line)), plan.join('\n'));
      }
    });
  }
});
