import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { after, before, beforeEach, describe, test } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { appForBlock, buildTestApp, DEFAULT_NOW, type TestApp } from '../../../test/helpers/build-test-app.js';
import { getPage, postForm, signIn, type AdminSession } from '../../../test/helpers/admin-session.js';
import { formFields, newEventFields } from '../../../test/helpers/forms.js';
import { html, text } from '../../../test/helpers/html.js';
import { ensureTaxonomy } from '../../modules/taxonomy/index.js';
import { loadTaxonomy } from '../../modules/importer/index.js';
import { eventPath } from './paths.js';
import { SESSION_COOKIE } from '../../modules/admin/security.js';

describe('the page cache', () => {
  let t: TestApp;
  let editor: AdminSession;

  before(async () => {
    t = await buildTestApp({ seed: true });
    await ensureTaxonomy(t.db, loadTaxonomy(), DEFAULT_NOW.toISOString());
    editor = await signIn(t.app, t.db, 'editor');
  });
  beforeEach(async () => {
    t.setNow(DEFAULT_NOW);
    await t.app.contentChanges.announce('next test');
  });
  after(() => t.close());

  async function createAndPublish(title: string): Promise<{ id: number; url: string }> {
    const created = await postForm(t.app, { url: '/admin/events', session: editor, fields: newEventFields({ en_title: title }) });
    assert.equal(created.statusCode, 303, created.body.slice(0, 300));
    const id = Number(/\/admin\/events\/(\d+)/.exec(String(created.headers.location))?.[1]);
    const published = await postForm(t.app, { url: `/admin/events/${id}/publish`, session: editor, fields: { revision: '1' } });
    assert.equal(published.statusCode, 303);
    const { slug } = await t.db.selectFrom('events').select('slug').where('id', '=', id).executeTakeFirstOrThrow();
    return { id, url: eventPath('en', slug) };
  }

  test('a second visit is served from memory with the same bytes, a strong ETag and the CDN headers', async () => {
    const first = await t.app.inject({ url: '/en/events' });
    assert.equal(first.statusCode, 200);
    assert.equal(first.headers['x-cache'], 'MISS');
    const second = await t.app.inject({ url: '/en/events' });
    assert.equal(second.headers['x-cache'], 'HIT');
    assert.equal(second.body, first.body);
    assert.equal(second.headers['content-type'], 'text/html; charset=utf-8');
    assert.match(String(second.headers.etag), /^"[A-Za-z0-9_-]+"$/, 'strong, not W/');
    assert.equal(second.headers.etag, first.headers.etag);
    assert.equal(second.headers.vary, 'Accept-Encoding');
    assert.match(String(second.headers['cache-control']), /^public, max-age=\d+, s-maxage=\d+, stale-while-revalidate=\d+, stale-if-error=\d+$/);
    // The security headers are there on a hit too.
    assert.match(String(second.headers['content-security-policy']), /default-src 'self'/);
    assert.equal(second.headers['set-cookie'], undefined);
  });

  test('a hit carries the security headers and a length; HEAD is answered from a stored page but never stores one', async () => {
    const miss = await t.app.inject({ url: '/en/articles' });
    const hit = await t.app.inject({ url: '/en/articles' });
    assert.equal(hit.headers['x-cache'], 'HIT');
    for (const name of ['x-content-type-options', 'referrer-policy', 'x-frame-options', 'content-security-policy']) {
      assert.equal(hit.headers[name], miss.headers[name], name);
      assert.ok(hit.headers[name], name);
    }
    assert.equal(Number(hit.headers['content-length']), Buffer.byteLength(miss.body));
    const head = await t.app.inject({ method: 'HEAD', url: '/en/articles' });
    assert.equal(head.statusCode, 200);
    assert.equal(head.headers['x-cache'], 'HIT');
    assert.equal(head.headers.etag, hit.headers.etag);
    assert.equal(head.body, '');

    const headFirst = await t.app.inject({ method: 'HEAD', url: '/en/events' });
    assert.equal(headFirst.statusCode, 200);
    assert.equal(headFirst.headers['x-cache'], undefined, 'a HEAD miss is rendered and not stored');
    assert.equal((await t.app.inject({ url: '/en/events' })).headers['x-cache'], 'MISS');
  });

  test('If-None-Match with the current ETag gets an empty 304; an old one the page', async () => {
    const page = await t.app.inject({ url: '/en/articles' });
    const etag = String(page.headers.etag);
    const notModified = await t.app.inject({ url: '/en/articles', headers: { 'if-none-match': etag } });
    assert.equal(notModified.statusCode, 304);
    assert.equal(notModified.body, '');
    assert.equal(notModified.headers.etag, etag);
    assert.match(String(notModified.headers['cache-control']), /^public/);
    const listed = await t.app.inject({ url: '/en/articles', headers: { 'if-none-match': `"old", W/${etag}` } });
    assert.equal(listed.statusCode, 304, 'weak comparison, any tag of the list');
    const changed = await t.app.inject({ url: '/en/articles', headers: { 'if-none-match': '"something-else"' } });
    assert.equal(changed.statusCode, 200);
    assert.equal(changed.body, page.body);
  });

  test('brotli or gzip by Accept-Encoding, each with its own ETag, decoding to the same page', async () => {
    const plain = await t.app.inject({ url: '/en/events.ics' });
    assert.equal(plain.headers['content-encoding'], undefined);
    const br = await t.app.inject({ url: '/en/events.ics', headers: { 'accept-encoding': 'gzip, deflate, br' } });
    assert.equal(br.headers['content-encoding'], 'br');
    assert.equal(brotliDecompressSync(br.rawPayload).toString('utf8'), plain.body);
    const gz = await t.app.inject({ url: '/en/events.ics', headers: { 'accept-encoding': 'gzip, br;q=0' } });
    assert.equal(gz.headers['content-encoding'], 'gzip');
    assert.equal(gunzipSync(gz.rawPayload).toString('utf8'), plain.body);
    assert.ok(br.rawPayload.length < plain.rawPayload.length / 2);
    assert.equal(new Set([plain.headers.etag, br.headers.etag, gz.headers.etag]).size, 3);
    assert.equal(br.headers['content-type'], 'text/calendar; charset=utf-8');
    // The ETag of one encoding does not validate another.
    const mixed = await t.app.inject({ url: '/en/events.ics', headers: { 'accept-encoding': 'gzip', 'if-none-match': String(br.headers.etag) } });
    assert.equal(mixed.statusCode, 200);
  });

  test('an edit saved in the admin shows at once on the page, the listing and the feed', async () => {
    const { id, url } = await createAndPublish('Cache test workshop');
    const before = await t.app.inject({ url });
    assert.equal(text(html(before.body).querySelector('h1')), 'Cache test workshop');
    assert.equal((await t.app.inject({ url })).headers['x-cache'], 'HIT');
    assert.match((await t.app.inject({ url: '/en/events' })).body, /Cache test workshop/);
    assert.match((await t.app.inject({ url: '/en/events.ics' })).body, /Cache test workshop/);

    const form = formFields((await getPage(t.app, `/admin/events/${id}`, editor)).body, 'form.edit-form');
    const saved = await postForm(t.app, { url: `/admin/events/${id}`, session: editor, fields: { ...form, en_title: 'Renamed workshop' } });
    assert.equal(saved.statusCode, 303);

    const afterEdit = await t.app.inject({ url });
    assert.equal(afterEdit.headers['x-cache'], 'MISS');
    assert.equal(text(html(afterEdit.body).querySelector('h1')), 'Renamed workshop');
    assert.notEqual(afterEdit.headers.etag, before.headers.etag);
    assert.match((await t.app.inject({ url: '/en/events' })).body, /Renamed workshop/);
    assert.match((await t.app.inject({ url: '/en/events.ics' })).body, /Renamed workshop/);

    // Unpublishing removes it from the cached listing too.
    const current = await t.db.selectFrom('events').select('revision').where('id', '=', id).executeTakeFirstOrThrow();
    const unpublished = await postForm(t.app, { url: `/admin/events/${id}/unpublish`, session: editor, fields: { revision: String(current.revision), confirmed: 'yes' } });
    assert.equal(unpublished.statusCode, 303);
    assert.equal((await t.app.inject({ url })).statusCode, 404);
    assert.doesNotMatch((await t.app.inject({ url: '/en/events' })).body, /Renamed workshop/);
  });

  test('a scheduled event appears on cached pages at its time, with no write in between', async () => {
    const created = await postForm(t.app, { url: '/admin/events', session: editor, fields: newEventFields({ en_title: 'Scheduled by the clock' }) });
    const id = Number(/\/admin\/events\/(\d+)/.exec(String(created.headers.location))?.[1]);
    // DEFAULT_NOW is 09:00 in Hanoi; publish at 11:30 there (04:30 UTC).
    const scheduled = await postForm(t.app, { url: `/admin/events/${id}/schedule`, session: editor, fields: { revision: '1', publish_at: '2026-11-23T11:30' } });
    assert.equal(scheduled.statusCode, 303);
    const listing = await t.app.inject({ url: '/en/events' });
    assert.doesNotMatch(listing.body, /Scheduled by the clock/);
    assert.equal((await t.app.inject({ url: '/en/events' })).headers['x-cache'], 'HIT');
    // Outside caches are not allowed to keep it past the publication time either.
    t.setNow(new Date('2026-11-23T04:29:30.000Z'));
    const justBefore = await t.app.inject({ url: '/en/events' });
    assert.equal(justBefore.headers['x-cache'], 'HIT');
    assert.match(String(justBefore.headers['cache-control']), /max-age=30, s-maxage=30/);
    t.setNow(new Date('2026-11-23T04:30:00.000Z'));
    const live = await t.app.inject({ url: '/en/events' });
    assert.equal(live.headers['x-cache'], 'MISS');
    assert.match(live.body, /Scheduled by the clock/);
  });

  test('the day turning in the office time zone renews the listings', async () => {
    // After the scheduled publication of the test before.
    t.setNow(new Date('2026-11-23T05:00:00.000Z'));
    await t.app.inject({ url: '/en/events' });
    t.setNow(new Date('2026-11-23T16:59:59.000Z'));
    assert.equal((await t.app.inject({ url: '/en/events' })).headers['x-cache'], 'HIT');
    // Midnight in Hanoi (UTC+7).
    t.setNow(new Date('2026-11-23T17:00:00.000Z'));
    assert.equal((await t.app.inject({ url: '/en/events' })).headers['x-cache'], 'MISS');
  });

  test('signed-in editors are never served from the cache nor fill it', async () => {
    const signedIn = await getPage(t.app, '/en/articles', editor);
    assert.equal(signedIn.statusCode, 200);
    assert.equal(signedIn.headers['x-cache'], undefined);
    assert.equal(signedIn.headers.etag, undefined);
    assert.equal((await t.app.inject({ url: '/en/articles' })).headers['x-cache'], 'MISS', 'the signed-in visit stored nothing');
    assert.equal((await getPage(t.app, '/en/articles', editor)).headers['x-cache'], undefined, 'nor read what is stored');
  });

  test('the admin, previews, redirects, cookies and errors are never stored', async () => {
    for (let i = 0; i < 2; i += 1) {
      const admin = await getPage(t.app, '/admin/events', editor);
      assert.equal(admin.headers['x-cache'], undefined);
      assert.equal(admin.headers['cache-control'], 'no-store');
      const preview = await getPage(t.app, '/admin/events/1/preview?lang=en', editor);
      assert.equal(preview.headers['x-cache'], undefined);
      const root = await t.app.inject({ url: '/', headers: { 'accept-language': i === 0 ? 'vi' : 'en' } });
      assert.equal(root.statusCode, 302);
      assert.equal(root.headers.location, i === 0 ? '/vi' : '/en', '/ follows each visitor’s language');
      const choice = await t.app.inject({ url: '/language?to=vi' });
      assert.ok(choice.headers['set-cookie']);
      assert.equal(choice.headers['x-cache'], undefined);
      const missing = await t.app.inject({ url: '/en/events/no-such-event' });
      assert.equal(missing.statusCode, 404);
      assert.equal(missing.headers['x-cache'], undefined);
    }
    const store = t.app.pageStore;
    assert.ok(store);
    assert.equal(store.size, 0);
  });
});

describe('the page cache turned off', () => {
  const t = appForBlock({ seed: true, env: { PAGE_CACHE: 'off' } });

  test('every visit renders the page; no ETag, no compression', async () => {
    for (let i = 0; i < 2; i += 1) {
      const res = await t.app.inject({ url: '/en/events', headers: { 'accept-encoding': 'br, gzip' } });
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers['x-cache'], undefined);
      assert.equal(res.headers['content-encoding'], undefined);
      assert.equal(res.headers.etag, undefined);
      assert.match(String(res.headers['cache-control']), /^public, max-age=60/);
    }
    assert.equal(t.app.pageStore, undefined);
  });
});

describe('the page cache over a real connection', () => {
  const t = appForBlock({ seed: true });
  let base: string;
  before(async () => {
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    const address = t.app.server.address();
    assert.ok(address && typeof address === 'object');
    base = `http://127.0.0.1:${address.port}`;
  });

  test('a stored page is answered before the framework, with the headers and bytes of the first answer', async () => {
    const first = await fetch(`${base}/en/articles`, { headers: { 'accept-encoding': 'identity' } });
    const firstBody = await first.text();
    assert.equal(first.headers.get('x-cache'), 'MISS');
    const second = await fetch(`${base}/en/articles`, { headers: { 'accept-encoding': 'identity' } });
    assert.equal(second.headers.get('x-cache'), 'HIT');
    assert.equal(await second.text(), firstBody);
    for (const name of ['content-type', 'etag', 'cache-control', 'x-content-type-options', 'content-security-policy', 'x-frame-options', 'referrer-policy']) {
      assert.equal(second.headers.get(name), first.headers.get(name), name);
    }
    assert.equal(Number(second.headers.get('content-length')), Buffer.byteLength(firstBody));

    const gzipped = await fetch(`${base}/en/articles`, { headers: { 'accept-encoding': 'gzip' } });
    assert.equal(gzipped.headers.get('x-cache'), 'HIT');
    assert.equal(gzipped.headers.get('content-encoding'), 'gzip');
    assert.equal(await gzipped.text(), firstBody, 'decoded, the same page');

    const revalidated = await fetch(`${base}/en/articles`, { headers: { 'accept-encoding': 'identity', 'if-none-match': String(first.headers.get('etag')) } });
    assert.equal(revalidated.status, 304);
    assert.equal(await revalidated.text(), '');

    const head = await fetch(`${base}/en/articles`, { method: 'HEAD', headers: { 'accept-encoding': 'identity' } });
    assert.equal(head.status, 200);
    assert.equal(head.headers.get('x-cache'), 'HIT');
  });

  /** Status and headers as sent, in order, each once (node:http joins nothing here). */
  function rawAnswer(path: string, method: string, headers: Record<string, string>): Promise<{ status: number; headers: [string, string][] }> {
    return new Promise((resolve, reject) => {
      const req = httpRequest(`${base}${path}`, { method, headers, agent: false }, (res) => {
        const pairs: [string, string][] = [];
        for (let i = 0; i < res.rawHeaders.length; i += 2) pairs.push([res.rawHeaders[i]!.toLowerCase(), res.rawHeaders[i + 1]!]);
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: pairs }));
      });
      req.on('error', reject);
      req.end();
    });
  }

  test("each kind of hit carries exactly the headers of the framework's first answer, whatever the encoding", async () => {
    const cases = [
      { name: 'identity', method: 'GET', headers: { 'accept-encoding': 'identity' } },
      { name: 'brotli', method: 'GET', headers: { 'accept-encoding': 'gzip, deflate, br' } },
      { name: 'gzip', method: 'GET', headers: { 'accept-encoding': 'gzip' } },
      { name: 'HEAD', method: 'HEAD', headers: { 'accept-encoding': 'identity' } },
    ];
    for (const { name, method, headers } of cases) {
      await t.app.contentChanges.announce('a first answer again');
      const first = await rawAnswer('/en/articles', 'GET', headers);
      const hit = await rawAnswer('/en/articles', method, headers);
      const withoutTime = (list: [string, string][]) => list.filter(([header]) => header !== 'date' && header !== 'x-cache').sort(([a], [b]) => a.localeCompare(b));
      assert.deepEqual(first.headers.find(([h]) => h === 'x-cache'), ['x-cache', 'MISS'], name);
      assert.deepEqual(hit.headers.find(([h]) => h === 'x-cache'), ['x-cache', 'HIT'], name);
      assert.equal(hit.status, 200, name);
      assert.deepEqual(withoutTime(hit.headers), withoutTime(first.headers), name);

      const etag = first.headers.find(([h]) => h === 'etag')?.[1] ?? '';
      const revalidated = await rawAnswer('/en/articles', method, { ...headers, 'if-none-match': etag });
      assert.equal(revalidated.status, 304, name);
      const expected = withoutTime(first.headers).filter(([header]) => !['content-type', 'content-length', 'content-encoding'].includes(header));
      assert.deepEqual(withoutTime(revalidated.headers), expected, `${name}, 304`);
    }
  });

  test('signed-in editors, the admin and other methods go to the app', async () => {
    await fetch(`${base}/en/events`);
    assert.equal((await fetch(`${base}/en/events`)).headers.get('x-cache'), 'HIT');
    const signedIn = await fetch(`${base}/en/events`, { headers: { cookie: `${SESSION_COOKIE}=whatever` } });
    assert.equal(signedIn.status, 200);
    assert.equal(signedIn.headers.get('x-cache'), null);
    const admin = await fetch(`${base}/admin/login`);
    assert.equal(admin.headers.get('x-cache'), null);
    const posted = await fetch(`${base}/en/events`, { method: 'POST' });
    assert.equal(posted.headers.get('x-cache'), null);
    assert.equal(posted.status, 404);
  });

  test('a content change is seen by the next request', async () => {
    await fetch(`${base}/en/events`);
    assert.equal((await fetch(`${base}/en/events`)).headers.get('x-cache'), 'HIT');
    await t.app.contentChanges.announce('an edit');
    assert.equal((await fetch(`${base}/en/events`)).headers.get('x-cache'), 'MISS');
  });
});
