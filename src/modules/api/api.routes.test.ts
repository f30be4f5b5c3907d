/**
 * The read API over HTTP, on whichever database the run uses: every answer
 * is checked against the OpenAPI document the app serves (a field the
 * document lacks, or a required one missing, fails), then for what it says:
 * filters, languages and their fallback, cursors, ETags and 304s, CORS,
 * problem details, and that nothing unpublished or scheduled is ever shown.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { validate as validateOpenApi } from '@readme/openapi-parser';
import { DocumentCheck, type Json } from '../../../test/helpers/api-document.js';
import { buildTestApp, DEFAULT_NOW, type TestApp } from '../../../test/helpers/build-test-app.js';
import { articleInput, createPeople, eventInput } from '../../../test/helpers/editing.js';
import { createArticle as insertArticle, createEvent as insertEvent, officePhoto } from '../../../test/helpers/factories.js';
import { jpegWithGps } from '../../../test/helpers/images.js';
import { createTaggedContent, SAFETY_EVENTS } from '../../../test/fixtures/tagged-content.js';
import { createArticle, scheduleArticle } from '../articles/index.js';
import { createEvent, scheduleEvent } from '../events/index.js';
import { uploadMedia } from '../media/index.js';
import { ENDPOINTS } from './openapi.js';

const TODAY = '2026-11-23';

describe('the read API', () => {
  let t: TestApp;
  let doc: DocumentCheck;
  const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });
  const announce = () => t.app.contentChanges.announce('test');

  before(async () => {
    t = await buildTestApp();
    await createTaggedContent(t.db);
    const res = await get('/api/v1/openapi.json');
    assert.equal(res.statusCode, 200);
    doc = new DocumentCheck(JSON.parse(res.body) as Json);
  });
  after(() => t.close());

  describe('the OpenAPI document', () => {
    test('is a valid OpenAPI 3.1 document, served as JSON to any origin', async () => {
      const res = await get('/api/v1/openapi.json');
      assert.match(String(res.headers['content-type']), /^application\/json/);
      assert.equal(res.headers['access-control-allow-origin'], '*');
      const document = JSON.parse(res.body) as Json;
      assert.equal(document.openapi, '3.1.1');
      const result = await validateOpenApi(structuredClone(document) as Parameters<typeof validateOpenApi>[0]);
      assert.equal(result.valid, true, JSON.stringify(result));
    });

    test('describes every endpoint with its parameters, and every answer object as closed (no field it does not name)', () => {
      for (const endpoint of ENDPOINTS) {
        const op = doc.document.paths[endpoint.path]?.get;
        assert.ok(op, endpoint.path);
        const names = (op.parameters as Json[]).map((p) => p.name);
        assert.deepEqual(names, [...Object.keys(endpoint.params?.shape ?? {}), ...Object.keys(endpoint.query.shape)]);
      }
      const events = doc.document.paths['/events'].get.parameters as Json[];
      for (const name of ['lang', 'year', 'topic', 'programme', 'type', 'when', 'from', 'to', 'updated_since', 'cursor', 'limit']) {
        assert.ok(events.some((p) => p.name === name && typeof p.description === 'string'), name);
      }
      for (const [id, schema] of Object.entries(doc.document.components.schemas as Record<string, Json>)) {
        assert.equal(schema.additionalProperties, false, `${id} is closed`);
      }
    });

    test('the check of answers fails on a field the document lacks and on a required one missing', async () => {
      const body = JSON.parse((await get('/api/v1/events/child-labour-workshop')).body) as Json;
      doc.assertValid('EventItem', body);
      assert.equal(doc.component('EventItem')({ data: { ...body.data, colour: 'red' } }), false);
      const untitled = { ...body.data.text } as Json;
      delete untitled.title;
      assert.equal(doc.component('EventItem')({ data: { ...body.data, text: untitled } }), false);
      assert.equal(doc.component('EventItem')({ data: { ...body.data, hero: { ...body.data.hero, url: 'x' } } }), false);
    });
  });

  describe('events', () => {
    const titles = (body: Json) => (body.data as Json[]).map((e) => e.text.title as string);

    test('a listing gives every live event, soonest first, with its dates, statuses, texts, tags and page', async () => {
      const body = doc.answer('/events', await get('/api/v1/events?limit=100'));
      const starts = (body.data as Json[]).map((e) => e.start_date as string);
      assert.deepEqual(starts, [...starts].sort());
      assert.equal(body.data.length, 6 + SAFETY_EVENTS);
      const workshop = (body.data as Json[]).find((e) => e.slugs.en === 'child-labour-workshop')!;
      assert.equal(workshop.status, 'published');
      assert.equal(workshop.event_status, 'scheduled');
      assert.equal(workshop.event_type, 'workshop');
      assert.equal(workshop.all_day, true);
      assert.equal(workshop.start_date, '2026-12-03');
      assert.equal(workshop.end_date, null);
      assert.equal(workshop.url, 'http://localhost:3000/en/events/child-labour-workshop');
      assert.deepEqual(workshop.slugs, { en: 'child-labour-workshop', vi: 'hoi-thao-ve-lao-dong-tre-em-tai-ha-noi' });
      assert.deepEqual(workshop.topics, [{ slug: 'child-labour', name: 'Child labour', url: 'http://localhost:3000/en/topics/child-labour' }]);
      assert.deepEqual(workshop.programmes.map((p: Json) => p.slug), ['enhance']);
      assert.equal(body.next_cursor, null);
      assert.equal(body.next, null);
    });

    test('filters: year (an event across New Year in both), topic, programme, type', async () => {
      const y2025 = titles(doc.answer('/events', await get('/api/v1/events?year=2025')));
      assert.deepEqual(y2025, ['Old child labour training', 'Untagged consultation', 'New year child labour meeting']);
      const y2026 = titles(doc.answer('/events', await get('/api/v1/events?year=2026')));
      assert.deepEqual(y2026, ['New year child labour meeting', 'Child labour workshop in Hanoi', 'Migration webinar', 'Child labour meeting']);
      const topic = titles(doc.answer('/events', await get('/api/v1/events?topic=child-labour')));
      assert.deepEqual(topic, ['Old child labour training', 'New year child labour meeting', 'Child labour workshop in Hanoi', 'Child labour meeting']);
      const programme = titles(doc.answer('/events', await get('/api/v1/events?programme=enhance')));
      assert.deepEqual(programme, ['Child labour workshop in Hanoi', 'Migration webinar']);
      const type = titles(doc.answer('/events', await get('/api/v1/events?type=webinar')));
      assert.deepEqual(type, ['Migration webinar']);
      const both = titles(doc.answer('/events', await get('/api/v1/events?topic=child-labour&programme=enhance&year=2026')));
      assert.deepEqual(both, ['Child labour workshop in Hanoi']);
    });

    test('upcoming (soonest first) and past (newest first) as of the office’s date, and a range of days', async () => {
      const upcoming = doc.answer('/events', await get('/api/v1/events?when=upcoming'));
      assert.deepEqual(titles(upcoming), ['Child labour workshop in Hanoi', 'Migration webinar', 'Child labour meeting']);
      assert.ok((upcoming.data as Json[]).every((e) => (e.end_date ?? e.start_date) >= TODAY));
      const past = doc.answer('/events', await get('/api/v1/events?when=past&topic=child-labour'));
      assert.deepEqual(titles(past), ['New year child labour meeting', 'Old child labour training']);
      // Running on any day of the range: the New Year meeting ends inside it.
      const range = doc.answer('/events', await get('/api/v1/events?from=2026-01-01&to=2026-12-04'));
      assert.deepEqual(titles(range), ['New year child labour meeting', 'Child labour workshop in Hanoi']);
      const oneDay = doc.answer('/events', await get('/api/v1/events?from=2026-12-05&to=2026-12-05'));
      assert.deepEqual(titles(oneDay), ['Migration webinar']);
    });

    test('updated_since: only what changed at or after the instant (any offset)', async () => {
      const { id } = await insertEvent(t.db, { title: 'Edited meeting', start: '2023-05-05' });
      await t.db.updateTable('events').set({ updated_at: '2026-11-20T03:00:00.000Z' }).where('id', '=', id).execute();
      await announce();
      const since = doc.answer('/events', await get(`/api/v1/events?updated_since=${encodeURIComponent('2026-11-20T10:00:00+07:00')}`));
      assert.deepEqual(titles(since), ['Edited meeting']);
      const later = doc.answer('/events', await get(`/api/v1/events?updated_since=${encodeURIComponent('2026-11-20T03:00:01Z')}`));
      assert.deepEqual(titles(later), []);
      await t.db.deleteFrom('event_translations').where('event_id', '=', id).execute();
      await t.db.deleteFrom('events').where('id', '=', id).execute();
      await announce();
    });

    test('one event by id, by its slug in either language, or by a former slug; 404 otherwise', async () => {
      const byId = doc.answer('/events/{idOrSlug}', await get('/api/v1/events/1'));
      const slug = byId.data.slugs.en as string;
      for (const url of [`/api/v1/events/${slug}`, `/api/v1/events/${byId.data.slugs.vi}`, `/api/v1/events/${byId.data.slugs.vi}?lang=vi`]) {
        assert.equal(doc.answer('/events/{idOrSlug}', await get(url)).data.id, 1, url);
      }
      await t.db.insertInto('slug_redirects').values({ item_kind: 'event', lang: 'en', old_slug: 'an-old-address', item_id: 1, created_at: DEFAULT_NOW.toISOString() }).execute();
      assert.equal(doc.answer('/events/{idOrSlug}', await get('/api/v1/events/an-old-address')).data.id, 1);
      const missing = await get('/api/v1/events/no-such-event');
      assert.equal(missing.statusCode, 404);
      assert.equal(doc.answer('/events/{idOrSlug}', missing).code, 'not_found');
      assert.equal((await get('/api/v1/events/999999')).statusCode, 404);
    });

    test('a timed event gives its instants in RFC 3339 with the offset of its time zone, and the zone’s name', async () => {
      const { slug } = await insertEvent(t.db, { title: 'Timed forum', start: '2026-12-07', startsAt: '2026-12-07T02:00:00.000Z', endsAt: '2026-12-07T04:30:00.000Z' });
      await announce();
      const event = doc.answer('/events/{idOrSlug}', await get(`/api/v1/events/${slug}`)).data;
      assert.equal(event.all_day, false);
      assert.equal(event.time_zone, 'Asia/Ho_Chi_Minh');
      assert.equal(event.starts_at, '2026-12-07T09:00:00+07:00');
      assert.equal(event.ends_at, '2026-12-07T11:30:00+07:00');
      assert.equal(Date.parse(event.starts_at), Date.parse('2026-12-07T02:00:00.000Z'));
    });
  });

  describe('languages', () => {
    test('lang=vi gives the Vietnamese text where it is published, else English marked as the fallback', async () => {
      const body = doc.answer('/events', await get('/api/v1/events?lang=vi&programme=enhance'));
      const [workshop, webinar] = body.data as Json[];
      assert.deepEqual(workshop!.text.lang, 'vi');
      assert.equal(workshop!.text.fallback, false);
      assert.equal(workshop!.text.title, 'Hội thảo về lao động trẻ em tại Hà Nội');
      assert.equal(workshop!.url, 'http://localhost:3000/vi/events/hoi-thao-ve-lao-dong-tre-em-tai-ha-noi');
      assert.equal(workshop!.topics[0].name, 'Lao động trẻ em');
      assert.equal(webinar!.text.lang, 'en');
      assert.equal(webinar!.text.fallback, true);
      assert.equal(webinar!.text.title, 'Migration webinar');
      assert.equal(webinar!.url, `http://localhost:3000/vi/events/${webinar!.slugs.en}`);
      const english = doc.answer('/events', await get('/api/v1/events?lang=en&programme=enhance'));
      assert.equal(english.data[0].text.lang, 'en');
      assert.equal(english.data[0].text.fallback, false);
    });

    test('a Vietnamese text still in draft is not shown: English is', async () => {
      const { slug } = await insertEvent(t.db, { title: 'Draft translation', start: '2026-12-20', vi: { title: 'Bản dịch nháp', status: 'draft' } });
      await announce();
      const event = doc.answer('/events/{idOrSlug}', await get(`/api/v1/events/${slug}?lang=vi`)).data;
      assert.equal(event.text.title, 'Draft translation');
      assert.equal(event.text.fallback, true);
      assert.equal(event.slugs.vi, slug);
      assert.equal((await get('/api/v1/events/ban-dich-nhap?lang=vi')).statusCode, 404);
    });

    test('topics and programmes are named in the language asked for', async () => {
      const vi = doc.answer('/topics', await get('/api/v1/topics?lang=vi'));
      const safety = (vi.data as Json[]).find((x) => x.slug === 'safety')!;
      assert.deepEqual(safety.text, { lang: 'vi', fallback: false, name: 'An toàn lao động', description: null });
      assert.equal(safety.url, 'http://localhost:3000/vi/topics/safety');
      const programmes = doc.answer('/programmes', await get('/api/v1/programmes'));
      assert.deepEqual((programmes.data as Json[]).map((p) => [p.slug, p.text.name]), [['enhance', 'ENHANCE']]);
    });

    test('the site’s “leave out” setting leaves untranslated items out of Vietnamese listings, as on the site', async () => {
      await t.db.insertInto('settings').values({ key: 'untranslated', value: JSON.stringify('omit') }).execute();
      await announce();
      try {
        const vi = doc.answer('/events', await get('/api/v1/events?lang=vi&programme=enhance'));
        assert.deepEqual((vi.data as Json[]).map((e) => e.slugs.en), ['child-labour-workshop']);
      } finally {
        await t.db.deleteFrom('settings').where('key', '=', 'untranslated').execute();
        await announce();
      }
    });
  });

  describe('articles', () => {
    test('newest first, with the filters the site has; an imported hero with its alt text and credit, and the byline', async () => {
      const { slug } = await insertArticle(t.db, {
        title: 'Harvest season',
        date: '2024-06-01',
        ...officePhoto('/images/harvest.jpg', 'Farmers in a field', 2024),
        byline: { kind: 'op-ed', name: 'Lan Nguyen', role: 'Director', organisation: 'ILO Viet Nam' },
      });
      await announce();
      const all = doc.answer('/articles', await get('/api/v1/articles'));
      const dates = (all.data as Json[]).map((a) => a.published_on as string);
      assert.deepEqual(dates, [...dates].sort().reverse());
      assert.deepEqual(
        (doc.answer('/articles', await get('/api/v1/articles?topic=child-labour')).data as Json[]).map((a) => a.slugs.en),
        ['coffee-farms', 'report-launched'],
      );
      assert.deepEqual((doc.answer('/articles', await get('/api/v1/articles?year=2025')).data as Json[]).map((a) => a.published_on), ['2025-05-01', '2025-02-02']);
      assert.deepEqual((doc.answer('/articles', await get('/api/v1/articles?from=2026-09-09&to=2026-09-09')).data as Json[]).map((a) => a.slugs.en), ['untagged-story']);
      const article = doc.answer('/articles/{idOrSlug}', await get(`/api/v1/articles/${slug}`)).data;
      assert.deepEqual(article.hero, {
        alt: 'Farmers in a field',
        alt_lang: 'en',
        credit: { text: '© ILO/Nguyen Hai Dat 2024', holder: 'ILO', photographer: 'Nguyen Hai Dat', year: 2024 },
        width: null,
        height: null,
        variants: [{ url: 'http://localhost:3000/images/harvest.jpg', type: null, width: null, height: null }],
      });
      assert.deepEqual(article.byline, { kind: 'op-ed', name: 'Lan Nguyen', role: 'Director', organisation: 'ILO Viet Nam' });
      assert.equal(article.url, `http://localhost:3000/en/articles/${slug}`);
    });

    test('an event’s hero from the library: every variant, the alt text in the language asked for, the credit', async () => {
      const { media } = await uploadMedia(
        { db: t.db, config: t.config, now: () => DEFAULT_NOW },
        { data: await jpegWithGps(1400, 800), originalName: 'potatoes.jpg', altEn: 'A woman holds potatoes', altVi: 'Một phụ nữ cầm khoai tây', credit: 'ILO/Nguyen Hai Dat 2024', accept: 'image', userId: null },
      );
      const { id } = await insertEvent(t.db, { title: 'Event with a picture', start: '2026-12-24' });
      await t.db.updateTable('events').set({ hero_media_id: media.id }).where('id', '=', id).execute();
      await announce();
      for (const lang of ['en', 'vi'] as const) {
        const hero = doc.answer('/events/{idOrSlug}', await get(`/api/v1/events/${id}?lang=${lang}`)).data.hero as Json;
        assert.equal(hero.alt, lang === 'vi' ? 'Một phụ nữ cầm khoai tây' : 'A woman holds potatoes');
        assert.equal(hero.alt_lang, lang);
        assert.equal(hero.credit.text, '© ILO/Nguyen Hai Dat 2024');
        assert.deepEqual([hero.width, hero.height], [1400, 800]);
        const types = new Set((hero.variants as Json[]).map((v) => v.type));
        assert.deepEqual([...types].sort(), ['image/avif', 'image/jpeg', 'image/webp']);
        assert.ok((hero.variants as Json[]).every((v) => String(v.url).startsWith('http://localhost:3000/media/') && v.width > 0));
      }
    });
  });

  describe('cursors', () => {
    const walk = async (first: string) => {
      const seen: Json[] = [];
      let url: string | null = first;
      let pages = 0;
      while (url) {
        const body = doc.answer('/events', await get(url.replace('http://localhost:3000', '')));
        seen.push(...(body.data as Json[]));
        assert.equal(body.next === null, body.next_cursor === null);
        url = body.next as string | null;
        pages += 1;
      }
      return { seen, pages };
    };

    test('pages of a listing, followed by their next links, give each item once, in order', async () => {
      const whole = doc.answer('/events', await get('/api/v1/events?topic=safety&when=past&limit=100'));
      assert.equal(whole.data.length, SAFETY_EVENTS);
      const { seen, pages } = await walk('/api/v1/events?topic=safety&when=past&limit=5');
      assert.equal(pages, Math.ceil(SAFETY_EVENTS / 5));
      assert.deepEqual(
        seen.map((e) => e.id),
        (whole.data as Json[]).map((e) => e.id),
      );
    });

    test('a cursor survives an item being added before it (and the page’s length may change)', async () => {
      const first = doc.answer('/events', await get('/api/v1/events?topic=safety&when=past&limit=3'));
      const rest = doc.answer('/events', await get(`/api/v1/events?topic=safety&when=past&limit=100&cursor=${first.next_cursor}`));
      const { id } = await insertEvent(t.db, { title: 'Newest safety inspection', start: '2026-11-01' });
      await t.db.insertInto('event_topics').values({ event_id: id, topic_id: (await t.db.selectFrom('topics').select('id').where('slug', '=', 'safety').executeTakeFirstOrThrow()).id }).execute();
      await announce();
      try {
        const again = doc.answer('/events', await get(`/api/v1/events?topic=safety&when=past&limit=100&cursor=${first.next_cursor}`));
        assert.deepEqual(
          (again.data as Json[]).map((e) => e.id),
          (rest.data as Json[]).map((e) => e.id),
        );
        const restart = doc.answer('/events', await get('/api/v1/events?topic=safety&when=past&limit=3'));
        assert.equal(restart.data[0].id, id);
      } finally {
        await t.db.deleteFrom('event_topics').where('event_id', '=', id).execute();
        await t.db.deleteFrom('event_translations').where('event_id', '=', id).execute();
        await t.db.deleteFrom('events').where('id', '=', id).execute();
        await announce();
      }
    });

    test('a cursor from another listing, or altered, is a problem naming the cursor', async () => {
      const events = doc.answer('/events', await get('/api/v1/events?topic=safety&limit=2'));
      const articles = doc.answer('/articles', await get('/api/v1/articles?limit=1'));
      const cursor = String(events.next_cursor);
      const [body = '', check = ''] = cursor.split('.');
      const flipped = `${body.slice(0, -2)}${body.at(-2) === 'A' ? 'B' : 'A'}${body.at(-1)}.${check}`;
      for (const url of [
        `/api/v1/events?topic=child-labour&limit=2&cursor=${cursor}`,
        `/api/v1/events?cursor=${articles.next_cursor}`,
        `/api/v1/events?topic=safety&limit=2&cursor=${flipped}`,
        `/api/v1/events?topic=safety&cursor=not-a-cursor`,
        `/api/v1/events?topic=safety&cursor=${Buffer.from('[1,"x","2024-01-01",1]').toString('base64url')}.AAAAAAAAAAAAAAAA`,
      ]) {
        const res = await get(url);
        assert.equal(res.statusCode, 400, url);
        const problem = doc.answer('/events', res);
        assert.equal(problem.code, 'invalid_input');
        assert.deepEqual((problem.errors as Json[]).map((e) => e.field), ['cursor'], url);
      }
      // The page's length is not part of the listing.
      assert.equal((await get(`/api/v1/events?topic=safety&limit=7&cursor=${cursor}`)).statusCode, 200);
    });
  });

  describe('caching and CORS', () => {
    test('an answer has an ETag and the pages’ Cache-Control; the same ETag gives an empty 304, a change a new answer', async () => {
      const url = '/api/v1/events?topic=child-labour';
      const first = await get(url);
      const etag = String(first.headers.etag);
      assert.match(etag, /^"[\w-]+"$/);
      assert.match(String(first.headers['cache-control']), /^public, max-age=\d+, s-maxage=\d+/);
      const again = await get(url, { 'if-none-match': etag });
      assert.equal(again.statusCode, 304);
      assert.equal(again.body, '');
      assert.equal(again.headers['x-cache'], 'HIT');
      doc.answer('/events', again);
      await t.db.updateTable('event_translations').set({ title: 'Child labour workshop in Ha Noi' }).where('slug', '=', 'child-labour-workshop').execute();
      await announce();
      try {
        const changed = await get(url, { 'if-none-match': etag });
        assert.equal(changed.statusCode, 200);
        assert.notEqual(changed.headers.etag, etag);
        assert.ok(changed.body.includes('Child labour workshop in Ha Noi'));
      } finally {
        await t.db.updateTable('event_translations').set({ title: 'Child labour workshop in Hanoi' }).where('slug', '=', 'child-labour-workshop').execute();
        await announce();
      }
    });

    test('any origin may read it: GET carries Access-Control-Allow-Origin, a preflight is answered', async () => {
      const res = await get('/api/v1/topics', { origin: 'https://partner.example' });
      assert.equal(res.headers['access-control-allow-origin'], '*');
      assert.match(String(res.headers['access-control-expose-headers']), /ETag/);
      const stored = await get('/api/v1/topics', { origin: 'https://other.example' });
      assert.equal(stored.headers['x-cache'], 'HIT');
      assert.equal(stored.headers['access-control-allow-origin'], '*');
      const preflight = await t.app.inject({
        method: 'OPTIONS',
        url: '/api/v1/events?year=2025',
        headers: { origin: 'https://partner.example', 'access-control-request-method': 'GET', 'access-control-request-headers': 'if-none-match' },
      });
      assert.equal(preflight.statusCode, 204);
      assert.equal(preflight.headers['access-control-allow-origin'], '*');
      assert.match(String(preflight.headers['access-control-allow-methods']), /GET/);
      assert.match(String(preflight.headers['access-control-allow-headers']), /If-None-Match/i);
    });
  });

  describe('problem details', () => {
    const problem = async (url: string, template: string, status: number) => {
      const res = await get(url, { accept: 'text/html' });
      assert.equal(res.statusCode, status, url);
      assert.match(String(res.headers['content-type']), /^application\/problem\+json/);
      assert.equal(res.headers['access-control-allow-origin'], '*');
      assert.equal(res.headers['cache-control'], 'no-store');
      const body = doc.answer(template, res);
      assert.equal(body.status, status);
      assert.match(String(body.type), /\/en\/api#problem-/);
      return body;
    };
    const fields = (body: Json) => (body.errors as Json[]).map((e) => e.field);

    test('an unknown filter, a filter of the other kind, a bad date, year, limit or instant: 400 naming the field', async () => {
      const refused: [url: string, template: string, fields: string[]][] = [
        // Filters it does not know, or knows only for the other kind.
        ['/api/v1/events?colour=red', '/events', ['colour']], ['/api/v1/articles?type=webinar&when=past', '/articles', ['type', 'when']],
        // Dates, years and instants that are not ones, and a range that ends before it starts.
        ['/api/v1/events?from=2026-02-30', '/events', ['from']], ['/api/v1/events?to=23/11/2026', '/events', ['to']], ['/api/v1/events?year=twenty', '/events', ['year']],
        ['/api/v1/events?updated_since=yesterday', '/events', ['updated_since']], ['/api/v1/events?year=2025&year=2026', '/events', ['year']],
        ['/api/v1/events?from=2026-12-01&to=2026-11-01', '/events', ['to']],
        // Choices outside their lists, and a limit where there is none.
        ['/api/v1/events?limit=1000', '/events', ['limit']], ['/api/v1/events?type=party', '/events', ['type']], ['/api/v1/events?lang=fr', '/events', ['lang']],
        ['/api/v1/events?topic=no-such-topic', '/events', ['topic']], ['/api/v1/articles?programme=nothing', '/articles', ['programme']],
        ['/api/v1/topics?limit=3', '/topics', ['limit']],
      ];
      for (const [url, template, named] of refused) assert.deepEqual(fields(await problem(url, template, 400)), named, url);
    });

    test('an address the router cannot read, or a slug no item could have, is a 400 problem too', async () => {
      for (const url of ['/api/v1/events/%E0%A4%A', `/api/v1/events/${'a'.repeat(300)}`, '/api/v1/articles/bad%01slug', '/api/v1/articles/two%20words']) {
        const res = await get(url, { accept: 'text/html' });
        assert.equal(res.statusCode >= 400 && res.statusCode < 500, true, url);
        assert.match(String(res.headers['content-type']), /^application\/problem\+json/, url);
        doc.assertValid('Problem', JSON.parse(res.body));
      }
    });

    test('an unknown address under /api/ is a 404 problem, and a server error one without a trace', async () => {
      const missing = await get('/api/v1/calendars', { accept: 'text/html' });
      assert.equal(missing.statusCode, 404);
      assert.match(String(missing.headers['content-type']), /^application\/problem\+json/);
      doc.assertValid('Problem', JSON.parse(missing.body));
      const broken = await buildTestApp({ env: { PAGE_CACHE: 'off' } });
      try {
        await broken.destroyDatabase();
        const res = await broken.app.inject('/api/v1/events');
        assert.equal(res.statusCode, 500);
        assert.match(String(res.headers['content-type']), /^application\/problem\+json/);
        const body = JSON.parse(res.body) as Json;
        doc.assertValid('Problem', body);
        assert.equal(body.code, 'internal_error');
        assert.doesNotMatch(res.body, /\bat .*\.(ts|js):\d+|Error:|destroy|pool|sqlite|postgres/i);
      } finally {
        await broken.close();
      }
    });
  });

  describe('the page for people', () => {
    test('in both languages, documenting every endpoint, parameter and field, with no script', async () => {
      for (const lang of ['en', 'vi'] as const) {
        const res = await get(`/${lang}/api`);
        assert.equal(res.statusCode, 200);
        assert.match(String(res.headers['content-type']), /^text\/html/);
        assert.ok(res.body.includes(`<html lang="${lang}"`));
        assert.ok(!res.body.includes('<script'), 'no script');
        assert.ok(res.body.includes('href="/api/v1/openapi.json"'));
        // Addresses may break after their slashes (<wbr>).
        const text = res.body.replace(/<wbr\s*\/?>/g, '');
        for (const endpoint of ENDPOINTS) assert.ok(text.includes(`GET /api/v1${endpoint.path}`), endpoint.path);
        for (const name of ['updated_since', 'next_cursor', 'event_status', 'alt_lang', 'fallback', 'problem-invalid_input']) assert.ok(res.body.includes(name), name);
      }
      assert.ok((await get('/vi/api')).body.includes('API đọc dữ liệu'));
      const redirect = await get('/api/', { 'accept-language': 'vi,en;q=0.5' });
      assert.equal(redirect.statusCode, 302);
      assert.equal(redirect.headers.location, '/vi/api');
    });
  });
});

/**
 * One rule decides what the API shows (content's isLive): an event and an
 * article scheduled for a later time are in no listing and no item's answer
 * the second before it, in either language, and in all of them the second
 * after, with no scheduler having run and through the page cache; drafts never.
 */
describe('the read API shows nothing before its time', () => {
  let t: TestApp;
  const AT = new Date(DEFAULT_NOW.getTime() + 24 * 3600_000);
  const ids = { event: 0, article: 0, draftEvent: 0, draftArticle: 0 };
  const get = async (url: string) => t.app.inject(url);

  before(async () => {
    t = await buildTestApp();
    await createTaggedContent(t.db);
    const ctx = { user: (await createPeople(t.db)).editor, now: DEFAULT_NOW };
    const vi = { venue: null, city: null, slug: null, status: 'published' as const, summary: null };
    const event = await createEvent(
      t.db,
      ctx,
      eventInput({
        start_date: '2026-11-28',
        en: { title: 'Embargoed forum', summary: null, description: 'Soon.', venue: null, city: null },
        vi: { ...vi, title: 'Diễn đàn chưa công bố', description: 'Sắp tới.' },
      }),
    );
    await scheduleEvent(t.db, ctx, event.id, AT);
    const article = await createArticle(
      t.db,
      ctx,
      articleInput({
        published_on: '2027-01-05',
        en: { title: 'Embargoed story', summary: null, body: 'Soon.', hero_alt: null, byline_role: null, byline_organisation: null },
        vi: { title: 'Câu chuyện chưa công bố', summary: null, body: 'Sắp tới.', hero_alt: null, byline_role: null, byline_organisation: null, slug: null, status: 'published' },
      }),
    );
    await scheduleArticle(t.db, ctx, article.id, AT);
    const draftEvent = await createEvent(t.db, ctx, eventInput({ start_date: '2026-11-29', en: { title: 'Draft forum', summary: null, description: null, venue: null, city: null } }));
    const draftArticle = await createArticle(t.db, ctx, articleInput({ published_on: '2027-01-06', en: { title: 'Draft story', summary: null, body: null, hero_alt: null, byline_role: null, byline_organisation: null } }));
    Object.assign(ids, { event: event.id, article: article.id, draftEvent: draftEvent.id, draftArticle: draftArticle.id });
  });
  after(() => t.close());

  const surfaces = (kind: 'events' | 'articles', id: number, lang: 'en' | 'vi') => [
    `/api/v1/${kind}?lang=${lang}&limit=100`,
    `/api/v1/${kind}?lang=${lang}&limit=100&year=${kind === 'events' ? 2026 : 2027}`,
    `/api/v1/${kind}?lang=${lang}&limit=100&updated_since=2000-01-01T00:00:00Z`,
    ...(kind === 'events' ? [`/api/v1/events?lang=${lang}&when=upcoming`] : []),
    `/api/v1/${kind}/${id}?lang=${lang}`,
  ];
  const shows = async (url: string, id: number) => {
    const res = await get(url);
    if (res.statusCode === 404) return false;
    assert.equal(res.statusCode, 200, url);
    const body = JSON.parse(res.body) as { data: { id: number } | { id: number }[] };
    return Array.isArray(body.data) ? body.data.some((item) => item.id === id) : body.data.id === id;
  };

  test('the second before: nowhere (its slugs find nothing either); the second after: everywhere; drafts never', async () => {
    const slugOf = async (table: 'event_translations' | 'article_translations', column: 'event_id' | 'article_id', id: number) =>
      (await t.db.selectFrom(table).select(['slug', 'lang']).where(column, '=', id).execute()).map((r) => String(r.slug));
    const eventSlugs = await slugOf('event_translations', 'event_id', ids.event);
    const articleSlugs = await slugOf('article_translations', 'article_id', ids.article);
    for (const [instant, visible] of [
      [new Date(AT.getTime() - 1000), false],
      [new Date(AT.getTime() + 1000), true],
    ] as const) {
      t.setNow(instant);
      for (const lang of ['en', 'vi'] as const) {
        for (const url of [...surfaces('events', ids.event, lang), ...eventSlugs.map((s) => `/api/v1/events/${s}?lang=${lang}`)]) {
          assert.equal(await shows(url, ids.event), visible, `${instant.toISOString()} ${url}`);
        }
        for (const url of [...surfaces('articles', ids.article, lang), ...articleSlugs.map((s) => `/api/v1/articles/${s}?lang=${lang}`)]) {
          assert.equal(await shows(url, ids.article), visible, `${instant.toISOString()} ${url}`);
        }
        for (const url of surfaces('events', ids.draftEvent, lang)) assert.equal(await shows(url, ids.draftEvent), false, url);
        for (const url of surfaces('articles', ids.draftArticle, lang)) assert.equal(await shows(url, ids.draftArticle), false, url);
      }
    }
  });
});
