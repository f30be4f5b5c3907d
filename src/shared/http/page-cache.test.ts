import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, test } from 'node:test';
import { chooseEncoding, etagMatches, makePage, PageStore } from './page-cache.js';
import { casesOf } from '../../../test/helpers/cases.js';

const MB = 1024 * 1024;

/** A page of about `kb` kilobytes that compresses poorly (so its size is predictable). */
async function pageOf(kb: number, seed: number) {
  const bytes = randomBytes(kb * 1024);
  return makePage(bytes, [['content-type', 'text/html; charset=utf-8']], `/p/${seed}`);
}

describe('the page store', () => {
  test('keeps the most recently used pages within its byte budget', async () => {
    const store = new PageStore(1 * MB);
    await store.ensureBoundary(async () => Number.MAX_SAFE_INTEGER);
    const pages = await Promise.all([0, 1, 2, 3, 4, 5].map((i) => pageOf(40, i)));
    // Each page is stored three times (plain, brotli, gzip) and hardly compresses: ~120 KB each.
    for (let i = 0; i < 6; i += 1) assert.ok(store.set(`/p/${i}`, pages[i]!, store.generation, 0));
    assert.ok(store.bytes <= store.maxBytes);
    assert.equal(store.get('/p/0', 0), pages[0], 'still there, and now the most recent');
    for (let i = 6; i < 12; i += 1) store.set(`/p/${i}`, await pageOf(40, i), store.generation, 0);
    assert.ok(store.bytes <= store.maxBytes, `${store.bytes} within ${store.maxBytes}`);
    assert.ok(store.get('/p/0', 0), 'recently used: kept');
    assert.equal(store.get('/p/1', 0), undefined, 'least recently used: gone');
    assert.ok(store.get('/p/11', 0));
  });

  test('a page looked up again and again stays the most recent, and the others keep their order', async () => {
    const store = new PageStore(1 * MB);
    await store.ensureBoundary(async () => Number.MAX_SAFE_INTEGER);
    // Eight pages of ~120 KB fill the budget; a ninth pushes the least recently used out.
    for (let i = 0; i < 8; i += 1) assert.ok(store.set(`/p/${i}`, await pageOf(40, i), store.generation, 0));
    assert.equal(store.size, 8);
    store.get('/p/7', 0);
    store.get('/p/7', 0);
    store.get('/p/0', 0);
    store.get('/p/0', 0);
    store.set('/p/8', await pageOf(40, 8), store.generation, 0);
    assert.equal(store.get('/p/1', 0), undefined, 'the least recently used went');
    assert.ok(store.get('/p/0', 0), 'looked up twice: kept');
    store.get('/p/0', 0);
    store.set('/p/9', await pageOf(40, 9), store.generation, 0);
    assert.equal(store.get('/p/2', 0), undefined, 'then the next least recently used');
    assert.ok(store.get('/p/7', 0) && store.get('/p/8', 0) && store.get('/p/9', 0) && store.get('/p/0', 0));
  });

  test('refuses a page larger than an eighth of the budget', async () => {
    const store = new PageStore(1 * MB);
    await store.ensureBoundary(async () => Number.MAX_SAFE_INTEGER);
    assert.equal(store.set('/big', await pageOf(60, 1), store.generation, 0), false);
    assert.equal(store.size, 0);
  });

  test('a page rendered before a clear is not stored after it', async () => {
    const store = new PageStore(1 * MB);
    await store.ensureBoundary(async () => Number.MAX_SAFE_INTEGER);
    const generation = store.generation;
    store.clear();
    await store.ensureBoundary(async () => Number.MAX_SAFE_INTEGER);
    assert.equal(store.set('/p', await pageOf(1, 1), generation, 0), false);
    assert.equal(store.set('/p', await pageOf(1, 1), store.generation, 0), true);
  });

  test('nothing is stored before the time boundary is known, and everything goes when it is reached', async () => {
    const store = new PageStore(1 * MB);
    const page = await pageOf(1, 1);
    assert.equal(store.set('/p', page, store.generation, 0), false);
    await store.ensureBoundary(async () => 1000);
    assert.ok(store.set('/p', page, store.generation, 0));
    assert.equal(store.secondsLeft(400), 0.6);
    assert.ok(store.get('/p', 999));
    assert.equal(store.get('/p', 1000), undefined);
    assert.equal(store.size, 0);
  });

  test('a failed boundary lookup is tried again', async () => {
    const store = new PageStore(1 * MB);
    await store.ensureBoundary(async () => {
      throw new Error('database away');
    });
    assert.equal(store.set('/p', await pageOf(1, 1), store.generation, 0), false);
    await store.ensureBoundary(async () => 5000);
    assert.ok(store.set('/p', await pageOf(1, 1), store.generation, 0));
  });
});

describe('content negotiation', () => {
  casesOf(chooseEncoding, {
    'brotli first, then gzip; q=0 refuses; * accepts the rest': [
      [undefined, 'identity'],
      ['', 'identity'],
      ['gzip, deflate, br, zstd', 'br'],
      ['gzip', 'gzip'],
      ['br;q=0, gzip', 'gzip'],
      ['gzip;q=0.5, br;q=0.2', 'gzip'],
      ['*', 'br'],
      ['*, br;q=0', 'gzip'],
      ['identity, deflate', 'identity'],
      ['x-gzip', 'gzip'],
    ],
  });

  test('If-None-Match: any tag of the list, weak or strong, or *', () => {
    assert.equal(etagMatches('"abc"', '"abc"'), true);
    assert.equal(etagMatches('W/"abc"', '"abc"'), true);
    assert.equal(etagMatches('"x", "abc"', '"abc"'), true);
    assert.equal(etagMatches('*', '"abc"'), true);
    assert.equal(etagMatches('"abc-br"', '"abc"'), false);
    assert.equal(etagMatches(undefined, '"abc"'), false);
  });
});
