/**
 * The per-language publishing migrations on data written under the earlier
 * schema: slugs, statuses and source snapshots backfilled, on both databases.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Kysely } from 'kysely';
import type { DatabaseHandle } from '../database.js';
import { migrateTestDatabase, openTestDatabase } from '../../../test/helpers/test-database.js';

const STAMP = '2026-01-01T00:00:00.000Z';
const VI_STAMP = '2026-02-01T00:00:00.000Z';

async function insertEvent(db: Kysely<any>, slug: string, status: string, start: string, en: string, vi?: string): Promise<number> {
  const { id } = await db
    .insertInto('events')
    .values({ slug, status, start_date: start, created_at: STAMP, updated_at: STAMP })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('event_translations')
    .values({ event_id: id, lang: 'en', title: en, description: `About ${en}`, venue: 'Hanoi', created_at: STAMP, updated_at: STAMP })
    .execute();
  if (vi) {
    await db
      .insertInto('event_translations')
      .values({ event_id: id, lang: 'vi', title: vi, created_at: VI_STAMP, updated_at: VI_STAMP })
      .execute();
  }
  return id;
}

describe('translation publishing migrations', () => {
  let handle: DatabaseHandle;
  let db: Kysely<any>;
  const ids: Record<string, number> = {};

  before(async () => {
    handle = await openTestDatabase({ migrateTo: '2026-11-23T1440-create-site-texts' });
    db = handle.db as unknown as Kysely<any>;
    ids.workshop = await insertEvent(db, 'national-workshop', 'published', '2026-03-02', 'National workshop', 'Hội thảo quốc gia về lao động');
    // Its English slug is what the workshop's Vietnamese title transliterates to.
    ids.clash = await insertEvent(db, 'hoi-thao-quoc-gia-ve-lao-dong', 'published', '2026-04-01', 'Hoi thao quoc gia ve lao dong');
    ids.dakLak = await insertEvent(db, 'visit-to-dak-lak', 'published', '2026-05-01', 'Visit to Dak Lak', 'Chuyến thăm Đắk Lắk');
    ids.sameTitle = await insertEvent(db, 'another-visit', 'published', '2025-05-01', 'Another visit', 'Chuyến thăm Đắk Lắk');
    ids.draft = await insertEvent(db, 'draft-meeting', 'draft', '2026-06-01', 'Draft meeting', 'Cuộc họp nháp');
    ids.symbols = await insertEvent(db, 'symbols', 'published', '2026-07-01', 'Symbols', '— … —');
    const { id } = await db
      .insertInto('articles')
      .values({ slug: 'a-bridge', status: 'published', published_on: '2024-01-05', created_at: STAMP, updated_at: STAMP })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.article = id;
    await db
      .insertInto('article_translations')
      .values([
        { article_id: id, lang: 'en', title: 'A bridge', summary: 'Over water', body: 'Text', created_at: STAMP, updated_at: STAMP },
        { article_id: id, lang: 'vi', title: 'Một cây cầu', summary: 'Qua sông', created_at: VI_STAMP, updated_at: VI_STAMP },
      ])
      .execute();
    await migrateTestDatabase(handle);
  });
  after(() => handle.destroy());

  async function row(table: 'event_translations' | 'article_translations', id: number, lang: string) {
    const key = table === 'event_translations' ? 'event_id' : 'article_id';
    return db.selectFrom(table).selectAll().where(key, '=', id).where('lang', '=', lang).executeTakeFirstOrThrow();
  }

  test('English rows take the item slug; Vietnamese rows a transliterated, unique one', async () => {
    assert.equal((await row('event_translations', ids.workshop!, 'en')).slug, 'national-workshop');
    // Taken by another item's English slug, so the year is added.
    assert.equal((await row('event_translations', ids.workshop!, 'vi')).slug, 'hoi-thao-quoc-gia-ve-lao-dong-2026');
    assert.equal((await row('event_translations', ids.dakLak!, 'vi')).slug, 'chuyen-tham-dak-lak');
    assert.equal((await row('event_translations', ids.sameTitle!, 'vi')).slug, 'chuyen-tham-dak-lak-2025');
    // Nothing to transliterate: the item's slug.
    assert.equal((await row('event_translations', ids.symbols!, 'vi')).slug, 'symbols');
    assert.equal((await row('article_translations', ids.article!, 'vi')).slug, 'mot-cay-cau');
  });

  test('rows of published items are published; others stay draft', async () => {
    assert.equal((await row('event_translations', ids.workshop!, 'vi')).status, 'published');
    assert.equal((await row('event_translations', ids.workshop!, 'en')).status, 'published');
    assert.equal((await row('event_translations', ids.draft!, 'vi')).status, 'draft');
    assert.equal((await row('article_translations', ids.article!, 'vi')).status, 'published');
  });

  test('translations record the English they match, and when', async () => {
    const vi = await row('event_translations', ids.workshop!, 'vi');
    assert.deepEqual(JSON.parse(String(vi.source_snapshot)), {
      title: 'National workshop',
      summary: null,
      description: 'About National workshop',
      venue: 'Hanoi',
      city: null,
    });
    assert.equal(vi.translated_at, VI_STAMP);
    const en = await row('event_translations', ids.workshop!, 'en');
    assert.equal(en.source_snapshot, null);
    const article = await row('article_translations', ids.article!, 'vi');
    assert.deepEqual(JSON.parse(String(article.source_snapshot)), {
      title: 'A bridge',
      summary: 'Over water',
      body: 'Text',
      hero_alt: null,
      byline_role: null,
      byline_organisation: null,
    });
  });

  test('a slug is unique per language', async () => {
    await assert.rejects(
      db.updateTable('event_translations').set({ slug: 'chuyen-tham-dak-lak' }).where('event_id', '=', ids.draft!).where('lang', '=', 'vi').execute(),
    );
    // The same slug in another language is allowed by the database.
    await db.updateTable('event_translations').set({ slug: 'national-workshop' }).where('event_id', '=', ids.workshop!).where('lang', '=', 'vi').execute();
  });

  test('settings start empty', async () => {
    assert.deepEqual(await db.selectFrom('settings').selectAll().execute(), []);
  });
});
