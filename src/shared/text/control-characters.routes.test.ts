import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { validateXML } from 'xmllint-wasm';
import { buildTestApp, type TestApp } from '../../../test/helpers/build-test-app.js';
import { postForm, signIn, type AdminSession } from '../../../test/helpers/admin-session.js';
import { parseCalendar } from '../../../test/helpers/ical.js';
import { createArticle, createEvent } from '../../../test/helpers/factories.js';
import { testDatabaseUrl } from '../../../test/helpers/test-database.js';
import { importListings } from '../../modules/importer/index.js';

/** Every C0 control, DEL and every C1 control. */
const EVERY_CONTROL = String.fromCharCode(...Array.from({ length: 0x20 }, (_, i) => i), ...Array.from({ length: 0x21 }, (_, i) => 0x7f + i));
// Controls that break XML 1.0 or iCalendar (CR and LF are line ends the writers handle).
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const FORBIDDEN = /[\0-\x08\x0B\x0C\x0E-\x1F\x7F\uFFFE\uFFFF]/;

async function assertWellFormedXml(name: string, body: string): Promise<void> {
  const result = await validateXML({ xml: { fileName: name, contents: body }, normalization: 'format' });
  assert.deepEqual(
    result.errors.map((e) => e.message),
    [],
    `${name} is well-formed XML 1.0`,
  );
  assert.equal(result.valid, true);
}

/** Only CR LF ends a line, and no control but the tab is left inside one. */
function assertCleanCalendar(body: string): void {
  assert.ok(!body.includes('\0'), 'no NUL byte');
  for (const line of body.split('\r\n')) {
    assert.doesNotMatch(line, /[\r\n]/, 'a bare CR or LF');
    assert.doesNotMatch(line, FORBIDDEN, `a control character in ${JSON.stringify(line)}`);
  }
}

describe('control characters pasted into titles and summaries never reach the feeds and calendars', () => {
  let t: TestApp;
  let editor: AdminSession;
  before(async () => {
    t = await buildTestApp({ env: { PAGE_CACHE: 'off' } });
    editor = await signIn(t.app, t.db, 'editor');
  });
  after(() => t.close());

  async function feeds(): Promise<{ rss: string; atom: string; ics: string }> {
    const [rss, atom, ics] = await Promise.all(['/en/articles.rss', '/en/articles.atom', '/en/events.ics'].map((url) => t.app.inject({ url })));
    for (const res of [rss, atom, ics]) assert.equal(res?.statusCode, 200);
    return { rss: rss!.body, atom: atom!.body, ics: ics!.body };
  }

  test('saved through the admin forms (a vertical tab from Word, a NUL, every C0 and C1 control)', async () => {
    const article = await postForm(t.app, {
      url: '/admin/articles',
      session: editor,
      fields: {
        en_title: 'Coffee\vfarms\0 of Đắk Lắk',
        en_summary: `Decent work\von the plateau.\0${EVERY_CONTROL}`,
        en_body: `Harvest\vtime.${EVERY_CONTROL}`,
        published_on: '2026-11-20',
        credit_holder: 'ILO\0',
        credit_photographer: 'Nguyen\vHai Dat',
        byline_kind: 'by',
        byline_name: 'Lan\u0007 Nguyen',
      },
    });
    assert.equal(article.statusCode, 303, article.body.slice(0, 300));
    const articleId = /\/admin\/articles\/(\d+)/.exec(String(article.headers.location))?.[1];
    assert.equal((await postForm(t.app, { url: `/admin/articles/${articleId}/publish`, session: editor })).statusCode, 303);

    const event = await postForm(t.app, {
      url: '/admin/events',
      session: editor,
      fields: {
        en_title: 'Tripartite\vworkshop\0 in Ha Noi',
        en_summary: `Employers,\vworkers\0 and government meet.${EVERY_CONTROL}`,
        en_venue: 'Melia\0 Hotel',
        event_type: 'workshop',
        attendance_mode: 'in_person',
        all_day: '1',
        start_date: '2026-12-03',
        time_zone: '',
      },
    });
    assert.equal(event.statusCode, 303, event.body.slice(0, 300));
    const eventId = /\/admin\/events\/(\d+)/.exec(String(event.headers.location))?.[1];
    assert.equal((await postForm(t.app, { url: `/admin/events/${eventId}/publish`, session: editor })).statusCode, 303);

    const stored = await t.db
      .selectFrom('article_translations')
      .select(['title', 'summary'])
      .where('article_id', '=', Number(articleId))
      .where('lang', '=', 'en')
      .executeTakeFirstOrThrow();
    assert.deepEqual(stored, { title: 'Coffee farms of Đắk Lắk', summary: 'Decent work\non the plateau.' });

    const { rss, atom, ics } = await feeds();
    assert.match(rss, /Coffee farms of Đắk Lắk/);
    await assertWellFormedXml('articles.rss', rss);
    await assertWellFormedXml('articles.atom', atom);
    assertCleanCalendar(ics);
    const summaries = [...parseCalendar(ics).events.values()].map((e) => e.summary);
    assert.ok(summaries.includes('Tripartite workshop in Ha Noi'), summaries.join(' | '));
  });

  test('imported from a listing page (a vertical tab, controls and a lone surrogate)', async () => {
    const events = [
      'Events and meetings',
      '',
      'December 2026',
      '',
      '  1. Labour\vmigration\u0007 forum\u009b',
      '',
      '    10 December 2026',
      '',
      `    Officials\vand\u001b workers\u0085 meet.\uD800${EVERY_CONTROL.replace(/[\n\r]/g, '')}`,
      '',
    ].join('\n');
    const articles = [
      'Feature articles',
      '',
      '',
      '  1. Seeds\vof\u0008 hope\uDC00',
      '',
      '    21 November 2026',
      '',
      '    A mother\fplants\u007f potatoes.',
      '',
    ].join('\n');
    await importListings(t.db, [{ file: 'events.txt', text: events }, { file: 'articles.txt', text: articles }], { now: new Date('2026-11-23T02:00:00Z') });

    const { rss, atom, ics } = await feeds();
    assert.match(rss, /Seeds of hope\uFFFD/);
    await assertWellFormedXml('articles.rss', rss);
    await assertWellFormedXml('articles.atom', atom);
    assertCleanCalendar(ics);
    const summaries = [...parseCalendar(ics).events.values()].map((e) => e.summary);
    assert.ok(summaries.includes('Labour migration forum'), summaries.join(' | '));
  });

  test('rows stored before normalisation still give well-formed feeds and a clean calendar', async () => {
    // PostgreSQL cannot store a NUL at all; SQLite can, so old rows there may hold one.
    const nul = testDatabaseUrl ? '' : '\0';
    const hostile = `Old\vrow${nul} from\u0085 before\r${EVERY_CONTROL.replace('\0', nul)}\uD800\uFFFE`;
    await createArticle(t.db, { slug: 'old-row', title: `Old article ${hostile}`, date: '2026-11-22', summary: hostile, body: hostile, byline: { kind: 'by', name: `Lan${hostile}`, role: null, organisation: null } });
    await createEvent(t.db, { slug: 'old-event', title: `Old event ${hostile}`, start: '2026-12-20', description: hostile, venue: hostile, city: hostile });
    const { rss, atom, ics } = await feeds();
    await assertWellFormedXml('articles.rss', rss);
    await assertWellFormedXml('articles.atom', atom);
    assert.match(rss, /Old article Old row/);
    assertCleanCalendar(ics);
    const summaries = [...parseCalendar(ics).events.values()].map((e) => e.summary);
    assert.ok(summaries.some((s) => s.startsWith('Old event Old row')), summaries.join(' | '));
  });
});
