import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { appForBlock, buildTestApp } from '../../../test/helpers/build-test-app.js';
import { createArticle, createEvent } from '../../../test/helpers/factories.js';
import { html, htmlPage, text } from '../../../test/helpers/html.js';

describe('GET /', () => {
  const t = appForBlock();
  before(async () => {
    await createEvent(t.db, { title: 'On this week', start: '2026-11-21', end: '2026-11-26' });
    await createEvent(t.db, { title: 'Next week', start: '2026-11-30' });
    await createEvent(t.db, { title: 'Last month', start: '2026-10-01' });
    await createArticle(t.db, { title: 'Fresh article', date: '2026-11-20' });
  });

  test('shows what is happening now, what is coming up, recent events and the latest articles', async () => {
    const res = await t.app.inject({ url: '/en' });
    assert.equal(res.statusCode, 200);
    const doc = html(res.body);
    assert.equal(doc.querySelectorAll('h1').length, 1);
    const headings = doc.querySelectorAll('h2').map(text);
    assert.deepEqual(headings, ['Happening now', 'Coming up', 'Recent events', 'Latest feature articles']);
    const lists = doc.querySelectorAll('ul.teaser-list').map((ul) => ul.querySelectorAll('.item-title').map(text));
    assert.deepEqual(lists, [['On this week'], ['Next week'], ['Last month'], ['Fresh article']]);
    assert.equal(doc.querySelector('.site-nav a[aria-current=page]')?.getAttribute('href'), '/en');
  });

  test('says so when nothing is coming up', async () => {
    t.setNow(new Date('2027-06-01T00:00:00Z'));
    try {
      const doc = html((await t.app.inject({ url: '/en' })).body);
      assert.match(text(doc.querySelector('.home-events')), /No upcoming events have been announced yet/);
      assert.equal(doc.querySelectorAll('h2').map(text).includes('Happening now'), false);
    } finally {
      t.setNow(new Date('2026-11-23T02:00:00Z'));
    }
  });
});

describe('GET / with a cancelled and a postponed event coming up', () => {
  const t = appForBlock();
  before(async () => {
    await createEvent(t.db, { title: 'Called off', start: '2026-11-30', eventStatus: 'cancelled', vi: { title: 'Hội thảo A' } });
    await createEvent(t.db, { title: 'Moved', start: '2026-12-02', eventStatus: 'postponed', vi: { title: 'Hội thảo B' } });
    await createEvent(t.db, { title: 'Going ahead', start: '2026-12-04' });
  });

  test('the "Coming up" list says which events are cancelled or postponed, as the event page does', async () => {
    for (const [lang, cancelled, postponed] of [
      ['en', 'This event has been cancelled.', 'This event has been postponed. A new date will be announced.'],
      ['vi', 'Sự kiện này đã bị hủy.', 'Sự kiện này đã được hoãn lại. Ngày mới sẽ được thông báo sau.'],
    ] as const) {
      const doc = html((await t.app.inject({ url: `/${lang}` })).body);
      const items = doc.querySelectorAll('.home-events .teaser-list li').map((li) => ({
        title: text(li.querySelector('.item-title')),
        status: li.querySelector('.badge--cancelled, .badge--postponed') ? text(li.querySelector('.badge--cancelled, .badge--postponed')) : null,
      }));
      assert.deepEqual(items.map((i) => i.status), [cancelled, postponed, null], `${lang}: ${JSON.stringify(items)}`);
    }
  });
});

describe('site-wide behaviour', () => {
  const t = appForBlock();

  test('an unknown URL is a 404 page in the layout, with security headers', async () => {
    const res = await t.app.inject({ url: '/no/such/page' });
    const doc = htmlPage(res, 404);
    assert.equal(text(doc.querySelector('h1')), 'Page not found');
    assert.equal(doc.querySelector('meta[name=robots]')?.getAttribute('content'), 'noindex');
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
  });

  test('malformed and over-long addresses get error pages, not raw framework JSON', async () => {
    const bad = await t.app.inject({ url: '/en/events/%E0%A4%A' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.headers['content-type'] as string, /text\/html/);
    assert.match(text(html(bad.body).querySelector('main')), /The address of this page is not valid\./);
    const long = await t.app.inject({ url: `/en/events/${'a'.repeat(300)}` });
    assert.equal(long.statusCode, 414);
    assert.match(long.body, /The address of this page is too long\./);
  });

  test('the stylesheet is served under a content hash with a long cache life', async () => {
    const page = html((await t.app.inject({ url: '/en' })).body);
    const href = page.querySelector('link[rel=stylesheet]')?.getAttribute('href') ?? '';
    assert.match(href, /^\/assets\/site\.[0-9a-f]{12}\.css$/);
    const css = await t.app.inject({ url: href });
    assert.equal(css.statusCode, 200);
    assert.match(css.headers['content-type'] as string, /text\/css/);
    assert.match(css.headers['cache-control'] as string, /immutable/);
    assert.equal((await t.app.inject({ url: '/favicon.ico' })).statusCode, 301);
  });

  test('a server error is a page with a reference, never a stack trace', async () => {
    const broken = await buildTestApp();
    await broken.destroyDatabase();
    try {
      const res = await broken.app.inject({ url: '/en/events' });
      assert.equal(res.statusCode, 500);
      const doc = html(res.body);
      assert.equal(text(doc.querySelector('h1')), 'Something went wrong');
      assert.match(text(doc.querySelector('main')), /Reference: req-/);
      assert.doesNotMatch(res.body, /at \w+ \(|node_modules|\.ts:\d+/);
      const json = await broken.app.inject({ url: '/en/events', headers: { accept: 'application/json' } });
      assert.deepEqual(json.json(), { error: { code: 'internal_error', message: 'Internal error' } });
    } finally {
      await broken.close();
    }
  });
});
