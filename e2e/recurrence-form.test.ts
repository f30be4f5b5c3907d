/**
 * The event form's Repeats fields in the browser: the script shows only the
 * fields that apply to the choices made, and "Show sessions" lists the
 * sessions before anything is saved; the page for a session "and the
 * following" says what will happen. axe and the Nu Html Checker on each
 * state.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { TEST_PASSWORD } from './helpers/app-server.js';
import { pageAudit } from './helpers/checks.js';
import { signIn, useSite } from './helpers/journey.js';

describe('the Repeats fields of the event form', () => {
  const site = useSite();

  test('only the fields that apply are shown, and Show sessions lists the sessions without saving', async () => {
    const email = await site.app.createUser('editor', 'Lan Editor');
    await site.visit('recurrence-form', async (page) => {
      const { check, assertClean } = pageAudit(page);
      await signIn(page, email, TEST_PASSWORD);
      await page.goto('/admin/events/new');
      const repeats = page.locator('fieldset[data-recurrence]');
      const weekdays = repeats.getByRole('group', { name: 'On these weekdays' });
      const eachMonth = repeats.getByRole('group', { name: 'Each month' });
      const ends = repeats.getByRole('group', { name: 'Ends' });

      // Does not repeat: nothing but the choice.
      assert.equal(await weekdays.isVisible(), false);
      assert.equal(await eachMonth.isVisible(), false);
      assert.equal(await ends.isVisible(), false);

      await page.getByRole('group', { name: 'English' }).getByLabel('Title').fill('Weekly clinic on contracts');
      await page.getByLabel('Start date').fill('2027-03-16');
      await page.getByLabel('Repeats', { exact: true }).selectOption({ label: 'Weekly' });
      assert.equal(await weekdays.isVisible(), true);
      assert.equal(await eachMonth.isVisible(), false);
      assert.equal(await repeats.getByLabel('Last date').isVisible(), false, 'no end date until "On a date" is chosen');
      await ends.getByRole('radio', { name: 'On a date' }).check();
      assert.equal(await repeats.getByLabel('Last date').isVisible(), true);
      assert.equal(await repeats.getByRole('textbox', { name: 'Number of sessions' }).isVisible(), false);

      await page.getByLabel('Repeats', { exact: true }).selectOption({ label: 'Monthly' });
      assert.equal(await weekdays.isVisible(), false);
      assert.equal(await eachMonth.isVisible(), true);
      assert.equal(await repeats.getByLabel('Weekday', { exact: true }).isVisible(), false);
      await eachMonth.getByRole('radio', { name: /On a weekday of the month/ }).check();
      assert.equal(await repeats.getByLabel('Weekday', { exact: true }).isVisible(), true);
      assert.equal(await repeats.getByLabel('On day', { exact: true }).isVisible(), false);
      await check('new event, monthly on a weekday');

      // Weekly on Tuesdays, five sessions, one skipped: listed before saving.
      await page.getByLabel('Repeats', { exact: true }).selectOption({ label: 'Weekly' });
      await weekdays.getByLabel('Tuesday').check();
      await ends.getByRole('radio', { name: 'After a number of sessions' }).check();
      await repeats.getByRole('textbox', { name: 'Number of sessions' }).fill('5');
      await repeats.getByLabel('Skipped dates').fill('2027-03-23');
      await repeats.getByRole('button', { name: 'Show sessions' }).click();
      const preview = page.locator('#sessions-preview');
      await preview.waitFor();
      assert.equal(await preview.locator('li').count(), 5);
      assert.match(await preview.innerText(), /4 sessions in all\./);
      assert.equal(await preview.locator('s time').getAttribute('datetime'), '2027-03-23');
      assert.equal(await page.getByLabel('Repeats', { exact: true }).inputValue(), 'weekly', 'the form as typed');
      assert.equal(await weekdays.isVisible(), true, 'the fields that apply, shown again');
      assert.equal(new URL(page.url()).pathname, '/admin/events', 'not saved: no edit page yet');
      await check('new event, sessions shown');

      // Saved, then the second session and the following ones: the page saying what will happen.
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await page.waitForURL(/\/admin\/events\/\d+\?done=created$/);
      await page.getByRole('link', { name: 'Move or cancel single sessions' }).click();
      await page.getByRole('link', { name: 'This and the following…' }).nth(1).click();
      await page.getByRole('heading', { name: 'Change this and the following sessions' }).waitFor();
      assert.equal(await page.getByLabel('New start time').isVisible(), false, 'an all-day event: only cancelling');
      await check('this and the following');

      await assertClean();
    }, { bypassCSP: true });
  });
});
