/**
 * The most requested pages are rendered again right after a change, before
 * visitors ask for them (PAGE_CACHE_REFRESH_PAGES; the test app turns it off
 * unless a test asks, see test/helpers/build-test-app.ts).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import Fastify from 'fastify';
import { buildTestApp, DEFAULT_NOW, type TestApp } from '../../../test/helpers/build-test-app.js';
import { postForm, signIn } from '../../../test/helpers/admin-session.js';
import { newEventFields } from '../../../test/helpers/forms.js';
import { ensureTaxonomy } from '../../modules/taxonomy/index.js';
import { loadTaxonomy } from '../../modules/importer/index.js';
import { createLogger } from '../logger.js';
import { localContentChanges } from './content-changes.js';
import { IDLE_LOOK_MS, makePage, PageStore, registerPageCache } from './page-cache.js';

/** Visits each address its number of times: the first renders and stores it, the others are hits. */
async function visit(t: TestApp, visits: Record<string, number>): Promise<void> {
  for (const [url, times] of Object.entries(visits)) {
    for (let i = 0; i < times; i += 1) {
      const res = await t.app.inject({ url });
      assert.equal(res.statusCode, 200, url);
      assert.equal(res.headers['x-cache'], i === 0 ? 'MISS' : 'HIT', `${url}, visit ${i + 1}`);
    }
  }
}

/** Waits until the store holds every one of `urls` again (the work goes on in the background); fails after `limitMs`. */
async function storedAgain(t: TestApp, urls: readonly string[], limitMs = 30_000): Promise<void> {
  const store = t.app.pageStore!;
  const deadline = Date.now() + limitMs;
  while (!urls.every((url) => store.has(url))) {
    assert.ok(Date.now() < deadline, `still not stored again: ${urls.filter((url) => !store.has(url)).join(', ')}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('popular pages rendered again after a change', () => {
  test('the most requested pages are stored again before anyone asks, showing the change; the less requested wait for a visitor', async () => {
    const writes: string[] = [];
    const { log, lines } = createLogger({ level: 'info', sink: { write: (chunk: Buffer) => void writes.push(chunk.toString('utf8')) } });
    const t = await buildTestApp({ seed: true, env: { PAGE_CACHE_REFRESH_PAGES: '2' }, appOptions: { loggerInstance: log } });
    try {
      await ensureTaxonomy(t.db, loadTaxonomy(), DEFAULT_NOW.toISOString());
      const editor = await signIn(t.app, t.db, 'editor');
      await visit(t, { '/en/topics': 2, '/en/events': 4, '/en/articles': 3 });

      const title = 'Tripartite dialogue on the new Labour Code';
      const created = await postForm(t.app, { url: '/admin/events', session: editor, fields: newEventFields({ en_title: title }) });
      assert.equal(created.statusCode, 303, created.body.slice(0, 300));
      const id = Number(/\/admin\/events\/(\d+)/.exec(String(created.headers.location))?.[1]);
      const published = await postForm(t.app, { url: `/admin/events/${id}/publish`, session: editor, fields: { revision: '1' } });
      assert.equal(published.statusCode, 303);

      await storedAgain(t, ['/en/events', '/en/articles']);
      const events = await t.app.inject({ url: '/en/events' });
      assert.equal(events.headers['x-cache'], 'HIT', 'the first visit after the change is answered from the store');
      assert.ok(events.body.includes(title), 'with the page as it is after the change');
      assert.equal((await t.app.inject({ url: '/en/articles' })).headers['x-cache'], 'HIT');
      assert.equal((await t.app.inject({ url: '/en/topics' })).headers['x-cache'], 'MISS', 'third most requested of two: rendered for its next visitor');

      // The pages rendered again are not visitors' requests: the log has a line for each visit, none for them.
      await t.close();
      const logged = writes
        .join('')
        .split('\n')
        .filter((line) => line.includes('request completed'))
        .map((line) => (JSON.parse(line) as { req: { url: string } }).req.url)
        .filter((url) => !url.startsWith('/admin'));
      assert.deepEqual(logged.sort(), [...Array(4).fill('/en/articles'), ...Array(5).fill('/en/events'), ...Array(3).fill('/en/topics')].sort());
    } finally {
      await t.close();
      lines.close();
    }
  });

  test('a visitor who guesses at the mark of the refresh is a visitor: logged, and counted', async () => {
    const writes: string[] = [];
    const { log, lines } = createLogger({ level: 'info', sink: { write: (chunk: Buffer) => void writes.push(chunk.toString('utf8')) } });
    const t = await buildTestApp({ seed: true, env: { PAGE_CACHE_REFRESH_PAGES: '1' }, appOptions: { loggerInstance: log } });
    try {
      // The events listing is stored first, so that it would win a tie.
      await t.app.inject({ url: '/en/events' });
      for (let i = 0; i < 2; i += 1) assert.equal((await t.app.inject({ url: '/en/articles', headers: { 'x-almanac-refresh': 'a guess' } })).statusCode, 200);
      await t.app.contentChanges.announce('a change');
      await storedAgain(t, ['/en/articles']);
      assert.equal(t.app.pageStore!.has('/en/events'), false, 'one page is rendered again: the one with more requests');
      await t.close();
      assert.ok(writes.join('').includes('"url":"/en/articles"'), 'its request was logged');
    } finally {
      await t.close();
      lines.close();
    }
  });

  test('a change while pages are being rendered again starts over under the newest content', async () => {
    const t = await buildTestApp({ seed: true, env: { PAGE_CACHE_REFRESH_PAGES: '4' } });
    try {
      await visit(t, { '/en/events': 2, '/en/articles': 2, '/vi/events': 2, '/en': 2 });
      // Two changes in a row: the first refresh is cut short by the second; the pages stored come from after both.
      await t.app.contentChanges.announce('first');
      const generation = t.app.pageStore!.generation;
      await t.app.contentChanges.announce('second');
      await storedAgain(t, ['/en/events', '/en/articles', '/vi/events', '/en']);
      assert.equal(t.app.pageStore!.generation, generation + 1);
      for (const url of ['/en/events', '/en/articles', '/vi/events', '/en']) assert.equal((await t.app.inject({ url })).headers['x-cache'], 'HIT', url);
    } finally {
      await t.close();
    }
  });

  test('with PAGE_CACHE_REFRESH_PAGES=0 a change leaves every page to its next visitor', async () => {
    const t = await buildTestApp({ seed: true, env: { PAGE_CACHE_REFRESH_PAGES: '0' } });
    try {
      await visit(t, { '/en/events': 3 });
      await t.app.contentChanges.announce('a change');
      // What a refresh would have done by now, with one page to render, the test above waits for.
      for (let i = 0; i < 20; i += 1) await new Promise((resolve) => setImmediate(resolve));
      assert.equal((await t.app.inject({ url: '/en/events' })).headers['x-cache'], 'MISS');
    } finally {
      await t.close();
    }
  });
});

describe('popular pages after another process wrote', () => {
  test('are rendered again without waiting for a visitor to notice the write', async () => {
    const app = Fastify();
    let version = 1;
    // SQLite's data_version, as another process's commit moves it.
    const changes = localContentChanges({ externalVersion: () => version, pollIntervalMs: 0 });
    const store = new PageStore(1024 * 1024, 1);
    registerPageCache(app, { store, changes, now: () => DEFAULT_NOW, nextTimeBoundary: async () => Number.MAX_SAFE_INTEGER, isSignedIn: () => false });
    app.get('/page', async (_request, reply) => reply.header('cache-control', 'public, max-age=60').type('text/html').send(`<p>version ${version}</p>`));
    try {
      for (let i = 0; i < 2; i += 1) assert.equal((await app.inject({ url: '/page' })).statusCode, 200);
      assert.ok(store.has('/page'));
      version = 2;
      const deadline = Date.now() + IDLE_LOOK_MS * 10;
      while (!(store.generation > 0 && store.has('/page'))) {
        assert.ok(Date.now() < deadline, 'the write was noticed and the page stored again');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      const res = await app.inject({ url: '/page' });
      assert.equal(res.headers['x-cache'], 'HIT');
      assert.equal(res.body, '<p>version 2</p>');
    } finally {
      await app.close();
    }
  });
});

describe("the page store's most requested addresses", () => {
  const page = () => makePage(Buffer.from('<p>page</p>'), [['content-type', 'text/html; charset=utf-8']], '/p');

  test('are named at each emptying, most requested first, and carry half their weight over the next', async () => {
    const store = new PageStore(1024 * 1024, 2);
    const named: string[][] = [];
    store.onCleared((popular) => named.push([...popular]));
    await store.ensureBoundary(async () => Number.MAX_SAFE_INTEGER);
    for (const key of ['/a', '/b', '/c']) store.set(key, await page(), store.generation, 0);
    for (const [key, times] of [['/a', 6], ['/b', 4], ['/c', 3]] as const) for (let i = 0; i < times; i += 1) store.get(key, 0);
    store.clear();
    assert.deepEqual(named.at(-1), ['/a', '/b'], 'the two most requested');

    // After the emptying /a is not asked for; /b is stored again but not asked for; /c is asked for twice.
    await store.ensureBoundary(async () => Number.MAX_SAFE_INTEGER);
    store.set('/b', await page(), store.generation, 0);
    store.set('/c', await page(), store.generation, 0);
    store.get('/c', 0);
    store.get('/c', 0);
    store.clear();
    // /a carries 3 (half of 6), /b 2 (half of 4), /c has 2 requests of its own: /a, then /b or /c.
    assert.equal(named.at(-1)![0], '/a');
    assert.equal(named.at(-1)!.length, 2);

    // /a, never asked for again, fades: after two more emptyings (3, then 1.5, then 0.75) /c's requests outweigh it.
    store.clear();
    await store.ensureBoundary(async () => Number.MAX_SAFE_INTEGER);
    store.set('/c', await page(), store.generation, 0);
    store.get('/c', 0);
    store.get('/c', 0);
    store.clear();
    assert.equal(named.at(-1)![0], '/c');
  });

  test('none are named or kept when the store keeps none', async () => {
    const store = new PageStore(1024 * 1024);
    const named: (readonly string[])[] = [];
    store.onCleared((popular) => named.push(popular));
    await store.ensureBoundary(async () => Number.MAX_SAFE_INTEGER);
    store.set('/a', await page(), store.generation, 0);
    store.get('/a', 0);
    store.clear();
    assert.deepEqual(named, [[]]);
  });
});
