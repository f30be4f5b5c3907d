import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { appForBlock } from '../../../test/helpers/build-test-app.js';
import { html, text } from '../../../test/helpers/html.js';
import { SAFETY_EVENTS, createTaggedContent } from '../../../test/fixtures/tagged-content.js';

describe('topic and programme pages', () => {
  // Office date 2026-11-23.
  const t = appForBlock();
  before(async () => {
    await createTaggedContent(t.db);
  });

  async function page(url: string) {
    const res = await t.app.inject({ url });
    assert.equal(res.statusCode, 200, url);
    assert.match(String(res.headers['content-type']), /^text\/html/);
    assert.match(String(res.headers['cache-control']), /public/);
    return html(res.body);
  }
  const section = (doc: ReturnType<typeof html>, id: string) => doc.querySelector(`section[aria-labelledby=${id}]`);
  const titles = (doc: ReturnType<typeof html>, id: string) => section(doc, id)?.querySelectorAll('.item-title').map(text) ?? [];

  test('a topic page lists its upcoming events, past events and articles, each in order', async () => {
    const doc = await page('/en/topics/child-labour');
    assert.equal(text(doc.querySelector('h1')), 'Child labour');
    assert.equal(text(doc.querySelector('.term-kind')), 'Topic');
    assert.equal(doc.querySelector('.site-nav a[aria-current=page]')?.getAttribute('href'), '/en/topics');
    assert.deepEqual(titles(doc, 'term-upcoming'), ['Child labour workshop in Hanoi', 'Child labour meeting']);
    assert.deepEqual(titles(doc, 'term-past'), ['New year child labour meeting', 'Old child labour training']);
    assert.deepEqual(titles(doc, 'term-articles'), ['Child labour on coffee farms', 'Child labour report launched']);
    // Everything fits: no "see all" links.
    assert.equal(doc.querySelector('.more-link'), null);
    assert.equal(doc.querySelector('link[rel=canonical]')?.getAttribute('href'), `${t.config.PUBLIC_URL.replace(/\/+$/, '')}/en/topics/child-labour`);
  });

  test("a topic page links its calendar and news feeds, and they answer", async () => {
    const doc = await page('/en/topics/child-labour');
    const hrefs = doc.querySelectorAll('.feed-links a').map((a) => a.getAttribute('href') ?? '');
    assert.ok(hrefs.includes('/en/topics/child-labour/events.ics'), hrefs.join());
    assert.ok(hrefs.includes('/en/topics/child-labour/articles.atom'), hrefs.join());
    assert.ok(hrefs.some((h) => h.startsWith('webcal://') && h.endsWith('/en/topics/child-labour/events.ics')), hrefs.join());
    assert.ok(doc.querySelector('link[rel=alternate][type="application/atom+xml"]'));
    for (const path of ['/en/topics/child-labour/events.ics', '/en/topics/child-labour/articles.atom']) {
      assert.equal((await t.app.inject({ url: path })).statusCode, 200, path);
    }
  });

  test('a long past list is cut short with a link to the filtered listing', async () => {
    const doc = await page('/en/topics/safety');
    assert.equal(titles(doc, 'term-past').length, 5);
    const more = section(doc, 'term-past')?.querySelector('.more-link a');
    assert.equal(text(more), `All ${SAFETY_EVENTS} past events`);
    assert.equal(more?.getAttribute('href'), '/en/events?topic=safety');
    assert.equal(text(section(doc, 'term-upcoming')?.querySelector('.empty')), 'No upcoming events at the moment.');
    assert.equal(text(section(doc, 'term-articles')?.querySelector('.empty')), 'No articles yet.');
  });

  test('a programme page lists what is tagged with the programme', async () => {
    const doc = await page('/en/programmes/enhance');
    assert.equal(text(doc.querySelector('.term-kind')), 'Programme or project');
    assert.deepEqual(titles(doc, 'term-upcoming'), ['Child labour workshop in Hanoi', 'Migration webinar']);
    assert.deepEqual(titles(doc, 'term-past'), []);
    assert.deepEqual(titles(doc, 'term-articles'), ['Child labour on coffee farms']);
    assert.ok(doc.querySelectorAll('.feed-links a').some((a) => a.getAttribute('href') === '/en/programmes/enhance/events.ics'));
  });

  test('the Vietnamese page uses the Vietnamese name and text, and links back to the English one', async () => {
    const doc = await page('/vi/topics/child-labour');
    assert.equal(doc.querySelector('html')?.getAttribute('lang'), 'vi');
    assert.equal(text(doc.querySelector('h1')), 'Lao động trẻ em');
    assert.equal(text(doc.querySelector('#term-upcoming')), 'Sự kiện sắp diễn ra');
    assert.equal(titles(doc, 'term-upcoming')[0], 'Hội thảo về lao động trẻ em tại Hà Nội');
    // An untranslated event is shown in English and marked as such.
    const english = section(doc, 'term-upcoming')?.querySelectorAll('.item-title').find((a) => text(a) === 'Child labour meeting');
    assert.equal(english?.getAttribute('lang'), 'en');
    assert.ok(doc.querySelector('link[rel=alternate][hreflang=en][href$="/en/topics/child-labour"]'));
  });

  test('unknown slugs are 404 pages in the page language; feeds of them too', async () => {
    for (const url of ['/en/topics/no-such-topic', '/vi/programmes/no-such-programme', '/en/topics/child-labour-x']) {
      const res = await t.app.inject({ url });
      assert.equal(res.statusCode, 404, url);
      assert.match(String(res.headers['content-type']), /^text\/html/);
    }
    assert.equal((await t.app.inject({ url: '/en/topics/no-such-topic/events.ics' })).statusCode, 404);
    // A topic slug is not a programme slug.
    assert.equal((await t.app.inject({ url: '/en/programmes/child-labour' })).statusCode, 404);
  });

  test('the index lists every topic and programme, linked, in the page language', async () => {
    const en = await page('/en/topics');
    const topics = section(en, 'topics')?.querySelectorAll('a').map((a) => [text(a), a.getAttribute('href')]);
    assert.deepEqual(topics, [
      ['Child labour', '/en/topics/child-labour'],
      ['Labour migration', '/en/topics/labour-migration'],
      ['Nothing here yet', '/en/topics/empty-topic'],
      ['Safety at work', '/en/topics/safety'],
    ]);
    assert.deepEqual(section(en, 'programmes')?.querySelectorAll('a').map((a) => a.getAttribute('href')), ['/en/programmes/enhance']);
    const vi = await page('/vi/topics');
    assert.ok(section(vi, 'topics')?.querySelectorAll('a').some((a) => text(a) === 'An toàn lao động'));
    const programmes = await t.app.inject({ url: '/vi/programmes' });
    assert.equal(programmes.statusCode, 301);
    assert.equal(programmes.headers.location, '/vi/topics#programmes');
  });

  test('the sitemap lists the index and the pages of terms with published content, in both languages', async () => {
    const res = await t.app.inject({ url: '/sitemap.xml' });
    assert.equal(res.statusCode, 200);
    const origin = t.config.PUBLIC_URL.replace(/\/+$/, '');
    for (const path of ['/en/topics', '/vi/topics', '/en/topics/child-labour', '/vi/topics/child-labour', '/en/programmes/enhance', '/vi/programmes/enhance']) {
      assert.ok(res.body.includes(`<loc>${origin}${path}</loc>`), path);
    }
    assert.ok(!res.body.includes('/topics/empty-topic'));
    assert.ok(!res.body.includes('?topic='));
  });
});
