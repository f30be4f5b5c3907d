import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import Fastify from 'fastify';
import { XMLParser } from 'fast-xml-parser';
import { appForBlock } from '../../../test/helpers/build-test-app.js';
import { createArticle, createEvent, officePhoto } from '../../../test/helpers/factories.js';
import { html } from '../../../test/helpers/html.js';
import { todayInZone } from '../../shared/dates/calendar-date.js';
import { seoRoutes } from './seo.routes.js';

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' });

interface UrlEntry {
  loc: string;
  lastmod?: string;
  'xhtml:link'?: { '@hreflang': string; '@href': string } | { '@hreflang': string; '@href': string }[];
}

function urls(body: string): UrlEntry[] {
  const set = xml.parse(body).urlset;
  const list = set?.url;
  return list === undefined ? [] : Array.isArray(list) ? list : [list];
}

function alternatesOf(entry: UrlEntry): Record<string, string> {
  const links = entry['xhtml:link'];
  const list = links === undefined ? [] : Array.isArray(links) ? links : [links];
  return Object.fromEntries(list.map((l) => [l['@hreflang'], l['@href']]));
}

/** The JSON-LD blocks of a page, parsed. */
function jsonLd(body: string): Record<string, unknown>[] {
  return html(body)
    .querySelectorAll('script[type="application/ld+json"]')
    .map((s) => JSON.parse(s.textContent) as Record<string, unknown>);
}

describe('robots.txt and sitemap.xml', () => {
  const t = appForBlock({ seed: true });
  let origin: string;
  before(async () => {
    origin = t.config.PUBLIC_URL.replace(/\/$/, '');
    await createEvent(t.db, { slug: 'a-draft', title: 'A draft', status: 'draft' });
  });

  test('robots.txt keeps crawlers out of the admin and search results and names the sitemap', async () => {
    const res = await t.app.inject({ url: '/robots.txt' });
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-type'], 'text/plain; charset=utf-8');
    const lines = res.body.split('\n');
    assert.equal(lines[0], 'User-agent: *');
    for (const rule of ['Disallow: /admin', 'Disallow: /en/search', 'Disallow: /vi/search']) assert.ok(lines.includes(rule), rule);
    assert.ok(lines.includes(`Sitemap: ${origin}/sitemap.xml`));
  });

  test('every public page in both languages, with lastmod and hreflang alternates; no drafts', async () => {
    const res = await t.app.inject({ url: '/sitemap.xml' });
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-type'], 'application/xml; charset=utf-8');
    const entries = urls(res.body);
    const locs = entries.map((e) => e.loc);
    assert.equal(new Set(locs).size, locs.length);
    for (const path of ['/en', '/vi', '/en/events', '/vi/events', '/en/articles', '/vi/articles']) assert.ok(locs.includes(`${origin}${path}`), path);
    assert.ok(!locs.some((l) => l.includes('a-draft')));

    // The seed's 20 events and its articles in English, and in Vietnamese too: translated (18 events)
    // or, by the default 'fallback' setting, showing their English text (sitemap-agreement.test.ts).
    assert.equal(locs.filter((l) => l.startsWith(`${origin}/en/events/`)).length, 20);
    assert.equal(locs.filter((l) => l.startsWith(`${origin}/vi/events/`)).length, 20);
    const articles = locs.filter((l) => l.startsWith(`${origin}/en/articles/`)).length;
    assert.ok(articles >= 10);
    assert.equal(locs.filter((l) => l.startsWith(`${origin}/vi/articles/`)).length, articles);

    const score = entries.find((e) => e.loc.startsWith(`${origin}/en/events/score-workshop`));
    assert.ok(score, 'the SCORE workshop');
    assert.match(score.lastmod ?? '', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    const alternates = alternatesOf(score);
    assert.equal(alternates.en, score.loc);
    assert.match(alternates.vi ?? '', new RegExp(`^${origin}/vi/events/`));
    assert.equal(alternates['x-default'], score.loc);
    // Each language's entry lists the same alternates.
    const viEntry = entries.find((e) => e.loc === alternates.vi);
    assert.deepEqual(alternatesOf(viEntry!), alternates);
    // Every address listed answers.
    for (const loc of [score.loc, alternates.vi!, `${origin}/vi/articles`]) {
      assert.equal((await t.app.inject({ url: loc.slice(origin.length) })).statusCode, 200, loc);
    }
    assert.equal((await t.app.inject({ url: '/sitemap-1.xml' })).statusCode, 404);
  });

  test('past the limit, an index of numbered sitemaps holding every address once', async () => {
    const full = urls((await t.app.inject({ url: '/sitemap.xml' })).body).map((e) => e.loc);
    const small = Fastify();
    await small.register(seoRoutes, {
      db: t.db,
      dialect: 'sqlite',
      config: t.config,
      now: () => new Date('2026-11-23T02:00:00Z'),
      today: () => todayInZone(t.config.OFFICE_TIME_ZONE, new Date('2026-11-23T02:00:00Z')),
      maxSitemapUrls: 10,
    });
    try {
      const index = xml.parse((await small.inject({ url: '/sitemap.xml' })).body).sitemapindex;
      const parts = (Array.isArray(index.sitemap) ? index.sitemap : [index.sitemap]) as { loc: string; lastmod?: string }[];
      assert.equal(parts.length, Math.ceil(full.length / 10));
      assert.deepEqual(
        parts.map((p) => p.loc),
        parts.map((_, i) => `${origin}/sitemap-${i + 1}.xml`),
      );
      assert.ok(parts.every((p) => /Z$/.test(p.lastmod ?? '')));
      const seen: string[] = [];
      for (const part of parts) {
        const res = await small.inject({ url: part.loc.slice(origin.length) });
        assert.equal(res.statusCode, 200);
        const inPart = urls(res.body).map((e) => e.loc);
        assert.ok(inPart.length <= 10 && inPart.length > 0);
        seen.push(...inPart);
      }
      assert.deepEqual(seen, full);
      assert.equal((await small.inject({ url: `/sitemap-${parts.length + 1}.xml` })).statusCode, 404);
      assert.equal((await small.inject({ url: '/sitemap-0.xml' })).statusCode, 400);
    } finally {
      await small.close();
    }
  });
});

describe('structured data, social cards and canonical URLs', () => {
  const t = appForBlock();
  let origin: string;
  before(async () => {
    origin = t.config.PUBLIC_URL.replace(/\/$/, '');
    await createEvent(t.db, {
      slug: 'consultation',
      title: 'Tripartite consultation </script><script>alert(1)</script>',
      start: '2026-12-03',
      end: '2026-12-04',
      eventType: 'consultation',
      description: 'Employers, workers and government meet.',
      venue: 'Melia Hotel',
      city: 'Hanoi',
    });
    await createEvent(t.db, {
      slug: 'webinar',
      title: 'Timed webinar',
      start: '2026-12-07',
      startsAt: '2026-12-07T02:00:00.000Z',
      endsAt: '2026-12-07T04:30:00.000Z',
      eventStatus: 'cancelled',
    });
    await t.db.updateTable('events').set({ attendance_mode: 'online', online_url: 'https://example.org/join' }).where('slug', '=', 'webinar').execute();
    await createArticle(t.db, {
      slug: 'maternity', title: 'Advocating for universal maternity coverage', date: '2023-05-17',
      summary: 'Viet Nam provides generous maternity benefits.',
      ...officePhoto('/media/maternity.jpg', 'A mother and her baby', 2024),
      byline: { kind: 'by', name: 'André Gama', role: 'Programme Manager', organisation: 'ILO Viet Nam' },
    });
    await createArticle(t.db, { slug: 'plain', title: 'Plain article', date: '2024-03-29' });
  });

  test('Event: required fields, plain dates with an inclusive end, a Place, the organizer', async () => {
    const body = (await t.app.inject({ url: '/en/events/consultation' })).body;
    // The title cannot close the script block early.
    assert.doesNotMatch(body, /<script>alert/);
    const [event] = jsonLd(body);
    assert.ok(event);
    assert.equal(event['@context'], 'https://schema.org');
    assert.equal(event['@type'], 'Event');
    assert.equal(event.name, 'Tripartite consultation </script><script>alert(1)</script>');
    assert.equal(event.startDate, '2026-12-03');
    assert.equal(event.endDate, '2026-12-04');
    assert.equal(event.eventStatus, 'https://schema.org/EventScheduled');
    assert.equal(event.eventAttendanceMode, 'https://schema.org/OfflineEventAttendanceMode');
    assert.deepEqual(event.location, { '@type': 'Place', name: 'Melia Hotel', address: { '@type': 'PostalAddress', addressLocality: 'Hanoi' } });
    assert.deepEqual(event.organizer, { '@type': 'Organization', name: t.config.SITE_NAME, url: `${origin}/`, email: t.config.OFFICE_EMAIL });
    assert.equal(event.url, `${origin}/en/events/consultation`);
    assert.equal(event.description, 'Employers, workers and government meet.');
  });

  test('Event: a timed online event has dates with offsets, a VirtualLocation and its cancelled status', async () => {
    const [event] = jsonLd((await t.app.inject({ url: '/vi/events/webinar' })).body);
    assert.equal(event?.startDate, '2026-12-07T09:00:00+07:00');
    assert.equal(event?.endDate, '2026-12-07T11:30:00+07:00');
    assert.equal(event?.eventStatus, 'https://schema.org/EventCancelled');
    assert.equal(event?.eventAttendanceMode, 'https://schema.org/OnlineEventAttendanceMode');
    assert.deepEqual(event?.location, { '@type': 'VirtualLocation', url: 'https://example.org/join' });
    assert.equal(event?.url, `${origin}/vi/events/webinar`);
    assert.equal(event?.inLanguage, 'en');
  });

  test('NewsArticle: headline, dates, author from the byline, image with credit and rights holder', async () => {
    const [article] = jsonLd((await t.app.inject({ url: '/en/articles/maternity' })).body);
    assert.equal(article?.['@type'], 'NewsArticle');
    assert.equal(article?.headline, 'Advocating for universal maternity coverage');
    assert.equal(article?.datePublished, '2023-05-17T00:00:00+00:00');
    assert.match(String(article?.dateModified), /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    assert.deepEqual(article?.author, {
      '@type': 'Person',
      name: 'André Gama',
      jobTitle: 'Programme Manager',
      affiliation: { '@type': 'Organization', name: 'ILO Viet Nam' },
    });
    const image = article?.image as Record<string, unknown>;
    assert.equal(image['@type'], 'ImageObject');
    assert.equal(image.url, `${origin}/media/maternity.jpg`);
    assert.equal(image.creditText, '© ILO/Nguyen Hai Dat 2024');
    assert.deepEqual(image.copyrightHolder, { '@type': 'Organization', name: 'ILO' });
    assert.deepEqual(image.creator, { '@type': 'Person', name: 'Nguyen Hai Dat' });
    assert.equal(article?.inLanguage, 'en');
    assert.deepEqual(article?.publisher, { '@type': 'Organization', name: t.config.SITE_NAME, url: `${origin}/` });
    assert.deepEqual(article?.mainEntityOfPage, { '@type': 'WebPage', '@id': `${origin}/en/articles/maternity` });

    const [plain] = jsonLd((await t.app.inject({ url: '/en/articles/plain' })).body);
    assert.equal((plain?.author as Record<string, unknown>)['@type'], 'Organization');
    assert.match(String((plain?.image as Record<string, unknown>).url), /\/assets\/share\.[0-9a-f]{12}\.png$/);
  });

  test('Open Graph and Twitter cards, and canonical URLs', async () => {
    const doc = html((await t.app.inject({ url: '/en/articles/maternity' })).body);
    const meta = (key: string) =>
      doc.querySelector(`meta[property="${key}"]`)?.getAttribute('content') ?? doc.querySelector(`meta[name="${key}"]`)?.getAttribute('content');
    assert.equal(doc.querySelector('link[rel=canonical]')?.getAttribute('href'), `${origin}/en/articles/maternity`);
    assert.equal(meta('og:type'), 'article');
    assert.equal(meta('og:title'), 'Advocating for universal maternity coverage');
    assert.equal(meta('og:description'), 'Viet Nam provides generous maternity benefits.');
    assert.equal(meta('og:url'), `${origin}/en/articles/maternity`);
    assert.equal(meta('og:image'), `${origin}/media/maternity.jpg`);
    assert.equal(meta('og:image:alt'), 'A mother and her baby');
    assert.equal(meta('og:locale'), 'en_GB');
    assert.equal(meta('og:locale:alternate'), 'vi_VN');
    assert.equal(meta('og:site_name'), t.config.SITE_NAME);
    assert.equal(meta('twitter:card'), 'summary_large_image');
    assert.equal(meta('twitter:image'), `${origin}/media/maternity.jpg`);

    const listing = html((await t.app.inject({ url: '/vi/events' })).body);
    assert.equal(listing.querySelector('meta[property="og:type"]')?.getAttribute('content'), 'website');
    assert.equal(listing.querySelector('meta[property="og:locale"]')?.getAttribute('content'), 'vi_VN');
    assert.equal(listing.querySelector('meta[name="twitter:card"]')?.getAttribute('content'), 'summary');
    assert.equal(listing.querySelector('link[rel=canonical]')?.getAttribute('href'), `${origin}/vi/events`);
    // Pages kept out of search engines get no cards.
    const search = html((await t.app.inject({ url: '/en/search?q=x' })).body);
    assert.equal(search.querySelector('meta[property="og:title"]'), null);
  });
});
