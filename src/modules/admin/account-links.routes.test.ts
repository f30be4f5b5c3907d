/**
 * Password resets and invitations end to end: the forms, the message as a
 * real SMTP server receives it, and its link followed with inject.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { DEFAULT_NOW, type TestApp } from '../../../test/helpers/build-test-app.js';
import { createTestUser, csrfFromPage, postForm, setCookieValue, signIn, signInAs, TEST_PASSWORD } from '../../../test/helpers/admin-session.js';
import { html, text } from '../../../test/helpers/html.js';
import { mailSiteForEachTest } from '../../../test/helpers/mail-site.js';
import { readMail } from '../../../test/helpers/smtp.js';
import { RESET_EMAIL_LIMIT, RESET_IP_LIMIT } from '../auth/index.js';

const NEW_PASSWORD = 'a brand new passphrase';
const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');

/** A public admin form's cookie and CSRF token, as a browser gets them by opening it. */
async function openForm(t: TestApp, url: string, ip?: string) {
  const page = await t.app.inject({ url, ...(ip ? { remoteAddress: ip } : {}) });
  const cookie = setCookieValue(page, 'almanac_form');
  assert.ok(cookie, 'the form sets its cookie');
  return { page, session: { cookie: `almanac_form=${cookie}`, csrfToken: csrfFromPage(page.body) } };
}

async function postPublic(t: TestApp, url: string, fields: Record<string, string>, ip?: string): Promise<LightMyRequestResponse> {
  const { session } = await openForm(t, url.replace(/^(\/admin\/[a-z]+).*$/, '$1'), ip);
  return ip ? t.app.inject({ method: 'POST', url, remoteAddress: ip, headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: session.cookie }, payload: new URLSearchParams({ ...fields, _csrf: session.csrfToken }).toString() }) : postForm(t.app, { url, session, fields });
}

/** The one link to the site in a message's text part, as a path to inject. */
function linkIn(mailText: string, path: string): string {
  const match = new RegExp(`http://localhost:3000(${path}\\?token=[A-Za-z0-9_-]{43}&lang=(?:en|vi))`).exec(mailText);
  assert.ok(match, `a ${path} link in:\n${mailText}`);
  return match[1]!;
}

const tokenOf = (path: string) => new URL(path, 'http://x').searchParams.get('token')!;

describe('links sent by email', () => {
  const smtp = mailSiteForEachTest();
  const { t } = smtp;

  const deliver = async () => (await smtp.sendDue(DEFAULT_NOW)).sent.length;

  describe('forgotten password', () => {
    test('the sign-in page links to it in each language', async () => {
      for (const lang of ['en', 'vi'] as const) {
        const page = html((await t.app.inject({ url: `/admin/login?lang=${lang}` })).body);
        const link = page.querySelector('a[href^="/admin/forgot"]');
        assert.equal(link?.getAttribute('href'), `/admin/forgot?lang=${lang}`);
        assert.equal(text(link), lang === 'en' ? 'Forgot your password?' : 'Quên mật khẩu?');
        const form = await t.app.inject({ url: `/admin/forgot?lang=${lang}` });
        assert.equal(form.statusCode, 200);
        assert.match(form.body, lang === 'en' ? /Send the link/ : /Gửi đường dẫn/);
      }
    });

    test('bad input comes back with a message by the field, what was typed kept', async () => {
      const empty = await postPublic(t, '/admin/forgot', { email: '', lang: 'vi' });
      assert.equal(empty.statusCode, 422);
      assert.equal(text(html(empty.body).querySelector('#error-email')), 'Vui lòng điền trường này.');
      const bad = await postPublic(t, '/admin/forgot', { email: 'not an address', lang: 'en' });
      assert.equal(bad.statusCode, 422);
      assert.equal(text(html(bad.body).querySelector('#error-email')), 'Type an email address, like name@example.org.');
      assert.equal(html(bad.body).querySelector('input[name=email]')?.getAttribute('value'), 'not an address');
    });

    test('a reset link in the account\'s language: works once, ends every other session, tells the holder, and signs in', async () => {
      const user = await createTestUser(t.db, { email: 'lan@example.org', uiLang: 'vi', name: 'Lan' });
      const elsewhere = await signInAs(t.app, user.email, TEST_PASSWORD);

      const asked = await postPublic(t, '/admin/forgot', { email: 'LAN@example.org', lang: 'en' });
      assert.equal(asked.statusCode, 200);
      assert.match(asked.body, /If an account uses LAN@example\.org/);
      assert.equal(await deliver(), 1);
      const message = readMail(smtp.received[0]!.raw);
      assert.deepEqual(smtp.received[0]!.to, ['lan@example.org']);
      assert.equal(message.headers.get('subject'), 'Chọn mật khẩu mới cho ILO Country Office for Viet Nam');
      assert.equal(message.headers.get('content-language'), 'vi');
      assert.match(message.text, /chỉ dùng được một lần, trong một giờ/);
      const link = linkIn(message.text, '/admin/reset');
      assert.ok(message.html.includes(`href="http://localhost:3000${link.replace(/&/g, '&amp;')}"`), 'the HTML part has the same link');

      // Stored hashed: the token itself is nowhere in the database.
      const rows = await t.db.selectFrom('password_resets').selectAll().execute();
      assert.deepEqual(rows.map((r) => r.token_hash), [sha256(tokenOf(link))]);

      const form = await t.app.inject({ url: link });
      assert.equal(form.statusCode, 200);
      assert.match(form.body, /Chọn mật khẩu mới/);
      assert.match(form.body, /lan@example\.org/);

      const session = { cookie: `almanac_form=${setCookieValue(form, 'almanac_form')}`, csrfToken: csrfFromPage(form.body) };
      const mismatch = await postForm(t.app, { url: '/admin/reset', session, fields: { token: tokenOf(link), lang: 'vi', password: NEW_PASSWORD, confirm: 'something else' } });
      assert.equal(mismatch.statusCode, 422);
      assert.match(mismatch.body, /Hai mật khẩu|không giống/);
      const short = await postForm(t.app, { url: '/admin/reset', session, fields: { token: tokenOf(link), lang: 'en', password: 'short', confirm: 'short' } });
      assert.equal(short.statusCode, 422);
      assert.match(short.body, /Use at least 12 characters\./);

      const done = await postForm(t.app, { url: '/admin/reset', session, fields: { token: tokenOf(link), lang: 'vi', password: NEW_PASSWORD, confirm: NEW_PASSWORD } });
      assert.equal(done.statusCode, 303);
      assert.equal(done.headers.location, '/admin');
      const fresh = setCookieValue(done, 'almanac_session');
      assert.ok(fresh);
      assert.equal((await t.app.inject({ url: '/admin', headers: { cookie: `almanac_session=${fresh}` } })).statusCode, 200);
      // The session from before is over.
      assert.equal((await t.app.inject({ url: '/admin', headers: { cookie: elsewhere.cookie } })).statusCode, 303);
      // The new password signs in; the old one does not.
      await signInAs(t.app, user.email, NEW_PASSWORD);
      await assert.rejects(signInAs(t.app, user.email, TEST_PASSWORD));

      // Used once: the link is gone.
      assert.equal((await t.app.inject({ url: link })).statusCode, 410);
      const again = await postForm(t.app, { url: '/admin/reset', session, fields: { token: tokenOf(link), password: 'another passphrase!', confirm: 'another passphrase!' } });
      assert.equal(again.statusCode, 410);

      // The holder is told their password changed.
      assert.equal(await deliver(), 1);
      const notice = readMail(smtp.received[1]!.raw);
      assert.equal(notice.headers.get('subject'), 'Mật khẩu của bạn cho ILO Country Office for Viet Nam đã được thay đổi');
      const forgot = /http:\/\/localhost:3000(\/admin\/forgot\?lang=vi)\n/.exec(notice.text)?.[1];
      assert.equal(forgot, '/admin/forgot?lang=vi');
      assert.equal((await t.app.inject({ url: forgot })).statusCode, 200);
    });

    test('an unknown or disabled address gets the same answer, and no message', async () => {
      await createTestUser(t.db, { email: 'known@example.org' });
      await createTestUser(t.db, { email: 'gone@example.org', disabled: true });
      const known = await postPublic(t, '/admin/forgot', { email: 'known@example.org' }, '198.51.100.1');
      const unknown = await postPublic(t, '/admin/forgot', { email: 'nobody@example.org' }, '198.51.100.2');
      const disabled = await postPublic(t, '/admin/forgot', { email: 'gone@example.org' }, '198.51.100.3');
      const scrub = (r: LightMyRequestResponse) => r.body.replace(/[a-z]+@example\.org/g, 'X').replace(/name="_csrf" value="[^"]+"/g, '');
      assert.equal(unknown.statusCode, known.statusCode);
      assert.equal(disabled.statusCode, known.statusCode);
      assert.equal(scrub(unknown), scrub(known));
      assert.equal(scrub(disabled), scrub(known));
      assert.equal(await deliver(), 1);
      assert.deepEqual(smtp.received.map((m) => m.to[0]), ['known@example.org']);
    });

    test('a link expires after an hour', async () => {
      await createTestUser(t.db, { email: 'minh@example.org' });
      await postPublic(t, '/admin/forgot', { email: 'minh@example.org' });
      await deliver();
      const link = linkIn(readMail(smtp.received[0]!.raw).text, '/admin/reset');
      t.setNow(new Date(DEFAULT_NOW.getTime() + 59 * 60_000));
      assert.equal((await t.app.inject({ url: link })).statusCode, 200);
      t.setNow(new Date(DEFAULT_NOW.getTime() + 60 * 60_000));
      const expired = await t.app.inject({ url: link });
      assert.equal(expired.statusCode, 410);
      assert.match(expired.body, /This link cannot be used/);
      assert.match(expired.body, /href="\/admin\/forgot\?lang=en"/);
    });

    test('requests are limited per address asked for and per client address, known or not', async () => {
      await createTestUser(t.db, { email: 'hoa@example.org' });
      for (const email of ['hoa@example.org', 'stranger@example.org']) {
        for (let i = 0; i < RESET_EMAIL_LIMIT; i++) {
          assert.equal((await postPublic(t, '/admin/forgot', { email }, `203.0.113.${i + 10}`)).statusCode, 200);
        }
        const held = await postPublic(t, '/admin/forgot', { email }, '203.0.113.99');
        assert.equal(held.statusCode, 429);
        assert.ok(Number(held.headers['retry-after']) > 0);
        assert.match(held.body, /Too many requests for a new password/);
      }
      assert.equal(await deliver(), RESET_EMAIL_LIMIT);

      t.setNow(new Date(DEFAULT_NOW.getTime() + 14 * 60_000 + 30_000));
      const lastMinute = await postPublic(t, '/admin/forgot', { email: 'hoa@example.org' }, '203.0.113.98');
      assert.equal(lastMinute.statusCode, 429);
      assert.match(lastMinute.body, /Try again in a minute\./, 'in the last minute it says "a minute", not "1 minutes"');
      t.setNow(DEFAULT_NOW);

      for (let i = 0; i < RESET_IP_LIMIT; i++) assert.equal((await postPublic(t, '/admin/forgot', { email: `p${i}@example.org` }, '192.0.2.7')).statusCode, 200);
      assert.equal((await postPublic(t, '/admin/forgot', { email: 'another@example.org' }, '192.0.2.7')).statusCode, 429);
      assert.equal((await postPublic(t, '/admin/forgot', { email: 'another@example.org' }, '192.0.2.8')).statusCode, 200);
    });
  });

  describe('password changed', () => {
    test('changing one\'s own password, or an administrator setting one, tells the holder', async () => {
      const own = await signIn(t.app, t.db, 'editor', { email: 'own@example.org', uiLang: 'en' });
      const changed = await postForm(t.app, { url: '/admin/account/password', session: own, fields: { current: TEST_PASSWORD, password: NEW_PASSWORD, confirm: NEW_PASSWORD } });
      assert.equal(changed.statusCode, 303);
      const admin = await signIn(t.app, t.db, 'admin');
      const other = await createTestUser(t.db, { email: 'other@example.org', uiLang: 'vi' });
      assert.equal((await postForm(t.app, { url: `/admin/users/${other.id}/password`, session: admin, fields: { password: NEW_PASSWORD } })).statusCode, 200);
      assert.equal(await deliver(), 2);
      const byRecipient = new Map(smtp.received.map((m) => [m.to[0], readMail(m.raw)]));
      assert.equal(byRecipient.get('own@example.org')?.headers.get('subject'), 'Your password for ILO Country Office for Viet Nam was changed');
      assert.equal(byRecipient.get('other@example.org')?.headers.get('subject'), 'Mật khẩu của bạn cho ILO Country Office for Viet Nam đã được thay đổi');
    });
  });

  describe('invitations', () => {
    test('an invitation in the chosen language: its link creates the account once, signed in', async () => {
      const admin = await signIn(t.app, t.db, 'admin', { name: 'Lan Admin' });
      const page = await t.app.inject({ url: '/admin/users/invitations', headers: { cookie: admin.cookie } });
      assert.equal(page.statusCode, 200);

      const bad = await postForm(t.app, { url: '/admin/users/invitations', session: admin, fields: { name: '', email: 'nope', role: 'chief', lang: 'vi' } });
      assert.equal(bad.statusCode, 422);
      const doc = html(bad.body);
      assert.ok(doc.querySelector('#error-name'));
      assert.ok(doc.querySelector('#error-email'));
      assert.ok(doc.querySelector('#error-role'));
      assert.equal(doc.querySelector('input[name=email]')?.getAttribute('value'), 'nope');

      const sent = await postForm(t.app, { url: '/admin/users/invitations', session: admin, fields: { name: 'Trần Thị Mai', email: 'Mai@Example.org', role: 'editor', lang: 'vi' } });
      assert.equal(sent.statusCode, 303);
      const listed = await t.app.inject({ url: sent.headers.location as string, headers: { cookie: admin.cookie } });
      assert.match(listed.body, /The invitation was sent to mai@example\.org\./);
      assert.match(listed.body, /Trần Thị Mai/);
      const twice = await postForm(t.app, { url: '/admin/users/invitations', session: admin, fields: { name: 'Mai', email: 'mai@example.org', role: 'editor', lang: 'vi' } });
      assert.equal(twice.statusCode, 422);
      assert.match(twice.body, /An invitation to this address is waiting already/);

      assert.equal(await deliver(), 1);
      const message = readMail(smtp.received[0]!.raw);
      assert.deepEqual(smtp.received[0]!.to, ['mai@example.org']);
      assert.equal(message.headers.get('subject'), 'Bạn được mời biên tập trang web của ILO Country Office for Viet Nam');
      assert.match(message.text, /Lan Admin đã mời bạn .* với vai trò biên tập viên|Lan Admin đã mời bạn/);
      assert.match(message.html, /Nhận lời mời/);
      const link = linkIn(message.text, '/admin/invitation');
      const stored = await t.db.selectFrom('invitations').select('token_hash').executeTakeFirstOrThrow();
      assert.equal(stored.token_hash, sha256(tokenOf(link)));

      const form = await t.app.inject({ url: link });
      assert.equal(form.statusCode, 200);
      assert.equal(html(form.body).querySelector('html')?.getAttribute('lang'), 'vi');
      assert.equal(html(form.body).querySelector('input[name=name]')?.getAttribute('value'), 'Trần Thị Mai');
      const session = { cookie: `almanac_form=${setCookieValue(form, 'almanac_form')}`, csrfToken: csrfFromPage(form.body) };
      const short = await postForm(t.app, { url: '/admin/invitation', session, fields: { token: tokenOf(link), lang: 'vi', name: 'Mai', password: 'x', confirm: 'x' } });
      assert.equal(short.statusCode, 422);
      assert.equal(html(short.body).querySelector('input[name=name]')?.getAttribute('value'), 'Mai');
      const created = await postForm(t.app, { url: '/admin/invitation', session, fields: { token: tokenOf(link), lang: 'vi', name: 'Mai', password: NEW_PASSWORD, confirm: NEW_PASSWORD } });
      assert.equal(created.statusCode, 303);
      const cookie = `almanac_session=${setCookieValue(created, 'almanac_session')}`;
      const dashboard = await t.app.inject({ url: '/admin/account', headers: { cookie } });
      assert.equal(dashboard.statusCode, 200);
      assert.match(dashboard.body, /mai@example\.org/);
      const account = await t.db.selectFrom('users').select(['role', 'ui_lang', 'name']).where('email', '=', 'mai@example.org').executeTakeFirstOrThrow();
      assert.deepEqual(account, { role: 'editor', ui_lang: 'vi', name: 'Mai' });

      assert.equal((await t.app.inject({ url: link })).statusCode, 410);
      const reuse = await postForm(t.app, { url: '/admin/invitation', session, fields: { token: tokenOf(link), name: 'Mai', password: NEW_PASSWORD, confirm: NEW_PASSWORD } });
      assert.equal(reuse.statusCode, 410);
      // Accepted: no longer waiting.
      assert.doesNotMatch((await t.app.inject({ url: '/admin/users/invitations', headers: { cookie: admin.cookie } })).body, /data-invitation-id/);
    });

    test('resending replaces the link, withdrawing and seven days end it', async () => {
      const admin = await signIn(t.app, t.db, 'admin');
      await postForm(t.app, { url: '/admin/users/invitations', session: admin, fields: { name: 'Tuan', email: 'tuan@example.org', role: 'contributor', lang: 'en' } });
      await deliver();
      const first = linkIn(readMail(smtp.received[0]!.raw).text, '/admin/invitation');
      const { id } = await t.db.selectFrom('invitations').select('id').executeTakeFirstOrThrow();

      assert.equal((await postForm(t.app, { url: `/admin/users/invitations/${id}/resend`, session: admin })).statusCode, 303);
      await deliver();
      const second = linkIn(readMail(smtp.received[1]!.raw).text, '/admin/invitation');
      assert.notEqual(second, first);
      assert.equal((await t.app.inject({ url: first })).statusCode, 410);
      assert.equal((await t.app.inject({ url: second })).statusCode, 200);

      t.setNow(new Date(DEFAULT_NOW.getTime() + 7 * 24 * 60 * 60_000));
      const expired = await t.app.inject({ url: second });
      assert.equal(expired.statusCode, 410);
      assert.match(expired.body, /This invitation cannot be used/);
      t.setNow(DEFAULT_NOW);

      assert.equal((await postForm(t.app, { url: `/admin/users/invitations/${id}/withdraw`, session: admin })).statusCode, 303);
      assert.equal((await t.app.inject({ url: second })).statusCode, 410);
      assert.equal((await postForm(t.app, { url: `/admin/users/invitations/${id}/resend`, session: admin })).statusCode, 404);
    });
  });
});
