/**
 * The editorial notices as a real SMTP server receives them, in each
 * person's language, with links that work when followed.
 */
import assert from 'node:assert/strict';
import { beforeEach, describe, test } from 'node:test';
import { DEFAULT_NOW } from '../../../test/helpers/build-test-app.js';
import { createTestUser, postForm, signIn, type AdminSession } from '../../../test/helpers/admin-session.js';
import { eventInput } from '../../../test/helpers/editing.js';
import { html } from '../../../test/helpers/html.js';
import { mailSiteForEachTest } from '../../../test/helpers/mail-site.js';
import { readMail, type ReadMail } from '../../../test/helpers/smtp.js';
import type { AdminUser } from '../auth/index.js';
import { setEditorialNotices } from '../auth/index.js';
import { createEvent, getEventForEditing, publishEvent, scheduleEvent, submitEvent } from '../events/index.js';
import { recordDueItems } from '../publishing/index.js';

const TITLE = 'Workshop in Đắk Lắk';

describe('editorial notices', () => {
  const smtp = mailSiteForEachTest();
  const { t } = smtp;
  let contributor: AdminUser;
  let editor: AdminSession;
  let admin: AdminSession;
  beforeEach(async () => {
    contributor = await createTestUser(t.db, { role: 'contributor', name: 'Tuấn', uiLang: 'vi', email: 'tuan@example.org' });
    editor = await signIn(t.app, t.db, 'editor', { name: 'Minh', email: 'minh@example.org' });
    await createTestUser(t.db, { role: 'editor', name: 'Hoa', uiLang: 'vi', email: 'hoa@example.org' });
    admin = await signIn(t.app, t.db, 'admin', { name: 'Lan', email: 'lan@example.org' });
  });

  /** Sends what is queued; the messages received since the last call, by recipient. */
  async function deliver(): Promise<Map<string, ReadMail>> {
    const before = smtp.received.length;
    // Any time after the changes (the scheduled one included): everything queued is due.
    await smtp.sendDue(new Date(DEFAULT_NOW.getTime() + 24 * 60 * 60_000));
    return new Map(smtp.received.slice(before).map((m) => [m.to[0]!, readMail(m.raw)]));
  }

  function link(mail: ReadMail): string {
    const match = /http:\/\/localhost:3000(\/[^\s]*)\n/.exec(mail.text);
    assert.ok(match, mail.text);
    return match[1]!;
  }

  test('submitted for review: every editor but one who switched them off, in their language; nobody told of their own step', async () => {
    // The administrator switches the notices off on their account page.
    assert.equal((await postForm(t.app, { url: '/admin/account/notices', session: admin, fields: {} })).statusCode, 303);
    const page = html((await t.app.inject({ url: '/admin/account?done=notices', headers: { cookie: admin.cookie } })).body);
    assert.equal(page.querySelector('input[name=editorial_notices]')?.hasAttribute('checked'), false);
    assert.match(page.querySelector('.notice')?.textContent ?? '', /Your choice of email notices was saved\./);

    const ctx = { user: contributor, now: DEFAULT_NOW };
    const event = await createEvent(t.db, ctx, eventInput());
    assert.equal((await deliver()).size, 0, 'creating a draft tells nobody');
    await submitEvent(t.db, ctx, event.id);
    const got = await deliver();
    assert.deepEqual([...got.keys()].sort(), ['hoa@example.org', 'minh@example.org']);
    const en = got.get('minh@example.org')!;
    assert.equal(en.headers.get('subject'), `For review: ${TITLE}`);
    assert.match(en.text, new RegExp(`Tuấn has submitted the event “${TITLE}” for review\\.`));
    assert.match(en.html, /Review it/);
    assert.match(en.text, /Switch them off on your account page: http:\/\/localhost:3000\/admin\/account/);
    const vi = got.get('hoa@example.org')!;
    assert.equal(vi.headers.get('subject'), `Cần duyệt: ${TITLE}`);
    assert.equal(vi.headers.get('content-language'), 'vi');
    assert.match(vi.text, /Tuấn đã gửi sự kiện/);
    // The link opens the item in the admin.
    assert.equal(link(en), `/admin/events/${event.id}`);
    assert.equal((await t.app.inject({ url: link(en), headers: { cookie: editor.cookie } })).statusCode, 200);
  });

  test('changes requested with a message, then published: the author is told each time', async () => {
    const ctx = { user: contributor, now: DEFAULT_NOW };
    const event = await createEvent(t.db, ctx, eventInput());
    await submitEvent(t.db, ctx, event.id);
    await deliver();

    // The edit page offers a message with "return to draft".
    const editPage = html((await t.app.inject({ url: `/admin/events/${event.id}`, headers: { cookie: editor.cookie } })).body);
    const returnForm = editPage.querySelector(`form[action="/admin/events/${event.id}/return"]`);
    assert.ok(returnForm?.querySelector('textarea[name=message]'));
    const revision = String((await getEventForEditing(t.db, event.id)).revision);
    const returned = await postForm(t.app, {
      url: `/admin/events/${event.id}/return`,
      session: editor,
      fields: { revision, message: 'Please add the venue.\nAnd the city.' },
    });
    assert.equal(returned.statusCode, 303);
    let got = await deliver();
    assert.deepEqual([...got.keys()], ['tuan@example.org']);
    const changes = got.get('tuan@example.org')!;
    assert.equal(changes.headers.get('subject'), `Cần chỉnh sửa: ${TITLE}`);
    assert.match(changes.text, /Minh đã trả sự kiện/);
    assert.match(changes.text, /> Please add the venue\.\n> And the city\./);
    assert.match(changes.html, /<blockquote[^>]*>Please add the venue\.\nAnd the city\.<\/blockquote>/);
    assert.equal(link(changes), `/admin/events/${event.id}`);

    await submitEvent(t.db, ctx, event.id);
    await deliver();
    await publishEvent(t.db, { user: editor.user, now: DEFAULT_NOW }, event.id);
    got = await deliver();
    assert.deepEqual([...got.keys()], ['tuan@example.org']);
    const published = got.get('tuan@example.org')!;
    assert.equal(published.headers.get('subject'), `Đã đăng: ${TITLE}`);
    const publicPage = await t.app.inject({ url: link(published) });
    assert.equal(publicPage.statusCode, 200);
    assert.match(publicPage.body, new RegExp(TITLE));
  });

  test('a scheduled item going live tells its author; switched off, or one\'s own item, tells nobody', async () => {
    const ctx = { user: contributor, now: DEFAULT_NOW };
    const event = await createEvent(t.db, ctx, eventInput());
    await scheduleEvent(t.db, { user: editor.user, now: DEFAULT_NOW }, event.id, new Date(DEFAULT_NOW.getTime() + 10 * 60_000));
    assert.equal((await deliver()).size, 0, 'scheduling is not yet publishing');
    await recordDueItems(t.db, new Date(DEFAULT_NOW.getTime() + 11 * 60_000));
    const got = await deliver();
    assert.deepEqual([...got.keys()], ['tuan@example.org']);
    assert.equal(got.get('tuan@example.org')!.headers.get('subject'), `Đã lên trang: ${TITLE}`);
    assert.match(got.get('tuan@example.org')!.text, /nay đã lên trang/);

    await setEditorialNotices(t.db, contributor.id, false, DEFAULT_NOW);
    const second = await createEvent(t.db, ctx, eventInput());
    await publishEvent(t.db, { user: editor.user, now: DEFAULT_NOW }, second.id);
    const own = await createEvent(t.db, { user: editor.user, now: DEFAULT_NOW }, eventInput());
    await publishEvent(t.db, { user: editor.user, now: DEFAULT_NOW }, own.id);
    assert.equal((await deliver()).size, 0);
  });
});
