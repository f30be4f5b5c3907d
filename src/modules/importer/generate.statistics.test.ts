/**
 * A generated archive is one transaction, and PostgreSQL gathers a table's
 * statistics only after a transaction commits: without new ones taken inside
 * it, every batch's texts were read back by a scan of the whole table, as if
 * it were still empty, and each batch cost more than the one before. The
 * generator analyses the tables it reads back as they grow, so statistics
 * of its own rows exist when it ends.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { openTestDatabase, testDatabaseUrl, type TestDatabaseHandle } from '../../../test/helpers/test-database.js';
import { generateContent } from './generate.service.js';

describe('statistics of a generated archive', { skip: testDatabaseUrl ? false : 'PostgreSQL only' }, () => {
  let handle: TestDatabaseHandle;

  before(async () => {
    handle = await openTestDatabase();
  });
  after(() => handle.destroy());

  test('the texts read back by id have statistics when a large run ends', async () => {
    await generateContent(handle.db, { events: 600, articles: 400, now: new Date('2026-06-01T03:00:00.000Z'), seed: 3 });
    const rows = await sql<{ tablename: string }>`select distinct tablename from pg_stats
      where schemaname = current_schema() and tablename in ('event_translations', 'article_translations', 'event_topics', 'article_topics')
      order by tablename`.execute(handle.db);
    assert.deepEqual(
      rows.rows.map((r) => r.tablename),
      ['article_topics', 'article_translations', 'event_topics', 'event_translations'],
    );
  });
});
