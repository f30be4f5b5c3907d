/**
 * A visitor's journey through the public site: events (upcoming, past, the
 * second page, one event and its calendar file), an article, search and the
 * language switch.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, test } from 'node:test';
import { UPCOMING_EVENTS } from './helpers/app-server.js';
import { useSite } from './helpers/journey.js';

describe('a visitor', () => {
  const site = useSite();

  test('browses upcoming and past events, pages through and downloads an event to a calendar', async () => {
    await site.visit('visitor-events', async (page) => {
      await page.goto('/');
      assert.equal(new URL(page.url()).pathname, '/en');
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Events and meetings' }).click();
      await page.waitForURL('**/en/events');
      assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Events and meetings');

      const upcoming = page.locator('section[aria-labelledby=upcoming]');
      const upcomingTitles = await upcoming.locator('a.item-title').allTextContents();
      assert.deepEqual(upcomingTitles, UPCOMING_EVENTS.map((e) => e.title));
      const past = page.locator('section[aria-labelledby=past]');
      assert.equal(await past.locator('a.item-title').count(), 17, 'the first page holds 20 events: 3 upcoming, 17 past');

      await page.getByRole('link', { name: 'Next page' }).click();
      await page.waitForURL('**/en/events?page=2');
      assert.match((await page.locator('.pager').textContent()) ?? '', /Page 2 of 2/);
      assert.equal(await page.locator('a.item-title').count(), 3);
      await page.getByRole('link', { name: 'ENHANCE project to develop child labour free certification scheme' }).click();
      await page.waitForURL('**/en/events/enhance-project-to-develop-child-labour-free-certification-scheme');
      assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'ENHANCE project to develop child labour free certification scheme');

      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download the event (.ics)' }).click()]);
      assert.equal(download.suggestedFilename(), 'enhance-project-to-develop-child-labour-free-certification-scheme.ics');
      const ics = await readFile(await download.path(), 'utf8');
      assert.match(ics, /^BEGIN:VCALENDAR/);
      assert.match(ics, /SUMMARY:ENHANCE project to develop child labour free certification scheme/);
    });
  });

  test('reads an article, searches without diacritics and switches to Vietnamese', async () => {
    await site.visit('visitor-articles-search', async (page) => {
      await page.goto('/en');
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Feature articles' }).click();
      await page.waitForURL('**/en/articles');
      await page.getByRole('link', { name: 'A bridge over troubled water' }).click();
      await page.waitForURL('**/en/articles/a-bridge-over-troubled-water');
      assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'A bridge over troubled water');
      assert.equal(await page.locator('.byline').textContent(), 'By André Gama, Social Protection Programme Manager, ILO Viet Nam');
      assert.equal(await page.locator('.article-meta time').getAttribute('datetime'), '2021-07-09');

      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Search' }).click();
      await page.getByLabel('Words to search for').fill('Dak Lak');
      await page.getByRole('button', { name: 'Search' }).click();
      await page.waitForURL('**/en/search?q=Dak+Lak*');
      assert.equal(await page.getByRole('status').textContent(), '1 result for “Dak Lak”');
      await page.getByRole('link', { name: 'Visit at Binh Minh Coffee Cooperative, Dak Lak Province' }).click();
      await page.waitForURL('**/en/articles/visit-at-binh-minh-coffee-cooperative-dak-lak-province');

      // The same article, written the Vietnamese way.
      await page.goto('/en/search');
      await page.getByLabel('Words to search for').fill('Đắk Lắk');
      await page.getByRole('button', { name: 'Search' }).click();
      assert.equal(await page.getByRole('status').textContent(), '1 result for “Đắk Lắk”');
      await page.getByLabel('Words to search for').fill('zzyzx nothing here');
      await page.getByRole('button', { name: 'Search' }).click();
      assert.match((await page.locator('main').textContent()) ?? '', /Nothing was found for “zzyzx nothing here”/);

      await page.goto('/en/events');
      await page.getByRole('navigation', { name: 'Language' }).getByRole('link', { name: 'Tiếng Việt' }).click();
      await page.waitForURL('**/vi/events');
      assert.equal(await page.locator('html').getAttribute('lang'), 'vi');
      assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Sự kiện và cuộc họp');
      assert.ok(await page.getByRole('link', { name: UPCOMING_EVENTS[0].vi }).isVisible());
      // The choice is remembered: the bare address now leads to Vietnamese.
      await page.goto('/');
      assert.equal(new URL(page.url()).pathname, '/vi');
    });
  });
});
