/**
 * The layout at phone, tablet and desktop widths: every admin page type at
 * 375 pixels without sideways scrolling, its tables read as labelled cards,
 * with no accessibility violations; the public header, listings and filters
 * at 320 to 1920 pixels in both languages.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { createWebinarSeries } from '../test/fixtures/series-content.js';
import { jpegWithGps } from '../test/helpers/images.js';
import { TEST_PASSWORD } from './helpers/app-server.js';
import { withScreenshot } from './helpers/browser.js';
import { axeViolations, describeProblems, loadAxeInEveryPage, type PageProblem } from './helpers/checks.js';
import { signIn, useSite } from './helpers/journey.js';

/** How far the page scrolls sideways, in CSS pixels (0 when it fits). */
function sidewaysScroll(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

/**
 * The table cells that show a value with nothing naming it (neither a
 * data-label shown before it nor a row header). A cell holding only one link
 * or button is an action that names itself ("Manage …"), not a value.
 */
function unlabelledCells(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('table.data-table tbody td'))
      .filter((td) => (td.textContent ?? '').trim() !== '' || td.querySelector('input, button, a'))
      .filter((td) => {
        const controls = td.querySelectorAll('a, button');
        return !(controls.length === 1 && (controls[0]!.textContent ?? '').trim() === (td.textContent ?? '').trim());
      })
      .filter((td) => {
        const shown = getComputedStyle(td, '::before').content;
        const label = td.getAttribute('data-label');
        const rowHeader = td.parentElement?.querySelector('th[scope=row]');
        return !(label && shown.includes(label)) && !rowHeader;
      })
      .map((td) => `${td.closest('table')?.className ?? ''}: "${(td.textContent ?? '').trim().slice(0, 40)}"`),
  );
}

describe('small and large screens', () => {
  const site = useSite();

  async function withContext(width: number, run: (context: BrowserContext) => Promise<void>, options: { axe?: boolean } = {}): Promise<void> {
    const context = await site.browser.newContext({
      baseURL: site.app.baseUrl,
      locale: 'en-GB',
      viewport: { width, height: width < 600 ? 740 : 900 },
      bypassCSP: options.axe ?? false,
    });
    context.setDefaultTimeout(15_000);
    try {
      if (options.axe) await loadAxeInEveryPage(context);
      await run(context);
    } finally {
      await context.close();
    }
  }

  test('every admin page type fits a 375-pixel phone: no sideways scrolling, labelled cards for tables, no accessibility violations', async () => {
    const email = await site.app.createUser('admin', 'Lan Tran');
    // A series with a recurring event, so that the series and sessions pages have rows.
    const seriesId = await createWebinarSeries(site.app.db, site.app.now());
    const weekly = await site.app.db.selectFrom('events').select('id').where('slug', '=', 'weekly-webinar-from-geneva').executeTakeFirstOrThrow();
    const problems: PageProblem[] = [];
    const faults: string[] = [];
    await withContext(
      375,
      async (context) => {
        const page = await context.newPage();
        await withScreenshot(page, 'admin-at-375', async () => {
          // Someone following by email, so that the subscribers' table has a row.
          await page.goto('/en/subscribe');
          await page.getByLabel('Email address').fill('reader@example.org');
          await page.getByRole('checkbox', { name: 'All events' }).check();
          await page.getByRole('button', { name: 'Subscribe' }).click();
          await page.waitForLoadState('load');
          await signIn(page, email, TEST_PASSWORD);
          await page.goto('/admin/users/invitations');
          await page.getByLabel('Name').fill('Minh Nguyen');
          await page.getByLabel('Email address').fill('minh.nguyen@example.org');
          await page.getByRole('button', { name: 'Send the invitation' }).click();
          await page.waitForURL((url) => url.searchParams.get('done') === 'sent');
          await page.goto('/admin/media/new');
          await page.getByLabel('File', { exact: true }).setInputFiles({ name: 'field.jpg', mimeType: 'image/jpeg', buffer: await jpegWithGps(640, 480) });
          await page.getByLabel('Description of the image (English)').fill('Workers in a rice field');
          await page.getByRole('button', { name: 'Upload' }).click();
          await page.waitForLoadState('load');
          const mediaItem = new URL(page.url()).pathname;
          await page.goto('/admin/events');
          const eventEdit = await page.locator('main table a').first().getAttribute('href');
          await page.goto('/admin/articles');
          const articleEdit = await page.locator('main table a').first().getAttribute('href');
          assert.ok(eventEdit && articleEdit);
          await page.goto('/admin/users');
          const userEdit = await page.getByRole('link', { name: /^Manage / }).first().getAttribute('href');
          assert.ok(userEdit);

          const pages: [string, string][] = [
            ['dashboard', '/admin'],
            ['events', '/admin/events'],
            ['new event', '/admin/events/new'],
            ['event', eventEdit],
            ['event history', `${eventEdit}/history`],
            ['event delete', `${eventEdit}/delete`],
            ['event postpone', `${eventEdit}/postpone`],
            ['event cancel', `${eventEdit}/cancel`],
            ['recurring event', `/admin/events/${weekly.id}`],
            ['sessions', `/admin/events/${weekly.id}/sessions`],
            ['a session and the following', `/admin/events/${weekly.id}/sessions/2027-03-30/following`],
            ['revisions compared', `/admin/events/${weekly.id}/history?from=1&to=2`],
            ['series list', '/admin/series'],
            ['new series', '/admin/series/new'],
            ['series', `/admin/series/${seriesId}`],
            ['articles', '/admin/articles'],
            ['articles searched', '/admin/articles?q=a&status=draft&vi=without'],
            ['new article', '/admin/articles/new'],
            ['article', articleEdit],
            ['article history', `${articleEdit}/history`],
            ['media library', '/admin/media'],
            ['media item', mediaItem],
            ['upload', '/admin/media/new'],
            ['users', '/admin/users'],
            ['new user', '/admin/users/new'],
            ['invitations', '/admin/users/invitations'],
            ['subscribers', '/admin/subscribers'],
            ['user', userEdit],
            ['settings', '/admin/settings'],
            ['audit log', '/admin/audit'],
            ['account', '/admin/account'],
          ];
          for (const [name, path] of pages) {
            const response = await page.goto(path);
            assert.equal(response?.status(), 200, `${name}: HTTP status`);
            const overflow = await sidewaysScroll(page);
            if (overflow > 0) faults.push(`${name} (${path}) scrolls ${overflow}px sideways`);
            for (const cell of await unlabelledCells(page)) faults.push(`${name}: a value without a label, ${cell}`);
            problems.push(...(await axeViolations(page, `admin ${name} at 375px`)));
          }
          // The confirmation of a change to many items, reached from the list's form.
          await page.goto('/admin/events');
          await page.locator('main table input[name="ids"]').first().check();
          await page.getByLabel('Action', { exact: true }).selectOption('publish');
          await page.getByRole('button', { name: 'Review the change' }).click();
          await page.waitForLoadState('load');
          assert.equal(await page.locator('.bulk-items li').count(), 1, 'bulk confirmation: the item chosen is named');
          const overflow = await sidewaysScroll(page);
          if (overflow > 0) faults.push(`bulk confirmation scrolls ${overflow}px sideways`);
          problems.push(...(await axeViolations(page, 'admin bulk confirmation at 375px')));
        });
      },
      { axe: true },
    );
    assert.deepEqual(faults, []);
    assert.equal(problems.length, 0, `accessibility violations:\n${describeProblems(problems)}`);
  });

  test('the public header keeps the language switcher beside the site name, and nothing scrolls sideways, from 320 to 1920 pixels in both languages', async () => {
    const faults: string[] = [];
    for (const width of [320, 375, 768, 1280, 1920]) {
      await withContext(width, async (context) => {
        const page = await context.newPage();
        for (const lang of ['en', 'vi']) {
          for (const path of [`/${lang}`, `/${lang}/events`, `/${lang}/articles`, `/${lang}/search?q=ILO`, `/${lang}/topics/child-labour`, `/${lang}/events/enhance-project-to-develop-child-labour-free-certification-scheme`]) {
            await page.goto(path);
            const overflow = await sidewaysScroll(page);
            if (overflow > 0) faults.push(`${path} at ${width}px scrolls ${overflow}px sideways`);
            const box = async (selector: string) => {
              const b = await page.locator(selector).boundingBox();
              assert.ok(b, `${selector} on ${path}`);
              return b;
            };
            const [name, nav, switcher] = [await box('.site-name'), await box('.site-nav'), await box('.language-switcher')];
            // Beside the name wherever there is room for both on one line; on the narrowest phones, after the sections.
            if (width >= 480 && !(switcher.y < nav.y && switcher.y < name.y + name.height)) {
              faults.push(`${path} at ${width}px: the language switcher is not on the site name's row`);
            }
            const navRows = await page.locator('.site-nav li').evaluateAll((items) => new Set(items.map((li) => Math.round(li.getBoundingClientRect().top))).size);
            if (width >= 768 && navRows > 1) faults.push(`${path} at ${width}px: the sections wrap onto ${navRows} rows`);
          }
        }
      });
    }
    assert.deepEqual(faults, []);
  });

  test('on a phone the listing filters are folded behind their summary (without JavaScript too), so the first event is on the first screen', async () => {
    for (const javaScriptEnabled of [true, false]) {
      const context = await site.browser.newContext({ baseURL: site.app.baseUrl, viewport: { width: 375, height: 740 }, javaScriptEnabled });
      try {
        const page = await context.newPage();
        await withScreenshot(page, `filters-folded-js-${javaScriptEnabled}`, async () => {
          for (const lang of ['en', 'vi']) {
            await page.goto(`/${lang}/events`);
            const year = page.locator('#filter-year');
            assert.equal(await year.isVisible(), false, `${lang}: the filters show before they are asked for`);
            const first = await page.locator('a.item-title').first().boundingBox();
            // At least its first line (27 px) in view; before the filters were folded it began about 1,200 px down.
            assert.ok(first && first.y + 27 <= 740, `${lang}: the first event starts at ${first?.y}px, below the first screen`);
            await page.locator('.filter-disclosure > summary').click();
            assert.equal(await year.isVisible(), true, `${lang}: the summary does not open the filters`);
            await year.selectOption('2020');
            await page.getByRole('button', { name: lang === 'en' ? 'Apply filters' : 'Áp dụng bộ lọc' }).click();
            await page.waitForURL((url) => url.searchParams.get('year') === '2020');
            assert.match((await page.locator('.filter-disclosure > summary').textContent()) ?? '', lang === 'en' ? /\(1 chosen\)/ : /\(đã chọn 1\)/);
          }
        });
      } finally {
        await context.close();
      }
    }
  });

  test('on a wide screen the filters stand open beside the list, and the list, its headings and their rules share one column', async () => {
    await withContext(1280, async (context) => {
      const page = await context.newPage();
      await withScreenshot(page, 'listing-at-1280', async () => {
        for (const path of ['/en/events', '/vi/events', '/en/articles']) {
          await page.goto(path);
          assert.equal(await page.locator('.filter-disclosure > summary').isVisible(), false, `${path}: summary shown`);
          assert.equal(await page.locator('#filter-year').isVisible(), true, `${path}: filters hidden`);
          const filters = await page.locator('.listing-filters').boundingBox();
          const list = await page.locator('.event-list, .article-list').first().boundingBox();
          const heading = await page.locator('.events-section > h2, .year-heading').first().boundingBox();
          assert.ok(filters && list && heading);
          assert.ok(filters.x >= list.x + list.width, `${path}: the filters are not beside the list`);
          assert.ok(heading.x + heading.width <= filters.x, `${path}: the heading's rule runs under the filters (ends at ${heading.x + heading.width}px, filters at ${filters.x}px)`);
        }
      });
    });
  });
});
