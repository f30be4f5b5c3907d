/**
 * The edit page laid out around the work, in the browser: an editor leaving
 * with unsaved changes is asked first, saves with Ctrl+S, chooses one
 * language at a time (remembered), and cancels an event with a reason that
 * visitors then read on its page and in its calendar entry; the whole edit
 * journey at 375 pixels without sideways scrolling; axe and the Nu Html
 * Checker on the pages changed.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { parseCalendar } from '../test/helpers/ical.js';
import { TEST_PASSWORD, UPCOMING_EVENTS } from './helpers/app-server.js';
import { axeViolations, describeProblems, pageAudit, type PageProblem } from './helpers/checks.js';
import { signIn, useSite } from './helpers/journey.js';

const REASON_EN = 'Cancelled because of the typhoon warning; the forum will be held online in January.';
const REASON_VI = 'Hủy do cảnh báo bão; diễn đàn sẽ được tổ chức trực tuyến vào tháng 1.';

/** How far the page scrolls sideways, in CSS pixels (0 when it fits). */
function sidewaysScroll(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

/** Opens an upcoming event's edit page from the admin list. */
async function openEvent(page: Page, title: string): Promise<void> {
  await page.goto('/admin/events');
  await page.getByRole('link', { name: title }).click();
  await page.waitForURL(/\/admin\/events\/\d+$/);
}

describe('the edit page', () => {
  const site = useSite();

  test('leaving with unsaved changes asks first; Ctrl+S saves; one language at a time is remembered', async () => {
    const email = await site.app.createUser('editor', 'Mai Editor');
    await site.visit('edit-page-safety', async (page) => {
      await signIn(page, email, TEST_PASSWORD);
      const event = UPCOMING_EVENTS[1];
      await openEvent(page, event.title);
      const english = page.getByRole('group', { name: 'English' });
      const title = english.getByLabel('Title');
      await title.click();
      await page.keyboard.press('End');
      await page.keyboard.type(' (Hue)');

      // A link away asks first; staying keeps the text typed. (The click returns once the question is answered.)
      const asked: string[] = [];
      page.once('dialog', (dialog) => {
        asked.push(dialog.type());
        void dialog.dismiss();
      });
      await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Events' }).click();
      assert.deepEqual(asked, ['beforeunload']);
      assert.match(page.url(), /\/admin\/events\/\d+$/);
      assert.equal(await title.inputValue(), `${event.title} (Hue)`);

      // Ctrl+S saves as the Save button does, without asking.
      await page.keyboard.press('Control+s');
      await page.getByText('Your changes were saved.').waitFor();
      assert.equal(await title.inputValue(), `${event.title} (Hue)`);

      // A saved page leaves without a question.
      let askedAgain = false;
      page.once('dialog', (dialog) => {
        askedAgain = true;
        void dialog.accept();
      });
      await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Events' }).click();
      await page.waitForURL(/\/admin\/events$/);
      assert.equal(askedAgain, false);

      // One language at a time, remembered on the next edit page.
      await openEvent(page, `${event.title} (Hue)`);
      const vietnamese = page.getByRole('group', { name: /^Vietnamese/ });
      assert.ok(await vietnamese.isVisible(), 'both languages by default');
      await page.getByRole('button', { name: 'English', exact: true }).click();
      assert.equal(await vietnamese.isVisible(), false);
      assert.ok(await english.isVisible());
      await page.reload();
      assert.equal(await page.getByRole('button', { name: 'English', exact: true }).getAttribute('aria-pressed'), 'true');
      assert.equal(await vietnamese.isVisible(), false);
      await page.getByRole('button', { name: 'Both languages side by side' }).click();
      assert.ok(await vietnamese.isVisible());
      const [englishBox, vietnameseBox] = [await english.boundingBox(), await vietnamese.boundingBox()];
      assert.ok(englishBox && vietnameseBox && Math.abs(englishBox.y - vietnameseBox.y) < 1, 'side by side at 1280 pixels');
    });
  });

  test('an editor cancels an event with a reason, seen on its page and in its calendar entry, and the pages pass axe and the Nu checker', async () => {
    const email = await site.app.createUser('editor', 'Hoa Editor');
    await site.visit(
      'cancel-with-reason',
      async (page) => {
        const { check, assertClean } = pageAudit(page);
        await signIn(page, email, TEST_PASSWORD);
        const event = UPCOMING_EVENTS[0];
        await openEvent(page, event.title);
        await check('edit page');
        // The action bar stays in view at the bottom of the window however far the form scrolls.
        const bar = page.locator('.action-bar');
        for (const y of [0, 1500]) {
          await page.evaluate((top) => window.scrollTo(0, top), y);
          const box = await bar.boundingBox();
          assert.ok(box && box.y >= 0 && box.y + box.height <= 900 + 1, `the bar is in view scrolled to ${y}`);
        }

        await page.getByRole('link', { name: 'Mark as cancelled' }).click();
        await page.waitForURL(/\/cancel$/);
        await check('cancel confirmation');
        await page.getByRole('button', { name: 'Mark as cancelled' }).click();
        await page.locator('.error-summary').waitFor();
        assert.match((await page.locator('.error-summary').textContent()) ?? '', /Say why in English/);
        await check('cancel confirmation with an error');
        await page.getByLabel('Reason shown to visitors, in English').fill(REASON_EN);
        await page.getByLabel('Reason shown to visitors, in Vietnamese').fill(REASON_VI);
        await page.getByRole('button', { name: 'Mark as cancelled' }).click();
        await page.getByText('Marked as cancelled. The site says so.').waitFor();

        await page.goto('/en/events');
        const listed = page.locator('.event-item', { hasText: event.title });
        assert.match((await listed.textContent()) ?? '', new RegExp(REASON_EN.slice(0, 40)));
        await listed.getByRole('link', { name: event.title }).click();
        assert.equal((await page.locator('.status-notice .status-reason').textContent())?.trim(), REASON_EN);
        await check('public cancelled event');
        // The event's own calendar entry (the page no longer offers it, but calendars that saved it ask again).
        const eventUrl = new URL(page.url());
        const ics = await page.request.get(`${eventUrl.pathname}/calendar.ics`);
        const entry = [...parseCalendar(await ics.text()).events.values()][0];
        assert.ok(entry?.description.includes(REASON_EN), 'the reason in the calendar entry');
        const feed = parseCalendar(await (await page.request.get('/vi/events.ics')).text());
        assert.ok([...feed.events.values()].some((e) => e.description.includes(REASON_VI)), 'the Vietnamese reason in the Vietnamese calendar');

        await page.goto(eventUrl.pathname.replace('/en/', '/vi/'));
        await check('public cancelled event in Vietnamese');
        await assertClean();
      },
      { bypassCSP: true },
    );
  });

  test('the edit journey at 375 pixels never scrolls sideways', async () => {
    const email = await site.app.createUser('editor', 'Tuan Editor');
    const context = await site.browser.newContext({ baseURL: site.app.baseUrl, locale: 'en-GB', viewport: { width: 375, height: 740 }, bypassCSP: true });
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    const wide: string[] = [];
    const problems: PageProblem[] = [];
    const fits = async (name: string) => {
      const over = await sidewaysScroll(page);
      if (over > 0) wide.push(`${name}: ${over} px too wide`);
      problems.push(...(await axeViolations(page, `${name} at 375`)));
    };
    try {
      await signIn(page, email, TEST_PASSWORD);
      await fits('dashboard');
      await page.goto('/admin/events/new');
      await fits('new event');
      await page.getByRole('group', { name: 'English' }).getByLabel('Title').fill('Dialogue on wages in the garment industry, with a long title to wrap');
      await page.getByLabel('Start date').fill('2027-03-03');
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await page.getByText('Saved as a draft.').waitFor();
      await fits('edit event');
      const edit = page.url();
      await page.getByRole('button', { name: 'Publish now' }).click();
      await page.getByText('Published.', { exact: true }).waitFor();
      await fits('published event');
      for (const step of ['postpone', 'cancel', 'unpublish', 'delete', 'history', 'preview?lang=vi']) {
        await page.goto(`${edit}/${step}`);
        await fits(step);
      }
      await page.goto('/admin/events');
      await fits('events list');
      await page.goto('/admin/articles');
      await page.locator('table.data-table td a').first().click();
      await page.waitForURL(/\/admin\/articles\/\d+$/);
      await fits('edit article');
      assert.deepEqual(wide, []);
      assert.equal(problems.length, 0, describeProblems(problems));
    } finally {
      await context.close();
    }
  });
});
