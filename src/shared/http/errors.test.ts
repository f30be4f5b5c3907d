import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyPluginAsync, LightMyRequestResponse } from 'fastify';
import { ADMIN_FEATURES } from '../../app.js';
import type { AppDeps } from '../../app-deps.js';
import { appForBlock, buildTestApp, type TestApp } from '../../../test/helpers/build-test-app.js';
import { getPage, signIn, type AdminSession } from '../../../test/helpers/admin-session.js';
import { html, text } from '../../../test/helpers/html.js';
import { multipartBody } from '../../../test/helpers/multipart.js';

/** Nothing of the server's insides: no stack frames, no error class, no file paths. */
function assertNoInternals(res: LightMyRequestResponse): void {
  assert.doesNotMatch(res.body, /\bat [\w.<>]+ \(|node_modules|\/src\/|Error:|ERR_[A-Z_]+|FST_[A-Z_]+/);
}

describe('bad request bodies and redirects answer with the site pages', () => {
  let t: TestApp;
  let editor: AdminSession;
  let vietnamese: AdminSession;
  // A stand-in admin feature whose redirect target comes from the query, as a "back" link would.
  const echo: FastifyPluginAsync<AppDeps> = async (app) => {
    app.get('/go', async (request, reply) => reply.redirect(`/admin/${(request.query as { to: string }).to}`, 303));
  };
  before(async () => {
    t = await buildTestApp({ env: { MEDIA_MAX_BYTES: '100000' }, appOptions: { adminFeatures: [...ADMIN_FEATURES, { prefix: '/echo', routes: echo }] } });
    editor = await signIn(t.app, t.db, 'editor');
    vietnamese = await signIn(t.app, t.db, 'editor', { uiLang: 'vi' });
  });
  after(() => t.close());

  async function post(session: AdminSession, headers: Record<string, string>, payload: Buffer | string): Promise<LightMyRequestResponse> {
    return t.app.inject({
      method: 'POST',
      url: `/admin/media?_csrf=${encodeURIComponent(session.csrfToken)}`,
      headers: { ...headers, cookie: session.cookie, accept: 'text/html' },
      payload,
    });
  }

  test('an upload cut off in the middle: 400, a page in the reader language, nothing stored', async () => {
    const body = multipartBody({ altEn: 'Cut off' }, { filename: 'a.jpg', data: Buffer.alloc(5000, 1) });
    const cut = body.payload.subarray(0, 3000);
    const res = await post(editor, body.headers, cut);
    assert.equal(res.statusCode, 400);
    assert.match(String(res.headers['content-type']), /^text\/html/);
    assert.equal(text(html(res.body).querySelector('.lead')), 'The form arrived incomplete, so nothing was saved. Please send it again.');
    assertNoInternals(res);

    const vi = await post(vietnamese, body.headers, cut);
    assert.equal(vi.statusCode, 400);
    assert.equal(text(html(vi.body).querySelector('.lead')), 'Biểu mẫu gửi đến chưa đầy đủ nên chưa có gì được lưu. Vui lòng gửi lại.');
    assert.equal(await t.db.selectFrom('media').select('id').executeTakeFirst(), undefined);
  });

  test('a multipart body with no boundary, or garbage: 400', async () => {
    for (const [contentType, payload] of [
      ['multipart/form-data', 'x'],
      ['multipart/form-data; boundary=abc', 'garbage\r\n--abc\r\nbroken'],
    ] as const) {
      const res = await post(editor, { 'content-type': contentType }, payload);
      assert.equal(res.statusCode, 400, contentType);
      assertNoInternals(res);
    }
  });

  test('more fields or files than an upload form has: 413 with a page saying so', async () => {
    const fields = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`f${i}`, 'x']));
    const body = multipartBody(fields);
    const res = await post(editor, body.headers, body.payload);
    assert.equal(res.statusCode, 413);
    assert.equal(text(html(res.body).querySelector('.lead')), 'This form has more fields or files than it can take. Send one file at a time, with its description.');
    assertNoInternals(res);
  });

  test('a redirect to a path with characters outside ASCII is sent percent-encoded', async () => {
    const res = await getPage(t.app, `/admin/echo/go?to=${encodeURIComponent('ā b')}`, editor);
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/admin/%C4%81%20b');
    const lone = await getPage(t.app, '/admin/echo/go?to=%ED%A0%80x', editor);
    assert.equal(lone.statusCode, 303);
    assert.match(String(lone.headers.location), /^\/admin\/[%0-9A-F]+x$/);
  });
});

describe('when the error page itself cannot be drawn', () => {
  const t = appForBlock();

  test('a browser still gets a bare HTML page, not the framework JSON naming the cause', async () => {
    // The layout reads the stylesheet's address: make that fail, for every page including the error page.
    Object.defineProperty(t.app.site, 'stylesheet', {
      get() {
        throw new Error('boom in /work/main/src/shared/views/Layout.tsx:1:2');
      },
    });
    for (const url of ['/en/no-such-page', '/vi/no-such-page']) {
      const res = await t.app.inject({ url, headers: { accept: 'text/html' } });
      assert.equal(res.statusCode, 500, url);
      assert.match(String(res.headers['content-type']), /^text\/html/, url);
      assertNoInternals(res);
      assert.doesNotMatch(res.body, /boom/);
    }
    const vi = await t.app.inject({ url: '/vi/no-such-page', headers: { accept: 'text/html' } });
    assert.equal(text(html(vi.body).querySelector('h1')), 'Đã xảy ra lỗi');
  });
});
