/**
 * Every page type, public (in English and Vietnamese) and admin, checked in
 * the browser with axe-core against WCAG 2.2 A and AA, and then all of them at
 * once with the Nu Html Checker. Pages are reached as people reach them, so
 * form errors and notices are checked as well as plain pages.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page, Response } from 'playwright-core';
import { prepareFirstSetup } from '../src/modules/auth/index.js';
import { translator } from '../src/modules/i18n/index.js';
import { createWebinarSeries } from '../test/fixtures/series-content.js';
import { jpegWithGps, pdfDocument } from '../test/helpers/images.js';
import { TEST_PASSWORD, UPCOMING_EVENTS } from './helpers/app-server.js';
import { newContext } from './helpers/browser.js';
import { axeViolations, describeProblems, htmlErrors, loadAxeInEveryPage, type PageProblem } from './helpers/checks.js';
import { signIn, useSite, type Site } from './helpers/journey.js';
import { linkIn } from './helpers/mail.js';

/** The HTML of every page checked, as the server sent it, for the HTML check. */
const documents: { name: string; html: string }[] = [];

/**
 * Does `navigate`, waits for the page it leads to (after any redirect), keeps
 * its HTML and, unless told not to, runs axe on it. Variants of a page type
 * already checked (a second page, a filter) skip axe: it takes seconds a page.
 */
async function checkPage(page: Page, name: string, navigate: () => Promise<unknown>, options: { status?: number; axe?: boolean } = {}): Promise<PageProblem[]> {
  const arrived = page.waitForResponse(
    (r: Response) => r.request().isNavigationRequest() && r.frame() === page.mainFrame() && (r.status() < 300 || r.status() >= 400),
  );
  await navigate();
  const response = await arrived;
  await page.waitForLoadState('load');
  assert.equal(response.status(), options.status ?? 200, `${name}: HTTP status`);
  documents.push({ name, html: await response.text() });
  return options.axe === false ? [] : axeViolations(page, name);
}

const goto = (page: Page, path: string) => () => page.goto(path);

/** The href of the first listed item on a listing page. */
async function firstItem(page: Page): Promise<string> {
  const href = await page.locator('a.item-title').first().getAttribute('href');
  assert.ok(href);
  return href;
}

/** The published webinar series of the series tests, made once for the file: its id and its weekly event's. */
let webinarSeries: Promise<{ seriesId: number; weeklyId: number }> | undefined;
function seriesOf(site: Site): Promise<{ seriesId: number; weeklyId: number }> {
  webinarSeries ??= (async () => {
    const seriesId = await createWebinarSeries(site.app.db, site.app.now());
    const weekly = await site.app.db.selectFrom('events').select('id').where('slug', '=', 'weekly-webinar-from-geneva').executeTakeFirstOrThrow();
    return { seriesId, weeklyId: weekly.id };
  })();
  return webinarSeries;
}

describe('every page type', () => {
  const site = useSite();

  test('public pages have no accessibility violations, in English and Vietnamese', async () => {
    const problems: PageProblem[] = [];
    await site.visit(
      'axe-public',
      async (page) => {
        await loadAxeInEveryPage(page.context());
        for (const lang of ['en', 'vi'] as const) {
          const check = async (name: string, path: string, options?: { status?: number; axe?: boolean }) =>
            problems.push(...(await checkPage(page, `${lang} ${name}`, goto(page, path), options)));
          await check('home', `/${lang}`);
          await check('events', `/${lang}/events`);
          const event = await firstItem(page);
          await check('events page 2', `/${lang}/events?page=2`, { axe: false });
          await check('event', event);
          await check('articles', `/${lang}/articles`);
          await check('article', await firstItem(page));
          await check('search form', `/${lang}/search`);
          await check('search results', `/${lang}/search?q=ILO`);
          await check('search results page 2', `/${lang}/search?q=ILO&page=2`, { axe: false });
          await check('search without results', `/${lang}/search?q=zzyzx`);
          await check('search with filters', `/${lang}/search?q=&kind=event&year=2020`, { axe: false });
          await check('events, filtered', `/${lang}/events?year=2020&topic=child-labour`);
          await check('articles, filtered', `/${lang}/articles?programme=vision-zero-fund`);
          await check('events, a filter that makes no sense', `/${lang}/events?year=twenty`, { status: 400 });
          await check('topics and programmes', `/${lang}/topics`);
          await check('topic', `/${lang}/topics/child-labour`);
          await check('programme', `/${lang}/programmes/enhance`);
          await check('read API', `/${lang}/api`);
          await check('not found', `/${lang}/no-such-page`, { status: 404 });
        }
        problems.push(...(await checkPage(page, 'not found outside a language', goto(page, '/no-such-page'), { status: 404 })));
      },
      { bypassCSP: true },
    );
    assert.equal(problems.length, 0, `accessibility violations:\n${describeProblems(problems)}`);
  });

  test('admin pages have no accessibility violations', async () => {
    // Before any account exists: the first administrator's setup page.
    const setupToken = await prepareFirstSetup(site.app.db, site.app.now());
    assert.ok(setupToken, 'the database has no account yet');
    const problems: PageProblem[] = [];
    await site.visit(
      'axe-admin',
      async (page) => {
        await loadAxeInEveryPage(page.context());
        const check = async (name: string, navigate: () => Promise<unknown>, options?: { status?: number; axe?: boolean }) =>
          problems.push(...(await checkPage(page, `admin ${name}`, navigate, options)));
        await check('first setup', goto(page, `/admin/setup?token=${setupToken}`));
        await check('first setup with errors', () => page.getByRole('button').last().click(), { status: 422 });
        const email = await site.app.createUser('admin', 'Hoa Admin');
        await check('sign-in', goto(page, '/admin/login'));
        await page.getByLabel('Email address').fill(email);
        await page.getByLabel('Password').fill('not the password');
        await check('sign-in rejected', () => page.getByRole('button', { name: 'Sign in' }).click(), { status: 401 });
        await signIn(page, email, TEST_PASSWORD);
        await check('dashboard', goto(page, '/admin'));

        await check('events', goto(page, '/admin/events'));
        await check('events in review', goto(page, '/admin/events?status=in_review'), { axe: false });
        await check('new event', goto(page, '/admin/events/new'));
        const english = page.getByRole('group', { name: 'English' });
        await english.getByLabel('Title').fill('Meeting on labour inspection');
        await page.getByLabel('Start date').fill('2026-12-20');
        await page.getByLabel('End date').fill('2026-12-19');
        await check('event form with errors', () => page.getByRole('button', { name: 'Save', exact: true }).click(), { status: 422 });
        await page.getByLabel('End date').fill('2026-12-21');
        await check('event saved', () => page.getByRole('button', { name: 'Save', exact: true }).click());
        const eventPath = new URL(page.url()).pathname;
        await english.getByLabel('Summary').fill('Inspectors from every province meet to plan next year.');
        await check('event saved again', () => page.getByRole('button', { name: 'Save', exact: true }).click(), { axe: false });
        await check('event history with differences', goto(page, `${eventPath}/history`));
        await check('event preview', goto(page, `${eventPath}/preview`));
        await check('event delete', goto(page, `${eventPath}/delete`));
        await check('event attachments', goto(page, eventPath.replace('/admin/events/', '/admin/media/events/') + '/attachments'));

        await check('articles', goto(page, '/admin/articles'));
        await check('new article', goto(page, '/admin/articles/new'));
        await check('article form with errors', () => page.getByRole('button', { name: 'Save', exact: true }).click(), { status: 422 });
        await page.goto('/admin/articles');
        await check('article', () => page.locator('main table a').first().click());

        await check('upload', goto(page, '/admin/media/new'));
        await check('upload with errors', () => page.getByRole('button', { name: 'Upload' }).click(), { status: 422 });
        await page.getByLabel('File', { exact: true }).setInputFiles({ name: 'harvest.jpg', mimeType: 'image/jpeg', buffer: await jpegWithGps(640, 480) });
        await page.getByLabel('Description of the image (English)').fill('Coffee cherries drying in the sun');
        await page.getByLabel('Photo credit (optional)').fill('© ILO/Nguyen Hai Dat 2024');
        await check('media item', () => page.getByRole('button', { name: 'Upload' }).click());
        await check('media library', goto(page, '/admin/media'));

        // Richer public pages than the sample content gives: an article with a
        // hero image, its credit, a byline and Markdown; a cancelled event with a document.
        await page.goBack();
        const imageUrl = await page.getByRole('link', { name: 'Open the file' }).getAttribute('href');
        assert.ok(imageUrl);
        await page.goto('/admin/articles/new');
        const article = page.getByRole('group', { name: 'English' });
        await article.getByLabel('Title').fill('Coffee farmers adapt to a changing climate');
        await article.getByLabel('Summary').fill('Cooperatives in the Central Highlands share what works.');
        await article.getByLabel('Body text').fill(
          '## Better prices\n\nMembers sell together and [keep records](/en/articles).\n\n- Shared drying yards\n- Training on safety\n\n> Working together, we are stronger.\n\n![Coffee cherries drying](' + imageUrl + ')',
        );
        await article.getByLabel('Hero image description (alt text)').fill('Coffee cherries drying in the sun');
        await page.getByRole('radio', { name: 'Coffee cherries drying in the sun' }).check();
        await page.getByLabel('Photo credit: rights holder').fill('ILO');
        await page.getByLabel('Photo credit: photographer').fill('Nguyen Hai Dat');
        await page.getByLabel('Photo credit: year').fill('2024');
        await page.getByLabel('Byline kind').selectOption('by');
        await page.getByLabel('Author', { exact: true }).fill('Mai Pham');
        await page.getByLabel('Date shown on the article').fill('2026-11-20');
        await check('article saved', () => page.getByRole('button', { name: 'Save', exact: true }).click(), { axe: false });
        await check('article published', () => page.getByRole('button', { name: 'Publish now' }).click(), { axe: false });
        await page.goto('/en/articles');
        const articleHref = await firstItem(page);
        await check('public article with image and byline', goto(page, articleHref));
        await check('public article in Vietnamese, untranslated', goto(page, articleHref.replace('/en/', '/vi/')));

        await page.goto(eventPath);
        await check('event published', () => page.getByRole('button', { name: 'Publish now' }).click(), { axe: false });
        await page.goto(eventPath.replace('/admin/events/', '/admin/media/events/') + '/attachments');
        await page.getByLabel('PDF file').setInputFiles({ name: 'agenda.pdf', mimeType: 'application/pdf', buffer: pdfDocument() });
        await page.getByLabel('Label (English)').fill('Agenda');
        await check('event attachments with a document', () => page.getByRole('button', { name: 'Upload and attach' }).click());
        await page.goto(eventPath);
        await check('confirming a cancellation', () => page.getByRole('link', { name: 'Mark as cancelled' }).click());
        await page.getByLabel('Reason shown to visitors, in English').fill('Cancelled because of the typhoon warning.');
        await check('event cancelled', () => page.getByRole('button', { name: 'Mark as cancelled' }).click(), { axe: false });
        await page.goto('/en/events');
        const eventHref = await page.getByRole('link', { name: 'Meeting on labour inspection' }).getAttribute('href');
        assert.ok(eventHref);
        await check('public cancelled event with a document', goto(page, eventHref));

        await check('users', goto(page, '/admin/users'));
        await check('new user', goto(page, '/admin/users/new'));
        await page.goto('/admin/users');
        await check('user', () => page.getByRole('link', { name: /^Manage / }).first().click());
        await check('account', goto(page, '/admin/account'));
        await check('audit log', goto(page, '/admin/audit'));
        await check('settings', goto(page, '/admin/settings'));
        await check('not found', goto(page, '/admin/no-such-page'), { status: 404 });
      },
      { bypassCSP: true },
    );
    const contributor = await site.app.createUser('contributor');
    await site.visit(
      'axe-admin-forbidden',
      async (page) => {
        await loadAxeInEveryPage(page.context());
        await signIn(page, contributor, TEST_PASSWORD);
        problems.push(...(await checkPage(page, 'admin forbidden', goto(page, '/admin/users'), { status: 403 })));
      },
      { bypassCSP: true },
    );
    assert.equal(problems.length, 0, `accessibility violations:\n${describeProblems(problems)}`);
  });

  test('the pages of email (following by email, password reset, invitations, subscribers, one\'s own address) have no accessibility violations, in English and Vietnamese', async () => {
    const problems: PageProblem[] = [];
    const { baseUrl } = site.app;
    for (const lang of ['en', 'vi'] as const) {
      const t = translator(lang);
      const follower = `follower-${lang}@example.org`;
      const admin = await site.app.createUser('admin', `Admin ${lang}`, lang);
      const invitee = `invitee-${lang}@example.org`;
      await site.visit(
        `axe-email-${lang}`,
        async (page) => {
          await loadAxeInEveryPage(page.context());
          const check = async (name: string, navigate: () => Promise<unknown>, options?: { status?: number; axe?: boolean }) =>
            problems.push(...(await checkPage(page, `${lang} ${name}`, navigate, options)));
          const submit = (label: string) => () => page.getByRole('button', { name: label, exact: true }).click();

          // A visitor follows by email, confirms, changes and stops it.
          await check('subscribe', goto(page, `/${lang}/subscribe`));
          await check('subscribe with errors', submit(t('subs.form.submit')), { status: 422 });
          await page.getByLabel(t('subs.form.email')).fill(follower);
          await page.getByRole('checkbox', { name: t('subs.form.allEvents') }).check();
          await check('subscription asked', submit(t('subs.form.submit')));
          const confirmation = await site.app.nextMailTo(follower);
          const confirmLink = linkIn(confirmation, `${baseUrl}/${lang}/subscription/confirm?token=`);
          await check('subscription confirmed', goto(page, confirmLink));
          await check('confirmation link used', goto(page, confirmLink), { status: 410 });
          await check('subscription link unknown', goto(page, `/${lang}/subscription?token=no-such-link`), { status: 404 });
          await check('subscription', goto(page, linkIn(confirmation, `${baseUrl}/${lang}/subscription?token=`)));
          await page.getByRole('checkbox', { name: t('subs.form.allEvents') }).uncheck();
          await check('subscription with errors', submit(t('subs.manage.save')), { status: 422 });
          await page.getByRole('checkbox', { name: t('subs.form.allArticles') }).check();
          await check('subscription saved', submit(t('subs.manage.save')));
          await check('unsubscribe', goto(page, linkIn(confirmation, `${baseUrl}/${lang}/subscription/unsubscribe?token=`)));
          await check('unsubscribed', submit(t('subs.manage.stop')));
          // Someone waiting for confirmation, so that the subscribers' page has a list to count.
          await page.goto(`/${lang}/topics/child-labour`);
          await page.locator('form.subscribe-by-email').getByLabel(t('subs.form.email')).fill(`waiting-${lang}@example.org`);
          await page.locator('form.subscribe-by-email').getByRole('button', { name: t('subs.form.submit') }).click();

          // An administrator working in this language invites someone, and finds the subscribers.
          await signIn(page, admin, TEST_PASSWORD);
          await check('admin invitations', goto(page, '/admin/users/invitations'));
          await check('admin invitation with errors', submit(t('admin.invite.submit')), { status: 422 });
          await page.getByLabel(t('admin.users.name')).fill(`Invitee ${lang}`);
          await page.getByLabel(t('admin.users.email')).fill(invitee);
          await page.getByLabel(t('admin.invite.lang')).selectOption(lang);
          await check('admin invitation sent', submit(t('admin.invite.submit')));
          await check('admin subscribers', goto(page, '/admin/subscribers'));
          await page.getByLabel(t('subs.admin.remove')).fill('nobody@example.org');
          await check('admin subscriber not found', submit(t('subs.admin.removeSubmit')), { status: 422 });
          // They would move their account to the address just invited, and forget their password.
          await check('admin account', goto(page, '/admin/account'));
          const emailForm = page.locator('form[action="/admin/account/email"]');
          await emailForm.getByLabel(t('admin.account.emailNew')).fill(invitee);
          await check('admin account email with errors', () => emailForm.getByRole('button', { name: t('admin.account.changeEmail'), exact: true }).click(), { status: 422 });
        },
        { bypassCSP: true },
      );

      await site.visit(
        `axe-email-links-${lang}`,
        async (page) => {
          await loadAxeInEveryPage(page.context());
          const check = async (name: string, navigate: () => Promise<unknown>, options?: { status?: number; axe?: boolean }) =>
            problems.push(...(await checkPage(page, `${lang} ${name}`, navigate, options)));
          const submit = (label: string) => () => page.getByRole('button', { name: label, exact: true }).click();

          // The invitee accepts (first with a password too short).
          const invitation = await site.app.nextMailTo(invitee);
          await check('invitation', goto(page, linkIn(invitation, `${baseUrl}/admin/invitation?token=`)));
          await page.getByLabel(t('admin.reset.password'), { exact: true }).fill('short');
          await page.getByLabel(t('admin.reset.confirm')).fill('short');
          await check('invitation with errors', submit(t('admin.accept.submit')), { status: 422 });
          await check('invitation unusable', goto(page, `/admin/invitation?token=no-such-link&lang=${lang}`), { status: 410 });

          // The administrator forgets their password (first typing no address).
          await check('forgot password', goto(page, `/admin/forgot?lang=${lang}`));
          await check('forgot password with errors', submit(t('admin.forgot.submit')), { status: 422 });
          await page.getByLabel(t('admin.forgot.email')).fill(admin);
          await check('forgot password sent', submit(t('admin.forgot.submit')));
          const reset = await site.app.nextMailTo(admin);
          await check('reset password', goto(page, linkIn(reset, `${baseUrl}/admin/reset?token=`)));
          await page.getByLabel(t('admin.reset.password'), { exact: true }).fill('a long enough new password');
          await page.getByLabel(t('admin.reset.confirm')).fill('not the same password');
          await check('reset password with errors', submit(t('admin.reset.submit')), { status: 422 });
          await check('reset link unusable', goto(page, `/admin/reset?token=no-such-link&lang=${lang}`), { status: 410 });
        },
        { bypassCSP: true },
      );
    }
    assert.equal(problems.length, 0, `accessibility violations:\n${describeProblems(problems)}`);
  });

  test('a series page, with sessions moved and cancelled, and its events\' pages have no accessibility violations, in English and Vietnamese', async () => {
    await seriesOf(site);
    const problems: PageProblem[] = [];
    await site.visit(
      'axe-series',
      async (page) => {
        await loadAxeInEveryPage(page.context());
        const check = async (name: string, path: string) => problems.push(...(await checkPage(page, name, goto(page, path))));
        await check('en series', '/en/series/actrav-webinar-series-2-0');
        await check('vi series', '/vi/series/actrav-webinar-series-2-0-vi');
        await check('en event of a series, recurring', '/en/events/weekly-webinar-from-geneva');
        await check('vi event of a series, recurring', '/vi/events/weekly-webinar-from-geneva');
        await check('en event of a series, single', '/en/events/closing-meeting-in-hanoi');
      },
      { bypassCSP: true },
    );
    assert.equal(problems.length, 0, `accessibility violations:\n${describeProblems(problems)}`);
  });

  test('the admin in both of its languages, and the series, sessions, confirmation, comparison, account, publish-both, kept-changes, subscription and API pages, at 375 and 1280 pixels: no sideways scrolling, no accessibility violations', async () => {
    const { seriesId, weeklyId } = await seriesOf(site);
    const upcoming = await site.app.db.selectFrom('events').select('id').where('slug', '=', 'regional-forum-on-decent-work-in-agriculture').executeTakeFirstOrThrow();
    assert.ok(UPCOMING_EVENTS[0].title.startsWith('Regional forum'));
    const problems: PageProblem[] = [];
    const wide: string[] = [];
    for (const lang of ['en', 'vi'] as const) {
      const t = translator(lang);
      const admin = await site.app.createUser('admin', `Checker ${lang}`, lang);
      for (const width of [375, 1280]) {
        const context = await newContext(site.browser, site.app.baseUrl, { bypassCSP: true });
        const page = await context.newPage();
        await page.setViewportSize({ width, height: width < 600 ? 740 : 900 });
        // Axe runs at both widths in Vietnamese and at 375 in English. An English page at 1280 has the
        // layout of the Vietnamese one checked at 1280 and the text of the English one checked at 375,
        // and most are checked at 1280 by this file's other tests too (24 s of processor time a run).
        const axe = lang === 'vi' || width === 375;
        if (axe) await loadAxeInEveryPage(context);
        const name = (what: string) => `${lang} ${what} at ${width}`;
        // Each page type's HTML is checked once a language (it does not change with the width).
        const check = async (what: string, navigate: () => Promise<unknown>, options: { status?: number } = {}) => {
          const before = documents.length;
          problems.push(...(await checkPage(page, name(what), navigate, { ...options, axe })));
          if (width !== 375) documents.splice(before);
          const over = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          if (over > 0) wide.push(`${name(what)} (${new URL(page.url()).pathname}): ${over} px too wide`);
        };
        try {
          // Public: the series page, following by email (asked, confirmed, changed, stopped) and the API's page.
          await check('public series', goto(page, lang === 'en' ? '/en/series/actrav-webinar-series-2-0' : '/vi/series/actrav-webinar-series-2-0-vi'));
          await check('public API page', goto(page, `/${lang}/api`));
          await check('subscribe', goto(page, `/${lang}/subscribe`));
          const follower = `reader-${lang}-${width}@example.org`;
          await page.getByLabel(t('subs.form.email')).fill(follower);
          await page.getByRole('checkbox', { name: t('subs.form.allEvents') }).check();
          await check('subscription asked', () => page.getByRole('button', { name: t('subs.form.submit'), exact: true }).click());
          const mail = await site.app.nextMailTo(follower);
          await check('subscription confirmed', goto(page, linkIn(mail, `${site.app.baseUrl}/${lang}/subscription/confirm?token=`)));
          await check('subscription', goto(page, linkIn(mail, `${site.app.baseUrl}/${lang}/subscription?token=`)));
          await check('unsubscribe', goto(page, linkIn(mail, `${site.app.baseUrl}/${lang}/subscription/unsubscribe?token=`)));

          await signIn(page, admin, TEST_PASSWORD);
          const event = `/admin/events/${upcoming.id}`;
          const weekly = `/admin/events/${weeklyId}`;
          await check('admin dashboard', goto(page, '/admin'));
          await check('admin events', goto(page, '/admin/events'));
          await check('admin event', goto(page, event));
          await check('admin new article', goto(page, '/admin/articles/new'));
          await check('admin series list', goto(page, '/admin/series'));
          await check('admin new series', goto(page, '/admin/series/new'));
          await check('admin new series with errors', () => page.locator('form[action="/admin/series/new"] button[type="submit"]').click(), { status: 422 });
          await check('admin series', goto(page, `/admin/series/${seriesId}`));
          await check('admin recurring event', goto(page, weekly));
          await check('admin sessions', goto(page, `${weekly}/sessions`));
          await check('admin history compared', goto(page, `${weekly}/history?from=1&to=2`));
          await check('admin postpone confirmation', goto(page, `${event}/postpone`));
          await check('admin cancel confirmation', goto(page, `${event}/cancel`));
          await check('admin unpublish confirmation', goto(page, `${event}/unpublish`));
          await page.goto('/admin/events');
          await page.locator('main table input[name="ids"]').first().check();
          await page.locator('select[name="action"]').selectOption('publish');
          await check('admin bulk confirmation', () => page.locator('.bulk-bar button[type="submit"]').click());
          await check('admin media library', goto(page, '/admin/media'));
          await check('admin users', goto(page, '/admin/users'));
          await check('admin settings', goto(page, '/admin/settings'));
          await check('admin audit log', goto(page, '/admin/audit'));
          await check('admin account', goto(page, '/admin/account'));
          const emailForm = page.locator('form[action="/admin/account/email"]');
          await emailForm.getByLabel(t('admin.account.emailNew')).fill('not an address');
          await check('admin account email with errors', () => emailForm.locator('button[type="submit"]').click(), { status: 422 });
          // Publishing an article whose Vietnamese text is a draft asks whether to publish it too.
          await page.goto('/admin/articles/new');
          await page.locator('input[name="en_title"]').fill(`Both languages, ${lang} at ${width}`);
          await page.locator('input[name="vi_title"]').fill(`Cả hai ngôn ngữ, ${lang} ở ${width}`);
          await page.locator('button[data-save]').click();
          await page.waitForURL(/\/admin\/articles\/\d+/);
          await check('admin publishing both languages asked', () => page.locator('button[form="step-publish"]').click());
          // Changes kept while typing: offered back on the edit page, then put back in the form.
          await page.goto(event);
          await page.locator('input[name="en_title"]').fill(`${UPCOMING_EVENTS[0].title}, changed by ${lang} at ${width}`);
          const kept = await page.evaluate(async () => {
            const form = document.querySelector('form[data-edit-form]') as HTMLFormElement;
            // A form's fields, as the edit script sends them (URLSearchParams reads a FormData).
            const body = new URLSearchParams(new FormData(form) as unknown as string[][]);
            return (await fetch(form.dataset.autosave ?? '', { method: 'POST', body, headers: { accept: 'application/json' } })).status;
          });
          assert.ok(kept >= 200 && kept < 300, `the changes were not kept: ${kept}`);
          await check('admin event with changes kept', goto(page, event));
          assert.ok(await page.locator('.autosave-notice').isVisible(), `${name('the kept changes')} are not offered`);
          await check('admin event with changes put back', goto(page, `${event}?autosave=restore`));
        } finally {
          await context.close();
        }
      }
    }
    assert.deepEqual(wide, []);
    assert.equal(problems.length, 0, `accessibility violations:\n${describeProblems(problems)}`);
  });

  test('public pages reflow at 320 pixels wide without scrolling sideways (WCAG 1.4.10)', async () => {
    const context = await site.browser.newContext({ baseURL: site.app.baseUrl, viewport: { width: 320, height: 640 }, isMobile: true, hasTouch: true });
    try {
      const page = await context.newPage();
      const wide: string[] = [];
      for (const path of ['/en', '/vi', '/en/events', '/vi/events', '/en/events/enhance-project-to-develop-child-labour-free-certification-scheme', '/en/articles', '/en/articles/a-bridge-over-troubled-water', '/en/search?q=ILO', '/vi/search?q=zzyzx', '/en/topics/child-labour', '/en/events?year=2020&topic=child-labour', '/en/api', '/vi/api', '/en/subscribe', '/vi/subscribe', '/admin/login', '/admin/forgot?lang=vi']) {
        await page.goto(path);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        if (overflow > 0) wide.push(`${path}: ${overflow}px too wide`);
      }
      assert.deepEqual(wide, []);
    } finally {
      await context.close();
    }
  });

  test('every page checked is valid HTML', { skip: process.env.E2E_SKIP_HTML_CHECK || false }, async () => {
    assert.ok(documents.length >= 40, `only ${documents.length} pages were collected`);
    const errors = await htmlErrors(documents);
    assert.equal(errors.length, 0, `HTML errors:\n${describeProblems(errors)}`);
  });
});
