import assert from 'node:assert/strict';
import type { Kysely } from 'kysely';
import { before, describe, test } from 'node:test';
import type { Database } from '../../db/schema.js';
import { createArticle } from '../../../test/helpers/factories.js';
import { statementsDuring } from '../../../test/helpers/statements.js';
import { databaseForBlock } from '../../../test/helpers/test-database.js';
import { listArticleYears } from './articles.repository.js';

const NOW = new Date('2026-11-23T02:00:00Z');

describe("the articles listing's year choices", () => {
  let db: Kysely<Database>;
  databaseForBlock((handle) => (db = handle));

  before(async () => {
    // Years with gaps between them, and articles visitors may not see.
    await createArticle(db, { date: '2026-03-01' });
    await createArticle(db, { date: '2024-12-31' });
    await createArticle(db, { date: '2024-01-01' });
    await createArticle(db, { date: '2020-06-15' });
    await createArticle(db, { date: '2019-05-05', status: 'draft' });
    await createArticle(db, { date: '2027-01-10', vi: { title: 'Bài viết đặt lịch' } }).then(({ id }) =>
      db.updateTable('articles').set({ publish_at: '2026-12-01T00:00:00.000Z' }).where('id', '=', id).execute(),
    );
    await createArticle(db, { date: '2018-02-02', vi: { title: 'Chỉ có bản nháp', status: 'draft' } });
  });

  test('are the years of live articles, newest first, with the years between that have none left out', async () => {
    assert.deepEqual(await listArticleYears(db, { lang: 'en', now: NOW, omitUntranslated: false }), [2026, 2024, 2020, 2018]);
    // A scheduled article's year is offered once its time has come.
    assert.deepEqual(await listArticleYears(db, { lang: 'en', now: new Date('2026-12-02T00:00:00Z'), omitUntranslated: false }), [2027, 2026, 2024, 2020, 2018]);
  });

  test("follow the site's setting for untranslated articles", async () => {
    // Only the scheduled article has a published Vietnamese text: with the site leaving out untranslated articles, the Vietnamese pages offer its year alone, once it is live.
    assert.deepEqual(await listArticleYears(db, { lang: 'vi', now: NOW, omitUntranslated: true }), []);
    assert.deepEqual(await listArticleYears(db, { lang: 'vi', now: new Date('2026-12-02T00:00:00Z'), omitUntranslated: true }), [2027]);
    assert.deepEqual(await listArticleYears(db, { lang: 'vi', now: NOW, omitUntranslated: false }), [2026, 2024, 2020, 2018]);
  });

  test('are read in one statement, however many years lie between the newest and the oldest', async () => {
    const run = () => listArticleYears(db, { lang: 'en', now: NOW, omitUntranslated: false });
    await run();
    assert.equal((await statementsDuring(db, run)).length, 1);
  });
});

describe("the year choices of a site without live articles", () => {
  let db: Kysely<Database>;
  databaseForBlock((handle) => (db = handle));

  test('are none', async () => {
    assert.deepEqual(await listArticleYears(db, { lang: 'en', now: NOW, omitUntranslated: false }), []);
    await createArticle(db, { date: '2025-05-05', status: 'draft' });
    assert.deepEqual(await listArticleYears(db, { lang: 'en', now: NOW, omitUntranslated: false }), []);
  });
});
