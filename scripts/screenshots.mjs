#!/usr/bin/env node
// Screenshots of every admin and public page type at phone and desktop widths,
// with Debian's Chromium, for looking at the design and comparing it before
// and after a change (docs/design.md shows them).
//
// Usage: node scripts/screenshots.mjs [--pages-only] [out-dir] [width ...]
//   --pages-only  the pages without the component crops (for an older build,
//                 whose pages lack some components)
//   out-dir       where the images go (default docs/screenshots/after)
//   width         viewport widths in CSS pixels (default 375 1280)
//
// It starts the app as the browser journeys do: on 127.0.0.1 on a free port,
// with a temporary SQLite database holding the sample content, three
// upcoming events and a series with a weekly event, signs in as an
// administrator and goes through the pages. A page the build does not have
// (it answers 404) is left out, saying so. JPEGs at quality 65, cut at four
// screens' height, keep the files small enough to commit.
import { mkdirSync, rmSync } from 'node:fs';
import { URL } from 'node:url';
import { chromium } from 'playwright-core';
import { tsImport } from 'tsx/esm/api';

/** The tallest part of a page kept, in CSS pixels: four desktop screens. */
const MAX_HEIGHT = 3600;

const args = process.argv.slice(2);
const pagesOnly = args[0] === '--pages-only';
const [out = 'docs/screenshots/after', ...widthArgs] = pagesOnly ? args.slice(1) : args;
const widths = widthArgs.length ? widthArgs.map(Number) : [375, 1280];
if (widths.some((w) => !Number.isInteger(w) || w < 200)) {
  console.error('Widths are whole numbers of CSS pixels, 200 or more.');
  process.exit(1);
}

const { startApp } = await tsImport('../e2e/helpers/app-server.ts', import.meta.url);
const { createTestUser, TEST_PASSWORD } = await tsImport('../test/helpers/admin-session.ts', import.meta.url);
const { jpegWithGps } = await tsImport('../test/helpers/images.ts', import.meta.url);
/** The webinar series of the tests, in a build that has series. */
const seriesFixture = await tsImport('../test/fixtures/series-content.ts', import.meta.url).catch(() => null);

const app = await startApp();
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-background-networking', '--disable-gpu', '--disable-component-update', '--disable-sync'],
});

/** The href of the first link matching `selector` on the page at `path`. */
async function firstHref(page, path, selector) {
  await page.goto(path);
  const href = await page.locator(selector).first().getAttribute('href');
  if (!href) throw new Error(`no link "${selector}" on ${path}`);
  return new URL(href, app.baseUrl).pathname;
}

try {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  // Its own address: the series' accounts are numbered by another copy of the helper.
  const email = 'hoa.nguyen@example.org';
  await createTestUser(app.db, { role: 'admin', name: 'Hoa Nguyen', email });
  const context = await browser.newContext({ baseURL: app.baseUrl, locale: 'en-GB', viewport: { width: 1280, height: 900 } });
  let page = await context.newPage();

  // Sign in, and put one image in the media library so its pages are not empty.
  await page.goto('/admin/login');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(TEST_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.pathname === '/admin');
  await page.goto('/admin/media/new');
  await page.getByLabel('File', { exact: true }).setInputFiles({ name: 'harvest.jpg', mimeType: 'image/jpeg', buffer: await jpegWithGps(640, 480) });
  await page.getByLabel('Description of the image (English)').fill('Coffee cherries drying in the sun');
  await page.getByRole('button', { name: 'Upload' }).click();
  await page.waitForLoadState('load');
  const mediaItem = new URL(page.url()).pathname;

  const eventEdit = await firstHref(page, '/admin/events', 'main table a');
  const articleEdit = await firstHref(page, '/admin/articles', 'main table a');
  const publicEvent = await firstHref(page, '/en/events', 'a.item-title');
  const publicArticle = await firstHref(page, '/en/articles', 'a.item-title');

  // The series after the pages above are chosen: they show the sample content's first items.
  let seriesId = null;
  let weeklyEdit = null;
  if (seriesFixture) {
    seriesId = await seriesFixture.createWebinarSeries(app.db, app.now());
    const weekly = await app.db.selectFrom('events').select('id').where('slug', '=', 'weekly-webinar-from-geneva').executeTakeFirstOrThrow();
    weeklyEdit = `/admin/events/${weekly.id}`;
  }

  /** The edit page of the article written for the publish-both question, once written. */
  let bothEdit = null;
  const pages = [
    ['admin-dashboard', '/admin'],
    ['admin-events', '/admin/events'],
    ['admin-event-new', '/admin/events/new'],
    ['admin-event-edit', eventEdit],
    ['admin-event-history', `${eventEdit}/history`],
    ['admin-event-cancel', `${eventEdit}/cancel`],
    ['admin-event-postpone', `${eventEdit}/postpone`],
    // The confirmation of a change to many items, reached from the list's form.
    [
      'admin-events-bulk',
      async () => {
        await page.goto('/admin/events');
        const choose = page.locator('main table input[name="ids"]');
        if ((await choose.count()) === 0) return null;
        await choose.first().check();
        await page.locator('select[name="action"]').selectOption('publish');
        const [response] = await Promise.all([page.waitForNavigation(), page.locator('.bulk-bar button[type="submit"]').click()]);
        return response;
      },
    ],
    ['admin-articles', '/admin/articles'],
    ['admin-article-new', '/admin/articles/new'],
    ['admin-article-edit', articleEdit],
    ['admin-article-history', `${articleEdit}/history`],
    ['admin-media', '/admin/media'],
    ['admin-media-item', mediaItem],
    ['admin-media-upload', '/admin/media/new'],
    ['admin-users', '/admin/users'],
    ['admin-user-new', '/admin/users/new'],
    ['admin-invitations', '/admin/users/invitations'],
    ['admin-subscribers', '/admin/subscribers'],
    ['admin-settings', '/admin/settings'],
    ['admin-audit', '/admin/audit'],
    ['admin-account', '/admin/account'],
    // Publishing an article whose Vietnamese text is a draft: the question whether to publish it too.
    [
      'admin-publish-both',
      async () => {
        if (!bothEdit) {
          await page.goto('/admin/articles/new');
          await page.locator('input[name="en_title"]').fill('Apprentices learn their rights on the first day');
          await page.locator('input[name="vi_title"]').fill('Người học nghề được biết quyền của mình ngay ngày đầu');
          await Promise.all([page.waitForNavigation(), page.locator('button[type="submit"]').filter({ hasText: /^Save$/ }).first().click()]);
          bothEdit = new URL(page.url()).pathname;
        } else await page.goto(bothEdit);
        const publish = page.locator('button[form="step-publish"]');
        if ((await publish.count()) === 0) return null;
        const [response] = await Promise.all([page.waitForNavigation(), publish.click()]);
        // A build that does not ask publishes and goes back to the edit page.
        return new URL(page.url()).pathname.endsWith('/publish') ? response : null;
      },
    ],
  ];
  if (seriesId !== null) {
    pages.push(
      ['admin-series', '/admin/series'],
      ['admin-series-new', '/admin/series/new'],
      ['admin-series-edit', `/admin/series/${seriesId}`],
      ['admin-event-sessions', `${weeklyEdit}/sessions`],
      ['admin-event-split', `${weeklyEdit}/sessions/2027-03-30/following`],
      ['admin-event-compare', `${weeklyEdit}/history?from=1&to=2`],
    );
  }
  for (const lang of ['en', 'vi']) {
    pages.push(
      [`${lang}-home`, `/${lang}`],
      [`${lang}-events`, `/${lang}/events`],
      [`${lang}-event`, publicEvent.replace('/en/', `/${lang}/`)],
      [`${lang}-articles`, `/${lang}/articles`],
      [`${lang}-article`, publicArticle.replace('/en/', `/${lang}/`)],
      [`${lang}-topic`, `/${lang}/topics/child-labour`],
      [`${lang}-search`, `/${lang}/search?q=ILO`],
      [`${lang}-subscribe`, `/${lang}/subscribe`],
      [`${lang}-api`, `/${lang}/api`],
    );
    if (seriesId !== null) pages.push([`${lang}-series`, lang === 'en' ? '/en/series/actrav-webinar-series-2-0' : '/vi/series/actrav-webinar-series-2-0-vi']);
  }

  for (const width of widths) {
    await page.setViewportSize({ width, height: 900 });
    for (const [name, path] of pages) {
      const response = typeof path === 'string' ? await page.goto(path) : await path();
      if (!response || response.status() === 404) {
        console.log(`${name}: not in this build`);
        continue;
      }
      if (response.status() !== 200) throw new Error(`${name} answered ${response.status()}`);
      const file = `${out}/${name}-${width}.jpg`;
      // Long listings are cut at MAX_HEIGHT: past that they only repeat. The
      // whole width is kept, so a page that scrolls sideways shows it.
      const size = await page.evaluate('({ width: document.documentElement.scrollWidth, height: document.documentElement.scrollHeight })');
      const clip = { x: 0, y: 0, width: size.width, height: Math.min(size.height, MAX_HEIGHT) };
      // A window as tall as the part kept, so that a bar kept in view at the
      // bottom of the window (the edit page's) is drawn at the bottom of the
      // picture, not where the first screen ended.
      await page.setViewportSize({ width, height: clip.height });
      await page.screenshot({ path: file, fullPage: true, clip, type: 'jpeg', quality: 65 });
      await page.setViewportSize({ width, height: 900 });
      console.log(file);
    }
  }

  if (!pagesOnly) await takeComponents(page, context, eventEdit, publicEvent);
} finally {
  await browser.close();
  await app.close();
}

/** Each component of docs/design.md on its own, after cancelling one upcoming event. */
async function takeComponents(page, context, eventEdit, publicEvent) {
  // One upcoming event cancelled, so that the components show a status badge.
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(eventEdit);
  await page.getByRole('link', { name: 'Mark as cancelled' }).click();
  await page.getByLabel('Reason shown to visitors, in English').fill('Cancelled because of the typhoon warning; the meeting will be held online in January.');
  await page.getByLabel('Reason shown to visitors, in Vietnamese').fill('Hủy do cảnh báo bão; cuộc họp sẽ được tổ chức trực tuyến vào tháng 1.');
  await page.getByRole('button', { name: 'Mark as cancelled' }).click();
  await page.waitForLoadState('load');
  const cancelledEvent = await firstHref(page, eventEdit, '.item-links a[href^="/en/events/"]');

  // Each component of docs/design.md on its own, cropped from a page that shows it,
  // in a new context still signed in: the browser's cache holds public pages as they were.
  const signedIn = await context.storageState();
  await context.close();
  const fresh = await browser.newContext({ baseURL: app.baseUrl, locale: 'en-GB', storageState: signedIn });
  page = await fresh.newPage();
  const components = [
    ['header-en', 1280, '/en/events', '.site-header'],
    ['header-vi', 1280, '/vi/events', '.site-header'],
    ['header-vi-phone', 375, '/vi/events', '.site-header'],
    ['filters-side', 1280, '/en/events?year=2020', '.listing-filters'],
    ['filters-folded', 375, '/en/events?year=2020', '.listing-filters'],
    ['listing-heading', 1280, '/en/events', '.events-section'],
    ['teaser-list', 1280, '/en', '.home-events'],
    ['facts', 1280, publicEvent, '.facts'],
    ['buttons', 1280, publicEvent, '.actions'],
    ['pager', 1280, '/en/events', '.pager'],
    ['search-result', 1280, '/en/search?q=ILO', '.search-result'],
    ['admin-header', 1280, '/admin/events', '.admin-header'],
    ['admin-nav', 1280, '/admin/events', '.admin-nav'],
    ['admin-table', 1280, '/admin/events', '.table-wrap'],
    ['admin-table-cards', 375, '/admin/events', '.data-table tbody'],
    ['action-bar', 1280, eventEdit, '.action-bar'],
    ['language-view', 1280, eventEdit, '.language-view'],
    ['language-fieldsets', 1280, eventEdit, '.language-columns'],
    ['confirm-reasons', 1280, `${eventEdit}/postpone`, '.confirm-form'],
    ['status-notice', 1280, cancelledEvent, '.status-notice'],
    ['date-pairs', 1280, eventEdit, '.form-section .field-row'],
    ['workflow-panel', 1280, eventEdit, '.workflow-panel'],
    ['dashboard-panel', 1280, '/admin', '.panel'],
    ['media-card', 1280, '/admin/media', '.media-card'],
  ];
  const componentDir = `${out}/components`;
  mkdirSync(componentDir, { recursive: true });
  for (const [name, width, path, selector] of components) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(path);
    const element = page.locator(selector).first();
    // A listing's full heading section is long: its first screen is enough.
    const box = await element.boundingBox();
    if (!box) throw new Error(`${selector} is not shown on ${path}`);
    const file = `${componentDir}/${name}.png`;
    if (box.height > 700) await page.screenshot({ path: file, fullPage: true, clip: { x: box.x, y: box.y, width: box.width, height: 700 } });
    else await element.screenshot({ path: file });
    console.log(file);
  }
  // A form sent with mistakes: the summary of errors and a field with its message.
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/admin/events/new');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.waitForLoadState('load');
  await page.locator('.error-summary').screenshot({ path: `${componentDir}/error-summary.png` });
  await page.locator('.field--error').first().screenshot({ path: `${componentDir}/field-error.png` });
  console.log(`${componentDir}/error-summary.png`, `${componentDir}/field-error.png`);
  await fresh.close();
}
