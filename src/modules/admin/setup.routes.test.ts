import assert from 'node:assert/strict';
import { after, beforeEach, describe, test } from 'node:test';
import { buildTestApp, DEFAULT_NOW, type TestApp } from '../../../test/helpers/build-test-app.js';
import { createTestUser, csrfFromPage, getPage, setCookieValue } from '../../../test/helpers/admin-session.js';
import { html, text } from '../../../test/helpers/html.js';
import { prepareFirstSetup } from '../auth/index.js';

describe('first setup link', () => {
  let t: TestApp;
  beforeEach(async () => {
    await t?.close();
    t = await buildTestApp();
  });
  after(() => t.close());

  async function submit(token: string, fields: Record<string, string>) {
    // Any pre-sign-in form gives the form cookie and its token (the setup page may be closed).
    const form = await getPage(t.app, '/admin/login');
    const formCookie = setCookieValue(form, 'almanac_form');
    return t.app.inject({
      method: 'POST',
      url: '/admin/setup',
      headers: { cookie: `almanac_form=${formCookie}`, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: csrfFromPage(form.body), token, ...fields }).toString(),
    });
  }

  test('a token is made only while there is no account', async () => {
    const token = await prepareFirstSetup(t.db, DEFAULT_NOW);
    assert.match(token ?? '', /^[A-Za-z0-9_-]{43}$/);
    const stored = await t.db.selectFrom('setup_tokens').select('token_hash').executeTakeFirstOrThrow();
    assert.notEqual(stored.token_hash, token, 'only a hash is stored');
    await createTestUser(t.db, { role: 'editor' });
    assert.equal(await prepareFirstSetup(t.db, DEFAULT_NOW), undefined);
  });

  test('the link creates the first administrator, signs them in, and works only once', async () => {
    const token = (await prepareFirstSetup(t.db, DEFAULT_NOW))!;
    const page = await getPage(t.app, `/admin/setup?token=${token}`);
    assert.equal(page.statusCode, 200);
    assert.equal(text(html(page.body).querySelector('h1')), 'Create the first administrator');

    const res = await submit(token, { name: 'Nguyễn Văn An', email: 'An@Example.org', password: 'a good long password', confirm: 'a good long password' });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/admin');
    const session = setCookieValue(res, 'almanac_session');
    assert.ok(session);
    const dashboard = await getPage(t.app, '/admin', { cookie: `almanac_session=${session}` });
    assert.equal(dashboard.statusCode, 200);
    assert.match(text(html(dashboard.body).querySelector('.lead')), /Welcome, Nguyễn Văn An\. You are signed in as administrator\./);

    const user = await t.db.selectFrom('users').selectAll().executeTakeFirstOrThrow();
    assert.equal(user.email, 'an@example.org');
    assert.equal(user.role, 'admin');
    const audit = await t.db.selectFrom('audit_log').selectAll().where('action', '=', 'user.create').executeTakeFirstOrThrow();
    assert.equal(audit.subject_id, String(user.id));

    const again = await getPage(t.app, `/admin/setup?token=${token}`);
    assert.equal(again.statusCode, 410);
    assert.equal(text(html(again.body).querySelector('h1')), 'Almanac is already set up');
    const replay = await submit(token, { name: 'Other', email: 'other@example.org', password: 'a good long password', confirm: 'a good long password' });
    assert.equal(replay.statusCode, 410);
    assert.equal((await t.db.selectFrom('users').select('id').execute()).length, 1);
  });

  test('bad input: 422, a message by each field, name and email kept, passwords not', async () => {
    const token = (await prepareFirstSetup(t.db, DEFAULT_NOW))!;
    const res = await submit(token, { name: '', email: 'an@example', password: 'short', confirm: 'short' });
    assert.equal(res.statusCode, 422);
    const doc = html(res.body);
    assert.equal(text(doc.querySelector('#error-name')), 'Fill in this field.');
    assert.equal(text(doc.querySelector('#error-email')), 'Enter an email address such as name@example.org.');
    assert.equal(text(doc.querySelector('#error-password')), 'Use at least 12 characters.');
    assert.equal(doc.querySelector('#field-email')?.getAttribute('value'), 'an@example');
    assert.equal(doc.querySelector('#field-password')?.getAttribute('value'), undefined);
    assert.equal(doc.querySelectorAll('.error-summary li').length, 3);

    const mismatch = await submit(token, { name: 'An', email: 'an@example.org', password: 'a good long password', confirm: 'a good long passwort' });
    assert.equal(mismatch.statusCode, 422);
    assert.equal(text(html(mismatch.body).querySelector('#error-confirm')), 'The two passwords are not the same.');
    assert.equal(html(mismatch.body).querySelector('#field-name')?.getAttribute('value'), 'An');
    assert.equal((await t.db.selectFrom('users').select('id').execute()).length, 0, 'nothing created');
    // The link still works after a mistake.
    assert.equal((await getPage(t.app, `/admin/setup?token=${token}`)).statusCode, 200);
  });

  test('an unknown or expired link is refused', async () => {
    const token = (await prepareFirstSetup(t.db, DEFAULT_NOW))!;
    for (const url of ['/admin/setup', '/admin/setup?token=nope', `/admin/setup?token=${token}x`]) {
      const res = await getPage(t.app, url);
      assert.equal(res.statusCode, 403, url);
      assert.equal(text(html(res.body).querySelector('h1')), 'This setup link cannot be used');
    }
    t.setNow(new Date(DEFAULT_NOW.getTime() + 24 * 60 * 60 * 1000));
    assert.equal((await getPage(t.app, `/admin/setup?token=${token}`)).statusCode, 403);
    const res = await submit(token, { name: 'An', email: 'an@example.org', password: 'a good long password', confirm: 'a good long password' });
    assert.equal(res.statusCode, 403);
    assert.equal((await t.db.selectFrom('users').select('id').execute()).length, 0);
  });

  test('the form needs its CSRF token', async () => {
    const token = (await prepareFirstSetup(t.db, DEFAULT_NOW))!;
    const res = await t.app.inject({
      method: 'POST',
      url: '/admin/setup',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ token, name: 'An', email: 'an@example.org', password: 'a good long password', confirm: 'a good long password' }).toString(),
    });
    assert.equal(res.statusCode, 403);
    assert.equal((await t.db.selectFrom('users').select('id').execute()).length, 0);
  });
});
