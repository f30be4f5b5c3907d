/**
 * Lighthouse's accessibility and best-practices audits on the page editors
 * spend their time on, an existing event's edit page, signed in: both
 * scores must be 100. Lighthouse drives its own Chromium; the session cookie
 * of an account signed in through the form goes with every request it makes.
 * Only scores are asserted, never timings.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { TEST_PASSWORD, UPCOMING_EVENTS } from './helpers/app-server.js';
import { CHROMIUM_PATH } from './helpers/browser.js';
import { signIn, useSite } from './helpers/journey.js';

const CATEGORIES = ['accessibility', 'best-practices'] as const;

describe('Lighthouse on the edit page', () => {
  const site = useSite();

  test("an existing event's edit page, signed in, scores 100 for accessibility and best practices", async () => {
    const email = await site.app.createUser('editor', 'Linh Editor');
    let editPath = '';
    let cookie = '';
    await site.visit('lighthouse-sign-in', async (page) => {
      await signIn(page, email, TEST_PASSWORD);
      await page.goto('/admin/events');
      await page.getByRole('link', { name: UPCOMING_EVENTS[0].title }).click();
      await page.waitForURL(/\/admin\/events\/\d+$/);
      editPath = new URL(page.url()).pathname;
      cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
    });
    assert.ok(cookie.length > 0, 'signed in with a cookie');

    const chrome = await chromeLauncher.launch({
      chromePath: CHROMIUM_PATH,
      chromeFlags: ['--headless=new', '--no-sandbox', '--disable-background-networking', '--disable-gpu', '--disable-component-update', '--disable-sync'],
    });
    try {
      const result = await lighthouse(
        site.app.baseUrl + editPath,
        { port: chrome.port, logLevel: 'error', onlyCategories: [...CATEGORIES], extraHeaders: { Cookie: cookie } },
        // Scores only: a desktop screen, and no simulated slow network (it adds nothing to these two categories).
        { extends: 'lighthouse:default', settings: { formFactor: 'desktop', screenEmulation: { mobile: false, width: 1280, height: 900, deviceScaleFactor: 1, disabled: false }, throttlingMethod: 'provided' } },
      );
      assert.ok(result && !result.lhr.runtimeError, `Lighthouse failed: ${result?.lhr.runtimeError?.message ?? 'no result'}`);
      const { lhr } = result;
      // Lighthouse followed no redirect to the sign-in page: it audited the edit page itself.
      assert.equal(new URL(lhr.finalDisplayedUrl).pathname, editPath);
      for (const id of CATEGORIES) {
        const category = lhr.categories[id];
        assert.ok(category, `${id} was not audited`);
        const failed: string[] = [];
        for (const ref of category.auditRefs) {
          const audit = lhr.audits[ref.id];
          if (audit && audit.score !== null && audit.score < 1) failed.push(`${audit.id}: ${audit.title}`);
        }
        assert.equal(Math.round((category.score ?? 0) * 100), 100, `${id}: ${failed.join('; ')}`);
      }
    } finally {
      chrome.kill();
    }
  });
});
