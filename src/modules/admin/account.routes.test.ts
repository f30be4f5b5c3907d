import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { appForBlock, DEFAULT_NOW } from '../../../test/helpers/build-test-app.js';
import { createTestUser, getPage, postForm, signInAs, TEST_PASSWORD } from '../../../test/helpers/admin-session.js';
import { html, text } from '../../../test/helpers/html.js';
import { verifyPassword } from '../auth/index.js';

describe('own account page', () => {
  const t = appForBlock();

  test('shows the details and how many sessions are open', async () => {
    const user = await createTestUser(t.db, { role: 'contributor', name: 'Thu Contributor' });
    await signInAs(t.app, user.email, TEST_PASSWORD);
    const session = await signInAs(t.app, user.email, TEST_PASSWORD);
    const res = await getPage(t.app, '/admin/account', session);
    assert.equal(res.statusCode, 200);
    const doc = html(res.body);
    assert.match(text(doc.querySelector('.facts')), /Thu Contributor.*contributor@|Thu Contributor/);
    assert.match(text(doc.querySelector('#sessions-section')?.parentNode), /signed in on 2 browsers/);
  });

  test('with one session open, it says so in the singular', async () => {
    const user = await createTestUser(t.db, { role: 'contributor' });
    const session = await signInAs(t.app, user.email, TEST_PASSWORD);
    const section = text(html((await getPage(t.app, '/admin/account', session)).body).querySelector('#sessions-section')?.parentNode);
    assert.match(section, /signed in on this browser or device only/);
    assert.doesNotMatch(section, /1 browsers/);
  });

  test('changing the password needs the current one; other sessions end, this one stays', async () => {
    const user = await createTestUser(t.db, { role: 'editor' });
    const elsewhere = await signInAs(t.app, user.email, TEST_PASSWORD);
    const here = await signInAs(t.app, user.email, TEST_PASSWORD);

    const wrong = await postForm(t.app, { url: '/admin/account/password', session: here, fields: { current: 'not it', password: 'a new long password', confirm: 'a new long password' } });
    assert.equal(wrong.statusCode, 422);
    assert.equal(text(html(wrong.body).querySelector('#error-current')), 'This is not your current password.');
    assert.doesNotMatch(wrong.body, /a new long password/, 'passwords are never sent back');

    const mismatch = await postForm(t.app, { url: '/admin/account/password', session: here, fields: { current: TEST_PASSWORD, password: 'a new long password', confirm: 'another long password' } });
    assert.equal(mismatch.statusCode, 422);
    assert.equal(text(html(mismatch.body).querySelector('#error-confirm')), 'The two passwords are not the same.');

    const short = await postForm(t.app, { url: '/admin/account/password', session: here, fields: { current: '', password: 'short', confirm: 'short' } });
    assert.equal(short.statusCode, 422);
    const doc = html(short.body);
    assert.equal(text(doc.querySelector('#error-current')), 'Fill in this field.');
    assert.equal(text(doc.querySelector('#error-password')), 'Use at least 12 characters.');

    const ok = await postForm(t.app, { url: '/admin/account/password', session: here, fields: { current: TEST_PASSWORD, password: 'a new long password', confirm: 'a new long password' } });
    assert.equal(ok.statusCode, 303);
    assert.equal(ok.headers.location, '/admin/account?done=password');
    assert.equal((await getPage(t.app, '/admin', elsewhere)).statusCode, 303, 'the other session ended');
    const page = await getPage(t.app, '/admin/account?done=password', here);
    assert.equal(page.statusCode, 200, 'this session stays');
    assert.match(text(html(page.body).querySelector('.notice')), /Your password was changed/);
    await assert.rejects(signInAs(t.app, user.email, TEST_PASSWORD));
    await signInAs(t.app, user.email, 'a new long password');
    const entry = await t.db.selectFrom('audit_log').selectAll().where('action', '=', 'user.password_change').executeTakeFirstOrThrow();
    assert.equal(entry.user_id, user.id);
  });

  test('the current password may be tried five times in a quarter hour, then the form says to wait', async () => {
    const user = await createTestUser(t.db, { role: 'editor' });
    const session = await signInAs(t.app, user.email, TEST_PASSWORD);
    const change = (current: string) =>
      postForm(t.app, { url: '/admin/account/password', session, fields: { current, password: 'a new long password', confirm: 'a new long password' } });
    for (let i = 0; i < 5; i += 1) assert.equal((await change(`guess ${i}`)).statusCode, 422);
    const held = await change(TEST_PASSWORD);
    assert.equal(held.statusCode, 429, 'even the right password waits');
    assert.equal(held.headers['retry-after'], '900');
    const doc = html(held.body);
    assert.equal(text(doc.querySelector('#error-current')), 'Too many wrong passwords. Try again in 15 minutes.');
    assert.equal(doc.querySelector('#field-current')?.getAttribute('aria-invalid'), 'true');
    assert.doesNotMatch(held.body, /a new long password/, 'passwords are never sent back');
    const row = await t.db.selectFrom('users').select('password_hash').where('id', '=', user.id).executeTakeFirstOrThrow();
    assert.ok(await verifyPassword(row.password_hash, TEST_PASSWORD), 'the password is unchanged');
    await signInAs(t.app, user.email, TEST_PASSWORD);

    t.setNow(new Date(DEFAULT_NOW.getTime() + 15 * 60_000 + 1000));
    const later = await change(TEST_PASSWORD);
    assert.equal(later.statusCode, 303, 'after the quarter hour the right password works');
    assert.ok(later.cookies.find((c) => c.name === 'almanac_device')?.value, 'this browser stays a known device under the new password');
    t.setNow(DEFAULT_NOW);
  });

  test('the interface language follows the choice', async () => {
    const user = await createTestUser(t.db, { role: 'contributor' });
    const session = await signInAs(t.app, user.email, TEST_PASSWORD);
    const res = await postForm(t.app, { url: '/admin/account/language', session, fields: { ui_lang: 'vi' } });
    assert.equal(res.statusCode, 303);
    const page = html((await getPage(t.app, '/admin/account?done=lang', session)).body);
    assert.equal(page.querySelector('html')?.getAttribute('lang'), 'vi');
    assert.equal(text(page.querySelector('h1')), 'Tài khoản của bạn');
    assert.equal(text(page.querySelector('.notice')), 'Đã lưu ngôn ngữ.');
    assert.equal(page.querySelector('#field-ui_lang option[selected]')?.getAttribute('value'), 'vi');
    const dashboard = html((await getPage(t.app, '/admin', session)).body);
    assert.equal(text(dashboard.querySelector('h1')), 'Tổng quan');

    const bad = await postForm(t.app, { url: '/admin/account/language', session, fields: { ui_lang: 'fr' } });
    assert.equal(bad.statusCode, 422);
    assert.equal(text(html(bad.body).querySelector('#error-ui_lang')), 'Hãy chọn tiếng Anh hoặc tiếng Việt.');
  });

  test('signing out everywhere ends every session, this one too', async () => {
    const user = await createTestUser(t.db, { role: 'editor' });
    const a = await signInAs(t.app, user.email, TEST_PASSWORD);
    const b = await signInAs(t.app, user.email, TEST_PASSWORD);
    const res = await postForm(t.app, { url: '/admin/account/sign-out-everywhere', session: b });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/admin/login?signed_out=everywhere&lang=en');
    assert.equal((await getPage(t.app, '/admin', a)).statusCode, 303);
    assert.equal((await getPage(t.app, '/admin', b)).statusCode, 303);
    const login = html((await getPage(t.app, String(res.headers.location))).body);
    assert.equal(text(login.querySelector('.notice')), 'You have been signed out on every device.');
    const entry = await t.db.selectFrom('audit_log').selectAll().where('action', '=', 'auth.sign_out_everywhere').executeTakeFirstOrThrow();
    assert.match(entry.summary, /2 sessions/);
  });
});
