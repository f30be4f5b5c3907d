/**
 * Structured data and link previews as search engines read them, parsed from
 * rendered pages: every event has a location, online ones a link people can
 * join by (never the event's own page), headlines fit in 110 characters,
 * every page has an absolute image, and publication dates are date-times.
 */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { appForBlock } from '../../../test/helpers/build-test-app.js';
import { createArticle, createEvent } from '../../../test/helpers/factories.js';
import { html } from '../../../test/helpers/html.js';

type Json = Record<string, unknown>;

function page(body: string): { ld: Json; meta: (key: string) => string | undefined } {
  const doc = html(body);
  const script = doc.querySelector('script[type="application/ld+json"]');
  return {
    ld: script ? (JSON.parse(script.textContent) as Json) : {},
    meta: (key) => doc.querySelector(`meta[property="${key}"]`)?.getAttribute('content') ?? doc.querySelector(`meta[name="${key}"]`)?.getAttribute('content'),
  };
}

// ISO 8601 date and time with seconds and an offset (Z or ±hh:mm).
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const LONG_HEADLINE =
  'Viet Nam and the International Labour Organization agree on a new Decent Work Country Programme for the years to come, with social partners';

describe('structured data on rendered pages', () => {
  const t = appForBlock();
  let origin: string;
  before(async () => {
    origin = t.config.PUBLIC_URL.replace(/\/$/, '');
    await createEvent(t.db, { slug: 'no-place', title: 'Meeting somewhere', start: '2026-12-03' });
    await createEvent(t.db, { slug: 'in-a-city', title: 'Meeting in Hue', start: '2026-12-04', city: 'Hue' });
    for (const slug of ['online-link', 'online-registration', 'online-nothing', 'mixed-no-place']) await createEvent(t.db, { slug, title: slug, start: '2026-12-05' });
    await t.db.updateTable('events').set({ attendance_mode: 'online', online_url: 'https://meet.example.org/j/42' }).where('slug', '=', 'online-link').execute();
    await t.db.updateTable('events').set({ attendance_mode: 'online', registration_url: 'https://forms.example.org/register' }).where('slug', '=', 'online-registration').execute();
    await t.db.updateTable('events').set({ attendance_mode: 'online' }).where('slug', '=', 'online-nothing').execute();
    await t.db.updateTable('events').set({ attendance_mode: 'mixed' }).where('slug', '=', 'mixed-no-place').execute();
    await createArticle(t.db, { slug: 'long', title: LONG_HEADLINE, date: '2023-05-17' });
    await createArticle(t.db, { slug: 'hero', title: 'With a hero', date: '2024-03-29', heroImage: '/media/hero.jpg', heroAlt: 'Workers' });
  });

  test('an in-person event with no venue or city is at the office; with a city only, in that city', async () => {
    const { ld } = page((await t.app.inject({ url: '/en/events/no-place' })).body);
    assert.deepEqual(ld.location, { '@type': 'Place', name: t.config.SITE_NAME, address: t.config.SITE_NAME });
    const city = page((await t.app.inject({ url: '/en/events/in-a-city' })).body).ld;
    assert.deepEqual(city.location, { '@type': 'Place', name: 'Hue', address: { '@type': 'PostalAddress', addressLocality: 'Hue' } });
    const mixed = page((await t.app.inject({ url: '/en/events/mixed-no-place' })).body).ld;
    assert.deepEqual(mixed.location, [{ '@type': 'Place', name: t.config.SITE_NAME, address: t.config.SITE_NAME }, { '@type': 'VirtualLocation' }]);
  });

  test('an online event links where people join or register, never to its own page', async () => {
    const location = async (slug: string) => page((await t.app.inject({ url: `/en/events/${slug}` })).body).ld.location;
    assert.deepEqual(await location('online-link'), { '@type': 'VirtualLocation', url: 'https://meet.example.org/j/42' });
    assert.deepEqual(await location('online-registration'), { '@type': 'VirtualLocation', url: 'https://forms.example.org/register' });
    assert.deepEqual(await location('online-nothing'), { '@type': 'VirtualLocation' });
  });

  test('a headline over 110 characters is cut on a word, with an ellipsis; the page title stays whole', async () => {
    const { ld, meta } = page((await t.app.inject({ url: '/en/articles/long' })).body);
    const headline = String(ld.headline);
    assert.ok(headline.length <= 110, `${headline.length} characters`);
    assert.ok(headline.endsWith('…'));
    assert.ok(LONG_HEADLINE.startsWith(headline.slice(0, -1)));
    assert.ok(LONG_HEADLINE[headline.length - 1] === ' ', 'cut where a word ends');
    assert.equal(meta('og:title'), LONG_HEADLINE);
  });

  test('datePublished and dateModified are date-times with an offset, on the day the office gives', async () => {
    const { ld } = page((await t.app.inject({ url: '/en/articles/long' })).body);
    assert.match(String(ld.datePublished), DATE_TIME);
    assert.equal(String(ld.datePublished).slice(0, 10), '2023-05-17');
    assert.match(String(ld.dateModified), DATE_TIME);
  });

  test('every page has an absolute image: the hero where there is one, else the site default, which is served', async () => {
    const hero = page((await t.app.inject({ url: '/en/articles/hero' })).body);
    assert.equal(hero.meta('og:image'), `${origin}/media/hero.jpg`);
    assert.equal((hero.ld.image as Json).url, `${origin}/media/hero.jpg`);

    const plain = page((await t.app.inject({ url: '/en/articles/long' })).body);
    const fallback = plain.meta('og:image') ?? '';
    assert.match(fallback, new RegExp(`^${origin}/assets/share\\.[0-9a-f]{12}\\.png$`));
    assert.equal((plain.ld.image as Json).url, fallback);
    assert.equal(plain.meta('og:image:width'), '1200');
    assert.equal(plain.meta('og:image:height'), '630');

    const event = page((await t.app.inject({ url: '/vi/events/no-place' })).body);
    assert.deepEqual(event.ld.image, [fallback]);
    assert.equal(event.meta('og:image'), fallback);
    for (const url of ['/en', '/vi/events', '/en/articles', '/en/topics']) {
      assert.equal(page((await t.app.inject({ url })).body).meta('og:image'), fallback, url);
    }

    const image = await t.app.inject({ url: fallback.slice(origin.length) });
    assert.equal(image.statusCode, 200);
    assert.equal(image.headers['content-type'], 'image/png');
    assert.deepEqual([...image.rawPayload.subarray(1, 4)].map((c) => String.fromCharCode(c)), ['P', 'N', 'G']);
  });
});
