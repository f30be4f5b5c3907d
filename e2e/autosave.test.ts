/**
 * Unsaved changes and the second language, in the browser: an editor's
 * typing is kept a few seconds after it stops, survives leaving the page,
 * and is offered back and restored from the edit page; publishing an
 * article whose Vietnamese text is still a draft asks whether to publish it
 * too, and "Publish both" puts the Vietnamese text on the Vietnamese page.
 * axe and the Nu Html Checker on each new page and state.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { TEST_PASSWORD } from './helpers/app-server.js';
import { pageAudit } from './helpers/checks.js';
import { signIn, useSite } from './helpers/journey.js';

/** Longer than the edit script waits after a change before keeping the form (10 s), with room for a busy machine. */
const AUTOSAVE_WAIT_MS = 30_000;

describe('unsaved changes and publishing both languages', () => {
  const site = useSite();

  test('typing is autosaved, offered back after leaving, restored into the form and saved', async () => {
    const email = await site.app.createUser('editor', 'Thu Editor');
    await site.visit(
      'autosave-restore',
      async (page) => {
        const { check, assertClean } = pageAudit(page);
        await signIn(page, email, TEST_PASSWORD);
        await page.goto('/admin/articles');
        await page.locator('table.data-table td a').first().click();
        await page.waitForURL(/\/admin\/articles\/\d+$/);
        const editUrl = page.url();
        const title = page.getByRole('group', { name: 'English' }).getByLabel('Title');
        const saved = await title.inputValue();
        await title.click();
        await page.keyboard.press('End');
        await page.keyboard.type(' (typed, not saved)');

        const status = page.locator('.action-bar [data-autosave-status]');
        // The server's time on the office's clock (the app's starts at 09:00 in Hanoi), as the notices give it.
        await status.getByText(/^Autosaved at 09:[0-5]\d$/).waitFor({ timeout: AUTOSAVE_WAIT_MS });
        assert.equal(await status.getAttribute('role'), 'status');
        await check('edit page, autosaved');

        // Leaving asks first, as the changes are not saved; the editor leaves all the same.
        const asked: string[] = [];
        page.once('dialog', (dialog) => {
          asked.push(dialog.type());
          void dialog.accept();
        });
        await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Events' }).click();
        await page.waitForURL(/\/admin\/events$/);
        assert.deepEqual(asked, ['beforeunload']);

        // Back on the article: its saved text, and the offer of the changes.
        await page.goto(editUrl);
        assert.equal(await title.inputValue(), saved);
        const notice = page.locator('.autosave-notice');
        assert.match((await notice.textContent()) ?? '', /You have unsaved changes from/);
        await check('edit page offering unsaved changes');

        await notice.getByRole('link', { name: 'Restore them' }).click();
        await page.waitForURL(/\?autosave=restore$/);
        assert.equal(await title.inputValue(), `${saved} (typed, not saved)`);
        assert.match((await page.locator('.autosave-notice').textContent()) ?? '', /not saved yet/);
        await check('edit page with unsaved changes restored');

        await page.getByRole('button', { name: 'Save', exact: true }).click();
        await page.getByText('Your changes were saved.').waitFor();
        assert.equal(await title.inputValue(), `${saved} (typed, not saved)`);
        assert.equal(await page.locator('.autosave-notice').count(), 0);
        await page.reload();
        assert.equal(await page.locator('.autosave-notice').count(), 0, 'saving cleared the autosave');

        await assertClean();
      },
      { bypassCSP: true },
    );
  });

  test('publishing an article whose Vietnamese text is a draft asks, and Publish both shows the Vietnamese on the Vietnamese page', async () => {
    const email = await site.app.createUser('editor', 'Vy Editor');
    await site.visit(
      'publish-both',
      async (page) => {
        const { check, assertClean } = pageAudit(page);
        await signIn(page, email, TEST_PASSWORD);
        await page.goto('/admin/articles/new');
        const english = page.getByRole('group', { name: 'English' });
        await english.getByLabel('Title').fill('Safer work on coffee farms');
        await english.getByLabel('Summary').fill('Farmers in Đắk Lắk learn to handle pesticides safely.');
        const vietnamese = page.getByRole('group', { name: /^Vietnamese/ });
        await vietnamese.getByLabel('Title').fill('An toàn lao động trên các nông trại cà phê');
        await vietnamese.getByLabel('Summary').fill('Nông dân ở Đắk Lắk học cách sử dụng thuốc trừ sâu an toàn.');
        await page.getByRole('button', { name: 'Save', exact: true }).click();
        await page.getByText('Saved as a draft.').waitFor();

        await page.getByRole('button', { name: 'Publish now' }).click();
        await page.getByRole('heading', { name: 'Publish the Vietnamese text too?' }).waitFor();
        await check('publish both question');

        await page.getByRole('button', { name: 'Publish both' }).click();
        await page.getByText('Published.', { exact: true }).waitFor();
        await page.getByRole('link', { name: 'Vietnamese page', exact: true }).click();
        await page.waitForURL(/\/vi\/articles\//);
        assert.equal((await page.locator('h1').textContent())?.trim(), 'An toàn lao động trên các nông trại cà phê');
        assert.equal(await page.locator('html').getAttribute('lang'), 'vi');

        await assertClean();
      },
      { bypassCSP: true },
    );
  });
});
