/**
 * Journeys that go through the mailbox: the app sends through a real SMTP
 * server (started with the app), and each person follows the links in what
 * it received. Visitors follow a topic in Vietnamese, confirm, are told of an
 * event an editor publishes and unsubscribe with one click; an editor who
 * forgot their password chooses a new one from the emailed link.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { formatDateRange } from '../src/shared/dates/format.js';
import { TEST_PASSWORD } from './helpers/app-server.js';
import { signIn, useSite } from './helpers/journey.js';
import { linkIn, listUnsubscribe } from './helpers/mail.js';

const SITE_NAME = 'ILO Country Office for Viet Nam';

interface NewEvent {
  title: string;
  viTitle: string;
  start: string;
  topic: string;
}

/** From the admin navigation: a new event in both languages with a topic, published at once. */
async function publishEvent(page: Page, event: NewEvent): Promise<void> {
  await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Events' }).click();
  await page.getByRole('link', { name: 'New event' }).click();
  const english = page.getByRole('group', { name: 'English' });
  await english.getByLabel('Title').fill(event.title);
  await english.getByLabel('City').fill('Ha Noi');
  const vietnamese = page.getByRole('group', { name: 'Vietnamese' });
  await vietnamese.getByLabel('Title').fill(event.viTitle);
  await vietnamese.getByLabel('Vietnamese text on the site').selectOption('published');
  await page.getByLabel('Start date').fill(event.start);
  await page.getByRole('group', { name: 'Topics' }).getByRole('checkbox', { name: event.topic }).check();
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByText('Saved as a draft.').waitFor();
  await page.getByRole('button', { name: 'Publish now' }).click();
  await page.getByText('Published.', { exact: true }).waitFor();
}

describe('email', () => {
  const site = useSite();

  /** How many messages the app has queued for an address (sent or not): a message is queued in the same transaction as the change that causes it. */
  async function queuedFor(address: string): Promise<number> {
    const row = await site.app.db.selectFrom('outgoing_mail').select((eb) => eb.fn.countAll<number>().as('n')).where('recipient', '=', address).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** The confirmation message's checks, and its link followed in the browser. */
  async function confirmFromMessage(page: Page, address: string): Promise<void> {
    const mail = await site.app.nextMailTo(address);
    assert.equal(mail.headers.get('subject'), `Xác nhận đăng ký nhận tin từ ${SITE_NAME}`);
    assert.equal(mail.headers.get('content-language'), 'vi');
    assert.match(mail.html, /<html lang="vi"/);
    assert.match(mail.text, new RegExp(`Ai đó, chúng tôi mong là bạn, đã yêu cầu cho ${address} theo dõi trang web`));
    await page.goto(linkIn(mail, `${site.app.baseUrl}/vi/subscription/confirm?token=`));
    assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Bạn đã đăng ký');
    assert.match((await page.locator('main').textContent()) ?? '', new RegExp(`${address} đã theo dõi văn phòng qua email`));
  }

  test('visitors follow a topic in Vietnamese, are told of an event an editor publishes, and unsubscribe with one click', async () => {
    const fromTopicPage = 'lan.nguyen@example.org';
    const fromFullForm = 'minh.tran@example.org';
    const editor = await site.app.createUser('editor', 'Hoa Editor');
    await site.visit('visitors-follow-a-topic', async (page) => {
      // One visitor uses the short form on the topic's page, in Vietnamese.
      await page.goto('/vi/topics/child-labour');
      assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Lao động trẻ em');
      const short = page.locator('form.subscribe-by-email');
      await short.getByLabel('Địa chỉ email').fill(fromTopicPage);
      assert.equal(await short.getByLabel('Ngôn ngữ của email').inputValue(), 'vi');
      await short.getByRole('button', { name: 'Đăng ký' }).click();
      assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Hãy kiểm tra email');
      await confirmFromMessage(page, fromTopicPage);

      // Another chooses the topic on the full form.
      await page.goto('/vi/subscribe');
      await page.getByLabel('Địa chỉ email').fill(fromFullForm);
      await page.getByRole('group', { name: 'Chủ đề' }).getByRole('checkbox', { name: 'Lao động trẻ em' }).check();
      await page.getByRole('button', { name: 'Đăng ký' }).click();
      assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Hãy kiểm tra email');
      await confirmFromMessage(page, fromFullForm);
    });

    const first: NewEvent = { title: 'Dialogue on ending child labour in agriculture', viTitle: 'Đối thoại về chấm dứt lao động trẻ em trong nông nghiệp', start: '2027-03-10', topic: 'Child labour' };
    await site.visit('editor-publishes-for-followers', async (page) => {
      await signIn(page, editor, TEST_PASSWORD);
      await publishEvent(page, first);
    });

    const announcements = await Promise.all([site.app.nextMailTo(fromTopicPage, 2), site.app.nextMailTo(fromFullForm, 2)]);
    for (const mail of announcements) {
      assert.equal(mail.headers.get('subject'), `Sự kiện mới: ${first.viTitle}`);
      assert.equal(mail.headers.get('content-language'), 'vi');
      assert.match(mail.text, new RegExp(`Vừa được đăng trên trang web của ${SITE_NAME}:`));
      // The date as the Vietnamese pages write it.
      assert.ok(mail.text.includes(`${first.viTitle} — ${formatDateRange(first.start, null, 'vi')}`), mail.text);
      assert.equal(mail.headers.get('list-unsubscribe-post'), 'List-Unsubscribe=One-Click');
    }
    await site.visit('visitor-reads-the-announcement-and-unsubscribes', async (page) => {
      const [mail] = announcements;
      await page.goto(linkIn(mail, `${site.app.baseUrl}/vi/events/`));
      assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), first.viTitle);

      // The link in the message leads to a page with one button; opening it stops nothing.
      const unsubscribeLink = linkIn(mail, `${site.app.baseUrl}/vi/subscription/unsubscribe?token=`);
      assert.equal(unsubscribeLink, listUnsubscribe(mail));
      await page.goto(unsubscribeLink);
      assert.match((await page.locator('main').textContent()) ?? '', new RegExp(`Đăng ký của ${fromTopicPage}`));
      assert.equal(await queuedFor(fromTopicPage), 2);
      await page.getByRole('button', { name: 'Hủy đăng ký' }).click();
      assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Bạn đã hủy đăng ký');
    });

    // The other's mail program unsubscribes as RFC 8058 says: a POST to the header's address, without cookies.
    const oneClick = await fetch(listUnsubscribe(announcements[1]), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    assert.equal(oneClick.status, 200);
    // The link to change the subscription, from the same message, now leads nowhere.
    const manage = await fetch(linkIn(announcements[1], `${site.app.baseUrl}/vi/subscription?token=`));
    assert.equal(manage.status, 404);

    const second: NewEvent = { title: 'Workshop on child labour monitoring', viTitle: 'Hội thảo về giám sát lao động trẻ em', start: '2027-04-06', topic: 'Child labour' };
    await site.visit('editor-publishes-again', async (page) => {
      await signIn(page, editor, TEST_PASSWORD);
      await publishEvent(page, second);
    });
    // Publishing queues its messages before the page answers: none was queued for either address.
    assert.equal(await queuedFor(fromTopicPage), 2);
    assert.equal(await queuedFor(fromFullForm), 2);
    assert.equal(site.app.mailTo(fromTopicPage).length, 2);
    assert.equal(site.app.mailTo(fromFullForm).length, 2);
  });

  test('an editor who forgot their password chooses a new one from the emailed link and is signed in', async () => {
    const email = await site.app.createUser('editor', 'Thu Editor');
    const newPassword = 'mango season on the red river';
    await site.visit('forgotten-password', async (page) => {
      await page.goto('/admin/login');
      await page.getByRole('link', { name: 'Forgot your password?' }).click();
      await page.getByLabel('Email address').fill(email);
      await page.getByRole('button', { name: 'Send the link' }).click();
      assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Check your email');

      const mail = await site.app.nextMailTo(email);
      assert.equal(mail.headers.get('subject'), `Choose a new password for ${SITE_NAME}`);
      assert.equal(mail.headers.get('content-language'), 'en');
      const link = linkIn(mail, `${site.app.baseUrl}/admin/reset?token=`);
      await page.goto(link);
      assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Choose a new password');
      await page.getByLabel('New password', { exact: true }).fill(newPassword);
      await page.getByLabel('New password again').fill(newPassword);
      await page.getByRole('button', { name: 'Save the password and sign in' }).click();
      await page.waitForURL((url) => url.pathname === '/admin');
      assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Dashboard');

      // The holder is told that the password changed; the link works only once.
      const notice = await site.app.nextMailTo(email, 2);
      assert.notEqual(notice.headers.get('subject'), mail.headers.get('subject'));
      const again = await page.goto(link);
      assert.equal(again?.status(), 410);
    });

    await site.visit('old-password-refused', async (page) => {
      await page.goto('/admin/login');
      await page.getByLabel('Email address').fill(email);
      await page.getByLabel('Password').fill(TEST_PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByText('The email address or password is not right.').waitFor();
      assert.equal(new URL(page.url()).pathname, '/admin/login');
      await signIn(page, email, newPassword);
    });
  });
});
