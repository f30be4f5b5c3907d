/**
 * Writing an article in both languages at once: on a 1280-pixel screen the
 * editor shows English and Vietnamese side by side, writes the title, summary
 * and text of each with both columns in view, saves, puts the Vietnamese text
 * on the site and publishes; each language's page then shows its own text.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { TEST_PASSWORD } from './helpers/app-server.js';
import { signIn, useSite } from './helpers/journey.js';

const TEXTS = {
  en: {
    title: 'Young workers learn their rights on the first day',
    summary: 'A one-page guide is handed to every apprentice in Da Nang.',
    body: 'The guide explains **working hours**, pay slips and whom to call.',
    bodyShown: 'The guide explains working hours, pay slips and whom to call.',
  },
  vi: {
    title: 'Lao động trẻ được biết quyền của mình ngay ngày đầu',
    summary: 'Mỗi người học nghề ở Đà Nẵng được phát một tờ hướng dẫn.',
    body: 'Tờ hướng dẫn giải thích **giờ làm việc**, phiếu lương và số điện thoại cần gọi.',
    bodyShown: 'Tờ hướng dẫn giải thích giờ làm việc, phiếu lương và số điện thoại cần gọi.',
  },
} as const;

describe('a bilingual article', () => {
  const site = useSite();

  test('an editor writes English and Vietnamese side by side, publishes both, and each language shows its own text', async () => {
    const email = await site.app.createUser('editor', 'Thu Editor');
    await site.visit('bilingual-article', async (page) => {
      await signIn(page, email, TEST_PASSWORD);
      await page.goto('/admin/articles/new');
      // From one language at a time to both side by side.
      const english = page.getByRole('group', { name: 'English' });
      const vietnamese = page.getByRole('group', { name: /^Vietnamese/ });
      await page.getByRole('button', { name: 'English', exact: true }).click();
      assert.equal(await vietnamese.isVisible(), false, 'English only');
      const sideBySide = page.getByRole('button', { name: 'Both languages side by side' });
      await sideBySide.click();
      assert.equal(await sideBySide.getAttribute('aria-pressed'), 'true');

      for (const [lang, group] of [['en', english], ['vi', vietnamese]] as const) {
        await group.getByLabel('Title').fill(TEXTS[lang].title);
        await group.getByLabel('Summary').fill(TEXTS[lang].summary);
        await group.getByLabel('Body text').fill(TEXTS[lang].body);
      }
      await vietnamese.getByLabel('Vietnamese text on the site').selectOption('published');

      // Both columns at once: level with each other, Vietnamese to the right of English, both titles in the window.
      await english.getByLabel('Title').scrollIntoViewIfNeeded();
      const [en, vi] = [await english.boundingBox(), await vietnamese.boundingBox()];
      assert.ok(en && vi, 'both columns are shown');
      assert.ok(Math.abs(en.y - vi.y) < 1, `the columns start at ${en.y}px and ${vi.y}px`);
      assert.ok(vi.x >= en.x + en.width, `the Vietnamese column (from ${vi.x}px) overlaps the English one (to ${en.x + en.width}px)`);
      for (const group of [english, vietnamese]) {
        const title = await group.getByLabel('Title').boundingBox();
        assert.ok(title && title.y >= 0 && title.y + title.height <= 900, 'both titles are in the window at once');
      }

      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await page.getByText('Saved as a draft.').waitFor();
      assert.equal(await vietnamese.getByLabel('Title').inputValue(), TEXTS.vi.title);
      await page.getByRole('button', { name: 'Publish now' }).click();
      await page.getByText('Published.', { exact: true }).waitFor();

      const links = {
        en: await page.locator('.item-links a[href^="/en/articles/"]').first().getAttribute('href'),
        vi: await page.locator('.item-links a[href^="/vi/articles/"]').first().getAttribute('href'),
      };
      for (const lang of ['en', 'vi'] as const) {
        const path = links[lang];
        assert.ok(path, `the edit page links to the ${lang} page`);
        const response = await page.goto(path);
        assert.equal(response?.status(), 200, path);
        assert.equal(await page.locator('html').getAttribute('lang'), lang);
        const main = (await page.locator('main').innerText()).replace(/\s+/g, ' ');
        assert.equal((await page.locator('main h1').innerText()).trim(), TEXTS[lang].title);
        for (const part of [TEXTS[lang].summary, TEXTS[lang].bodyShown]) assert.ok(main.includes(part), `${path} lacks "${part}"`);
        const other = lang === 'en' ? 'vi' : 'en';
        assert.ok(!main.includes(TEXTS[other].title), `${path} shows the ${other} title`);
      }
    });
  });
});
