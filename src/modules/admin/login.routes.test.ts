import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { buildTestApp, DEFAULT_NOW, type TestApp } from '../../../test/helpers/build-test-app.js';
import { createTestUser, csrfFromPage, getPage, setCookieValue, TEST_PASSWORD } from '../../../test/helpers/admin-session.js';
import { html, text } from '../../../test/helpers/html.js';
import { resetPassword } from '../auth/index.js';

describe('sign-in page', () => {
  let t: TestApp;
  before(async () => {
    // As deployed behind the documented proxy on the same machine: requests come from loopback.
    t = await buildTestApp({ env: { TRUST_PROXY: 'loopback' } });
  });
  beforeEach(async () => {
    t.setNow(DEFAULT_NOW);
    await t.db.deleteFrom('login_attempts').execute();
  });
  after(() => t.close());

  /** Opens the form and posts it, as a browser would, from a given address. */
  async function attempt(fields: Record<string, string>, ip = '198.51.100.7', extraCookie?: string) {
    const form = await getPage(t.app, '/admin/login');
    const formCookie = setCookieValue(form, 'almanac_form');
    const cookie = [`almanac_form=${formCookie}`, ...(extraCookie ? [extraCookie] : [])].join('; ');
    return t.app.inject({
      method: 'POST',
      url: '/admin/login',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': ip },
      payload: new URLSearchParams({ _csrf: csrfFromPage(form.body), ...fields }).toString(),
    });
  }

  async function audit(action: string) {
    return t.db.selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('id', 'desc').execute();
  }

  test('shows a form with email, password and a CSRF token', async () => {
    const res = await getPage(t.app, '/admin/login');
    assert.equal(res.statusCode, 200);
    const doc = html(res.body);
    assert.equal(text(doc.querySelector('h1')), 'Sign in');
    assert.equal(doc.querySelector('form')?.getAttribute('method'), 'post');
    assert.equal(doc.querySelector('input[name=email]')?.getAttribute('autocomplete'), 'username');
    assert.equal(doc.querySelector('input[name=password]')?.getAttribute('type'), 'password');
    assert.ok(doc.querySelector('input[name=_csrf]')?.getAttribute('value'));
    assert.equal(doc.querySelectorAll('.admin-nav').length, 0, 'no navigation before signing in');
  });

  test('the form is available in Vietnamese', async () => {
    const res = await getPage(t.app, '/admin/login?lang=vi');
    const doc = html(res.body);
    assert.equal(doc.querySelector('html')?.getAttribute('lang'), 'vi');
    assert.equal(text(doc.querySelector('h1')), 'Đăng nhập');
    assert.equal(doc.querySelector('input[name=lang]')?.getAttribute('value'), 'vi');
  });

  test('right email and password: a session, then the page asked for', async () => {
    const user = await createTestUser(t.db, { role: 'editor', email: 'Mai.Nguyen@Example.org' });
    const res = await attempt({ email: '  MAI.nguyen@example.org ', password: TEST_PASSWORD, next: '/admin/users?x=1' });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/admin/users?x=1');
    const cookie = setCookieValue(res, 'almanac_session');
    assert.ok(cookie);
    assert.equal(setCookieValue(res, 'almanac_form'), '', 'the pre-sign-in cookie is dropped');
    const [entry] = await audit('auth.sign_in');
    assert.equal(entry?.user_id, user.id);
    assert.equal(entry?.ip, '198.51.100.7');
    assert.equal(entry?.at, DEFAULT_NOW.toISOString());
  });

  test('a `next` outside the admin is ignored', async () => {
    const user = await createTestUser(t.db, { role: 'editor' });
    for (const next of ['https://evil.example/admin', '//evil.example/admin', '/admin\\@evil', '/events', '/admin/login', '/administrator']) {
      const res = await attempt({ email: user.email, password: TEST_PASSWORD, next });
      assert.equal(res.statusCode, 303, next);
      assert.equal(res.headers.location, '/admin', next);
    }
  });

  test('unknown email and wrong password get exactly the same answer', async () => {
    const user = await createTestUser(t.db, { role: 'editor', email: 'known@example.org' });
    const wrong = await attempt({ email: user.email, password: 'not the password' });
    const unknown = await attempt({ email: 'nobody@example.org', password: 'not the password' });
    assert.equal(wrong.statusCode, 401);
    assert.equal(unknown.statusCode, 401);
    const strip = (body: string) => body.replace(/name="_csrf" value="[^"]*"/, '').replace(/known@example\.org|nobody@example\.org/g, 'EMAIL');
    assert.equal(strip(wrong.body), strip(unknown.body));
    assert.equal(text(html(wrong.body).querySelector('.notice--error')), 'The email address or password is not right.');
    assert.equal(html(wrong.body).querySelector('input[name=email]')?.getAttribute('value'), 'known@example.org', 'email kept');
    assert.equal(html(wrong.body).querySelector('input[name=password]')?.getAttribute('value'), undefined, 'password never sent back');
    assert.equal(setCookieValue(wrong, 'almanac_session'), undefined);
    const failures = await audit('auth.sign_in_failed');
    assert.equal(failures.length, 2);
    assert.equal(failures[1]?.user_id, user.id);
    assert.equal(failures[0]?.user_id, null);
    assert.match(failures[0]?.summary ?? '', /nobody@example\.org/);
  });

  test('empty fields: 422 with a message next to each, the email kept', async () => {
    const res = await attempt({ email: 'someone@example.org', password: '' });
    assert.equal(res.statusCode, 422);
    const doc = html(res.body);
    assert.equal(text(doc.querySelector('#error-password')), 'Fill in this field.');
    assert.equal(doc.querySelector('#field-password')?.getAttribute('aria-invalid'), 'true');
    assert.equal(doc.querySelector('#field-email')?.getAttribute('value'), 'someone@example.org');
    const both = await attempt({ email: '', password: '' });
    assert.equal(html(both.body).querySelectorAll('.field-error').length, 2);
  });

  test('a disabled account cannot sign in', async () => {
    const user = await createTestUser(t.db, { role: 'admin', disabled: true });
    const res = await attempt({ email: user.email, password: TEST_PASSWORD });
    assert.equal(res.statusCode, 403);
    assert.match(text(html(res.body).querySelector('.notice--error')), /disabled/);
    assert.equal(setCookieValue(res, 'almanac_session'), undefined);
    const wrong = await attempt({ email: user.email, password: 'wrong password!' });
    assert.equal(wrong.statusCode, 401, 'with a wrong password it says nothing about the account');
  });

  test('wrong passwords from other addresses do not lock the owner out', async () => {
    const user = await createTestUser(t.db, { role: 'admin' });
    // Anyone may type five (or nineteen) wrong passwords for the only admin, each from another address.
    for (let i = 0; i < 19; i += 1) {
      assert.equal((await attempt({ email: user.email, password: `guess ${i}` }, `203.0.113.${i}`)).statusCode, 401);
    }
    const owner = await attempt({ email: user.email, password: TEST_PASSWORD }, '198.51.100.99');
    assert.equal(owner.statusCode, 303, 'the right password from the owner\'s own address still signs in');
  });

  test('five failures from one address lock that account from that address for the rest of the quarter hour', async () => {
    const user = await createTestUser(t.db, { role: 'editor' });
    const other = await createTestUser(t.db, { role: 'editor' });
    for (let i = 0; i < 5; i += 1) {
      t.setNow(new Date(DEFAULT_NOW.getTime() + i * 60_000));
      assert.equal((await attempt({ email: user.email, password: `guess ${i}` }, '203.0.113.5')).statusCode, 401);
    }
    t.setNow(new Date(DEFAULT_NOW.getTime() + 5 * 60_000));
    const locked = await attempt({ email: user.email, password: TEST_PASSWORD }, '203.0.113.5');
    assert.equal(locked.statusCode, 429);
    // The first failure (minute 0) leaves the window at minute 15: 10 minutes from now.
    assert.equal(locked.headers['retry-after'], '600');
    assert.equal(text(html(locked.body).querySelector('.notice--error')), 'Too many sign-in attempts. Try again in 10 minutes.');
    assert.equal(setCookieValue(locked, 'almanac_session'), undefined);
    assert.equal((await attempt({ email: user.email, password: TEST_PASSWORD }, '203.0.113.6')).statusCode, 303, 'another address is not locked');
    assert.equal((await attempt({ email: other.email, password: TEST_PASSWORD }, '203.0.113.5')).statusCode, 303, 'another account from the same address is not locked');

    t.setNow(new Date(DEFAULT_NOW.getTime() + 15 * 60_000 + 1000));
    const open = await attempt({ email: user.email, password: TEST_PASSWORD }, '203.0.113.5');
    assert.equal(open.statusCode, 303, 'the lock ends when the oldest failure leaves the window');
  });

  test('twenty failures from anywhere stop new devices, not a device the account signed in from before', async () => {
    const user = await createTestUser(t.db, { role: 'admin' });
    const first = await attempt({ email: user.email, password: TEST_PASSWORD }, '198.51.100.1');
    assert.equal(first.statusCode, 303);
    const device = setCookieValue(first, 'almanac_device');
    assert.ok(device, 'a signed-in browser is remembered as a known device');
    const deviceCookie = first.cookies.find((c) => c.name === 'almanac_device');
    assert.equal(deviceCookie?.httpOnly, true);
    assert.equal(deviceCookie?.path, '/admin');

    for (let i = 0; i < 20; i += 1) await attempt({ email: user.email, password: `guess ${i}` }, `203.0.113.${i}`);
    const stranger = await attempt({ email: user.email, password: TEST_PASSWORD }, '198.51.100.2');
    assert.equal(stranger.statusCode, 429, 'a new device must wait');
    assert.match(text(html(stranger.body).querySelector('.notice--error')), /computer or phone you have signed in from before/);
    const unknown = await attempt({ email: 'nobody@example.org', password: 'x' }, '198.51.100.2');
    assert.equal(unknown.statusCode, 401, 'the lock is the account\'s, not the address\'s');

    const known = await attempt({ email: user.email, password: TEST_PASSWORD }, '198.51.100.3', `almanac_device=${device}`);
    assert.equal(known.statusCode, 303, 'the known device signs in with the right password');
    const knownWrong = await attempt({ email: user.email, password: 'wrong' }, '198.51.100.3', `almanac_device=${device}`);
    assert.equal(knownWrong.statusCode, 401, 'and still needs the right password');
    const forged = await attempt({ email: user.email, password: TEST_PASSWORD }, '198.51.100.4', `almanac_device=${user.id}.AAAA.BBBB`);
    assert.equal(forged.statusCode, 429, 'a made-up device cookie is not a known device');
  });

  test('in the lock\'s last minute the account\'s message says "a minute", not "1 minutes"', async () => {
    const user = await createTestUser(t.db, { role: 'admin' });
    for (let i = 0; i < 20; i += 1) await attempt({ email: user.email, password: `guess ${i}` }, `203.0.113.${i}`);
    t.setNow(new Date(DEFAULT_NOW.getTime() + 14 * 60_000 + 30_000));
    const stranger = await attempt({ email: user.email, password: TEST_PASSWORD }, '198.51.100.2');
    assert.equal(stranger.statusCode, 429);
    assert.equal(stranger.headers['retry-after'], '30');
    const message = text(html(stranger.body).querySelector('.notice--error'));
    assert.match(message, /try again in a minute, or ask an administrator/);
    assert.doesNotMatch(message, /1 minutes/);
  });

  test('a password reset lifts the account\'s lock', async () => {
    const user = await createTestUser(t.db, { role: 'editor' });
    for (let i = 0; i < 20; i += 1) await attempt({ email: user.email, password: `guess ${i}` }, `203.0.113.${i}`);
    assert.equal((await attempt({ email: user.email, password: TEST_PASSWORD }, '198.51.100.2')).statusCode, 429);
    await resetPassword(t.db, user.id, 'a brand new password', { userId: null }, DEFAULT_NOW);
    assert.equal((await attempt({ email: user.email, password: 'a brand new password' }, '198.51.100.2')).statusCode, 303);
  });

  test('a success clears the account count, so earlier mistakes do not add up', async () => {
    const user = await createTestUser(t.db, { role: 'editor' });
    for (let i = 0; i < 4; i += 1) await attempt({ email: user.email, password: 'wrong' });
    assert.equal((await attempt({ email: user.email, password: TEST_PASSWORD })).statusCode, 303);
    for (let i = 0; i < 4; i += 1) await attempt({ email: user.email, password: 'wrong' });
    assert.equal((await attempt({ email: user.email, password: TEST_PASSWORD })).statusCode, 303);
  });

  test('thirty failures from one address lock that address for every account', async () => {
    const user = await createTestUser(t.db, { role: 'editor' });
    for (let i = 0; i < 30; i += 1) await attempt({ email: `guess${i}@example.org`, password: 'x' }, '192.0.2.50');
    const locked = await attempt({ email: user.email, password: TEST_PASSWORD }, '192.0.2.50');
    assert.equal(locked.statusCode, 429);
    assert.ok(Number(locked.headers['retry-after']) > 0);
    const elsewhere = await attempt({ email: user.email, password: TEST_PASSWORD }, '192.0.2.51');
    assert.equal(elsewhere.statusCode, 303, 'another address is not affected');
  });

  test('the form needs its CSRF token', async () => {
    const user = await createTestUser(t.db, { role: 'editor' });
    const res = await t.app.inject({
      method: 'POST',
      url: '/admin/login',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ email: user.email, password: TEST_PASSWORD }).toString(),
    });
    assert.equal(res.statusCode, 403);
    assert.equal(setCookieValue(res, 'almanac_session'), undefined);
  });

  test('someone already signed in is sent on from the sign-in page', async () => {
    const user = await createTestUser(t.db, { role: 'editor' });
    const ok = await attempt({ email: user.email, password: TEST_PASSWORD });
    const cookie = `almanac_session=${setCookieValue(ok, 'almanac_session')}`;
    const res = await getPage(t.app, '/admin/login?next=%2Fadmin%2Faccount', { cookie });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/admin/account');
  });
});

describe('the client address, with and without a configured proxy', () => {
  let t: TestApp;
  after(() => t?.close());

  async function attemptFrom(app: TestApp, fields: Record<string, string>, headers: Record<string, string>, remoteAddress = '127.0.0.1') {
    const form = await getPage(app.app, '/admin/login');
    return app.app.inject({
      method: 'POST',
      url: '/admin/login',
      remoteAddress,
      headers: {
        cookie: `almanac_form=${setCookieValue(form, 'almanac_form')}`,
        'content-type': 'application/x-www-form-urlencoded',
        ...headers,
      },
      payload: new URLSearchParams({ _csrf: csrfFromPage(form.body), ...fields }).toString(),
    });
  }

  test('with no proxy configured, a forged X-Forwarded-For changes neither the limit nor the audit log', async () => {
    const logged: string[] = [];
    t = await buildTestApp({ appOptions: { logger: { level: 'warn', stream: { write: (line: string) => void logged.push(line) } } } });
    const user = await createTestUser(t.db, { role: 'editor' });
    // Thirty failures from one machine, each claiming another address, on thirty accounts.
    for (let i = 0; i < 30; i += 1) {
      const res = await attemptFrom(t, { email: `guess${i}@example.org`, password: 'x' }, { 'x-forwarded-for': `203.0.113.${i + 1}` }, '198.51.100.20');
      assert.equal(res.statusCode, 401);
    }
    const locked = await attemptFrom(t, { email: user.email, password: TEST_PASSWORD }, { 'x-forwarded-for': '203.0.113.200' }, '198.51.100.20');
    assert.equal(locked.statusCode, 429, 'the machine is held to the per-address limit whatever it claims');
    const entries = await t.db.selectFrom('audit_log').select('ip').where('action', '=', 'auth.sign_in_failed').execute();
    assert.equal(entries.length, 30);
    assert.deepEqual([...new Set(entries.map((e) => e.ip))], ['198.51.100.20'], 'the connection\'s address is recorded, not the claimed one');
    const secure = await attemptFrom(t, { email: user.email, password: TEST_PASSWORD }, { 'x-forwarded-proto': 'https' }, '198.51.100.21');
    assert.equal(secure.statusCode, 303);
    assert.equal(secure.cookies.find((c) => c.name === 'almanac_session')?.secure, undefined, 'a claimed https is not believed either');
    const warnings = logged.filter((line) => line.includes('TRUST_PROXY is not set'));
    assert.equal(warnings.length, 1, 'the log says once that the header was ignored');
    await t.close();
  });

  test('behind the configured proxy, its X-Forwarded-For is believed, and nobody else\'s', async () => {
    t = await buildTestApp({ env: { TRUST_PROXY: '10.0.0.5' } });
    const user = await createTestUser(t.db, { role: 'editor' });
    const viaProxy = await attemptFrom(t, { email: user.email, password: 'wrong' }, { 'x-forwarded-for': '192.0.2.1, 203.0.113.7' }, '10.0.0.5');
    assert.equal(viaProxy.statusCode, 401);
    const direct = await attemptFrom(t, { email: user.email, password: 'wrong' }, { 'x-forwarded-for': '203.0.113.8' }, '198.51.100.30');
    assert.equal(direct.statusCode, 401);
    const entries = await t.db.selectFrom('audit_log').select('ip').where('action', '=', 'auth.sign_in_failed').orderBy('id').execute();
    // The proxy appends the address it saw; what the client put before it is not believed.
    assert.deepEqual(entries.map((e) => e.ip), ['203.0.113.7', '198.51.100.30']);
    await t.close();
  });

  test('with a hop count, the address the nearest proxy saw is the client\'s', async () => {
    t = await buildTestApp({ env: { TRUST_PROXY: '1' } });
    const user = await createTestUser(t.db, { role: 'editor' });
    await attemptFrom(t, { email: user.email, password: 'wrong' }, { 'x-forwarded-for': '192.0.2.1, 203.0.113.7' }, '10.0.0.5');
    const entry = await t.db.selectFrom('audit_log').select('ip').where('action', '=', 'auth.sign_in_failed').executeTakeFirst();
    assert.equal(entry?.ip, '203.0.113.7');
    await t.close();
  });
});
