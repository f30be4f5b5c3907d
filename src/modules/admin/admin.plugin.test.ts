import assert from 'node:assert/strict';
import type { FastifyPluginAsync, LightMyRequestResponse } from 'fastify';
import { after, before, beforeEach, describe, test } from 'node:test';
import type { AppDeps } from '../../app-deps.js';
import { buildTestApp, DEFAULT_NOW, type TestApp } from '../../../test/helpers/build-test-app.js';
import { createTestUser, getPage, postForm, signIn, signInAs, TEST_PASSWORD } from '../../../test/helpers/admin-session.js';
import { html, text } from '../../../test/helpers/html.js';
import { ADMIN_CONTENT_SECURITY_POLICY } from './security.js';

const minutes = (n: number) => n * 60 * 1000;

describe('admin shell: sessions, CSRF and headers', () => {
  let t: TestApp;
  // A stand-in feature, mounted as events/articles/media will be.
  const widgets: FastifyPluginAsync<AppDeps> = async (app) => {
    app.get('/', async (request) => ({ who: request.user?.email }));
    app.post('/', async (request) => ({ saved: request.user?.email }));
  };
  before(async () => {
    t = await buildTestApp({
      // Behind a proxy on the same machine, which says whether the visitor came over https.
      env: { TRUST_PROXY: 'loopback' },
      appOptions: { adminFeatures: [{ prefix: '/widgets', routes: widgets, nav: { labelKey: 'admin.nav.settings' } }] },
    });
  });
  beforeEach(() => t.setNow(DEFAULT_NOW));
  after(() => t.close());

  test('anonymous GET is sent to the sign-in page, with where it was going', async () => {
    for (const url of ['/admin', '/admin/widgets', '/admin/no-such-page?x=1']) {
      const res = await getPage(t.app, url);
      assert.equal(res.statusCode, 303, url);
      assert.equal(res.headers.location, `/admin/login?next=${encodeURIComponent(url)}`);
    }
  });

  test('anonymous POST gets the 401 page and nothing runs', async () => {
    const res = await postForm(t.app, { url: '/admin/widgets', fields: { a: '1' } });
    assert.equal(res.statusCode, 401);
    assert.match(String(res.headers['content-type']), /text\/html/);
    const doc = html(res.body);
    assert.equal(text(doc.querySelector('h1')), 'Please sign in');
    assert.equal(doc.querySelector('a.button')?.getAttribute('href'), '/admin/login');
    assert.doesNotMatch(res.body, /"saved"/, 'the route did not run');
  });

  test('admin pages carry the strict CSP, no-store and no inline script', async () => {
    const session = await signIn(t.app, t.db, 'editor');
    for (const url of ['/admin/login', '/admin']) {
      const res = await getPage(t.app, url, url === '/admin' ? session : undefined);
      assert.equal(res.statusCode, 200, url);
      const csp = String(res.headers['content-security-policy']);
      assert.equal(csp, ADMIN_CONTENT_SECURITY_POLICY);
      assert.match(csp, /script-src 'self'/);
      assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
      assert.match(csp, /frame-ancestors 'none'/);
      assert.equal(res.headers['cache-control'], 'no-store');
      assert.equal(html(res.body).querySelectorAll('script').length, 0);
      assert.doesNotMatch(res.body, / on[a-z]+=/i);
    }
    const unauth = await postForm(t.app, { url: '/admin/widgets' });
    assert.equal(unauth.headers['content-security-policy'], ADMIN_CONTENT_SECURITY_POLICY);
  });

  test('public pages get their own CSP without inline script', async () => {
    const res = await getPage(t.app, '/en/events');
    assert.equal(res.statusCode, 200);
    const csp = String(res.headers['content-security-policy']);
    assert.match(csp, /default-src 'self'/);
    assert.match(csp, /script-src 'self'/);
    assert.doesNotMatch(csp, /unsafe-inline/);
    const missing = await getPage(t.app, '/no-such-page');
    assert.equal(missing.statusCode, 404);
    assert.match(String(missing.headers['content-security-policy']), /default-src 'self'/);
  });

  test('a feature plugin is mounted under /admin, sees the user, and is linked in the navigation', async () => {
    const session = await signIn(t.app, t.db, 'contributor');
    const res = await getPage(t.app, '/admin/widgets', session);
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.json(), { who: session.user.email });
    const dashboard = html((await getPage(t.app, '/admin', session)).body);
    assert.ok(dashboard.querySelectorAll('.admin-nav a').some((a) => a.getAttribute('href') === '/admin/widgets'));
  });

  test('POST without the CSRF token, or with a wrong one, is refused with 403', async () => {
    const session = await signIn(t.app, t.db, 'editor');
    const missing = await postForm(t.app, { url: '/admin/widgets', session, withoutCsrf: true });
    assert.equal(missing.statusCode, 403);
    assert.equal(text(html(missing.body).querySelector('h1')), 'This form has expired');
    const wrong = await postForm(t.app, { url: '/admin/widgets', session, fields: { _csrf: 'x'.repeat(43) } });
    assert.equal(wrong.statusCode, 403);
    const other = await signIn(t.app, t.db, 'editor');
    const borrowed = await postForm(t.app, { url: '/admin/widgets', session, fields: { _csrf: other.csrfToken } });
    assert.equal(borrowed.statusCode, 403, "another session's token does not work");
    const ok = await postForm(t.app, { url: '/admin/widgets', session });
    assert.equal(ok.statusCode, 200);
    assert.deepEqual(ok.json(), { saved: session.user.email });
  });

  test('the CSRF token is also accepted from the x-csrf-token header and the _csrf query parameter', async () => {
    const session = await signIn(t.app, t.db, 'editor');
    const header = await t.app.inject({
      method: 'POST',
      url: '/admin/widgets',
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken, 'content-type': 'application/json' },
      payload: '{}',
    });
    assert.equal(header.statusCode, 200);
    const query = await t.app.inject({
      method: 'POST',
      url: `/admin/widgets?_csrf=${encodeURIComponent(session.csrfToken)}`,
      headers: { cookie: session.cookie },
    });
    assert.equal(query.statusCode, 200);
  });

  test('a cross-site request is refused even with a valid token', async () => {
    const session = await signIn(t.app, t.db, 'editor');
    const crossOrigin = await postForm(t.app, { url: '/admin/widgets', session, headers: { origin: 'https://evil.example' } });
    assert.equal(crossOrigin.statusCode, 403);
    const crossSite = await postForm(t.app, { url: '/admin/widgets', session, headers: { 'sec-fetch-site': 'cross-site' } });
    assert.equal(crossSite.statusCode, 403);
    const sameOrigin = await postForm(t.app, {
      url: '/admin/widgets',
      session,
      headers: { origin: 'http://localhost:80', host: 'localhost:80', 'sec-fetch-site': 'same-origin' },
    });
    assert.equal(sameOrigin.statusCode, 200);
  });

  test('the session cookie is HttpOnly, SameSite=Lax, limited to /admin, and Secure over https', async () => {
    const user = await createTestUser(t.db, { role: 'editor' });
    const form = await getPage(t.app, '/admin/login');
    const formCookie = form.cookies.find((c) => c.name === 'almanac_form');
    assert.ok(formCookie?.httpOnly);
    const csrf = html(form.body).querySelector('input[name=_csrf]')?.getAttribute('value') ?? '';
    for (const proto of ['http', 'https']) {
      const res: LightMyRequestResponse = await t.app.inject({
        method: 'POST',
        url: '/admin/login',
        headers: {
          cookie: `almanac_form=${formCookie?.value}`,
          'content-type': 'application/x-www-form-urlencoded',
          'x-forwarded-proto': proto,
        },
        payload: new URLSearchParams({ email: user.email, password: TEST_PASSWORD, _csrf: csrf }).toString(),
      });
      assert.equal(res.statusCode, 303);
      const cookie = res.cookies.find((c) => c.name === 'almanac_session');
      assert.ok(cookie, 'session cookie set');
      assert.equal(cookie.httpOnly, true);
      assert.equal(cookie.sameSite, 'Lax');
      assert.equal(cookie.path, '/admin');
      assert.equal(Boolean(cookie.secure), proto === 'https', `Secure over ${proto}`);
      assert.match(cookie.value, /^[A-Za-z0-9_-]{43}$/);
    }
  });

  test('only a hash of the session token is stored', async () => {
    const session = await signIn(t.app, t.db, 'editor');
    const token = session.cookie.split('=')[1]!;
    const rows = await t.db.selectFrom('sessions').select('token_hash').where('user_id', '=', session.user.id).execute();
    assert.equal(rows.length, 1);
    assert.notEqual(rows[0]!.token_hash, token);
    assert.match(rows[0]!.token_hash, /^[0-9a-f]{64}$/);
  });

  test('signing in starts a new session; signing out ends it', async () => {
    const user = await createTestUser(t.db, { role: 'editor' });
    const first = await signInAs(t.app, user.email, TEST_PASSWORD);
    const second = await signInAs(t.app, user.email, TEST_PASSWORD);
    assert.notEqual(first.cookie, second.cookie);
    assert.notEqual(first.csrfToken, second.csrfToken);

    const out = await postForm(t.app, { url: '/admin/logout', session: second });
    assert.equal(out.statusCode, 303);
    assert.match(String(out.headers.location), /^\/admin\/login\?signed_out=1/);
    const cleared = out.cookies.find((c) => c.name === 'almanac_session');
    assert.equal(cleared?.value, '');
    assert.equal((await getPage(t.app, '/admin', second)).statusCode, 303);
    assert.equal((await getPage(t.app, '/admin', first)).statusCode, 200, 'the other session stays');
    const after = await getPage(t.app, '/admin/login?signed_out=1');
    assert.match(text(html(after.body).querySelector('.notice')), /You have signed out/);
  });

  test('a session ends after two idle hours', async () => {
    const session = await signIn(t.app, t.db, 'editor');
    t.setNow(new Date(DEFAULT_NOW.getTime() + minutes(119)));
    assert.equal((await getPage(t.app, '/admin', session)).statusCode, 200, 'still alive just before');
    // Activity moved the idle clock: two hours after that last request it ends.
    t.setNow(new Date(DEFAULT_NOW.getTime() + minutes(119 + 119)));
    assert.equal((await getPage(t.app, '/admin', session)).statusCode, 200);
    t.setNow(new Date(DEFAULT_NOW.getTime() + minutes(119 + 119 + 120)));
    const res = await getPage(t.app, '/admin', session);
    assert.equal(res.statusCode, 303);
    assert.equal(res.cookies.find((c) => c.name === 'almanac_session')?.value, '', 'the dead cookie is cleared');
    assert.equal(await t.db.selectFrom('sessions').select('id').where('user_id', '=', session.user.id).executeTakeFirst(), undefined);
  });

  test('a session ends twelve hours after sign-in however active it is', async () => {
    const session = await signIn(t.app, t.db, 'editor');
    for (let hour = 1; hour < 12; hour += 1) {
      t.setNow(new Date(DEFAULT_NOW.getTime() + minutes(60 * hour)));
      assert.equal((await getPage(t.app, '/admin', session)).statusCode, 200, `hour ${hour}`);
    }
    t.setNow(new Date(DEFAULT_NOW.getTime() + minutes(12 * 60)));
    assert.equal((await getPage(t.app, '/admin', session)).statusCode, 303);
  });

  test("disabling an account ends its sessions at once", async () => {
    const session = await signIn(t.app, t.db, 'editor');
    await t.db.updateTable('users').set({ disabled_at: DEFAULT_NOW.toISOString() }).where('id', '=', session.user.id).execute();
    assert.equal((await getPage(t.app, '/admin', session)).statusCode, 303);
  });

  test('a forged or unknown session cookie counts as not signed in', async () => {
    const res = await getPage(t.app, '/admin', { cookie: `almanac_session=${'A'.repeat(43)}` });
    assert.equal(res.statusCode, 303);
  });
});
