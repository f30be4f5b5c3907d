/**
 * Following the office by email, as a real SMTP server receives it: the form,
 * the confirmation, a publication announced in the subscriber's language,
 * and unsubscribing from the links and headers of what was received.
 */
import assert from 'node:assert/strict';
import { beforeEach, describe, test } from 'node:test';
import { DEFAULT_NOW } from '../../../test/helpers/build-test-app.js';
import { postForm, signIn, type AdminSession } from '../../../test/helpers/admin-session.js';
import { eventInput } from '../../../test/helpers/editing.js';
import { html } from '../../../test/helpers/html.js';
import { mailSiteForEachTest } from '../../../test/helpers/mail-site.js';
import { readMail, type ReadMail } from '../../../test/helpers/smtp.js';
import { createEvent, publishEvent, scheduleEvent } from '../events/index.js';
import { recordDueItems, startPublishScheduler } from '../publishing/index.js';
import { listTopics } from '../taxonomy/index.js';
import { CONFIRMATION_DAYS, hashToken, purgeUnconfirmed } from './index.js';

const DAY = 24 * 60 * 60_000;

describe('following by email', () => {
  const smtp = mailSiteForEachTest();
  const { t } = smtp;
  let editor: AdminSession;
  beforeEach(async () => {
    editor = await signIn(t.app, t.db, 'editor', { name: 'Minh', email: 'minh@example.org' });
  });

  /** Sends what is queued; the messages received since the last call, but the editorial notices to the editor. */
  async function deliver(): Promise<{ to: string; mail: ReadMail }[]> {
    const start = smtp.received.length;
    await smtp.sendDue(new Date(DEFAULT_NOW.getTime() + DAY));
    return smtp.received
      .slice(start)
      .filter((m) => m.to[0] !== 'minh@example.org')
      .map((m) => ({ to: m.to[0]!, mail: readMail(m.raw) }));
  }

  /** The site-relative path of the first link in a message's text after `label`. */
  function linkAfter(mail: ReadMail, label: RegExp): string {
    const match = new RegExp(`${label.source}[^\\n]*?http://localhost:3000(/[^\\s]*)`).exec(mail.text);
    assert.ok(match, mail.text);
    return match[1]!;
  }

  function subscribeForm(lang: string, fields: Record<string, string | string[]>) {
    const body = new URLSearchParams();
    for (const [name, value] of Object.entries(fields)) for (const v of Array.isArray(value) ? value : [value]) body.append(name, v);
    return t.app.inject({ method: 'POST', url: `/${lang}/subscribe`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: body.toString() });
  }

  test('subscribe to a topic in Vietnamese, confirm, receive a publication, unsubscribe with one click', async () => {
    const made = await t.db.insertInto('topics').values({ slug: 'social-dialogue', created_at: DEFAULT_NOW.toISOString(), updated_at: DEFAULT_NOW.toISOString() }).returning('id').executeTakeFirstOrThrow();
    await t.db.insertInto('topic_translations').values({ topic_id: Number(made.id), lang: 'en', name: 'Social dialogue', description: null }).execute();
    const topic = (await listTopics(t.db, 'en'))[0]!;
    const sent = await subscribeForm('vi', { email: 'Lan@Example.org', lang: 'vi', topic: topic.slug, frequency: 'published', day: '1' });
    assert.equal(sent.statusCode, 200);
    assert.match(html(sent.body).querySelector('h1')?.textContent ?? '', /Hãy kiểm tra email/);

    // An event published before confirming is not sent: only the confirmation is.
    const early = await createEvent(t.db, { user: editor.user, now: DEFAULT_NOW }, eventInput({ topics: [topic.id], en: { title: 'Early meeting', summary: null, description: 'x', venue: null, city: null } }));
    await publishEvent(t.db, { user: editor.user, now: DEFAULT_NOW }, early.id);
    const first = await deliver();
    assert.equal(first.length, 1);
    const confirmation = first[0]!.mail;
    assert.equal(first[0]!.to, 'lan@example.org');
    assert.equal(confirmation.headers.get('content-language'), 'vi');
    assert.match(confirmation.headers.get('subject') ?? '', /Xác nhận đăng ký/);
    assert.match(confirmation.headers.get('list-unsubscribe') ?? '', /^<http:\/\/localhost:3000\/vi\/subscription\/unsubscribe\?token=/);
    assert.equal(confirmation.headers.get('list-unsubscribe-post'), 'List-Unsubscribe=One-Click');

    // Only hashes are stored.
    const confirmPath = linkAfter(confirmation, /Xác nhận đăng ký:\n/);
    const token = new URL(confirmPath, 'http://x').searchParams.get('token')!;
    const stored = await t.db.selectFrom('subscriber_links').select('token_hash').execute();
    assert.ok(stored.some((r) => r.token_hash === hashToken(token)));
    assert.ok(stored.every((r) => r.token_hash !== token));

    const confirmed = await t.app.inject({ url: confirmPath });
    assert.equal(confirmed.statusCode, 200);
    assert.match(html(confirmed.body).querySelector('h1')?.textContent ?? '', /Bạn đã đăng ký/);
    // The same link again: a clear page in the site's layout with the form.
    const again = await t.app.inject({ url: confirmPath });
    assert.equal(again.statusCode, 410);
    const againPage = html(again.body);
    assert.match(againPage.querySelector('h1')?.textContent ?? '', /Không thể dùng đường dẫn này/);
    assert.ok(againPage.querySelector('form[action="/vi/subscribe"] input[name=email]'));

    // A scheduled event is not announced before its time; a published one of another topic not at all.
    const later = await createEvent(t.db, { user: editor.user, now: DEFAULT_NOW }, eventInput({ topics: [topic.id], en: { title: 'Later workshop', summary: 'Planned for later.', description: 'x', venue: null, city: null } }));
    await scheduleEvent(t.db, { user: editor.user, now: DEFAULT_NOW }, later.id, new Date(DEFAULT_NOW.getTime() + 10 * 60_000));
    const other = await createEvent(t.db, { user: editor.user, now: DEFAULT_NOW }, eventInput({ en: { title: 'Unrelated', summary: null, description: 'x', venue: null, city: null } }));
    await publishEvent(t.db, { user: editor.user, now: DEFAULT_NOW }, other.id);
    assert.equal((await deliver()).length, 0);

    // It goes live: the subscriber receives it, in Vietnamese, with its date as the site writes it.
    await recordDueItems(t.db, new Date(DEFAULT_NOW.getTime() + 11 * 60_000));
    const news = await deliver();
    assert.equal(news.length, 1);
    const mail = news[0]!.mail;
    assert.match(mail.headers.get('subject') ?? '', /Sự kiện mới: Later workshop/);
    assert.match(mail.text, /Later workshop — 3 tháng 12, 2026\n/);
    assert.match(mail.text, /Planned for later\./);
    assert.match(mail.text, /http:\/\/localhost:3000\/vi\/events\/later-workshop/);
    assert.match(mail.html, /<html lang="vi">/);
    const oneClick = mail.headers.get('list-unsubscribe')!.slice(1, -1).replace('http://localhost:3000', '');

    // The manage page from this message shows this subscription.
    const manage = await t.app.inject({ url: linkAfter(mail, /Thay đổi đăng ký: /) });
    assert.equal(manage.statusCode, 200);
    assert.match(manage.body, /lan@example\.org/);

    // RFC 8058: a POST with the one-click body, no form, no cookie.
    const stop = await t.app.inject({ method: 'POST', url: oneClick, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'List-Unsubscribe=One-Click' });
    assert.equal(stop.statusCode, 200);
    assert.match(html(stop.body).querySelector('h1')?.textContent ?? '', /Bạn đã hủy đăng ký/);
    assert.equal((await t.db.selectFrom('subscribers').selectAll().execute()).length, 0);
  });

  test("one subscriber's links cannot change or stop another's subscription", async () => {
    await subscribeForm('en', { email: 'a@example.org', lang: 'en', events: '1', frequency: 'published' });
    await subscribeForm('en', { email: 'b@example.org', lang: 'en', articles: '1', frequency: 'published' });
    const got = await deliver();
    const a = got.find((m) => m.to === 'a@example.org')!.mail;
    const aManage = linkAfter(a, /Change your subscription: /);
    const aToken = new URL(aManage, 'http://x').searchParams.get('token')!;
    // A's link on the change form with B's address named changes only A, and a made-up token nothing.
    const changed = await t.app.inject({
      method: 'POST',
      url: '/en/subscription',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ token: aToken, email: 'b@example.org', lang: 'vi', events: '1', frequency: 'published' }).toString(),
    });
    assert.equal(changed.statusCode, 200);
    const rows = await t.db.selectFrom('subscribers').select(['email', 'lang', 'all_articles']).orderBy('email').execute();
    assert.deepEqual(rows.map((r) => [r.email, r.lang, Number(r.all_articles)]), [['a@example.org', 'vi', 0], ['b@example.org', 'en', 1]]);
    const forged = await t.app.inject({ method: 'POST', url: `/en/subscription/unsubscribe?token=${aToken.slice(0, -2)}xx`, payload: '' });
    assert.equal(forged.statusCode, 404);
    assert.equal((await t.db.selectFrom('subscribers').selectAll().execute()).length, 2);
    // Subscribing B's address again does not change B's choices.
    await t.db.updateTable('subscribers').set({ confirmed_at: DEFAULT_NOW.toISOString() }).where('email', '=', 'b@example.org').execute();
    await subscribeForm('en', { email: 'b@example.org', lang: 'vi', events: '1', frequency: 'published' });
    const b = await t.db.selectFrom('subscribers').selectAll().where('email', '=', 'b@example.org').executeTakeFirstOrThrow();
    assert.equal(b.lang, 'en');
    assert.equal(Number(b.all_events), 0);
  });

  test('the listings, a topic page and the home page carry the short form, which follows what the page shows', async () => {
    const made = await t.db.insertInto('topics').values({ slug: 'wages', created_at: DEFAULT_NOW.toISOString(), updated_at: DEFAULT_NOW.toISOString() }).returning('id').executeTakeFirstOrThrow();
    await t.db.insertInto('topic_translations').values({ topic_id: Number(made.id), lang: 'en', name: 'Wages', description: null }).execute();
    const expected: [string, string, string][] = [
      ['/en/events', 'events', '1'],
      ['/vi/articles', 'articles', '1'],
      ['/en/topics/wages', 'topic', 'wages'],
      ['/vi', 'events', '1'],
    ];
    for (const [url, name, value] of expected) {
      const res = await t.app.inject({ url });
      assert.equal(res.statusCode, 200, url);
      const form = html(res.body).querySelector(`form.subscribe-by-email[action="/${url.slice(1, 3)}/subscribe"]`);
      assert.ok(form, url);
      assert.equal(form.querySelector(`input[type=hidden][name=${name}]`)?.getAttribute('value'), value, url);
    }
    const sent = await subscribeForm('en', { email: 'd@example.org', lang: 'en', topic: 'wages', frequency: 'published', day: '1' });
    assert.equal(sent.statusCode, 200);
    const row = await t.db.selectFrom('subscribers').selectAll().executeTakeFirstOrThrow();
    assert.equal(row.topics, '["wages"]');
    assert.equal(row.confirmed_at, null);
  });

  test('bad input re-renders the form with 422, a message by each field and what was typed', async () => {
    const res = await subscribeForm('en', { email: 'not an address', lang: 'vi', topic: 'no-such-topic', frequency: 'weekly', day: '9' });
    assert.equal(res.statusCode, 422);
    const page = html(res.body);
    assert.equal(page.querySelector('input[name=email]')?.getAttribute('value'), 'not an address');
    assert.match(page.querySelector('#subscribe-email-error')?.textContent ?? '', /Type an email address/);
    assert.match(page.querySelector('#subscribe-follow-error')?.textContent ?? '', /does not exist/);
    assert.match(page.querySelector('#subscribe-day-error')?.textContent ?? '', /Choose the day/);
    // The summary at the top names each problem, in the form's order, and links to its field.
    const summary = page.querySelector('.error-summary[role=alert]');
    assert.equal(summary?.querySelector('h2')?.textContent, 'There is a problem');
    const links = summary?.querySelectorAll('li a').map((a) => [a.getAttribute('href'), a.textContent]) ?? [];
    assert.deepEqual(links, [
      ['#subscribe-email', 'Type an email address, like name@example.org.'],
      ['#subscribe-day', 'Choose the day of the digest.'],
      ['#subscribe-follow', 'One of the topics or programmes chosen does not exist (any more). Choose again.'],
    ]);
    for (const [href] of links) assert.ok(page.querySelector(href!), `${href} is on the page`);
    assert.equal(page.querySelector('input[name=frequency][value=weekly]')?.hasAttribute('checked'), true);
    assert.equal(page.querySelector('select[name=lang] option[value=vi]')?.hasAttribute('selected'), true);
    const vi = await subscribeForm('vi', { email: '', frequency: 'published' });
    assert.equal(vi.statusCode, 422);
    assert.match(vi.body, /Hãy nhập một địa chỉ email/);
    assert.match(vi.body, /Hãy chọn ít nhất một nội dung/);
    assert.equal(html(vi.body).querySelector('.error-summary h2')?.textContent, 'Có lỗi cần sửa');
    assert.equal((await deliver()).length, 0);
    const unknown = await t.app.inject({ url: '/en/subscription?token=nothing' });
    assert.equal(unknown.statusCode, 404);
    assert.match(html(unknown.body).querySelector('h1')?.textContent ?? '', /This link cannot be used/);
  });

  test('a confirmation link expires, and an unconfirmed address is forgotten after 7 days', async () => {
    await subscribeForm('en', { email: 'c@example.org', lang: 'en', events: '1', frequency: 'published' });
    const [got] = await deliver();
    const confirmPath = linkAfter(got!.mail, /Confirm the subscription:\n/);
    t.setNow(new Date(DEFAULT_NOW.getTime() + CONFIRMATION_DAYS * DAY + 1));
    const expired = await t.app.inject({ url: confirmPath });
    assert.equal(expired.statusCode, 410);
    assert.match(expired.body, /has expired/);
    assert.equal(await purgeUnconfirmed(t.db, new Date(DEFAULT_NOW.getTime() + CONFIRMATION_DAYS * DAY - 1)), 0);
    assert.equal(await purgeUnconfirmed(t.db, new Date(DEFAULT_NOW.getTime() + CONFIRMATION_DAYS * DAY + 1)), 1);
    assert.equal((await t.db.selectFrom('subscriber_links').selectAll().execute()).length, 0);
  });

  test("the publishing scheduler's pass forgets unconfirmed addresses after 7 days, and keeps confirmed ones", async () => {
    await subscribeForm('en', { email: 'e@example.org', lang: 'en', events: '1', frequency: 'published' });
    await subscribeForm('en', { email: 'f@example.org', lang: 'en', events: '1', frequency: 'published' });
    await t.db.updateTable('subscribers').set({ confirmed_at: DEFAULT_NOW.toISOString() }).where('email', '=', 'f@example.org').execute();
    const scheduler = startPublishScheduler({ db: t.db, now: () => new Date(DEFAULT_NOW.getTime() + CONFIRMATION_DAYS * DAY + 1) }, { intervalMs: 60 * 60_000 });
    await scheduler.stop();
    assert.deepEqual((await t.db.selectFrom('subscribers').select('email').execute()).map((r) => r.email), ['f@example.org']);
  });

  test("the subscribers' page names each topic's list as people know it, in the admin's language", async () => {
    const made = await t.db.insertInto('topics').values({ slug: 'social-dialogue', created_at: DEFAULT_NOW.toISOString(), updated_at: DEFAULT_NOW.toISOString() }).returning('id').executeTakeFirstOrThrow();
    await t.db
      .insertInto('topic_translations')
      .values([
        { topic_id: Number(made.id), lang: 'en', name: 'Social dialogue', description: null },
        { topic_id: Number(made.id), lang: 'vi', name: 'Đối thoại xã hội', description: null },
      ])
      .execute();
    await subscribeForm('en', { email: 'k@example.org', lang: 'en', topic: 'social-dialogue', frequency: 'published' });
    const lists = async (uiLang: 'en' | 'vi') => {
      const admin = await signIn(t.app, t.db, 'admin', { uiLang });
      const page = html((await t.app.inject({ url: '/admin/subscribers', headers: { cookie: admin.cookie } })).body);
      return page.querySelectorAll('tbody tr').map((tr) => tr.querySelectorAll('th,td').map((c) => c.textContent.trim()));
    };
    assert.deepEqual(await lists('en'), [['Topic: Social dialogue', '0', '1']]);
    assert.deepEqual(await lists('vi'), [['Chủ đề: Đối thoại xã hội', '0', '1']]);
  });

  test('with no subscribers the admin page says so in the admin language instead of showing an empty table', async () => {
    for (const [uiLang, line] of [
      ['en', 'No subscribers yet.'],
      ['vi', 'Chưa có người đăng ký nào.'],
    ] as const) {
      const admin = await signIn(t.app, t.db, 'admin', { uiLang });
      const page = html((await t.app.inject({ url: '/admin/subscribers', headers: { cookie: admin.cookie } })).body);
      assert.equal(page.querySelector('p.empty')?.textContent, line);
      assert.equal(page.querySelector('table'), null);
    }
    await subscribeForm('en', { email: 'e@example.org', lang: 'en', events: '1', frequency: 'published' });
    const admin = await signIn(t.app, t.db, 'admin');
    const page = html((await t.app.inject({ url: '/admin/subscribers', headers: { cookie: admin.cookie } })).body);
    assert.equal(page.querySelector('p.empty'), null);
    assert.equal(page.querySelectorAll('tbody tr').length, 1);
  });

  test('admins see the subscribers per list, export them as CSV and remove one, each in the audit log; editors may not', async () => {
    await subscribeForm('en', { email: 'g@example.org', lang: 'en', events: '1', frequency: 'published' });
    await subscribeForm('en', { email: 'h@example.org', lang: 'vi', events: '1', articles: '1', frequency: 'weekly', day: '5' });
    await t.db.updateTable('subscribers').set({ confirmed_at: DEFAULT_NOW.toISOString() }).where('email', '=', 'h@example.org').execute();
    const admin = await signIn(t.app, t.db, 'admin', { name: 'Lan', email: 'lan@example.org' });
    assert.equal((await t.app.inject({ url: '/admin/subscribers', headers: { cookie: editor.cookie } })).statusCode, 403);
    const page = html((await t.app.inject({ url: '/admin/subscribers', headers: { cookie: admin.cookie } })).body);
    const counts = page.querySelectorAll('tbody tr').map((tr) => tr.querySelectorAll('th,td').map((c) => c.textContent.trim()));
    assert.deepEqual(counts, [['All events', '1', '1'], ['All articles', '1', '0']]);
    const csv = await t.app.inject({ url: '/admin/subscribers/export.csv', headers: { cookie: admin.cookie } });
    assert.match(csv.headers['content-type'] as string, /^text\/csv/);
    assert.match(csv.body, /\r\nh@example\.org,vi,1,1,,,weekly,5,2026-11-23T02:00:00\.000Z\r\n/);
    // An address pasted with control characters is looked up without them (PostgreSQL refuses a NUL outright).
    const pasted = await postForm(t.app, { url: '/admin/subscribers/remove', session: admin, fields: { email: '\u0000nobody@example.org\u0001' } });
    assert.equal(pasted.statusCode, 422);
    assert.match(pasted.body, /nobody@example\.org/);
    const removed = await postForm(t.app, { url: '/admin/subscribers/remove', session: admin, fields: { email: 'G@example.org' } });
    assert.equal(removed.statusCode, 200);
    assert.deepEqual((await t.db.selectFrom('subscribers').select('email').execute()).map((r) => r.email), ['h@example.org']);
    const audit = await t.db.selectFrom('audit_log').select(['action', 'summary']).where('action', 'like', 'subscribers.%').orderBy('id').execute();
    assert.deepEqual(audit, [{ action: 'subscribers.export', summary: '2' }, { action: 'subscribers.remove', summary: 'g@example.org' }]);
  });
});
