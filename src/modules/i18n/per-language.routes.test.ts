/**
 * Per-language publishing as visitors see it: Vietnamese text only when the
 * item and its Vietnamese text are both published; otherwise the English
 * text marked lang="en" with a notice, or left out of Vietnamese listings
 * under the 'omit' setting; per-language slugs and the moves between them.
 */
import assert from 'node:assert/strict';
import { afterEach, before, describe, test } from 'node:test';
import { appForBlock } from '../../../test/helpers/build-test-app.js';
import { createArticle, createEvent } from '../../../test/helpers/factories.js';
import { html, htmlPage, text } from '../../../test/helpers/html.js';
import { updateSettings } from '../settings/index.js';
import { assertRedirects } from '../../../test/helpers/redirects.js';

const NOTICE_ITEM = 'Chưa được dịch';
const NOTICE_PAGE = 'Trang này chưa được dịch sang tiếng Việt. Nội dung dưới đây là bản tiếng Anh.';

describe('per-language status and fallback', () => {
  const t = appForBlock();
  before(async () => {
    await createEvent(t.db, {
      slug: 'translated-workshop',
      title: 'Translated workshop',
      start: '2026-12-03',
      description: 'In English.',
      vi: { title: 'Hội thảo đã dịch', slug: 'hoi-thao-da-dich', description: 'Bằng tiếng Việt.' },
    });
    await createEvent(t.db, { slug: 'english-only-meeting', title: 'English only meeting', start: '2026-12-05', end: '2026-12-06' });
    await createEvent(t.db, {
      slug: 'draft-translation',
      title: 'Draft translation',
      start: '2026-12-07',
      vi: { title: 'Bản dịch nháp', slug: 'ban-dich-nhap', status: 'draft' },
    });
    await createEvent(t.db, { slug: 'unpublished-item', title: 'Unpublished item', start: '2026-12-08', status: 'draft', vi: { title: 'Mục chưa đăng' } });
    // A Vietnamese-only item, as the importer keeps one: a draft with no English text.
    const { id } = await t.db
      .insertInto('events')
      .values({ slug: 'chi-co-tieng-viet', status: 'draft', start_date: '2026-12-09', created_at: 'x', updated_at: 'x' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.db
      .insertInto('event_translations')
      .values({ event_id: id, lang: 'vi', title: 'Chỉ có tiếng Việt', slug: 'chi-co-tieng-viet', status: 'published', created_at: 'x', updated_at: 'x' })
      .execute();
    await createArticle(t.db, {
      slug: 'translated-story',
      title: 'Translated story',
      date: '2026-11-02',
      vi: { title: 'Câu chuyện đã dịch', slug: 'cau-chuyen-da-dich' },
    });
    await createArticle(t.db, { slug: 'english-story', title: 'English story', date: '2026-11-01', summary: 'Only English.' });
  });
  afterEach(async () => {
    await updateSettings(t.db, { untranslated: 'fallback' });
    await t.app.contentChanges.announce('settings changed');
  });

  test('/vi/events: Vietnamese text and dates; English text marked lang="en" with a notice for the rest', async () => {
    const res = await t.app.inject({ url: '/vi/events' });
    assert.equal(res.statusCode, 200);
    const doc = html(res.body);
    assert.equal(doc.querySelector('html')?.getAttribute('lang'), 'vi');
    assert.deepEqual(doc.querySelectorAll('.month-heading').map(text), ['Tháng 12 2026']);
    const items = doc.querySelectorAll('li.event-item');
    const summary = items.map((li) => {
      const title = li.querySelector('.item-title');
      return [text(title), title?.getAttribute('lang') ?? null, title?.getAttribute('href'), text(li.querySelector('.badge--untranslated')) || null];
    });
    assert.deepEqual(summary, [
      ['Hội thảo đã dịch', null, '/vi/events/hoi-thao-da-dich', null],
      ['English only meeting', 'en', '/vi/events/english-only-meeting', NOTICE_ITEM],
      ['Draft translation', 'en', '/vi/events/draft-translation', NOTICE_ITEM],
    ]);
    assert.deepEqual(items.map((li) => text(li.querySelector('.item-date'))), ['3 tháng 12, 2026', '5 - 6 tháng 12, 2026', '7 tháng 12, 2026']);
    // The date of an English item is still Vietnamese: only the English text is marked.
    assert.equal(items[1]?.querySelector('.item-date')?.getAttribute('lang'), undefined);
    assert.equal(items[0]?.querySelector('.item-text')?.getAttribute('lang'), undefined);
    for (const hidden of ['Bản dịch nháp', 'Unpublished item', 'Mục chưa đăng', 'Chỉ có tiếng Việt']) {
      assert.ok(!res.body.includes(hidden), hidden);
    }
  });

  test('/en/events is all English, with English slugs and no notices', async () => {
    const doc = html((await t.app.inject({ url: '/en/events' })).body);
    assert.deepEqual(
      doc.querySelectorAll('.item-title').map((a) => [text(a), a.getAttribute('href')]),
      [
        ['Translated workshop', '/en/events/translated-workshop'],
        ['English only meeting', '/en/events/english-only-meeting'],
        ['Draft translation', '/en/events/draft-translation'],
      ],
    );
    assert.equal(doc.querySelectorAll('.badge--untranslated').length, 0);
  });

  test('an item page in Vietnamese shows the Vietnamese text when published', async () => {
    const res = await t.app.inject({ url: '/vi/events/hoi-thao-da-dich' });
    assert.equal(res.statusCode, 200);
    const doc = html(res.body);
    assert.equal(text(doc.querySelector('h1')), 'Hội thảo đã dịch');
    assert.equal(doc.querySelector('h1')?.getAttribute('lang'), undefined);
    assert.equal(doc.querySelector('.untranslated-notice'), null);
    assert.match(text(doc.querySelector('dl.facts')), /3 tháng 12, 2026/);
    const hreflang = doc.querySelector('link[hreflang=en]')?.getAttribute('href');
    assert.equal(hreflang, `${t.config.PUBLIC_URL.replace(/\/$/, '')}/en/events/translated-workshop`);
  });

  test('the switcher leads to the same item under its slug in the other language', async () => {
    const next = async (url: string) => {
      const doc = html((await t.app.inject({ url })).body);
      return new URL(doc.querySelector('.language-switcher a')?.getAttribute('href') ?? '', 'http://x').searchParams.get('next');
    };
    assert.equal(await next('/en/events/translated-workshop'), '/vi/events/hoi-thao-da-dich');
    assert.equal(await next('/vi/events/hoi-thao-da-dich'), '/en/events/translated-workshop');
    assert.equal(await next('/en/articles/translated-story'), '/vi/articles/cau-chuyen-da-dich');
    assert.equal(await next('/vi/articles/english-story'), '/en/articles/english-story');
  });

  test('English live + Vietnamese draft: the Vietnamese page falls back to English, marked, with a notice', async () => {
    const res = await t.app.inject({ url: '/vi/events/draft-translation' });
    const doc = htmlPage(res);
    assert.equal(doc.querySelector('html')?.getAttribute('lang'), 'vi');
    assert.equal(text(doc.querySelector('h1')), 'Draft translation');
    assert.equal(doc.querySelector('h1')?.getAttribute('lang'), 'en');
    assert.equal(text(doc.querySelector('.untranslated-notice')), NOTICE_PAGE);
    assert.equal(doc.querySelector('.event-body')?.getAttribute('lang'), 'en');
    assert.ok(!res.body.includes('Bản dịch nháp'));
    // Its Vietnamese address uses the English slug until the translation is published.
    const switcher = new URL(doc.querySelector('.language-switcher a')?.getAttribute('href') ?? '', 'http://x');
    assert.equal(switcher.searchParams.get('next'), '/en/events/draft-translation');
  });

  test('a slug from the other language, or an unpublished one, moves to the right address', async () => {
    // Each translated item both ways; the Vietnamese slug of a draft translation to the English one.
    await assertRedirects(t.app, [
      ['/en/events/hoi-thao-da-dich', '/en/events/translated-workshop'], ['/vi/events/translated-workshop', '/vi/events/hoi-thao-da-dich'],
      ['/en/articles/cau-chuyen-da-dich', '/en/articles/translated-story'], ['/vi/articles/translated-story', '/vi/articles/cau-chuyen-da-dich'],
      ['/vi/events/ban-dich-nhap', '/vi/events/draft-translation'],
    ]);
  });

  test('an old slug in either language moves to the current address in the page language', async () => {
    const { id } = await t.db.selectFrom('events').select('id').where('slug', '=', 'translated-workshop').executeTakeFirstOrThrow();
    await t.db
      .insertInto('slug_redirects')
      .values([
        { item_kind: 'event', lang: 'en', old_slug: 'old-workshop', item_id: id, created_at: 'x' },
        { item_kind: 'event', lang: 'vi', old_slug: 'hoi-thao-cu', item_id: id, created_at: 'x' },
      ])
      .execute();
    await assertRedirects(t.app, [
      ['/en/events/old-workshop', '/en/events/translated-workshop'],
      ['/vi/events/old-workshop', '/vi/events/hoi-thao-da-dich'],
      ['/vi/events/hoi-thao-cu', '/vi/events/hoi-thao-da-dich'],
    ]);
    assert.equal((await t.app.inject({ url: '/en/events/hoi-thao-cu' })).statusCode, 404);
  });

  test('unpublished items and Vietnamese-only drafts never show, under any slug', async () => {
    for (const url of ['/vi/events/unpublished-item', '/vi/events/muc-chua-dang', '/vi/events/chi-co-tieng-viet', '/en/events/chi-co-tieng-viet']) {
      assert.equal((await t.app.inject({ url })).statusCode, 404, url);
    }
  });

  test('articles follow the same rules', async () => {
    const doc = html((await t.app.inject({ url: '/vi/articles' })).body);
    assert.deepEqual(
      doc.querySelectorAll('li.article-item').map((li) => [text(li.querySelector('.item-title')), text(li.querySelector('.badge--untranslated')) || null]),
      [
        ['Câu chuyện đã dịch', null],
        ['English story', NOTICE_ITEM],
      ],
    );
    assert.deepEqual(doc.querySelectorAll('.item-date').map(text), ['02 tháng 11, 2026', '01 tháng 11, 2026']);
    const page = html((await t.app.inject({ url: '/vi/articles/english-story' })).body);
    assert.equal(page.querySelector('h1')?.getAttribute('lang'), 'en');
    assert.equal(page.querySelector('.lead')?.getAttribute('lang'), 'en');
    assert.equal(text(page.querySelector('.untranslated-notice')), NOTICE_PAGE);
  });

  test('the Vietnamese home page marks untranslated items too', async () => {
    const doc = html((await t.app.inject({ url: '/vi' })).body);
    const titles = doc.querySelectorAll('.teaser-list .item-title').map((a) => [text(a), a.getAttribute('lang') ?? null]);
    assert.ok(titles.some(([title, lang]) => title === 'Hội thảo đã dịch' && lang === null));
    assert.ok(titles.some(([title, lang]) => title === 'English only meeting' && lang === 'en'));
    assert.ok(doc.querySelectorAll('.teaser-list .badge--untranslated').length >= 2);
  });

  test("the 'omit' setting leaves untranslated items out of Vietnamese listings only; their pages still answer", async () => {
    await updateSettings(t.db, { untranslated: 'omit' });
    await t.app.contentChanges.announce('settings changed');
    const events = html((await t.app.inject({ url: '/vi/events' })).body);
    assert.deepEqual(events.querySelectorAll('.item-title').map(text), ['Hội thảo đã dịch']);
    const articles = html((await t.app.inject({ url: '/vi/articles' })).body);
    assert.deepEqual(articles.querySelectorAll('.item-title').map(text), ['Câu chuyện đã dịch']);
    const home = html((await t.app.inject({ url: '/vi' })).body);
    assert.deepEqual(home.querySelectorAll('.teaser-list .item-title').map(text), ['Hội thảo đã dịch', 'Câu chuyện đã dịch']);
    const english = html((await t.app.inject({ url: '/en/events' })).body);
    assert.equal(english.querySelectorAll('.item-title').length, 3);
    const page = await t.app.inject({ url: '/vi/events/english-only-meeting' });
    assert.equal(page.statusCode, 200);
    assert.equal(text(html(page.body).querySelector('.untranslated-notice')), NOTICE_PAGE);
  });
});

describe('the seed pages in Vietnamese', () => {
  const t = appForBlock({ seed: true });

  test('/vi/events shows the imported Vietnamese items with Vietnamese dates and falls back visibly for the rest', async () => {
    const doc = html((await t.app.inject({ url: '/vi/events' })).body);
    const items = doc.querySelectorAll('li.event-item');
    assert.equal(items.length, 20);
    const untranslated = items.filter((li) => li.querySelector('.badge--untranslated'));
    assert.equal(untranslated.length, 2);
    for (const li of untranslated) assert.equal(li.querySelector('.item-title')?.getAttribute('lang'), 'en');
    assert.equal(text(items[0]?.querySelector('.item-title')), 'Cuộc họp kỹ thuật lần thứ sáu của các chuyên gia đầu mối về thống kê di cư lao động quốc tế trong ASEAN');
    assert.equal(text(items[0]?.querySelector('.item-date')), '17 tháng 9, 2020');
    assert.ok(doc.querySelectorAll('.item-date').map(text).includes('25 - 29 tháng 2, 2020'));
    assert.equal(text(doc.querySelector('.month-heading')), 'Tháng 9 2020');
    // Every Vietnamese link resolves to a page in Vietnamese.
    for (const a of doc.querySelectorAll('.item-title').slice(0, 5)) {
      const res = await t.app.inject({ url: a.getAttribute('href') ?? '' });
      assert.equal(res.statusCode, 200, a.getAttribute('href') ?? '');
    }
  });
});
