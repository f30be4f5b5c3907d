import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { appForBlock } from '../../../test/helpers/build-test-app.js';
import { createArticle, createEvent } from '../../../test/helpers/factories.js';
import { html, htmlPage, text } from '../../../test/helpers/html.js';
import { pageStatements } from '../../../test/helpers/statements.js';
import { updateSettings } from '../settings/index.js';
import { reindexItem } from './search.service.js';

describe('GET /:lang/search', () => {
  const t = appForBlock({ seed: true });
  before(async () => {
    // The seed import rebuilds the index itself.
    const { id } = await createEvent(t.db, {
      slug: 'tricky', title: 'Bits <script>alert(1)</script> & Dak Lak "quotes"',
      start: '2021-05-05',
      description: 'Coffee growers of Đắk Lắk meet <b>buyers</b>.',
    });
    await reindexItem(t.db, 'event', id);
  });

  test('without a query: the form and no results section', async () => {
    const res = await t.app.inject({ url: '/en/search' });
    const doc = htmlPage(res);
    assert.equal(text(doc.querySelector('h1')), 'Search');
    assert.equal(doc.querySelector('form[role=search]')?.getAttribute('method'), 'get');
    assert.equal(doc.querySelector('form[role=search]')?.getAttribute('action'), '/en/search');
    assert.equal(doc.querySelector('.search-results'), null);
    assert.ok(doc.querySelector('meta[name=robots][content=noindex]'));
    // The filter choices come from the content.
    const topics = doc.querySelectorAll('#filter-topic option').map((o) => o.getAttribute('value'));
    assert.ok(topics.includes('child-labour'));
    const years = doc.querySelectorAll('#filter-year option').map((o) => text(o));
    assert.ok(years.includes('2020') && years.includes('2024'), years.join());
  });

  test('"dak lak" finds the seed article about Dak Lak and the event about Đắk Lắk, marked and escaped', async () => {
    const res = await t.app.inject({ url: '/en/search?q=dak+lak' });
    assert.equal(res.statusCode, 200);
    const doc = html(res.body);
    assert.match(text(doc.querySelector('.search-count')), /^\d+ results for “dak lak”$/);
    const titles = doc.querySelectorAll('.search-result .item-title').map(text);
    assert.ok(titles.includes('Visit at Binh Minh Coffee Cooperative, Dak Lak Province'), titles.join(' | '));
    assert.ok(titles.includes('Bits <script>alert(1)</script> & Dak Lak "quotes"'));
    assert.doesNotMatch(res.body, /<script>alert/);
    assert.match(res.body, /Bits &lt;script>alert\(1\)&lt;\/script> &amp; <mark>Dak Lak<\/mark>/);
    assert.match(res.body, /Coffee growers of <mark>Đắk Lắk<\/mark> meet &lt;b>buyers&lt;\/b>\./);
    const link = doc.querySelectorAll('.search-result .item-title').find((a) => text(a).startsWith('Visit at Binh Minh'));
    assert.match(link?.getAttribute('href') ?? '', /\/articles\/visit-at-binh-minh-coffee-cooperative-dak-lak-province$/);
    assert.equal(doc.querySelector('#search-q')?.getAttribute('value'), 'dak lak');
  });

  test('the Vietnamese page finds Vietnamese text typed without diacritics, and with them', async () => {
    const plain = html((await t.app.inject({ url: '/vi/search?q=nguoi+lao+dong+di+cu' })).body);
    assert.equal(plain.querySelector('html')?.getAttribute('lang'), 'vi');
    assert.match(text(plain.querySelector('.search-count')), /kết quả cho “nguoi lao dong di cu”/);
    const marks = plain.querySelectorAll('mark').map(text);
    assert.ok(marks.some((m) => m.toLowerCase() === 'người lao động di cư'), marks.join(' | '));

    const accented = html((await t.app.inject({ url: `/vi/search?q=${encodeURIComponent('Đắk Lắk')}` })).body);
    const titles = accented.querySelectorAll('.search-result .item-title').map(text);
    // The article has no Vietnamese text: its English title is found by folding and marked as English.
    assert.ok(titles.includes('Visit at Binh Minh Coffee Cooperative, Dak Lak Province'), titles.join(' | '));
    const english = accented.querySelectorAll('.search-result .item-title').find((a) => text(a).startsWith('Visit at'));
    assert.equal(english?.getAttribute('lang'), 'en');
  });

  test('filters narrow the results, show as removable choices, and pages keep them', async () => {
    const res = await t.app.inject({ url: '/en/search?q=labour&kind=event&year=2020&topic=child-labour&type=' });
    assert.equal(res.statusCode, 200);
    const doc = html(res.body);
    assert.ok(doc.querySelectorAll('.search-result').length > 0);
    assert.ok(doc.querySelectorAll('.search-result__kind').every((k) => text(k) === 'Event'));
    assert.equal(doc.querySelector('#filter-kind option[selected]')?.getAttribute('value'), 'event');
    assert.equal(doc.querySelector('#filter-topic option[selected]')?.getAttribute('value'), 'child-labour');
    const chips = doc.querySelectorAll('.chosen-filters a.chip');
    const removeTopic = chips.find((a) => text(a).startsWith('Topic: Child labour'));
    assert.equal(removeTopic?.getAttribute('href'), '/en/search?q=labour&kind=event&year=2020');
    assert.equal(removeTopic?.getAttribute('aria-label'), 'Remove filter: Topic: Child labour');
    const clear = chips.find((a) => text(a) === 'Clear all filters');
    assert.equal(clear?.getAttribute('href'), '/en/search?q=labour');
  });

  test('filters alone list what they select', async () => {
    const doc = html((await t.app.inject({ url: '/en/search?programme=enhance' })).body);
    assert.match(text(doc.querySelector('.search-count')), /^\d+ items match these filters$/);
    assert.ok(doc.querySelectorAll('.search-result').length >= 2);
    // The seed's 20 events and one more: two pages, and the next page keeps the filter.
    const events = html((await t.app.inject({ url: '/en/search?kind=event' })).body);
    assert.equal(events.querySelectorAll('.search-result').length, 20);
    assert.equal(events.querySelector('a[rel=next]')?.getAttribute('href'), '/en/search?kind=event&page=2');
    const second = html((await t.app.inject({ url: '/en/search?kind=event&page=2' })).body);
    assert.equal(second.querySelectorAll('.search-result').length, 1);
    assert.equal(second.querySelector('ol.search-result-list')?.getAttribute('start'), '21');
  });

  test('no results: a clear page with help and a way out of the filters', async () => {
    const res = await t.app.inject({ url: '/en/search?q=xylophone&kind=article' });
    assert.equal(res.statusCode, 200);
    const doc = html(res.body);
    assert.equal(text(doc.querySelector('.search-count')), '0 results for “xylophone”');
    assert.equal(text(doc.querySelector('.no-results .lead')), 'Nothing was found for “xylophone”.');
    assert.equal(doc.querySelector('.no-results a')?.getAttribute('href'), '/en/search?q=xylophone');
  });

  test('odd queries never error: punctuation alone gets a hint, an over-long query a 422 with the text kept', async () => {
    for (const q of ['"', '***', 'AND OR', '()', '“”', "'", 'NEAR(', '-', '\\']) {
      const res = await t.app.inject({ url: `/en/search?q=${encodeURIComponent(q)}` });
      assert.equal(res.statusCode, 200, q);
      assert.match(text(html(res.body).querySelector('.field-error')), /Type a word or two/, q);
    }
    for (const q of ['"child labour', 'child "labour', 'title:labour', 'labour*', 'a^b', '{child}']) {
      const res = await t.app.inject({ url: `/en/search?q=${encodeURIComponent(q)}` });
      assert.equal(res.statusCode, 200, q);
      assert.ok(html(res.body).querySelector('.search-count'), q);
    }
    const long = 'labour '.repeat(40);
    const res = await t.app.inject({ url: `/vi/search?q=${encodeURIComponent(long)}` });
    assert.equal(res.statusCode, 422);
    const doc = html(res.body);
    assert.equal(text(doc.querySelector('#search-q-error')), 'Nội dung tìm kiếm quá dài. Vui lòng nhập tối đa 200 ký tự.');
    assert.equal(doc.querySelector('#search-q')?.getAttribute('value'), long);
    assert.equal(doc.querySelector('#search-q')?.getAttribute('aria-invalid'), 'true');
  });

  test('a repeated q keeps the first; bad filter values are 400 pages; a page past the last is 404', async () => {
    const twice = await t.app.inject({ url: '/en/search?q=coffee&q=labour' });
    assert.equal(twice.statusCode, 200);
    assert.equal(html(twice.body).querySelector('#search-q')?.getAttribute('value'), 'coffee');
    for (const url of ['/en/search?q=a&year=twenty', '/en/search?q=a&kind=people', '/en/search?q=a&topic=Child%20Labour', '/en/search?q=a&page=0']) {
      const res = await t.app.inject({ url });
      assert.equal(res.statusCode, 400, url);
      assert.match(res.headers['content-type'] as string, /text\/html/);
    }
    assert.equal((await t.app.inject({ url: '/en/search?q=labour&page=99' })).statusCode, 404);
    // The page explains itself in its own language.
    const vietnamese = await t.app.inject({ url: '/vi/search?q=a&year=twenty' });
    assert.equal(vietnamese.statusCode, 400);
    assert.match(text(html(vietnamese.body)), /Năm phải được viết bằng bốn chữ số/);
    assert.match(text(html((await t.app.inject({ url: '/en/search?q=a&kind=people' })).body)), /Choose events or articles\./);
  });
});

describe('search and per-language publishing', () => {
  const t = appForBlock();
  before(async () => {
    const published = await createEvent(t.db, {
      slug: 'coffee-training',
      title: 'Coffee training',
      vi: { title: 'Tập huấn trồng cà phê ở Đắk Lắk', slug: 'tap-huan-ca-phe' },
    });
    const draft = await createEvent(t.db, {
      slug: 'pepper-training',
      title: 'Pepper training',
      vi: { title: 'Tập huấn trồng hồ tiêu ở Đắk Lắk', status: 'draft' },
    });
    for (const { id } of [published, draft]) await reindexItem(t.db, 'event', id);
  });

  test('a Vietnamese text is found only once published, and links use the slug of the page language', async () => {
    const vi = html((await t.app.inject({ url: '/vi/search?q=dak+lak' })).body);
    const links = vi.querySelectorAll('.search-result .item-title');
    assert.deepEqual(links.map(text), ['Tập huấn trồng cà phê ở Đắk Lắk']);
    assert.equal(links[0]?.getAttribute('href'), '/vi/events/tap-huan-ca-phe');
    // The draft's English text is still found, and links to its English address.
    const pepper = html((await t.app.inject({ url: '/vi/search?q=pepper' })).body).querySelector('.search-result .item-title');
    assert.equal(pepper?.getAttribute('href'), '/vi/events/pepper-training');
    assert.equal(pepper?.getAttribute('lang'), 'en');
    const en = html((await t.app.inject({ url: '/en/search?q=coffee' })).body);
    assert.equal(en.querySelector('.search-result .item-title')?.getAttribute('href'), '/en/events/coffee-training');
  });

  test("with the 'omit' setting, a Vietnamese search leaves out items not yet translated", async () => {
    await updateSettings(t.db, { untranslated: 'omit' });
    try {
      // "training" is in the English text of both; only the translated one is left on the Vietnamese page.
      const vi = html((await t.app.inject({ url: '/vi/search?q=training' })).body);
      assert.deepEqual(
        vi.querySelectorAll('.search-result .item-title').map((a) => a.getAttribute('href')),
        ['/vi/events/tap-huan-ca-phe'],
      );
      const en = html((await t.app.inject({ url: '/en/search?q=training' })).body);
      assert.equal(en.querySelectorAll('.search-result').length, 2);
    } finally {
      await updateSettings(t.db, { untranslated: 'fallback' });
    }
  });
});

describe('GET /:lang/search: the year filter’s choices', () => {
  const t = appForBlock({ env: { PAGE_CACHE: 'off' } });
  before(async () => {
    await createEvent(t.db, { title: 'Year-end review', start: '2016-12-28', end: '2017-01-03' });
    await createEvent(t.db, { title: 'Long project', start: '2018-06-01', end: '2020-02-01' });
    await createEvent(t.db, { title: 'Draft event', start: '2022-05-05', status: 'draft' });
    await createEvent(t.db, { title: 'Early meeting', start: '1999-04-04' });
    await createArticle(t.db, { title: 'A feature', date: '2014-03-03' });
    await createArticle(t.db, { title: 'Draft feature', date: '2023-03-03', status: 'draft' });
  });

  const yearChoices = async (url: string) =>
    htmlPage(await t.app.inject({ url }))
      .querySelectorAll('#filter-year option')
      .map((o) => o.getAttribute('value'))
      .filter(Boolean);

  test('the years of published events and articles, newest first; an event counts in every year it runs into', async () => {
    const years = ['2020', '2019', '2018', '2017', '2016', '2014', '1999'];
    assert.deepEqual(await yearChoices('/en/search'), years);
    assert.deepEqual(await yearChoices('/vi/search?q=review'), years);
  });

  test("with the 'omit' setting, the Vietnamese page offers only the years of items translated into Vietnamese", async () => {
    await updateSettings(t.db, { untranslated: 'omit' });
    try {
      assert.deepEqual(await yearChoices('/vi/search'), []);
      assert.deepEqual(await yearChoices('/en/search'), ['2020', '2019', '2018', '2017', '2016', '2014', '1999']);
    } finally {
      await updateSettings(t.db, { untranslated: 'fallback' });
    }
  });

  test('are read in a statement for the events and one for the articles, however many years the content spans', async () => {
    // Before, each year between the first and the last was a statement of its own: 26 here.
    const statements = await pageStatements(t, '/en/search');
    assert.ok(statements.length <= 2, statements.join('\n\n'));
  });
});
