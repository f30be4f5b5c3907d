/**
 * Fields laid out two to a row where there is room for two, and one under
 * the other where there is not: in the event form's narrow Details column a
 * date box shows its whole date, and the field "Repeats" shows on its own
 * ("Last date", once "On a date" is chosen) takes the column's width, so its
 * hint and message are not squeezed into a strip.
 * An admin list's pager runs the width of its table, so "Next page" is at
 * the row's end, where the eye looks for it.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Locator } from 'playwright-core';
import { TEST_PASSWORD } from './helpers/app-server.js';
import { signIn, useSite } from './helpers/journey.js';

async function widthOf(locator: Locator): Promise<number> {
  const box = await locator.boundingBox();
  assert.ok(box, 'the element is shown');
  return box.width;
}

describe('rows of fields on the event form', () => {
  const site = useSite();

  test('in the Details column each field has the column to itself', async () => {
    const email = await site.app.createUser('editor', 'Lan Editor');
    await site.visit('form-rows', async (page) => {
      await signIn(page, email, TEST_PASSWORD);
      await page.goto('/admin/events/new');
      const repeats = page.locator('fieldset[data-recurrence]');
      await page.getByLabel('Start date').fill('2027-03-16');
      await page.getByLabel('Repeats', { exact: true }).selectOption({ label: 'Weekly' });
      await repeats.getByRole('group', { name: 'Ends' }).getByRole('radio', { name: 'On a date' }).check();

      const lastDate = page.locator('.field:has(#field-repeat_until)');
      const skipped = page.locator('.field:has(#field-recurrence_exdates)');
      assert.ok((await widthOf(lastDate)) >= (await widthOf(skipped)) - 1, 'Last date is as wide as the field under it');

      const startDate = page.locator('#field-start_date');
      const details = page.locator('.field:has(#field-time_zone)');
      assert.ok((await widthOf(startDate)) >= (await widthOf(details)) - 1, 'the start date box is as wide as the column');
    });
  });

  test('an admin list\'s pager spans the list: "Next page" ends where the table ends', async () => {
    const email = await site.app.createUser('editor', 'Lan Editor');
    await site.visit('admin-pager', async (page) => {
      await signIn(page, email, TEST_PASSWORD);
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto('/admin/events');
      const next = await page.locator('.pager__next').boundingBox();
      const table = await page.locator('main table').first().boundingBox();
      assert.ok(next && table, 'the list has a table and a second page');
      const gap = table.x + table.width - (next.x + next.width);
      assert.ok(Math.abs(gap) <= 2, `"Next page" ends ${gap} px before the table's right edge`);
    });
  });
});
