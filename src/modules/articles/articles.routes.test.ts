import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { appForBlock } from '../../../test/helpers/build-test-app.js';
import { createArticle, officePhoto } from '../../../test/helpers/factories.js';
import { html, text } from '../../../test/helpers/html.js';

describe('GET /articles', () => {
  const t = appForBlock();
  before(async () => {
    await createArticle(t.db, { title: 'Older story', date: '2025-03-09', summary: 'From last year.' });
    await createArticle(t.db, {
      title: 'Newest story',
      date: '2026-04-05',
      credit: { holder: 'ILO', photographer: 'Nguyen Hai Dat', year: 2026 },
      summary: 'Latest.',
    });
    await createArticle(t.db, {
      title: 'An op-ed',
      date: '2026-02-01',
      byline: { kind: 'by', name: 'André Gama', role: 'Social Protection Programme Manager', organisation: 'ILO Viet Nam' },
    });
    await createArticle(t.db, { title: 'Unpublished draft', date: '2026-05-01', status: 'draft' });
  });

  test('groups by year, newest first, with dates, credit and byline', async () => {
    const res = await t.app.inject({ url: '/en/articles' });
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['cache-control']), /public/);
    const doc = html(res.body);
    assert.deepEqual(doc.querySelectorAll('h2.year-heading').map(text), ['2026', '2025']);
    assert.deepEqual(doc.querySelectorAll('.item-title').map(text), ['Newest story', 'An op-ed', 'Older story']);
    assert.deepEqual(doc.querySelectorAll('.item-date').map(text), ['05 April 2026', '01 February 2026', '09 March 2025']);
    assert.equal(text(doc.querySelector('.credit')), '© ILO/Nguyen Hai Dat 2026');
    assert.equal(text(doc.querySelector('.byline')), 'By André Gama, Social Protection Programme Manager, ILO Viet Nam');
    assert.doesNotMatch(res.body, /Unpublished draft/);
    // Numbering restarts per year.
    assert.deepEqual(doc.querySelectorAll('ol.article-list').map((ol) => ol.getAttribute('start')), ['1', '1']);
  });

  test('bad and out-of-range pages', async () => {
    assert.equal((await t.app.inject({ url: '/en/articles?page=-1' })).statusCode, 400);
    assert.equal((await t.app.inject({ url: '/en/articles?page=9' })).statusCode, 404);
  });
});

describe('GET /articles/:slug', () => {
  const t = appForBlock();
  before(async () => {
    await createArticle(t.db, {
      slug: 'potatoes-and-perseverance', title: 'Potatoes and perseverance', date: '2024-03-29',
      summary: 'A cancer survivor plants the seeds of hope.',
      body: 'First.\n\nSecond <b>not bold</b>.',
      ...officePhoto('/media/potatoes.jpg', 'A woman holds potatoes in a field', 2024),
      byline: { kind: 'op-ed', name: 'Chang-Hee Lee', role: 'Director', organisation: 'ILO Viet Nam' },
    });
    await createArticle(t.db, { slug: 'hidden', status: 'in_review' });
  });

  test('shows the hero image with alt text and credit, the byline and the escaped body', async () => {
    const res = await t.app.inject({ url: '/en/articles/potatoes-and-perseverance' });
    assert.equal(res.statusCode, 200);
    const doc = html(res.body);
    assert.equal(text(doc.querySelector('h1')), 'Potatoes and perseverance');
    const img = doc.querySelector('figure.hero img');
    assert.equal(img?.getAttribute('src'), '/media/potatoes.jpg');
    assert.equal(img?.getAttribute('alt'), 'A woman holds potatoes in a field');
    assert.equal(text(doc.querySelector('figure.hero figcaption')), '© ILO/Nguyen Hai Dat 2024');
    assert.equal(text(doc.querySelector('.byline')), 'Op-ed by Chang-Hee Lee, Director, ILO Viet Nam');
    assert.equal(doc.querySelector('.article-meta time')?.getAttribute('datetime'), '2024-03-29');
    assert.equal(text(doc.querySelector('.article-meta')), '29 March 2024');
    // Body text is escaped, never interpreted as HTML.
    assert.match(res.body, /Second &lt;b>not bold&lt;\/b>\.|Second &lt;b&gt;not bold&lt;\/b&gt;\./);
  });

  test('unpublished and unknown articles are 404', async () => {
    assert.equal((await t.app.inject({ url: '/en/articles/hidden' })).statusCode, 404);
    assert.equal((await t.app.inject({ url: '/en/articles/nope' })).statusCode, 404);
  });
});
