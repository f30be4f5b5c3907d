import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { validateXML } from 'xmllint-wasm';
import { appForBlock } from '../../../test/helpers/build-test-app.js';
import { postForm, signedInForBlock } from '../../../test/helpers/admin-session.js';
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
  const t = appForBlock({ env: { PAGE_CACHE: 'off' } });
  const editor = signedInForBlock(t, 'editor');

  /**
   * The news feeds and the calendar answer 200, as well-formed XML and a clean
   * calendar; the RSS matches `inRss` and an event's summary passes `hasEvent`.
   */
  async function assertCleanFeeds(inRss: RegExp, hasEvent: (summary: string) => boolean): Promise<void> {
    const [rssRes, atomRes, icsRes] = await Promise.all(['/en/articles.rss', '/en/articles.atom', '/en/events.ics'].map((url) => t.app.inject({ url })));
    for (const res of [rssRes, atomRes, icsRes]) assert.equal(res?.statusCode, 200);
    const [rss, atom, ics] = [rssRes!.body, atomRes!.body, icsRes!.body];
    assert.match(rss, inRss);
    await assertWellFormedXml('articles.rss', rss);
    await assertWellFormedXml('articles.atom', atom);
    assertCleanCalendar(ics);
    const summaries = [...parseCalendar(ics).events.values()].map((e) => e.summary);
    assert.ok(summaries.some(hasEvent), summaries.join(' | '));
  }

  /** Creates an item through its admin form and publishes it; its id. */
  async function createAndPublish(kind: 'articles' | 'events', fields: Record<string, string>): Promise<string | undefined> {
    const created = await postForm(t.app, { url: `/admin/${kind}`, session: editor, fields });
    assert.equal(created.statusCode, 303, created.body.slice(0, 300));
    const id = new RegExp(`/admin/${kind}/(\\d+)`).exec(String(created.headers.location))?.[1];
    assert.equal((await postForm(t.app, { url: `/admin/${kind}/${id}/publish`, session: editor })).statusCode, 303);
    return id;
  }

  test('saved through the admin forms (a vertical tab from Word, a NUL, every C0 and C1 control)', async () => {
    const articleId = await createAndPublish('articles', {
      en_title: 'Coffee\vfarms\0 of Đắk Lắk',
      en_summary: `Decent work\von the plateau.\0${EVERY_CONTROL}`,
      en_body: `Harvest\vtime.${EVERY_CONTROL}`,
      published_on: '2026-11-20',
      credit_holder: 'ILO\0',
      credit_photographer: 'Nguyen\vHai Dat',
      byline_kind: 'by',
      byline_name: 'Lan\u0007 Nguyen',
    });
    await createAndPublish('events', {
      en_title: 'Tripartite\vworkshop\0 in Ha Noi',
      en_summary: `Employers,\vworkers\0 and government meet.${EVERY_CONTROL}`,
      en_venue: 'Melia\0 Hotel',
      event_type: 'workshop',
      attendance_mode: 'in_person',
      all_day: '1',
      start_date: '2026-12-03',
      time_zone: '',
    });

    const stored = await t.db
      .selectFrom('article_translations')
      .select(['title', 'summary'])
      .where('article_id', '=', Number(articleId))
      .where('lang', '=', 'en')
      .executeTakeFirstOrThrow();
    assert.deepEqual(stored, { title: 'Coffee farms of Đắk Lắk', summary: 'Decent work\non the plateau.' });

    await assertCleanFeeds(/Coffee farms of Đắk Lắk/, (summary) => summary === 'Tripartite workshop in Ha Noi');
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

    await assertCleanFeeds(/Seeds of hope\uFFFD/, (summary) => summary === 'Labour migration forum');
  });

  test('rows stored before normalisation still give well-formed feeds and a clean calendar', async () => {
    // PostgreSQL cannot store a NUL at all; SQLite can, so old rows there may hold one.
    const nul = testDatabaseUrl ? '' : '\0';
    const hostile = `Old\vrow${nul} from\u0085 before\r${EVERY_CONTROL.replace('\0', nul)}\uD800\uFFFE`;
    await createArticle(t.db, { slug: 'old-row', title: `Old article ${hostile}`, date: '2026-11-22', summary: hostile, body: hostile, byline: { kind: 'by', name: `Lan${hostile}`, role: null, organisation: null } });
    await createEvent(t.db, { slug: 'old-event', title: `Old event ${hostile}`, start: '2026-12-20', description: hostile, venue: hostile, city: hostile });
    await assertCleanFeeds(/Old article Old row/, (summary) => summary.startsWith('Old event Old row'));
  });
});
