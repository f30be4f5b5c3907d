import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { appForBlock } from '../../../test/helpers/build-test-app.js';
import { createArticle, createEvent } from '../../../test/helpers/factories.js';
import { html, htmlPage, text } from '../../../test/helpers/html.js';
import { assertRedirects } from '../../../test/helpers/redirects.js';

describe('language entry points', () => {
  const t = appForBlock();
  before(async () => {
    await createEvent(t.db, { slug: 'labour-code-consultation', title: 'Labour Code consultation', start: '2026-12-03' });
    await createArticle(t.db, { slug: 'a-bridge', title: 'A bridge', date: '2026-11-01' });
  });

  test('/ sends Vietnamese-preferring browsers to /vi and others to /en, varying on both inputs', async () => {
    const vi = await t.app.inject({ url: '/', headers: { 'accept-language': 'vi-VN,vi;q=0.9,en;q=0.8' } });
    assert.equal(vi.statusCode, 302);
    assert.equal(vi.headers.location, '/vi');
    const vary = String(vi.headers.vary).toLowerCase();
    assert.match(vary, /accept-language/);
    assert.match(vary, /cookie/);
    assert.equal(vi.headers['set-cookie'], undefined);

    const en = await t.app.inject({ url: '/', headers: { 'accept-language': 'en-GB,en;q=0.9,vi;q=0.5' } });
    assert.equal(en.headers.location, '/en');
    const none = await t.app.inject({ url: '/' });
    assert.equal(none.headers.location, '/en');
  });

  test('a choice made with the switcher is remembered at / over the browser preference', async () => {
    const choose = await t.app.inject({ url: '/language?to=en&next=%2Fen%2Fevents' });
    assert.equal(choose.statusCode, 303);
    assert.equal(choose.headers.location, '/en/events');
    assert.equal(choose.headers['cache-control'], 'no-store');
    const cookie = String(choose.headers['set-cookie']);
    assert.match(cookie, /^lang=en;/);
    const home = await t.app.inject({
      url: '/',
      headers: { 'accept-language': 'vi', cookie: cookie.split(';')[0] ?? '' },
    });
    assert.equal(home.headers.location, '/en');
  });

  test('the choice endpoint never leaves the site or the chosen language', async () => {
    for (const next of ['https://evil.example/vi', '//evil.example/vi', '/en/events', '/vi\\@evil.example', '']) {
      const res = await t.app.inject({ url: `/language?to=vi&next=${encodeURIComponent(next)}` });
      assert.equal(res.statusCode, 303, next);
      assert.equal(res.headers.location, '/vi', next);
    }
    assert.equal((await t.app.inject({ url: '/language?to=vi' })).headers.location, '/vi');
    const accented = await t.app.inject({ url: '/language?to=vi&next=%2Fvi%2F%C4%81', headers: { accept: 'text/html' } });
    assert.equal(accented.statusCode, 303);
    assert.equal(accented.statusMessage, 'See Other');
    assert.equal(accented.headers.location, '/vi/%C4%81', 'a path outside ASCII is percent-encoded');
    assert.match(String(accented.headers['set-cookie']), /^lang=vi;/);
    const kept = await t.app.inject({ url: `/language?to=vi&next=${encodeURIComponent('/vi/search?q=%C4%81 x')}` });
    assert.equal(kept.headers.location, '/vi/search?q=%C4%81%20x', 'escapes already there are kept as they are');
    const bad = await t.app.inject({ url: '/language?to=fr&next=%2Ffr' });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.headers['set-cookie'], undefined);
  });

  test('ordinary pages set no cookie and stay publicly cacheable', async () => {
    for (const url of ['/en', '/vi', '/en/events', '/vi/articles', '/vi/events/labour-code-consultation']) {
      const res = await t.app.inject({ url, headers: { cookie: 'lang=vi', 'accept-language': 'vi' } });
      assert.equal(res.statusCode, 200, url);
      assert.equal(res.headers['set-cookie'], undefined, url);
      assert.match(String(res.headers['cache-control']), /^public, max-age=\d+, s-maxage=\d+, stale-while-revalidate=\d+/, url);
    }
  });

  test('the old unprefixed addresses move permanently to the English pages, query kept', async () => {
    await assertRedirects(t.app, [
      ['/events', '/en/events'],
      ['/events?page=2', '/en/events?page=2'],
      ['/events/labour-code-consultation', '/en/events/labour-code-consultation'],
      ['/articles', '/en/articles'],
      ['/articles/a-bridge', '/en/articles/a-bridge'],
    ]);
  });

  test('error messages are in the page language (English for JSON clients)', async () => {
    const vi = await t.app.inject({ url: '/vi/events?page=abc' });
    assert.equal(vi.statusCode, 400);
    assert.equal(text(html(vi.body).querySelector('main .lead')), 'Số trang phải là số nguyên, từ 1 trở lên.');
    const en = await t.app.inject({ url: '/en/articles?page=0' });
    assert.equal(text(html(en.body).querySelector('main .lead')), 'The page number must be a whole number, 1 or more.');
    const json = await t.app.inject({ url: '/vi/events?page=abc', headers: { accept: 'application/json' } });
    assert.deepEqual(json.json(), {
      error: { code: 'invalid_input', message: 'The page number must be a whole number, 1 or more.', fields: { page: 'The page number must be a whole number, 1 or more.' } },
    });
    const bad = await t.app.inject({ url: '/vi/events/%E0%A4%A' });
    assert.equal(text(html(bad.body).querySelector('main .lead')), 'Địa chỉ của trang này không hợp lệ.');
  });

  test('an unknown language prefix is a 404; a 404 under /vi is in Vietnamese', async () => {
    for (const url of ['/fr', '/fr/events', '/de/articles/a-bridge', '/EN/events']) {
      assert.equal((await t.app.inject({ url })).statusCode, 404, url);
    }
    const doc = htmlPage(await t.app.inject({ url: '/vi/events/khong-co' }), 404);
    assert.equal(doc.querySelector('html')?.getAttribute('lang'), 'vi');
    assert.equal(text(doc.querySelector('h1')), 'Không tìm thấy trang');
    assert.equal(doc.querySelector('.error-home, main a')?.getAttribute('href'), '/vi');
  });
});

describe('language switcher and alternates', () => {
  const t = appForBlock();
  before(async () => {
    await createEvent(t.db, { slug: 'labour-code-consultation', title: 'Labour Code consultation', start: '2026-12-03' });
    await createArticle(t.db, { slug: 'a-bridge', title: 'A bridge', date: '2026-11-01' });
  });

  const pages = [
    { en: '/en', vi: '/vi', xDefault: '/en' },
    { en: '/en/events', vi: '/vi/events', xDefault: '/en/events' },
    { en: '/en/articles', vi: '/vi/articles', xDefault: '/en/articles' },
    { en: '/en/events/labour-code-consultation', vi: '/vi/events/labour-code-consultation', xDefault: '/en/events/labour-code-consultation' },
    { en: '/en/articles/a-bridge', vi: '/vi/articles/a-bridge', xDefault: '/en/articles/a-bridge' },
  ];

  test('every page names its language and links to itself in the other through the switcher', async () => {
    for (const page of pages) {
      for (const [lang, other] of [
        ['en', 'vi'],
        ['vi', 'en'],
      ] as const) {
        const doc = html((await t.app.inject({ url: page[lang] })).body);
        assert.equal(doc.querySelector('html')?.getAttribute('lang'), lang, page[lang]);
        const link = doc.querySelector('.language-switcher a');
        assert.equal(link?.getAttribute('hreflang'), other);
        const href = new URL(link?.getAttribute('href') ?? '', 'http://x');
        assert.equal(href.pathname, '/language');
        assert.equal(href.searchParams.get('to'), other);
        assert.equal(href.searchParams.get('next'), page[other], page[lang]);
        const current = doc.querySelector('.language-switcher [aria-current]');
        assert.equal(current?.getAttribute('lang'), lang);
      }
    }
  });

  test('hreflang alternates for en, vi and x-default, with absolute URLs', async () => {
    const origin = t.config.PUBLIC_URL.replace(/\/$/, '');
    for (const page of pages) {
      const doc = html((await t.app.inject({ url: page.vi })).body);
      const links = Object.fromEntries(
        doc.querySelectorAll('link[rel=alternate][hreflang]').map((l) => [l.getAttribute('hreflang'), l.getAttribute('href')]),
      );
      assert.deepEqual(links, { en: `${origin}${page.en}`, vi: `${origin}${page.vi}`, 'x-default': `${origin}${page.xDefault}` }, page.vi);
      assert.equal(doc.querySelector('link[rel=canonical]')?.getAttribute('href'), `${origin}${page.vi}`);
    }
  });

  test('following the switcher lands on the same page in the other language', async () => {
    const doc = html((await t.app.inject({ url: '/en/events?page=1' })).body);
    const choose = await t.app.inject({ url: doc.querySelector('.language-switcher a')?.getAttribute('href') ?? '' });
    const landed = await t.app.inject({ url: String(choose.headers.location) });
    assert.equal(landed.statusCode, 200);
    assert.equal(html(landed.body).querySelector('h1') && text(html(landed.body).querySelector('h1')), 'Sự kiện và cuộc họp');
  });

  test('navigation stays in the page language', async () => {
    const doc = html((await t.app.inject({ url: '/vi/events' })).body);
    assert.deepEqual(
      doc.querySelectorAll('.site-nav a').map((a) => a.getAttribute('href')),
      ['/vi', '/vi/events', '/vi/articles', '/vi/topics', '/vi/search'],
    );
    assert.equal(doc.querySelector('.site-nav a[aria-current=page]')?.getAttribute('href'), '/vi/events');
    assert.equal(doc.querySelector('a.site-name')?.getAttribute('href'), '/vi');
  });
});
