/**
 * The listings' counts and year choices are kept in memory between changes
 * (content's rememberedLiveRead): an unfiltered listing asked again runs
 * only its page's statement. They still follow the clock with nothing
 * written: a scheduled item's time coming adds it to the counts and its year
 * to the choices, and the day turning moves an event from upcoming to past.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildTestApp, type TestApp } from '../../../test/helpers/build-test-app.js';
import { createArticle, createEvent } from '../../../test/helpers/factories.js';
import { html } from '../../../test/helpers/html.js';
import { pageStatements } from '../../../test/helpers/statements.js';
import { keptAnswerCount } from '../../db/remembered-reads.js';

/** The start of the test app's clock: 2026-11-23 09:00 in Hanoi. */
const NOW = new Date('2026-11-23T02:00:00Z');
/** Two hours later: the scheduled items' time. */
const AT = new Date('2026-11-23T04:00:00Z');

/** The year choices of a listing's filter form, and its heading counts' text. */
async function listing(t: TestApp, url: string): Promise<{ years: string[]; text: string }> {
  const res = await t.app.inject({ url });
  assert.equal(res.statusCode, 200, url);
  const doc = html(res.body);
  const years = doc.querySelectorAll('select[name="year"] option').map((o) => o.getAttribute('value') ?? '').filter(Boolean);
  return { years, text: doc.querySelector('main')?.textContent ?? '' };
}

describe("the listings' kept counts and years", () => {
  test('asked again, an unfiltered listing runs fewer statements; a filtered one reads its counts each time', async () => {
    const t = await buildTestApp({ seed: true, now: NOW, env: { PAGE_CACHE: 'off' } });
    try {
      for (const url of ['/en/events', '/vi/events', '/en/articles']) {
        const again = await pageStatements(t, url);
        assert.ok(!again.some((s) => /with recursive span/i.test(s)), `${url}: the counts and years are not read again (${again.length} statements)`);
      }
      const filtered = await pageStatements(t, '/en/events?year=2024');
      assert.ok(filtered.some((s) => /with recursive span/i.test(s)), 'a filtered listing reads its counts');
    } finally {
      await t.close();
    }
  });

  test("a scheduled event's and article's time coming adds them, with their years, with nothing written", async () => {
    const t = await buildTestApp({ seed: true, now: NOW, env: { PAGE_CACHE: 'off' } });
    try {
      const event = await createEvent(t.db, { title: 'A scheduled meeting in 2031', start: '2031-05-04' });
      const article = await createArticle(t.db, { title: 'A scheduled article', date: '2019-02-01' });
      await t.db.updateTable('events').set({ publish_at: AT.toISOString() }).where('id', '=', event.id).execute();
      await t.db.updateTable('articles').set({ publish_at: AT.toISOString() }).where('id', '=', article.id).execute();

      const before = { events: await listing(t, '/en/events'), articles: await listing(t, '/en/articles'), search: await listing(t, '/en/search') };
      assert.ok(!before.events.years.includes('2031'), 'not yet: the event');
      assert.ok(!before.events.text.includes('A scheduled meeting in 2031'));
      assert.ok(!before.articles.years.includes('2019'), 'not yet: the article');
      assert.ok(!before.search.years.includes('2031') && !before.search.years.includes('2019'), 'not yet: on the search page');
      // Asked again a minute before its time, from memory: still not there.
      t.setNow(new Date(AT.getTime() - 60_000));
      assert.ok(!(await listing(t, '/en/events')).years.includes('2031'));

      t.setNow(AT);
      const events = await listing(t, '/en/events');
      assert.ok(events.years.includes('2031'), `the event's year is offered (${events.years.join(', ')})`);
      assert.ok(events.text.includes('A scheduled meeting in 2031'), 'and the event is listed');
      assert.ok((await listing(t, '/en/articles')).years.includes('2019'), "the article's year is offered");
      const search = await listing(t, '/en/search');
      assert.ok(search.years.includes('2031') && search.years.includes('2019'), `the search page offers both years (${search.years.join(', ')})`);
    } finally {
      await t.close();
    }
  });

  test('the day turning moves an event from upcoming to past, with nothing written', async () => {
    const t = await buildTestApp({ seed: true, now: NOW, env: { PAGE_CACHE: 'off' } });
    try {
      const firstPage = async () => {
        const doc = html((await t.app.inject({ url: '/en/events' })).body);
        const titles = (section: string) => doc.querySelectorAll(`section[aria-labelledby="${section}"] a.item-title`).map((a) => a.textContent.trim());
        return { upcoming: titles('upcoming'), past: titles('past') };
      };
      await createEvent(t.db, { title: 'A meeting today', start: '2026-11-23' });
      const today = await firstPage();
      await firstPage();
      assert.ok(today.upcoming.includes('A meeting today'));
      // The next day in Hanoi.
      t.setNow(new Date('2026-11-23T17:30:00Z'));
      const tomorrow = await firstPage();
      assert.equal(tomorrow.upcoming.length, today.upcoming.length - 1, 'one upcoming event fewer the next day');
      assert.ok(tomorrow.past.includes('A meeting today'), 'the meeting is among the past ones');
      // The page is as full as before: its window was cut from the day's counts.
      assert.equal(tomorrow.upcoming.length + tomorrow.past.length, today.upcoming.length + today.past.length);
      // A day's counts take the place of the day before's: with nothing written for a week, the memory does not grow.
      const kept = keptAnswerCount(t.db);
      for (let day = 2; day <= 7; day += 1) {
        t.setNow(new Date(Date.parse('2026-11-23T17:30:00Z') + (day - 1) * 86_400_000));
        await firstPage();
      }
      assert.equal(keptAnswerCount(t.db), kept, 'as many answers kept after a week as after a day');
    } finally {
      await t.close();
    }
  });
});
