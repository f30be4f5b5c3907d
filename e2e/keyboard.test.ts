/**
 * Journeys with the keyboard alone: a visitor skips the navigation and follows
 * links; an editor signs in and saves an event. Each focused control must
 * show that it has the focus.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { TEST_PASSWORD } from './helpers/app-server.js';
import { useSite } from './helpers/journey.js';
import { focused, focusedOnOpening, tabTo } from './helpers/keyboard.js';

describe('with the keyboard only', () => {
  const site = useSite();

  test('a visitor skips to the content and follows links to an event', async () => {
    await site.visit('keyboard-visitor', async (page) => {
      await page.goto('/en');
      await page.keyboard.press('Tab');
      const skip = await focused(page);
      assert.equal(skip.name, 'Skip to main content', 'the first Tab reaches the skip link');
      assert.ok(skip.inViewport && skip.indicated, 'the skip link shows when it has the focus');
      await page.keyboard.press('Enter');
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'main', 'the skip link moves the focus to the content');

      await page.goto('/en');
      const events = await tabTo(page, 'Events and meetings');
      assert.ok(events.indicated, 'a focused link shows its focus');
      await page.keyboard.press('Enter');
      await page.waitForURL('**/en/events');

      const next = await tabTo(page, 'Next page');
      assert.ok(next.indicated && next.inViewport, 'the focused pager link is shown and indicated');
      await page.keyboard.press('Enter');
      await page.waitForURL('**/en/events?page=2');
      await tabTo(page, 'ENHANCE project to develop child labour free certification scheme');
      await page.keyboard.press('Enter');
      await page.waitForURL('**/en/events/enhance-project-to-develop-child-labour-free-certification-scheme');
      const download = await tabTo(page, 'Download the event (.ics)');
      assert.ok(download.indicated);
    });
  });

  test('an editor signs in and saves an event', async () => {
    const email = await site.app.createUser('editor');
    await site.visit('keyboard-editor', async (page) => {
      await page.goto('/admin/login');
      // The email field has the focus when the page opens.
      assert.equal((await focusedOnOpening(page)).name, 'Email address');
      await page.keyboard.type(email);
      await page.keyboard.press('Tab');
      assert.equal((await focused(page)).name, 'Password');
      await page.keyboard.type(TEST_PASSWORD);
      await page.keyboard.press('Enter');
      await page.waitForURL((url) => url.pathname === '/admin');

      const nav = await tabTo(page, 'Events');
      assert.ok(nav.indicated, 'the focused navigation link shows its focus');
      await page.keyboard.press('Enter');
      await page.waitForURL('**/admin/events');
      await tabTo(page, 'New event');
      await page.keyboard.press('Enter');
      await page.waitForURL('**/admin/events/new');

      const title = await tabTo(page, 'Title');
      assert.ok(title.indicated, 'a focused text field shows its focus');
      await page.keyboard.type('Dialogue on minimum wages');
      await tabTo(page, /^Start date/);
      // The field moves between its parts by itself; their order follows the
      // browser's own language, so day and month are the same here.
      await page.keyboard.type('03032027');
      const save = await tabTo(page, 'Save');
      assert.ok(save.indicated, 'the focused button shows its focus');
      await page.keyboard.press('Enter');
      await page.getByText('Saved as a draft.').waitFor();
      assert.equal(await page.getByLabel('Start date').inputValue(), '2027-03-03');
    });
  });
});
