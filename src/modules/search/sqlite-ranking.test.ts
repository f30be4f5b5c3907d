/**
 * SQLite ranks a search's candidates by which fields hold each term, read
 * one of two ways by their number (sqlite-search-index.ts): field by field
 * from the oldest candidate on, or each candidate by its rowid with FTS5's
 * highlight() telling the fields. Both must find the same fields, whatever
 * the words: as typed and folded, a phrase, a completed prefix.
 */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../../db/schema.js';
import { databaseForBlock } from '../../../test/helpers/test-database.js';
import { generateContent } from '../importer/index.js';
import { dialectOf } from './search-index.js';
import { fieldHitsFrom, fieldHitsOf, ftsExpression, sqliteSearchIndex } from './sqlite-search-index.js';
import { parseSearchQuery } from './search-text.js';

const NOW = new Date('2026-11-23T02:00:00Z');

describe("SQLite's two ways of ranking candidates", () => {
  let db: Kysely<Database>;
  databaseForBlock((opened) => (db = opened));
  before(async () => {
    await generateContent(db, { events: 60, articles: 60, now: NOW, seed: 11 });
  });

  /** The weight of the fields each candidate holds the terms in, by document, as the hits give them. */
  async function weights(hits: RawBuilder<unknown>[]): Promise<Map<number, number>> {
    const rows = await sql<{ doc_id: number; w: number }>`select doc_id, sum(w) as w from (${sql.join(hits, sql` union all `)}) as h group by doc_id`.execute(db);
    return new Map(rows.rows.filter((row) => Number(row.w) > 0).map((row) => [Number(row.doc_id), Number(row.w)]));
  }

  for (const q of ['workers', 'lao động', 'lao dong', 'wag', '"minimum wages"', 'lương tối thiểu', 'child lab', 'hà nội']) {
    test(`the same fields either way: ${q}`, async (t) => {
      if (dialectOf(db) !== 'sqlite') return t.skip('the ranking of SQLite alone');
      const parsed = parseSearchQuery(q);
      assert.ok(parsed.ok);
      const query = await sqliteSearchIndex.completePrefixes(db, parsed.query);
      // Candidates spread over the archive: every third match, and the oldest.
      const matches = await sql<{ id: number }>`select rowid as id from search_fts where search_fts match ${ftsExpression(query)} order by rowid`.execute(db);
      const ids = matches.rows.map((row) => Number(row.id)).filter((_, i) => i % 3 === 0);
      assert.ok(ids.length > 2, `${q} finds documents`);
      const candidates = sql`(select id from search_documents where id in (${sql.join(ids)}))`;
      const fromOldest = await weights(fieldHitsFrom(query, candidates));
      const byRowid = await weights(fieldHitsOf(query, candidates));
      // Every candidate matches, so holds the terms somewhere (the field-by-field reads also find later documents: not candidates).
      for (const id of ids) assert.ok((byRowid.get(id) ?? 0) > 0, `${q}: document ${id} has a field`);
      assert.deepEqual(new Map(ids.map((id) => [id, fromOldest.get(id)])), new Map(ids.map((id) => [id, byRowid.get(id)])));
    });
  }
});
