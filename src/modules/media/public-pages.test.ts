/**
 * Media on the public pages: an article's library hero as a responsive
 * picture with its credit, Markdown bodies and descriptions rendered safely,
 * an event's documents, and the seed texts unchanged by Markdown.
 */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { appForBlock } from '../../../test/helpers/build-test-app.js';
import { createArticle, createEvent } from '../../../test/helpers/factories.js';
import { html, text } from '../../../test/helpers/html.js';
import { jpegWithGps, pdfDocument } from '../../../test/helpers/images.js';
import { Paragraphs } from '../../shared/views/Paragraphs.js';
import { renderToString } from 'preact-render-to-string';
import { h } from 'preact';
import { renderMarkdown } from './markdown.js';
import { attachDocument, uploadMedia } from './media.service.js';

const ACTOR = { userId: null };

describe('public pages with media', () => {
  const t = appForBlock();
  before(async () => {
    const deps = { db: t.db, config: t.config, now: () => new Date('2026-11-20T00:00:00Z') };
    const { media } = await uploadMedia(deps, {
      data: await jpegWithGps(1400, 800),
      originalName: 'potatoes.jpg',
      altEn: 'A woman holds potatoes in a field',
      altVi: 'Một phụ nữ cầm khoai tây trên cánh đồng',
      credit: 'ILO/Nguyen Hai Dat 2024',
      accept: 'image',
      userId: null,
    });
    const article = await createArticle(t.db, {
      slug: 'with-library-hero',
      title: 'With a library hero',
      date: '2026-11-10',
      body: 'Intro with **bold** and a [link](https://www.ilo.org).\n\n<img src=x onerror=alert(1)>\n\n[bad](javascript:alert(1))',
      // The old columns are ignored once a library image is set.
      credit: { holder: 'Old', photographer: null, year: 2001 },
    });
    await t.db.updateTable('articles').set({ hero_media_id: media.id }).where('id', '=', article.id).execute();
    await createArticle(t.db, {
      slug: 'imported',
      title: 'Imported story',
      date: '2026-11-01',
      heroImage: '/media/legacy/potatoes.jpg',
      heroAlt: 'Legacy alt',
      credit: { holder: 'ILO', photographer: 'Someone', year: 2019 },
    });

    const event = await createEvent(t.db, {
      slug: 'with-documents',
      title: 'Consultation on the Labour Code',
      start: '2026-12-05',
      description: 'Agenda below.\n\n- Opening\n- Discussion',
      vi: { title: 'Tham vấn về Bộ luật Lao động', slug: 'tham-van' },
    });
    const agenda = await uploadMedia(deps, { data: pdfDocument('Agenda'), originalName: 'Agenda.pdf', accept: 'document', userId: null });
    const note = await uploadMedia(deps, { data: pdfDocument('Note'), originalName: 'note.pdf', accept: 'document', userId: null });
    await attachDocument(deps, event.id, note.media.id, { labelEn: 'Concept note', labelVi: 'Bản thuyết minh' }, ACTOR);
    await attachDocument(deps, event.id, agenda.media.id, { labelEn: 'Agenda' }, ACTOR);
  });

  test('an article hero from the library is a responsive picture, above the fold, with its credit', async () => {
    const res = await t.app.inject({ url: '/en/articles/with-library-hero' });
    assert.equal(res.statusCode, 200);
    const doc = html(res.body);
    const figure = doc.querySelector('figure.hero');
    assert.ok(figure);
    assert.deepEqual(figure.querySelectorAll('picture source').map((s) => s.getAttribute('type')), ['image/avif', 'image/webp']);
    const img = figure.querySelector('picture img');
    assert.equal(img?.getAttribute('alt'), 'A woman holds potatoes in a field');
    assert.equal(img?.getAttribute('width'), '1400');
    assert.equal(img?.getAttribute('height'), '800');
    assert.equal(img?.getAttribute('loading'), undefined, 'the hero is not lazy');
    assert.equal(img?.getAttribute('fetchpriority'), 'high');
    assert.match(img?.getAttribute('srcset') ?? '', /^\/media\/i\/\S+\.jpg 320w, .*\.jpg 1400w$/);
    assert.equal(text(figure.querySelector('figcaption.credit')), '© ILO/Nguyen Hai Dat 2024');
    assert.doesNotMatch(res.body, /© Old/);

    // Link previews and search engines get the widest JPEG, with the library's alt text and credit.
    const og = doc.querySelector('meta[property="og:image"]')?.getAttribute('content') ?? '';
    assert.match(og, /^http:\/\/localhost:3000\/media\/i\/[0-9a-f]{2}\/[0-9a-f]{32}\.jpg$/);
    assert.equal(doc.querySelector('meta[property="og:image:alt"]')?.getAttribute('content'), 'A woman holds potatoes in a field');
    const ld = JSON.parse(doc.querySelector('script[type="application/ld+json"]')?.textContent ?? '{}') as { image?: Record<string, unknown> };
    assert.equal(ld.image?.url, og);
    assert.deepEqual([ld.image?.width, ld.image?.height, ld.image?.creditText], [1400, 800, '© ILO/Nguyen Hai Dat 2024']);
    assert.deepEqual(ld.image?.copyrightHolder, { '@type': 'Organization', name: 'ILO' });

    // Every URL in the srcsets is served.
    const urls = [...figure.querySelectorAll('source'), img!].flatMap((el) =>
      (el.getAttribute('srcset') ?? '').split(', ').map((entry) => entry.split(' ')[0]!),
    );
    assert.equal(urls.length, 15, '5 widths (320…1280, then 1400) × 3 formats');
    for (const url of urls) assert.equal((await t.app.inject({ url })).statusCode, 200, url);
  });

  test('the listing shows the library image as a lazy thumbnail with its credit', async () => {
    const doc = html((await t.app.inject({ url: '/en/articles' })).body);
    const first = doc.querySelector('li.article-item');
    assert.equal(first?.querySelector('picture img')?.getAttribute('loading'), 'lazy');
    assert.equal(first?.querySelector('picture img')?.getAttribute('sizes'), '20rem');
    assert.equal(text(first?.querySelector('.credit')), '© ILO/Nguyen Hai Dat 2024');
  });

  test('an imported article keeps its own image path and credit', async () => {
    const doc = html((await t.app.inject({ url: '/en/articles/imported' })).body);
    assert.equal(doc.querySelector('figure.hero picture'), null);
    assert.equal(doc.querySelector('figure.hero img')?.getAttribute('src'), '/media/legacy/potatoes.jpg');
    assert.equal(doc.querySelector('figure.hero img')?.getAttribute('alt'), 'Legacy alt');
    assert.equal(text(doc.querySelector('figure.hero figcaption')), '© ILO/Someone 2019');
  });

  test('the body is Markdown, sanitized', async () => {
    const res = await t.app.inject({ url: '/en/articles/with-library-hero' });
    const body = html(res.body).querySelector('.article-body');
    assert.ok(body);
    assert.equal(text(body.querySelector('strong')), 'bold');
    assert.equal(body.querySelector('a[href="https://www.ilo.org"]')?.getAttribute('rel'), 'noopener noreferrer');
    assert.equal(body.querySelector('img'), null);
    assert.doesNotMatch(body.toString(), /javascript:|<img/);
    assert.match(text(body), /<img src=x onerror=alert\(1\)>/, 'raw HTML is shown as text');
  });

  test('an event page renders its description as Markdown and lists its documents with their size', async () => {
    const res = await t.app.inject({ url: '/en/events/with-documents' });
    assert.equal(res.statusCode, 200);
    const doc = html(res.body);
    assert.deepEqual(doc.querySelectorAll('.event-body li').map(text), ['Opening', 'Discussion']);
    const links = doc.querySelectorAll('.attachments a');
    assert.deepEqual(links.map(text), ['Concept note', 'Agenda']);
    assert.match(links[1]?.getAttribute('href') ?? '', /^\/media\/d\/[0-9a-f]{32}\/agenda\.pdf$/);
    assert.equal(links[1]?.getAttribute('type'), 'application/pdf');
    assert.deepEqual(doc.querySelectorAll('.attachments .attachment-size').map(text), [
      `(PDF, ${pdfDocument('Note').length} B)`,
      `(PDF, ${pdfDocument('Agenda').length} B)`,
    ]);
    const pdf = await t.app.inject({ url: links[1]?.getAttribute('href') ?? '' });
    assert.equal(pdf.statusCode, 200);
    assert.equal(pdf.headers['content-type'], 'application/pdf');
  });

  test('on the Vietnamese page: Vietnamese labels where given, English ones marked as English', async () => {
    const doc = html((await t.app.inject({ url: '/vi/events/tham-van' })).body);
    assert.equal(text(doc.querySelector('.attachments h2')), 'Tài liệu');
    const links = doc.querySelectorAll('.attachments a');
    assert.deepEqual(links.map((a) => [text(a), a.getAttribute('lang') ?? null]), [
      ['Bản thuyết minh', null],
      ['Agenda', 'en'],
    ]);
  });

  test('an event without documents has no documents section', async () => {
    await createEvent(t.db, { slug: 'plain-event', description: 'Nothing attached.' });
    const doc = html((await t.app.inject({ url: '/en/events/plain-event' })).body);
    assert.equal(doc.querySelector('.attachments'), null);
  });
});

describe('the seed texts read the same as Markdown', () => {
  const t = appForBlock({ seed: true });

  test('every imported description, summary and body renders as the same paragraphs', async () => {
    const events = await t.db.selectFrom('event_translations').select(['description', 'summary']).execute();
    const articles = await t.db.selectFrom('article_translations').select(['body', 'summary']).execute();
    const texts = [...events.flatMap((e) => [e.description, e.summary]), ...articles.flatMap((a) => [a.body, a.summary])].filter(
      (s): s is string => Boolean(s),
    );
    assert.ok(texts.length >= 30, `seed texts found: ${texts.length}`);
    for (const source of texts) {
      const asMarkdown = html(renderMarkdown(source));
      const asPlain = html(renderToString(h(Paragraphs, { text: source })));
      // Only paragraphs: no list, heading, code or quote was made out of plain prose.
      assert.deepEqual(new Set(asMarkdown.querySelectorAll('*').map((e) => e.tagName.toLowerCase())), new Set(['p']), source);
      assert.deepEqual(asMarkdown.querySelectorAll('p').map(text), asPlain.querySelectorAll('p').map(text), source);
    }
  });
});
