/**
 * Markdown on the site's pages: rendered once when a text is saved (by the
 * admin, the importer or the generator), stored beside it, and only read by
 * the pages; hostile Markdown breaks no page and stalls no request.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { appForBlock, DEFAULT_NOW } from '../../../test/helpers/build-test-app.js';
import { getPage, postForm, postFromScript, signedInForBlock } from '../../../test/helpers/admin-session.js';
import { createArticle, createEvent } from '../../../test/helpers/factories.js';
import { cpuTimeAsync } from '../../../test/helpers/cpu-time.js';
import { html, text } from '../../../test/helpers/html.js';
import { openTestDatabase } from '../../../test/helpers/test-database.js';
import { articlePath, eventPath } from '../../shared/http/paths.js';
import { generateContent, importSampleContent } from '../importer/index.js';
import { renderMarkdown } from './markdown.js';
import { renderMissingText, rerenderAllText } from './rendered-text.js';

/** Nested thousands deep: once enough to overflow marked's stack. */
const NESTED = ['> '.repeat(4000) + 'x', '- '.repeat(3000) + 'x', '1. '.repeat(2000) + 'x'];

describe('Markdown on pages', () => {
  const t = appForBlock();
  const editor = signedInForBlock(t, 'editor');
  const contributor = signedInForBlock(t, 'contributor');

  /** The live preview's request, as the editor's script sends it. */
  const preview = (markdown: string) => postFromScript(t.app, contributor, '/admin/markdown/preview', { text: markdown });

  test('an event or article published with Markdown nested thousands deep: its page and page 1 of its listing answer 200', async () => {
    for (const [i, markdown] of NESTED.entries()) {
      const event = await createEvent(t.db, { title: `Nested event ${i}`, start: '2026-12-01', description: markdown });
      const article = await createArticle(t.db, { title: `Nested article ${i}`, date: '2026-11-20', body: markdown });
      for (const url of [eventPath('en', event.slug), '/en/events', articlePath('en', article.slug), '/en/articles']) {
        const res = await getPage(t.app, url);
        assert.equal(res.statusCode, 200, `${url} with ${markdown.slice(0, 6)}…`);
      }
      const page = html((await getPage(t.app, eventPath('en', event.slug))).body);
      assert.match(text(page.querySelector('.event-description')), /x$/);
    }
  });

  test("a contributor's preview of a draft with Markdown nested thousands deep answers 200", async () => {
    const res = await postForm(t.app, {
      url: '/admin/events',
      session: contributor,
      fields: { en_title: 'Deep draft', en_description: NESTED[0]!, event_type: 'workshop', attendance_mode: 'in_person', all_day: '1', start_date: '2026-12-03', time_zone: '' },
    });
    assert.equal(res.statusCode, 303, res.body.slice(0, 300));
    const id = /\/admin\/events\/(\d+)/.exec(String(res.headers.location))?.[1];
    const preview = await getPage(t.app, `/admin/events/${id}/preview`, contributor);
    assert.equal(preview.statusCode, 200);
  });

  test('an admin save stores the HTML beside the Markdown, and a later save replaces it', async () => {
    const fields = { en_title: 'Stored text', en_description: 'Workers **and** employers.', event_type: 'workshop', attendance_mode: 'in_person', all_day: '1', start_date: '2026-12-03', time_zone: '' };
    const res = await postForm(t.app, { url: '/admin/events', session: editor, fields });
    assert.equal(res.statusCode, 303, res.body.slice(0, 300));
    const id = Number(/\/admin\/events\/(\d+)/.exec(String(res.headers.location))?.[1]);
    const stored = () => t.db.selectFrom('event_translations').select('description_html').where('event_id', '=', id).where('lang', '=', 'en').executeTakeFirstOrThrow();
    assert.equal((await stored()).description_html, '<p>Workers <strong>and</strong> employers.</p>');

    const form = html((await getPage(t.app, `/admin/events/${id}`, editor)).body);
    const revision = form.querySelector('input[name=revision]')?.getAttribute('value') ?? '';
    const edit = await postForm(t.app, { url: `/admin/events/${id}`, session: editor, fields: { ...fields, revision, en_description: 'Now *in italics*.' } });
    assert.equal(edit.statusCode, 303, edit.body.slice(0, 300));
    assert.equal((await stored()).description_html, '<p>Now <em>in italics</em>.</p>');
  });

  test('pages show the stored HTML: they render no Markdown while answering', async () => {
    const event = await createEvent(t.db, { title: 'Stored HTML event', start: '2026-12-02', description: 'As *typed*.' });
    const article = await createArticle(t.db, { title: 'Stored HTML article', date: '2026-11-21', body: 'As *typed*.' });
    await t.db.updateTable('event_translations').set({ description_html: '<p>As <strong>stored</strong>.</p>' }).where('event_id', '=', event.id).execute();
    await t.db.updateTable('article_translations').set({ body_html: '<p>As <strong>stored</strong>.</p>' }).where('article_id', '=', article.id).execute();
    for (const url of [eventPath('en', event.slug), '/en/events', articlePath('en', article.slug)]) {
      const body = (await getPage(t.app, url)).body;
      assert.match(body, /As <strong>stored<\/strong>\./, url);
      assert.doesNotMatch(body, /As <em>typed<\/em>/, url);
    }
  });

  test('the live preview renders "_a" repeated in time in proportion to its length', async () => {
    const res = await preview('_a'.repeat(50_000));
    assert.equal(res.statusCode, 200);
    assert.match((res.json() as { html: string }).html, /^<p>_a_a/);
    const ratio = (await cpuTimeAsync(() => preview('_a'.repeat(25_000)))) / (await cpuTimeAsync(() => preview('_a'.repeat(2_500)), 5));
    assert.ok(ratio < 40, `10× the text took ${ratio.toFixed(1)}× the time`);

  });

  test('the live preview renders away from the thread that answers requests: the server is never blocked for long', async () => {
    // The longest stall of the event loop while a slow preview is made, against how long it takes.
    let last = performance.now();
    let longestStall = 0;
    const ticker = setInterval(() => {
      const now = performance.now();
      longestStall = Math.max(longestStall, now - last);
      last = now;
    }, 2);
    const start = performance.now();
    // Stopped however the requests end: a ticker left running would keep the test process alive.
    const [res, health] = await Promise.all([preview('**a'.repeat(16_000)), t.app.inject({ url: '/healthz' })]).finally(() => clearInterval(ticker));
    const took = performance.now() - start;
    longestStall = Math.max(longestStall, performance.now() - last);
    assert.equal(res.statusCode, 200);
    assert.equal(health.statusCode, 200);
    assert.match((res.json() as { html: string }).html, /<strong>a<\/strong>/);
    assert.ok(longestStall < took / 2, `the event loop stalled ${longestStall.toFixed(0)} ms of ${took.toFixed(0)} ms`);
  });
});

describe('every writer stores the HTML', () => {
  test('the importer (the sample content) and the generator store each text with its HTML', async () => {
    const handle = await openTestDatabase();
    try {
      await importSampleContent(handle.db, DEFAULT_NOW);
      await generateContent(handle.db, { events: 3, articles: 3, now: DEFAULT_NOW, seed: 7 });
      const events = await handle.db.selectFrom('event_translations').select(['description', 'description_html']).where('description', 'is not', null).execute();
      const articles = await handle.db.selectFrom('article_translations').select(['body', 'body_html']).where('body', 'is not', null).execute();
      assert.ok(events.length > 20 && articles.length > 3);
      for (const row of events) assert.equal(row.description_html, renderMarkdown(row.description));
      for (const row of articles) assert.equal(row.body_html, renderMarkdown(row.body));
    } finally {
      await handle.destroy();
    }
  });

  test('missing HTML is filled in (as the server does at start); render-text renders everything again', async () => {
    const handle = await openTestDatabase();
    try {
      const db = handle.db;
      const one = await createEvent(db, { description: 'One *one*' });
      const two = await createEvent(db, { description: 'Two *two*' });
      const none = await createEvent(db, { description: null });
      const article = await createArticle(db, { body: 'Three *three*' });
      await db.updateTable('event_translations').set({ description_html: null }).where('event_id', '=', one.id).execute();
      await db.updateTable('event_translations').set({ description_html: '<p>old rules</p>' }).where('event_id', '=', two.id).execute();
      await db.updateTable('article_translations').set({ body_html: null }).execute();
      const html = async (id: number) => (await db.selectFrom('event_translations').select('description_html').where('event_id', '=', id).executeTakeFirstOrThrow()).description_html;

      assert.equal(await renderMissingText(db), 2);
      assert.equal(await html(one.id), '<p>One <em>one</em></p>');
      assert.equal(await html(two.id), '<p>old rules</p>');
      assert.equal(await html(none.id), null);
      assert.equal((await db.selectFrom('article_translations').select('body_html').where('article_id', '=', article.id).executeTakeFirstOrThrow()).body_html, '<p>Three <em>three</em></p>');
      assert.equal(await renderMissingText(db), 0);

      assert.equal(await rerenderAllText(db), 3);
      assert.equal(await html(two.id), '<p>Two <em>two</em></p>');
    } finally {
      await handle.destroy();
    }
  });
});
