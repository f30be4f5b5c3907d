/**
 * The texts still to render have an index of their own (migration
 * 2026-12-06T1100): the look the server makes at every start reads it, not
 * every event description and article body. On both databases.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import type { DatabaseHandle } from '../database.js';
import { openTestDatabase } from '../../../test/helpers/test-database.js';

const TEXTS = [
  { table: 'event_translations', fk: 'event_id', text: 'description', html: 'description_html' },
  { table: 'article_translations', fk: 'article_id', text: 'body', html: 'body_html' },
] as const;

describe('the index of texts without their HTML', () => {
  let handle: DatabaseHandle;
  before(async () => (handle = await openTestDatabase()));
  after(() => handle.destroy());

  test('holds exactly the texts with Markdown and no HTML', async () => {
    for (const t of TEXTS) {
      const index = `${t.table}_without_html_idx`;
      if (handle.dialect === 'sqlite') {
        const found = await sql<{ sql: string }>`select sql from sqlite_master where type = 'index' and name = ${index}`.execute(handle.db);
        assert.match(found.rows[0]?.sql ?? '', new RegExp(`where "?${t.text}"? is not null and "?${t.html}"? is null`, 'i'), index);
      } else {
        const found = await sql<{ indexdef: string }>`select indexdef from pg_indexes where indexname = ${index}`.execute(handle.db);
        assert.match(found.rows[0]?.indexdef ?? '', new RegExp(`WHERE \\(\\(${t.text} IS NOT NULL\\) AND \\(${t.html} IS NULL\\)\\)`), index);
      }
    }
  });

  test("the start-up look is answered from it (SQLite's plan)", async (t) => {
    if (handle.dialect !== 'sqlite') {
      // The index's predicate is checked above.
      t.skip('PostgreSQL plans a small table with a sequential scan whatever its indexes');
      return;
    }
    for (const t of TEXTS) {
      const plan = await sql<{ detail: string }>`explain query plan select ${sql.ref(t.fk)}, lang, ${sql.ref(t.text)} from ${sql.table(t.table)}
        where ${sql.ref(t.text)} is not null and ${sql.ref(t.html)} is null order by ${sql.ref(t.fk)}, lang limit 100`.execute(handle.db);
      assert.ok(plan.rows.some((row) => row.detail.includes(`${t.table}_without_html_idx`)), plan.rows.map((row) => row.detail).join('\n'));
    }
  });
});
