/**
 * Editors' journeys: an editor makes a mistake on an event form, fixes it,
 * publishes and finds the event on the site; uploads an image with its
 * credit; a contributor can submit for review but not publish.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { jpegWithGps } from '../test/helpers/images.js';
import { TEST_PASSWORD } from './helpers/app-server.js';
import { signIn, useSite } from './helpers/journey.js';

/** Opens the new-event form from the admin navigation and types an English title, a city and two dates. */
async function startEvent(page: Page, title: string, start: string, end: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Events' }).click();
  await page.getByRole('link', { name: 'New event' }).click();
  const english = page.getByRole('group', { name: 'English' });
  await english.getByLabel('Title').fill(title);
  await english.getByLabel('City').fill('Da Nang');
  await page.getByLabel('Start date').fill(start);
  await page.getByLabel('End date').fill(end);
}

describe('editors', () => {
  const site = useSite();

  test('an editor corrects a mistake, publishes an event and finds it on the site, in search and in the calendar feed', async () => {
    const email = await site.app.createUser('editor', 'Lan Editor');
    await site.visit('editor-publishes-event', async (page) => {
      await signIn(page, email, TEST_PASSWORD);
      const title = 'Workshop on skills for the green transition';
      await startEvent(page, title, '2026-12-15', '2026-12-10');
      await page.getByRole('button', { name: 'Save', exact: true }).click();

      // Shown again with the message, the field marked and everything typed kept.
      const summary = page.locator('.error-summary');
      await summary.waitFor();
      assert.match((await summary.textContent()) ?? '', /There is a problem/);
      assert.match((await summary.textContent()) ?? '', /The end date cannot be before the start date\./);
      const endDate = page.getByLabel('End date');
      assert.equal(await endDate.getAttribute('aria-invalid'), 'true');
      assert.equal(await endDate.inputValue(), '2026-12-10');
      assert.equal(await page.getByRole('group', { name: 'English' }).getByLabel('Title').inputValue(), title);
      assert.equal(await page.getByRole('group', { name: 'English' }).getByLabel('City').inputValue(), 'Da Nang');

      await endDate.fill('2026-12-16');
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await page.getByText('Saved as a draft.').waitFor();
      await page.getByRole('button', { name: 'Publish now' }).click();
      await page.getByText('Published.', { exact: true }).waitFor();

      await page.goto('/en/events');
      const upcoming = page.locator('section[aria-labelledby=upcoming]');
      await upcoming.getByRole('link', { name: title }).click();
      assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), title);
      assert.match((await page.locator('main').textContent()) ?? '', /Da Nang/);

      // Found by search, and in the calendar feed that people subscribe to.
      await page.goto('/en/search');
      await page.getByLabel('Words to search for').fill('green transition');
      await page.getByRole('button', { name: 'Search' }).click();
      assert.ok(await page.locator('main').getByRole('link', { name: title }).isVisible(), 'the search finds the new event');
      const feed = await page.request.get('/en/events.ics');
      assert.equal(feed.status(), 200);
      assert.match((await feed.text()).replace(/\r\n /g, ''), new RegExp(`SUMMARY:${title}`));
    });
  });

  test('an editor uploads an image with its credit', async () => {
    const email = await site.app.createUser('editor');
    const image = await jpegWithGps(640, 480);
    await site.visit('editor-uploads-image', async (page) => {
      await signIn(page, email, TEST_PASSWORD);
      await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Media library' }).click();
      await page.getByRole('link', { name: 'Upload a file' }).click();
      await page.getByLabel('File', { exact: true }).setInputFiles({ name: 'coffee-harvest.jpg', mimeType: 'image/jpeg', buffer: image });
      await page.getByLabel('Description of the image (English)').fill('Farmers sorting coffee cherries at a cooperative');
      await page.getByLabel('Photo credit (optional)').fill('© ILO/Nguyen Hai Dat 2024');
      await page.getByRole('button', { name: 'Upload' }).click();
      await page.waitForURL((url) => /^\/admin\/media\/\d+$/.test(url.pathname));
      const main = (await page.locator('main').textContent()) ?? '';
      assert.match(main, /© ILO\/Nguyen Hai Dat 2024/);
      const preview = page.locator('main img').first();
      assert.equal(await preview.getAttribute('alt'), 'Farmers sorting coffee cherries at a cooperative');
      assert.ok(await preview.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0), 'the uploaded image loads');
    });
  });

  test('a contributor can submit an event for review but not publish it', async () => {
    const email = await site.app.createUser('contributor');
    await site.visit('contributor-cannot-publish', async (page) => {
      await signIn(page, email, TEST_PASSWORD);
      const title = 'Seminar on social insurance for informal workers';
      await startEvent(page, title, '2027-03-02', '2027-03-02');
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await page.getByText('Saved as a draft.').waitFor();
      const panel = page.locator('.workflow-panel');
      assert.equal(await panel.getByRole('button', { name: 'Publish now' }).count(), 0);
      await panel.getByRole('button', { name: 'Submit for review' }).click();
      await page.getByText('Submitted for review.').waitFor();
      assert.equal(await page.getByRole('button', { name: 'Publish now' }).count(), 0);

      // Sending the publish step anyway (a copy of the edit form, with its
      // token and revision, pointed at it) is refused by the server.
      const publishPath = `${new URL(page.url()).pathname}/publish`;
      const [refused] = await Promise.all([
        page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === publishPath),
        page.evaluate((action) => {
          const form = (document.querySelector('input[name=revision]') as HTMLInputElement).form!.cloneNode(true) as HTMLFormElement;
          form.action = action;
          document.body.append(form);
          form.submit();
        }, publishPath),
      ]);
      assert.equal(refused.status(), 403);
      await page.waitForURL((url) => url.pathname === publishPath);

      const response = await page.goto('/en/events');
      assert.equal(response?.status(), 200);
      assert.equal(await page.getByRole('link', { name: title }).count(), 0, 'the event is not on the site');
    });
  });
});
