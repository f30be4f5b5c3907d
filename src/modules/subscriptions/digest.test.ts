/**
 * The weekly digest and the news of a called-off event, as a real SMTP server
 * receives them: sent on the subscriber's day in the office's zone (whatever
 * the process's TZ), once however many instances run the scheduler's pass,
 * listing only what visitors may see, in the subscriber's language, with the
 * one-click unsubscribe link and headers.
 */
import assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, describe, test } from 'node:test';
import type { Kysely } from 'kysely';
import { createTestUser } from '../../../test/helpers/admin-session.js';
import { appForEachTest, DEFAULT_NOW } from '../../../test/helpers/build-test-app.js';
import { articleInput, eventInput } from '../../../test/helpers/editing.js';
import { html } from '../../../test/helpers/html.js';
import { readMail, startTestSmtpServer, type ReadMail, type TestSmtpServer } from '../../../test/helpers/smtp.js';
import { loadEnv } from '../../config/env.js';
import type { Database, LangCode } from '../../db/schema.js';
import type { AdminUser } from '../auth/index.js';
import { createArticle, publishArticle } from '../articles/index.js';
import { cancelEvent, createEvent, postponeEvent, publishEvent, scheduleEvent, unpublishEvent } from '../events/index.js';
import { mailSenderFor, sendDueMail, type MailSender } from '../mail/index.js';
import { startPublishScheduler } from '../publishing/index.js';
import { sendWeeklyDigests, subscriptionSite } from './index.js';
import * as repo from './subscriptions.repository.js';

const HOUR = 60 * 60_000;
const DAY = 24 * HOUR;
/** DEFAULT_NOW is Monday 23 November 2026, 09:00 in Hanoi; Wednesday starts there at 17:00 UTC on Tuesday. */
const WEDNESDAY_IN_HANOI = new Date('2026-11-24T17:00:00Z');
const WEDNESDAY = 3;

async function follower(db: Kysely<Database>, email: string, lang: LangCode, frequency: 'weekly' | 'published', digestDay: number | null = null): Promise<void> {
  const id = await repo.insertSubscriber(db, email, { lang, allEvents: true, allArticles: true, topics: [], programmes: [], frequency, digestDay }, DEFAULT_NOW);
  await repo.markConfirmed(db, id, new Date(DEFAULT_NOW.getTime() - HOUR));
}

describe('weekly digests and called-off events by email', () => {
  let smtp: TestSmtpServer;
  let sender: MailSender;
  let editor: AdminUser;
  const t = appForEachTest();
  const site = () => subscriptionSite(t.config);
  before(async () => {
    smtp = await startTestSmtpServer();
  });
  after(() => smtp.close());
  beforeEach(async () => {
    smtp.received.length = 0;
    sender = mailSenderFor(loadEnv({ SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port), SMTP_STARTTLS: 'off' }));
    editor = await createTestUser(t.db, { role: 'editor', email: 'editor@example.org' });
  });
  afterEach(() => sender.close());

  /** Sends what is queued at `at`; what subscribers received since the last call (not the editorial notices). */
  async function deliver(at: Date): Promise<{ to: string; mail: ReadMail }[]> {
    const start = smtp.received.length;
    await sendDueMail(t.db, sender, at);
    return smtp.received
      .slice(start)
      .filter((m) => m.to[0] !== 'editor@example.org')
      .map((m) => ({ to: m.to[0]!, mail: readMail(m.raw) }));
  }

  async function publishedEvent(title: string, at: Date, summary: string | null = null): Promise<number> {
    const made = await createEvent(t.db, { user: editor, now: at }, eventInput({ en: { title, summary, description: 'x', venue: null, city: null } }));
    await publishEvent(t.db, { user: editor, now: at }, made.id);
    return made.id;
  }

  test("on the subscriber's day in Hanoi, once with two instances, only what visitors may see, in each language", async () => {
    await follower(t.db, 'wed@example.org', 'en', 'weekly', WEDNESDAY);
    await follower(t.db, 'thu@example.org', 'vi', 'weekly', WEDNESDAY + 1);
    await follower(t.db, 'vi-wed@example.org', 'vi', 'weekly', WEDNESDAY);
    await follower(t.db, 'now@example.org', 'en', 'published');

    const monday = DEFAULT_NOW;
    await publishedEvent('Wage board meeting', monday, 'The board meets on minimum wages.');
    const cancelled = await publishedEvent('Port visit', monday);
    await cancelEvent(t.db, { user: editor, now: new Date(monday.getTime() + HOUR) }, cancelled, { en: 'The port is closed.', vi: '' });
    const later = await createEvent(t.db, { user: editor, now: monday }, eventInput({ en: { title: 'Later forum', summary: null, description: 'x', venue: null, city: null } }));
    await scheduleEvent(t.db, { user: editor, now: monday }, later.id, new Date(WEDNESDAY_IN_HANOI.getTime() + 3 * DAY));
    await createEvent(t.db, { user: editor, now: monday }, eventInput({ en: { title: 'Draft seminar', summary: null, description: 'x', venue: null, city: null } }));
    const withdrawn = await publishedEvent('Withdrawn talk', monday);
    await unpublishEvent(t.db, { user: editor, now: monday }, withdrawn);
    const article = await createArticle(t.db, { user: editor, now: monday }, articleInput({ en: { title: 'Harvest report', summary: 'Coffee prices.', body: 'x', hero_alt: null, byline_role: null, byline_organisation: null } }));
    await publishArticle(t.db, { user: editor, now: monday }, article.id);
    await deliver(new Date(monday.getTime() + 2 * HOUR));

    // Tuesday 23:59 in Hanoi (still Tuesday in UTC and in Los Angeles, as it is at 00:00 in Hanoi): nothing.
    assert.equal(await sendWeeklyDigests(t.db, site(), new Date(WEDNESDAY_IN_HANOI.getTime() - 60_000)), 0);
    assert.equal((await deliver(WEDNESDAY_IN_HANOI)).length, 0);

    // Wednesday 00:00 in Hanoi: two instances' scheduler passes at once make each digest once.
    const instances = [0, 1].map(() => startPublishScheduler({ db: t.db, now: () => WEDNESDAY_IN_HANOI }, { intervalMs: DAY, digests: site() }));
    await Promise.all(instances.map((s) => s.runOnce()));
    await Promise.all(instances.map((s) => s.stop()));
    const got = await deliver(WEDNESDAY_IN_HANOI);
    assert.deepEqual(got.map((m) => m.to).sort(), ['vi-wed@example.org', 'wed@example.org']);

    const en = got.find((m) => m.to === 'wed@example.org')!.mail;
    assert.equal(en.headers.get('subject'), 'This week on the website of ILO Country Office for Viet Nam');
    assert.equal(en.headers.get('content-language'), 'en');
    assert.match(en.text, /New or changed on the website of ILO Country Office for Viet Nam since 23 November 2026:/);
    assert.match(en.text, /Wage board meeting — 3 December 2026\nThe board meets on minimum wages\.\nhttp:\/\/localhost:3000\/en\/events\/wage-board-meeting\n/);
    assert.match(en.text, /Cancelled: Port visit — 3 December 2026\nThe port is closed\.\n/);
    assert.match(en.text, /Harvest report — 20 November 2026\nCoffee prices\.\nhttp:\/\/localhost:3000\/en\/articles\/harvest-report/);
    assert.doesNotMatch(en.text, /Later forum|Draft seminar|Withdrawn talk/);
    assert.match(en.html, /<html lang="en">/);
    // In the HTML part too, each item's title, summary and link are on lines of their own.
    assert.match(en.html, /<p style="white-space:pre-line">Wage board meeting — 3 December 2026\nThe board meets on minimum wages\.\nhttp:\/\/localhost:3000\/en\/events\/wage-board-meeting<\/p>/);

    const vi = got.find((m) => m.to === 'vi-wed@example.org')!.mail;
    assert.equal(vi.headers.get('subject'), 'Tuần này trên trang web của ILO Country Office for Viet Nam');
    assert.equal(vi.headers.get('content-language'), 'vi');
    assert.match(vi.text, /từ ngày 23 tháng 11, 2026:/);
    // No Vietnamese reason was given: the English one stands in, as on the site.
    assert.match(vi.text, /Đã hủy: Port visit — 3 tháng 12, 2026\nThe port is closed\.\n/);
    assert.match(vi.text, /http:\/\/localhost:3000\/vi\/events\/wage-board-meeting/);
    assert.doesNotMatch(vi.text, /Later forum|Draft seminar|Withdrawn talk/);

    // RFC 8058, as the messages sent as items are published: the header's address stops the subscription on a bare POST.
    assert.equal(en.headers.get('list-unsubscribe-post'), 'List-Unsubscribe=One-Click');
    const oneClick = en.headers.get('list-unsubscribe')!.slice(1, -1).replace('http://localhost:3000', '');
    assert.match(en.text, new RegExp(`Unsubscribe with one click: http://localhost:3000${oneClick.replace(/[?]/g, '\\?')}\n`));
    const stop = await t.app.inject({ method: 'POST', url: oneClick, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'List-Unsubscribe=One-Click' });
    assert.equal(stop.statusCode, 200);
    assert.match(html(stop.body).querySelector('h1')?.textContent ?? '', /unsubscribed/i);
    assert.equal(await repo.findByEmail(t.db, 'wed@example.org'), undefined);

    // Later the same day: nothing again.
    assert.equal(await sendWeeklyDigests(t.db, site(), new Date(WEDNESDAY_IN_HANOI.getTime() + 16 * HOUR)), 0);
    // Thursday in Hanoi: the Thursday subscriber's, with the scheduled forum not yet live.
    const thursday = new Date(WEDNESDAY_IN_HANOI.getTime() + DAY + HOUR);
    assert.equal(await sendWeeklyDigests(t.db, site(), thursday), 1);
    const [thu] = await deliver(thursday);
    assert.equal(thu!.to, 'thu@example.org');
    assert.match(thu!.mail.text, /Wage board meeting/);
    assert.doesNotMatch(thu!.mail.text, /Later forum/);
  });

  test('a week with nothing new sends nothing; the next lists only what came since the last digest', async () => {
    await follower(t.db, 'wed@example.org', 'en', 'weekly', WEDNESDAY);
    await publishedEvent('First week meeting', DEFAULT_NOW);
    assert.equal(await sendWeeklyDigests(t.db, site(), WEDNESDAY_IN_HANOI), 1);
    assert.equal((await deliver(WEDNESDAY_IN_HANOI)).length, 1);

    const nextWednesday = new Date(WEDNESDAY_IN_HANOI.getTime() + 7 * DAY);
    assert.equal(await sendWeeklyDigests(t.db, site(), nextWednesday), 0);
    assert.equal((await deliver(nextWednesday)).length, 0);

    await publishedEvent('Third week meeting', new Date(nextWednesday.getTime() + 2 * DAY));
    const third = new Date(nextWednesday.getTime() + 7 * DAY);
    assert.equal(await sendWeeklyDigests(t.db, site(), third), 1);
    const [got] = await deliver(third);
    assert.match(got!.mail.text, /since 2 December 2026:/);
    assert.match(got!.mail.text, /Third week meeting/);
    assert.doesNotMatch(got!.mail.text, /First week meeting/);
  });

  test('a live event cancelled or postponed is announced to the "as published" followers; one never published is not', async () => {
    await follower(t.db, 'now@example.org', 'en', 'published');
    await follower(t.db, 'bay@example.org', 'vi', 'published');
    await follower(t.db, 'wed@example.org', 'en', 'weekly', WEDNESDAY);
    const gala = await publishedEvent('Labour gala', DEFAULT_NOW);
    const forum = await publishedEvent('Youth forum', DEFAULT_NOW);
    assert.equal((await deliver(DEFAULT_NOW)).length, 4);

    const later = new Date(DEFAULT_NOW.getTime() + HOUR);
    await cancelEvent(t.db, { user: editor, now: later }, gala, { en: 'The hall is closed.', vi: 'Hội trường đóng cửa.' });
    await postponeEvent(t.db, { user: editor, now: later }, forum, { en: 'Until the new year.', vi: '' });
    const draft = await createEvent(t.db, { user: editor, now: later }, eventInput({ en: { title: 'Unannounced', summary: null, description: 'x', venue: null, city: null } }));
    await cancelEvent(t.db, { user: editor, now: later }, draft.id, { en: 'Never mind.', vi: '' });
    const got = await deliver(later);
    const subjects = got.map((m) => `${m.to} ${m.mail.headers.get('subject')}`).sort();
    assert.deepEqual(subjects, [
      'bay@example.org Sự kiện bị hoãn: Youth forum',
      'bay@example.org Sự kiện bị hủy: Labour gala',
      'now@example.org Event cancelled: Labour gala',
      'now@example.org Event postponed: Youth forum',
    ]);
    const cancelled = got.find((m) => m.to === 'now@example.org' && /cancelled/.test(m.mail.headers.get('subject') ?? ''))!.mail;
    assert.match(cancelled.text, /has been cancelled:\n\nCancelled: Labour gala — 3 December 2026\nThe hall is closed\.\nhttp:\/\/localhost:3000\/en\/events\/labour-gala/);
    const huy = got.find((m) => m.to === 'bay@example.org' && /hủy/.test(m.mail.headers.get('subject') ?? ''))!.mail;
    assert.match(huy.text, /Đã hủy: Labour gala — 3 tháng 12, 2026\nHội trường đóng cửa\.\nhttp:\/\/localhost:3000\/vi\/events\/labour-gala/);
    assert.equal(cancelled.headers.get('list-unsubscribe-post'), 'List-Unsubscribe=One-Click');
  });
});
