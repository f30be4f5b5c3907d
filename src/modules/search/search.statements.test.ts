/**
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
