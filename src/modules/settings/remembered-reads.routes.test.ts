/**
 * The settings, site texts and topic names that pages keep in memory
 * (db/remembered-reads.ts) are never shown stale after a change: a save in
 * the admin, a write through the settings module, an import announced after
 * its transaction, a write by the command line (SQLite notices the commit)
 * and a change on another instance (PostgreSQL's NOTIFY). The page cache is
 * off, so that every page is rendered and reads what is kept.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../app.js';
import { loadEnv, type Env } from '../../config/env.js';
import { migrateToLatest, openDatabase, type DatabaseHandle } from '../../db/database.js';
import { openContentChanges } from '../../runtime.js';
import { todayInZone } from '../../shared/dates/calendar-date.js';
import { announceToServers, type ContentChanges } from '../../shared/http/content-changes.js';
import { importListings } from '../importer/index.js';
import { ensureTaxonomy, type Taxonomy } from '../taxonomy/index.js';
import { appForBlock, DEFAULT_NOW } from '../../../test/helpers/build-test-app.js';
import { postForm, signIn, signedInForBlock } from '../../../test/helpers/admin-session.js';
import { runCli } from '../../../test/helpers/cli.js';
import { createEvent } from '../../../test/helpers/factories.js';
import { html, text } from '../../../test/helpers/html.js';
import { testDatabaseUrl } from '../../../test/helpers/test-database.js';
import { twoInstancesForBlock } from '../../../test/helpers/two-instances.js';
import { upsertSiteText } from './index.js';

const TAXONOMY: Taxonomy = {
  programmes: [],
  topics: [{ slug: 'safety', match: [], name: { en: 'Safety at work', vi: 'An toàn lao động' } }],
};

/** Two events in December 2026, one with a Vietnamese text and one in English only. */
async function twoEvents(db: DatabaseHandle['db']): Promise<void> {
  await ensureTaxonomy(db, TAXONOMY, DEFAULT_NOW.toISOString());
  await createEvent(db, { slug: 'translated-workshop', title: 'Translated workshop', start: '2026-12-03', vi: { title: 'Hội thảo đã dịch' } });
  await createEvent(db, { slug: 'english-only-meeting', title: 'English only meeting', start: '2026-12-05' });
}

/** An events page as the importer reads it: the heading, an introduction, one month and one item. */
function eventsListing(intro: string): string {
  return `Events and meetings\n\n${intro}\n\nDecember 2026\n\n  1. Imported planning meeting\n\n    10 December 2026\n\n    A meeting to plan the coming year.\n`;
}

async function listedTitles(app: FastifyInstance, url: string): Promise<string[]> {
  const res = await app.inject({ url });
  assert.equal(res.statusCode, 200);
  return html(res.body).querySelectorAll('li.event-item .item-title').map(text);
}

async function intro(app: FastifyInstance, lang: 'en' | 'vi' = 'en'): Promise<string> {
  return text(html((await app.inject({ url: `/${lang}/events` })).body).querySelector('.intro > div'));
}

async function topicChoices(app: FastifyInstance, lang: 'en' | 'vi' = 'en'): Promise<string[]> {
  return html((await app.inject({ url: `/${lang}/events` })).body)
    .querySelectorAll('#filter-topic option[value=safety]')
    .map(text);
}

async function renameTopic(db: DatabaseHandle['db'], lang: 'en' | 'vi', name: string): Promise<void> {
  const { id } = await db.selectFrom('topics').select('id').where('slug', '=', 'safety').executeTakeFirstOrThrow();
  await db.updateTable('topic_translations').set({ name }).where('topic_id', '=', id).where('lang', '=', lang).execute();
}

/** Waits until `check` holds, asking every 20 ms; fails after `ms`. */
async function eventually(check: () => Promise<boolean>, ms = 5_000): Promise<void> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > ms) throw new Error(`not within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('kept settings, site texts and topic names on one instance', () => {
  const t = appForBlock({ env: { PAGE_CACHE: 'off' } });
  const admin = signedInForBlock(t, 'admin');
  before(() => twoEvents(t.db));

  test('a setting saved in the admin shows on the very next page', async () => {
    assert.deepEqual(await listedTitles(t.app, '/vi/events'), ['Hội thảo đã dịch', 'English only meeting']);
    const saved = await postForm(t.app, { url: '/admin/settings', session: admin, fields: { untranslated: 'omit' } });
    assert.equal(saved.statusCode, 303);
    assert.deepEqual(await listedTitles(t.app, '/vi/events'), ['Hội thảo đã dịch']);
    // The item's own page reads the setting too; it still answers.
    assert.equal((await t.app.inject({ url: '/vi/events/english-only-meeting' })).statusCode, 200);
    await postForm(t.app, { url: '/admin/settings', session: admin, fields: { untranslated: 'fallback' } });
    assert.deepEqual(await listedTitles(t.app, '/vi/events'), ['Hội thảo đã dịch', 'English only meeting']);
  });

  test('a site text saved through the settings module shows on the next page', async () => {
    await upsertSiteText(t.db, 'events.intro', 'en', 'The first introduction.', DEFAULT_NOW.toISOString());
    assert.equal(await intro(t.app), 'The first introduction.');
    // The Vietnamese listing shows the English text while it has none of its own.
    assert.equal(await intro(t.app, 'vi'), 'The first introduction.');
    await upsertSiteText(t.db, 'events.intro', 'en', 'The second introduction.', DEFAULT_NOW.toISOString());
    assert.equal(await intro(t.app), 'The second introduction.');
    await upsertSiteText(t.db, 'events.intro', 'vi', 'Lời giới thiệu.', DEFAULT_NOW.toISOString());
    assert.equal(await intro(t.app, 'vi'), 'Lời giới thiệu.');
  });

  test('an import, announced after its transaction, shows its introduction on the next page', async () => {
    await upsertSiteText(t.db, 'events.intro', 'en', 'Before the import.', DEFAULT_NOW.toISOString());
    assert.equal(await intro(t.app), 'Before the import.');
    await importListings(t.db, [{ file: 'events.en.txt', text: eventsListing('The office plans these meetings for the year.'), kind: 'events' }], { now: DEFAULT_NOW });
    await t.app.contentChanges.announce('import');
    assert.equal(await intro(t.app), 'The office plans these meetings for the year.');
  });

  test("a topic's new name, once announced, shows in the listings' filters and on its own page", async () => {
    assert.deepEqual(await topicChoices(t.app), ['Safety at work']);
    assert.equal(text(html((await t.app.inject({ url: '/en/topics/safety' })).body).querySelector('h1')), 'Safety at work');
    await renameTopic(t.db, 'en', 'Safety and health at work');
    await t.app.contentChanges.announce('topic renamed');
    assert.deepEqual(await topicChoices(t.app), ['Safety and health at work']);
    assert.equal(text(html((await t.app.inject({ url: '/en/topics/safety' })).body).querySelector('h1')), 'Safety and health at work');
    assert.deepEqual(await topicChoices(t.app, 'vi'), ['An toàn lao động']);
  });
});

describe('kept reads and the command line on SQLite', { skip: testDatabaseUrl ? 'SQLite only' : false }, () => {
  let dir: string;
  let handle: DatabaseHandle;
  let changes: ContentChanges;
  let app: FastifyInstance;
  let config: Env;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'almanac-remembered-'));
    config = loadEnv({ NODE_ENV: 'test', SEED_ON_FIRST_START: 'false', PAGE_CACHE: 'off', MEDIA_DIR: join(dir, 'media'), SQLITE_PATH: join(dir, 'site.sqlite') });
    handle = openDatabase({ sqlitePath: config.SQLITE_PATH });
    await migrateToLatest(handle.db);
    await twoEvents(handle.db);
    // As the server makes it: other processes' commits are noticed through data_version.
    changes = await openContentChanges(handle, config);
    app = await buildApp(
      { db: handle.db, dialect: handle.dialect, config, now: () => DEFAULT_NOW, today: () => todayInZone(config.OFFICE_TIME_ZONE, DEFAULT_NOW) },
      { contentChanges: changes },
    );
  });
  after(async () => {
    await app.close();
    await changes.close();
    await handle.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  test("an import by the command line shows its introduction once the server notices the commit", async () => {
    await upsertSiteText(handle.db, 'events.intro', 'en', 'Before the import.', DEFAULT_NOW.toISOString());
    assert.equal(await intro(app), 'Before the import.');
    const file = join(dir, 'events.en.txt');
    writeFileSync(file, eventsListing('Imported from the command line.'));
    const run = runCli(['import', '--kind', 'events', file], { ...process.env, SQLITE_PATH: config.SQLITE_PATH, LOG_LEVEL: 'silent' });
    assert.equal(run.status, 0, run.stderr);
    await eventually(async () => (await intro(app)) === 'Imported from the command line.');
  });
});

describe('kept reads on two instances of one PostgreSQL database', { skip: testDatabaseUrl ? false : 'needs TEST_DATABASE_URL' }, () => {
  const two = twoInstancesForBlock({ env: { PAGE_CACHE: 'off' }, seed: twoEvents });

  test('a setting saved in the admin on A shows on B once B hears of it', async () => {
    assert.deepEqual(await listedTitles(two.b, '/vi/events'), ['Hội thảo đã dịch', 'English only meeting']);
    const admin = await signIn(two.a, two.handleA.db, 'admin');
    const saved = await postForm(two.a, { url: '/admin/settings', session: admin, fields: { untranslated: 'omit' } });
    assert.equal(saved.statusCode, 303);
    // A itself dropped what it kept before answering the save.
    assert.deepEqual(await listedTitles(two.a, '/vi/events'), ['Hội thảo đã dịch']);
    await eventually(async () => (await listedTitles(two.b, '/vi/events')).length === 1);
  });

  test("a topic renamed by the command line shows on both once it announces", async () => {
    assert.deepEqual(await topicChoices(two.a), ['Safety at work']);
    assert.deepEqual(await topicChoices(two.b), ['Safety at work']);
    await renameTopic(two.handleA.db, 'en', 'Safety and health at work');
    // What `almanac import` and the other commands do after writing.
    await announceToServers(two.handleA.db, 'postgres', two.handleA.schema, 'import');
    await eventually(async () => (await topicChoices(two.a))[0] === 'Safety and health at work');
    await eventually(async () => (await topicChoices(two.b))[0] === 'Safety and health at work');
  });
});
