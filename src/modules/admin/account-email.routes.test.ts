/**
 * Changing one's own email address on /admin/account: refused with the page
 * again (422, the address typed kept) for a bad address, one in use, or a
 * wrong password, also when another account takes the address at the same
 * instant; once done, the account signs in with the new address, the
 * old one is told by a message a real SMTP server receives, and the audit log
 * has it; a reset link sent to the old address stops working.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createTestUser, postForm, signIn, signInAs, TEST_PASSWORD, type AdminSession } from '../../../test/helpers/admin-session.js';
import { DEFAULT_NOW } from '../../../test/helpers/build-test-app.js';
import { html, text } from '../../../test/helpers/html.js';
import { mailSiteForEachTest } from '../../../test/helpers/mail-site.js';
import { readMail } from '../../../test/helpers/smtp.js';
import { inviteUser, requestPasswordReset, resetLinkState } from '../auth/index.js';
import { mailSite } from '../mail/index.js';

describe('changing one\'s email address', () => {
  const smtp = mailSiteForEachTest();
  const { t } = smtp;

  const change = (session: AdminSession, fields: Record<string, string>) => postForm(t.app, { url: '/admin/account/email', session, fields });

  test('bad input comes back with 422, a message by the field and the address typed, and changes nothing', async () => {
    const lan = await signIn(t.app, t.db, 'editor', { email: 'lan@example.org' });
    await createTestUser(t.db, { email: 'taken@example.org' });
    await inviteUser(t.db, mailSite(t.config), { email: 'invited@example.org', name: 'Mai', role: 'editor', lang: 'en' }, { userId: null }, DEFAULT_NOW);
    const cases: [Record<string, string>, string, string][] = [
      [{ email: 'not an address', email_current: TEST_PASSWORD }, 'email', 'Enter an email address such as name@example.org.'],
      [{ email: 'Taken@example.org', email_current: TEST_PASSWORD }, 'email', 'An account with this email address already exists.'],
      [{ email: 'invited@example.org', email_current: TEST_PASSWORD }, 'email', 'An invitation to this address is waiting. Ask an administrator to withdraw it first.'],
      [{ email: 'lan@example.org', email_current: TEST_PASSWORD }, 'email', 'This is already your email address.'],
      [{ email: 'new@example.org', email_current: 'not my password' }, 'email_current', 'This is not your current password.'],
      [{ email: 'new@example.org', email_current: '' }, 'email_current', 'Fill in this field.'],
    ];
    for (const [fields, field, message] of cases) {
      const res = await change(lan, fields);
      assert.equal(res.statusCode, 422, JSON.stringify(fields));
      const page = html(res.body);
      assert.equal(text(page.querySelector(`#error-${field}`)), message);
      assert.equal(page.querySelector('form[action="/admin/account/email"] input[name=email]')?.getAttribute('value'), fields.email);
      assert.equal(page.querySelector('input[name=email_current]')?.hasAttribute('value'), false);
    }
    const row = await t.db.selectFrom('users').select('email').where('id', '=', lan.user.id).executeTakeFirstOrThrow();
    assert.equal(row.email, 'lan@example.org');
    await smtp.sendDue(DEFAULT_NOW);
    assert.deepEqual(smtp.received.map((m) => m.to[0]), ['invited@example.org']);
  });

  test('two accounts moving to one address at the same instant: one gets it, the other has the page again with 422 and what was typed', async () => {
    const lan = await signIn(t.app, t.db, 'editor', { email: 'lan@example.org' });
    const minh = await signIn(t.app, t.db, 'editor', { email: 'minh@example.org' });
    // Each request checks that the address is free before it checks the password
    // (tens of milliseconds of hashing) and only then writes: both checks pass,
    // and the database's unique index refuses the second write.
    const fields = { email: 'shared@example.org', email_current: TEST_PASSWORD };
    const answers = await Promise.all([change(lan, fields), change(minh, fields)]);
    assert.deepEqual(answers.map((res) => res.statusCode).sort(), [303, 422]);
    const refused = answers.find((res) => res.statusCode === 422)!;
    const page = html(refused.body);
    assert.equal(text(page.querySelector('#error-email')), 'An account with this email address already exists.');
    assert.equal(page.querySelector('form[action="/admin/account/email"] input[name=email]')?.getAttribute('value'), 'shared@example.org');
    const rows = await t.db.selectFrom('users').select('email').where('id', 'in', [lan.user.id, minh.user.id]).orderBy('email').execute();
    assert.deepEqual(rows.map((r) => r.email).filter((e) => e === 'shared@example.org'), ['shared@example.org']);
    const audit = await t.db.selectFrom('audit_log').select('action').where('action', '=', 'user.email_change').execute();
    assert.equal(audit.length, 1);
  });

  test('the new address signs in, the old one is told in the holder\'s language, and the audit log records it', async () => {
    const hoa = await signIn(t.app, t.db, 'contributor', { email: 'hoa@example.org', uiLang: 'vi' });
    const page = html((await t.app.inject({ url: '/admin/account', headers: { cookie: hoa.cookie } })).body);
    assert.equal(text(page.querySelector('#email-section')), 'Đổi địa chỉ email');
    // A reset link sent to the old address before the change.
    await requestPasswordReset(t.db, mailSite(t.config), { email: 'hoa@example.org', ip: '192.0.2.1' }, DEFAULT_NOW);
    await smtp.sendDue(DEFAULT_NOW);
    const resetToken = /\/admin\/reset\?token=([A-Za-z0-9_-]+)/.exec(readMail(smtp.received[0]!.raw).text)![1]!;
    assert.equal((await resetLinkState(t.db, resetToken, DEFAULT_NOW)).state, 'open');
    smtp.received.length = 0;

    const done = await change(hoa, { email: ' Hoa.Nguyen@Example.org ', email_current: TEST_PASSWORD });
    assert.equal(done.statusCode, 303);
    assert.equal(done.headers.location, '/admin/account?done=email');
    const after = await t.app.inject({ url: '/admin/account?done=email', headers: { cookie: hoa.cookie } });
    assert.match(after.body, /Địa chỉ email của bạn đã được thay đổi/);
    assert.match(after.body, /hoa\.nguyen@example\.org/);

    assert.equal((await resetLinkState(t.db, resetToken, DEFAULT_NOW)).state, 'invalid');
    await signInAs(t.app, 'hoa.nguyen@example.org', TEST_PASSWORD);
    await assert.rejects(signInAs(t.app, 'hoa@example.org', TEST_PASSWORD), /sign-in failed/);

    await smtp.sendDue(DEFAULT_NOW);
    assert.equal(smtp.received.length, 1);
    assert.deepEqual(smtp.received[0]!.to, ['hoa@example.org']);
    const notice = readMail(smtp.received[0]!.raw);
    assert.equal(notice.headers.get('subject'), 'Địa chỉ email của tài khoản của bạn tại ILO Country Office for Viet Nam đã được thay đổi');
    assert.equal(notice.headers.get('content-language'), 'vi');
    assert.match(notice.text, /vừa được đổi từ hoa@example\.org sang hoa\.nguyen@example\.org\./);
    assert.match(notice.html, /<html lang="vi">/);

    const audit = await t.db.selectFrom('audit_log').select(['action', 'summary', 'user_id']).where('action', '=', 'user.email_change').execute();
    assert.deepEqual(audit, [{ action: 'user.email_change', summary: 'Changed their email address from hoa@example.org to hoa.nguyen@example.org', user_id: hoa.user.id }]);
  });
});
