/**
 * A series' journey: an editor makes a monthly webinar series with a
 * skipped month through the admin; a visitor finds its next session in the
 * events listing, opens the series page and subscribes to its calendar.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { TEST_PASSWORD } from './helpers/app-server.js';
import { signIn, useSite } from './helpers/journey.js';

describe('an event series', () => {
  const site = useSite();

  test('an editor makes a monthly webinar series with a skipped month; a visitor finds the next session and subscribes to the series', async () => {
    const email = await site.app.createUser('editor', 'Hoa Editor');
    const title = 'Monthly webinar on decent work';
    await site.visit('series-monthly-webinar', async (page) => {
      await signIn(page, email, TEST_PASSWORD);
      await page.goto('/admin/series');
      await page.getByRole('link', { name: 'New series' }).click();
      await page.getByLabel('Title (English)').fill('Decent work webinars');
      await page.getByRole('radio', { name: 'Published' }).check();
      await page.getByRole('button', { name: 'Save series' }).click();
      await page.getByText('The series has been saved.').waitFor();

      await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Events' }).click();
      await page.getByRole('link', { name: 'New event' }).click();
      await page.getByRole('group', { name: 'English' }).getByLabel('Title').fill(title);
      await page.getByLabel('Start date').fill('2026-12-10');
      await page.getByLabel('Series', { exact: true }).selectOption({ label: 'Decent work webinars' });
      // On the 10th of each month, six times, but not in February.
      await page.getByLabel('Repeats', { exact: true }).selectOption({ label: 'Monthly' });
      await page.getByRole('radio', { name: /On a day of the month/ }).check();
      await page.getByLabel('On day', { exact: true }).fill('10');
      await page.getByRole('radio', { name: 'After a number of sessions' }).check();
      await page.getByRole('textbox', { name: 'Number of sessions' }).fill('6');
      await page.getByLabel('Skipped dates').fill('2027-02-10');
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await page.getByText('Saved as a draft.').waitFor();
      await page.getByRole('button', { name: 'Publish now' }).click();
      await page.getByText('Published.', { exact: true }).waitFor();
    });

    await site.visit('series-visitor', async (page) => {
      await page.goto('/en/events');
      const upcoming = page.locator('section[aria-labelledby=upcoming]');
      const sessions = upcoming.locator('li', { hasText: title });
      // Five sessions: December, January, March, April and May; February is skipped.
      assert.equal(await sessions.count(), 5);
      assert.match((await sessions.first().locator('.item-date').textContent()) ?? '', /10 December 2026\s*·\s*Session 1 of 5/);
      assert.doesNotMatch((await upcoming.textContent()) ?? '', /10 February 2027/);
      await sessions.first().getByRole('link', { name: title }).click();
      assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), title);

      await page.locator('a.event-series').click();
      assert.match((await page.getByRole('heading', { level: 1 }).textContent()) ?? '', /Decent work webinars/);
      const subscribe = page.getByRole('link', { name: 'Subscribe to this series\' calendar' });
      const href = (await subscribe.getAttribute('href')) ?? '';
      assert.match(href, /^webcal:\/\//);
      // A calendar program follows webcal: as http(s): to the same path.
      const feed = await page.request.get(href.replace(/^webcal:\/\/[^/]+/, ''));
      assert.equal(feed.status(), 200);
      assert.match(feed.headers()['content-type'] ?? '', /^text\/calendar/);
      const ics = (await feed.text()).replace(/\r\n[ \t]/g, '');
      assert.match(ics, /SUMMARY:Monthly webinar on decent work/);
      assert.match(ics, /RRULE:FREQ=MONTHLY;[^\r\n]*COUNT=6/);
      assert.match(ics, /EXDATE[^:\r\n]*:20270210/);
    });
  });
});
