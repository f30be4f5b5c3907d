import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type ICAL from 'ical.js';
import { appForBlock } from '../../../test/helpers/build-test-app.js';
import { createEvent, TIMED_WEBINAR } from '../../../test/helpers/factories.js';
import { html } from '../../../test/helpers/html.js';
import { parseCalendar } from '../../../test/helpers/ical.js';

function bySummary(events: Map<string, ICAL.Event>, summary: string): ICAL.Event {
  const found = [...events.values()].find((e) => e.summary === summary);
  assert.ok(found, `no event "${summary}"`);
  return found;
}

describe('calendar feeds', () => {
  const t = appForBlock({ seed: true });
  before(async () => {
    await createEvent(t.db, TIMED_WEBINAR);
    await createEvent(t.db, { slug: 'a-draft', title: 'A draft', status: 'draft' });
  });

  test('all events: text/calendar, every published event, the seed multi-day events with exclusive ends', async () => {
    const res = await t.app.inject({ url: '/en/events.ics' });
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-type'], 'text/calendar; charset=utf-8');
    assert.match(res.headers['cache-control'] as string, /public/);
    const { calendar, events } = parseCalendar(res.body);
    assert.equal(events.size, 21);
    assert.equal(calendar.getFirstPropertyValue('x-wr-calname'), `${t.config.SITE_NAME}: events and meetings`);
    assert.ok(![...events.values()].some((e) => e.summary === 'A draft'));

    const c105 = bySummary(events, 'Technical meetings on Convention 105 ratification dossier');
    assert.equal(c105.startDate.isDate, true);
    assert.equal(c105.startDate.toString(), '2020-03-01');
    assert.equal(c105.endDate.toString(), '2020-03-08');
    const certification = bySummary(events, 'ENHANCE project to develop child labour free certification scheme');
    assert.equal(certification.startDate.toString(), '2020-01-01');
    assert.equal(certification.endDate.toString(), '2020-05-01');
    const csr = bySummary(events, 'Technical workshop "CSR implementation at enterprises - role and engagement of the workers" for policy makers');
    assert.equal(csr.endDate.toString(), '2020-02-15');
    const oneDay = bySummary(events, 'SCORE Workshop on good practice sharing');
    assert.equal(oneDay.startDate.toString(), '2020-07-28');
    assert.equal(oneDay.endDate.toString(), '2020-07-29');
    assert.deepEqual(oneDay.component.getFirstProperty('categories')?.getValues(), ['Workshop']);

    const webinar = bySummary(events, 'Timed webinar');
    assert.equal(webinar.startDate.zone?.tzid, 'Asia/Ho_Chi_Minh');
    assert.equal(webinar.startDate.toJSDate().toISOString(), '2026-12-07T02:00:00.000Z');
    assert.equal(webinar.component.getFirstPropertyValue('url'), `${t.config.PUBLIC_URL}/en/events/timed-webinar`);

    const uids = [...events.keys()];
    assert.equal(new Set(uids).size, uids.length);
  });

  test('a cancelled event: STATUS:CANCELLED, a higher SEQUENCE, the same UID', async () => {
    const before = parseCalendar((await t.app.inject({ url: '/en/events.ics' })).body).events;
    const scheduled = bySummary(before, 'Timed webinar');
    assert.equal(scheduled.component.getFirstPropertyValue('status'), 'CONFIRMED');
    assert.equal(scheduled.sequence, 0);
    // What the editing service does when an event is cancelled: a new revision.
    await t.db
      .updateTable('events')
      .set({ event_status: 'cancelled', revision: 2, updated_at: '2026-11-23T03:00:00.000Z' })
      .where('slug', '=', 'timed-webinar')
      .execute();
    await t.app.contentChanges.announce('event cancelled');
    const after = parseCalendar((await t.app.inject({ url: '/en/events.ics' })).body).events;
    const cancelled = bySummary(after, 'Timed webinar');
    assert.equal(cancelled.uid, scheduled.uid);
    assert.equal(cancelled.component.getFirstPropertyValue('status'), 'CANCELLED');
    assert.equal(cancelled.sequence, 1);
    await t.db.updateTable('events').set({ event_status: 'scheduled', revision: 1 }).where('slug', '=', 'timed-webinar').execute();
    await t.app.contentChanges.announce('event restored');
  });

  test('the Vietnamese feed: Vietnamese summaries where translated, the same UIDs', async () => {
    const en = parseCalendar((await t.app.inject({ url: '/en/events.ics' })).body).events;
    const vi = parseCalendar((await t.app.inject({ url: '/vi/events.ics' })).body).events;
    assert.deepEqual([...vi.keys()].sort(), [...en.keys()].sort());
    const score = bySummary(vi, 'Hội thảo SCORE chia sẻ thực tiễn tốt');
    assert.equal(score.uid, bySummary(en, 'SCORE Workshop on good practice sharing').uid);
    assert.deepEqual(score.component.getFirstProperty('categories')?.getValues(), ['Hội thảo']);
    assert.match(String(score.component.getFirstPropertyValue('url')), /\/vi\/events\//);
  });

  test('per topic and per programme; unknown ones are 404', async () => {
    const topic = parseCalendar((await t.app.inject({ url: '/en/topics/child-labour/events.ics' })).body);
    const summaries = [...topic.events.values()].map((e) => e.summary);
    assert.ok(summaries.includes('Study Visit to Sri Lanka to learn about Child Labour Free Zones'));
    assert.ok(!summaries.includes('SCORE Workshop on good practice sharing'));
    assert.match(String(topic.calendar.getFirstPropertyValue('x-wr-calname')), /events on Child labour$/);
    const programme = parseCalendar((await t.app.inject({ url: '/en/programmes/score/events.ics' })).body);
    assert.deepEqual(
      [...programme.events.values()].map((e) => e.summary),
      ['SCORE Workshop on good practice sharing'],
    );
    assert.equal((await t.app.inject({ url: '/en/topics/no-such-topic/events.ics' })).statusCode, 404);
    assert.equal((await t.app.inject({ url: '/en/programmes/no-such/events.ics' })).statusCode, 404);
  });

  test('one event: an .ics attachment with that event only; drafts and unknown slugs are 404', async () => {
    const res = await t.app.inject({ url: '/en/events/timed-webinar/calendar.ics' });
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-type'], 'text/calendar; charset=utf-8');
    assert.equal(res.headers['content-disposition'], 'attachment; filename="timed-webinar.ics"');
    const { events } = parseCalendar(res.body);
    assert.deepEqual(
      [...events.values()].map((e) => e.summary),
      ['Timed webinar'],
    );
    assert.equal((await t.app.inject({ url: '/en/events/a-draft/calendar.ics' })).statusCode, 404);
    assert.equal((await t.app.inject({ url: '/en/events/nope/calendar.ics' })).statusCode, 404);
  });

  test('pages offer the links: add to calendar and Google on an event, webcal on the listing', async () => {
    const page = html((await t.app.inject({ url: '/en/events/timed-webinar' })).body);
    const links = page.querySelectorAll('.calendar-links a').map((a) => a.getAttribute('href') ?? '');
    assert.equal(links[0], '/en/events/timed-webinar/calendar.ics');
    assert.match(links[1] ?? '', /^https:\/\/calendar\.google\.com\/calendar\/render\?action=TEMPLATE&text=Timed\+webinar&dates=20261207T020000Z%2F20261207T043000Z/);
    const listing = html((await t.app.inject({ url: '/vi/events' })).body);
    const feed = listing.querySelectorAll('.feed-links--calendar a').map((a) => a.getAttribute('href'));
    assert.deepEqual(feed, [`${t.config.PUBLIC_URL.replace(/^https?/, 'webcal')}/vi/events.ics`, '/vi/events.ics']);
  });
});
