import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type html, text } from '../../../test/helpers/html.js';
import { taggedSite } from '../../../test/helpers/tagged-site.js';

describe('GET /articles with filters', () => {
  const site = taggedSite();
  const page = (url: string) => site.page(url);
  const titles = (doc: ReturnType<typeof html>) => doc.querySelectorAll('.article-item .item-title').map(text);

  test('offers year, topic and programme (no event type); years come from the articles', async () => {
    const doc = await page('/en/articles');
    assert.equal(doc.querySelector('form.filter-form')?.getAttribute('action'), '/en/articles');
    assert.deepEqual(
      doc.querySelectorAll('#filter-year option').map((o) => o.getAttribute('value')),
      ['', '2026', '2025'],
    );
    assert.equal(doc.querySelector('#filter-type'), null);
    assert.ok(doc.querySelector('#filter-topic') && doc.querySelector('#filter-programme'));
  });

  test('filters narrow the list, combine, and keep the year headings', async () => {
    const topic = await page('/en/articles?topic=child-labour');
    assert.deepEqual(titles(topic), ['Child labour on coffee farms', 'Child labour report launched']);
    assert.deepEqual(topic.querySelectorAll('.year-heading').map(text), ['2026', '2025']);
    assert.deepEqual(titles(await page('/en/articles?topic=child-labour&year=2025')), ['Child labour report launched']);
    assert.deepEqual(titles(await page('/en/articles?programme=enhance')), ['Child labour on coffee farms']);
    assert.deepEqual(titles(await page('/en/articles?year=2025')), ['Migrant workers come home', 'Child labour report launched']);
    const none = await page('/en/articles?programme=enhance&year=2025');
    assert.deepEqual(titles(none), []);
    assert.equal(text(none.querySelector('p.empty')), 'No articles match these filters.');
  });

  test('removal links drop one filter each; a filtered page is noindex', async () => {
    const doc = await page('/en/articles?year=2025&topic=child-labour');
    assert.deepEqual(
      doc.querySelectorAll('.chosen-filters a').map((a) => a.getAttribute('href')),
      ['/en/articles?topic=child-labour', '/en/articles?year=2025', '/en/articles'],
    );
    assert.equal(doc.querySelector('meta[name=robots]')?.getAttribute('content'), 'noindex');
  });

  test('an event type (not offered here) is ignored; bad values are 400 pages', async () => {
    assert.equal(titles(await page('/en/articles?type=workshop')).length, 4);
    const bad = await site.t.app.inject({ url: '/vi/articles?topic=LAO%20DONG' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /Chủ đề hoặc chương trình được ghi bằng tên ngắn/);
    assert.equal((await site.t.app.inject({ url: '/en/articles?year=1800' })).statusCode, 400);
  });

  test('the Vietnamese listing shows Vietnamese text and names', async () => {
    const doc = await page('/vi/articles?programme=enhance');
    assert.deepEqual(titles(doc), ['Lao động trẻ em trên các trang trại cà phê']);
    assert.equal(text(doc.querySelector('.chosen-filters a')), 'Chương trình hoặc dự án: Dự án ENHANCE ×');
  });
});

describe('article and event pages: tags and related content', () => {
  const site = taggedSite();
  const page = (url: string) => site.page(url);
  const related = (doc: ReturnType<typeof html>, kind: 'events' | 'articles') =>
    doc.querySelectorAll(`section.related--${kind} .item-title`).map((a) => [text(a), a.getAttribute('href')]);

  test("an article's topics and programmes link to their pages", async () => {
    const doc = await page('/en/articles/coffee-farms');
    const links = doc.querySelectorAll('.article-tags a').map((a) => [text(a), a.getAttribute('href')]);
    assert.deepEqual(links, [
      ['ENHANCE', '/en/programmes/enhance'],
      ['Child labour', '/en/topics/child-labour'],
    ]);
  });

  test('an article links a few related events: upcoming ones first (soonest first), then past ones', async () => {
    // Shares child-labour and ENHANCE: three upcoming events fill the list.
    assert.deepEqual(related(await page('/en/articles/coffee-farms'), 'events').map(([title]) => title), [
      'Child labour workshop in Hanoi',
      'Migration webinar',
      'Child labour meeting',
    ]);
    // Shares child-labour only: two upcoming, then the newest past one.
    const report = related(await page('/en/articles/report-launched'), 'events');
    assert.deepEqual(
      report.map(([title]) => title),
      ['Child labour workshop in Hanoi', 'Child labour meeting', 'New year child labour meeting'],
    );
    assert.equal(report[0]?.[1], '/en/events/child-labour-workshop');
  });

  test('pages sharing as many tags but other ones each list their own related events, in either order', async () => {
    // Both have one topic: the related events' query has the same shape, with another topic bound.
    const childLabour = ['Child labour workshop in Hanoi', 'Child labour meeting', 'New year child labour meeting'];
    const titles = async (url: string) => related(await page(url), 'events').map(([title]) => title);
    assert.deepEqual(await titles('/en/articles/report-launched'), childLabour);
    const migration = (await page('/en/articles?topic=labour-migration')).querySelector('.article-item .item-title')?.getAttribute('href');
    assert.deepEqual(await titles(migration ?? ''), ['Migration webinar']);
    assert.deepEqual(await titles('/en/articles/report-launched'), childLabour);
  });

  test('an untagged article has no related events section', async () => {
    const doc = await page('/en/articles/untagged-story');
    assert.equal(doc.querySelector('section.related--events'), null);
    assert.equal(doc.querySelector('.article-tags'), null);
  });

  test('an event links related articles, newest first, and its tags link to their pages', async () => {
    const doc = await page('/en/events/child-labour-workshop');
    assert.deepEqual(related(doc, 'articles'), [
      ['Child labour on coffee farms', '/en/articles/coffee-farms'],
      ['Child labour report launched', '/en/articles/report-launched'],
    ]);
    const tags = doc.querySelectorAll('dl.facts a.term-link').map((a) => a.getAttribute('href'));
    assert.deepEqual(tags, ['/en/programmes/enhance', '/en/topics/child-labour']);
    assert.equal((await page('/en/events/untagged-consultation')).querySelector('section.related--articles'), null);
  });

  test('on Vietnamese pages, related items and tags are in Vietnamese where translated', async () => {
    const event = await page('/vi/events/hoi-thao-ve-lao-dong-tre-em-tai-ha-noi');
    assert.equal(text(event.querySelector('#related-articles')), 'Bài viết liên quan');
    const articles = related(event, 'articles');
    assert.equal(articles[0]?.[0], 'Lao động trẻ em trên các trang trại cà phê');
    assert.equal(articles[0]?.[1], '/vi/articles/lao-dong-tre-em-tren-cac-trang-trai-ca-phe');
    assert.deepEqual(event.querySelectorAll('dl.facts a.term-link').map(text), ['Dự án ENHANCE', 'Lao động trẻ em']);
    const article = await page('/vi/articles/lao-dong-tre-em-tren-cac-trang-trai-ca-phe');
    assert.equal(text(article.querySelector('#related-events')), 'Sự kiện liên quan');
    assert.equal(related(article, 'events')[0]?.[0], 'Hội thảo về lao động trẻ em tại Hà Nội');
  });
});
