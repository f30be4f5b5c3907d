import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { appForBlock } from '../../../test/helpers/build-test-app.js';
import { createPeople } from '../../../test/helpers/editing.js';
import { newEventFields } from '../../../test/helpers/forms.js';
import { html, text } from '../../../test/helpers/html.js';
import { expandWithIcalJs } from '../../../test/helpers/ical.js';
import { changeSession, createEvent, publishEvent, readEventForm, validateEventForm } from '../events/index.js';
import { createSeries } from './series.service.js';

const NOW = new Date('2027-04-01T08:00:00.000Z');

describe('a series page', () => {
  const t = appForBlock({ now: NOW });
  before(async () => {
    const { editor } = await createPeople(t.db);
    const ctx = { user: editor, now: NOW };
    const seriesId = await createSeries(t.db, ctx, {
      slug: null,
      status: 'published',
      publish_at: null,
      en: { title: 'ACTRAV Webinar Series 2.0', description: 'Webinars for **workers\' organisations**.' },
      vi: { title: 'Chuỗi hội thảo trực tuyến ACTRAV 2.0', description: 'Hội thảo trực tuyến cho *tổ chức của người lao động*.' },
    });
    await createSeries(t.db, ctx, { slug: 'not-yet', status: 'published', publish_at: '2027-04-01T09:00:00.000Z', en: { title: 'Not yet', description: null }, vi: null });
    await createSeries(t.db, ctx, { slug: 'a-draft', status: 'draft', publish_at: null, en: { title: 'A draft', description: null }, vi: null });
    const event = async (fields: Record<string, string>, publish = true) => {
      const form = validateEventForm(readEventForm(newEventFields({ series_id: String(seriesId), end_date: '', ...fields })), 'Asia/Ho_Chi_Minh');
      assert.ok(form.ok, JSON.stringify(!form.ok && form.errors));
      const created = await createEvent(t.db, ctx, form.input);
      if (publish) await publishEvent(t.db, ctx, created.id, created.revision);
      return created.id;
    };
    const weekly = await event({
      en_title: 'Weekly webinar from Geneva',
      all_day: '',
      start_date: '2027-03-16',
      start_time: '14:00',
      end_time: '15:30',
      time_zone: 'Europe/Zurich',
      recurrence_rule: 'FREQ=WEEKLY;BYDAY=TU;COUNT=7',
      recurrence_exdates: '2027-03-23',
    });
    await changeSession(t.db, ctx, weekly, '2027-04-06', { status: 'moved', date: '2027-04-08', time: '10:00' });
    await changeSession(t.db, ctx, weekly, '2027-04-20', { status: 'cancelled' });
    await event({ en_title: 'Closing meeting in Hanoi', start_date: '2027-05-10' });
    await event({ en_title: 'A draft session', start_date: '2027-05-11' }, false);
  });

  test('says what the series is and lists its sessions to come soonest first and past ones newest first, each on its date', async () => {
    const res = await t.app.inject({ url: '/en/series/actrav-webinar-series-2-0' });
    assert.equal(res.statusCode, 200);
    const page = html(res.body);
    assert.equal(text(page.querySelector('h1')), 'ACTRAV Webinar Series 2.0');
    assert.equal(text(page.querySelector('.prose strong')), "workers' organisations", 'the Markdown rendered at save');
    const dates = (id: string) => [...page.querySelectorAll(`#${id} ~ ol .session-date time`)].map((el) => el.getAttribute('datetime'));
    assert.deepEqual(dates('series-upcoming'), ['2027-04-08T08:00:00.000Z', '2027-04-13T12:00:00.000Z', '2027-04-20T12:00:00.000Z', '2027-04-27T12:00:00.000Z', '2027-05-10']);
    assert.deepEqual(dates('series-past'), ['2027-03-30T12:00:00.000Z', '2027-03-16T13:00:00.000Z']);
    assert.match(text(page.querySelector('.session--moved')), /Moved from 6 April 2027/);
    assert.match(text(page.querySelector('.session--cancelled')), /Cancelled/);
    assert.doesNotMatch(res.body, /A draft session/);
    assert.ok(page.querySelector('a[href^="webcal://"][href$="/en/series/actrav-webinar-series-2-0/events.ics"]'));
  });

  test('describes itself to search engines as an EventSeries with each session a subEvent', async () => {
    const res = await t.app.inject({ url: '/en/series/actrav-webinar-series-2-0' });
    const data = JSON.parse(text(html(res.body).querySelector('script[type="application/ld+json"]')));
    assert.equal(data['@type'], 'EventSeries');
    assert.equal(data.subEvent.length, 7);
    assert.ok(data.subEvent.some((e: { startDate: string; eventStatus: string }) => e.startDate === '2027-04-08T10:00:00+02:00' && e.eventStatus === 'https://schema.org/EventRescheduled'));
    assert.ok(data.subEvent.some((e: { startDate: string }) => e.startDate === '2027-05-10'));
  });

  test('in Vietnamese, shows the Vietnamese text at its own address', async () => {
    const res = await t.app.inject({ url: '/vi/series/actrav-webinar-series-2-0-vi' });
    assert.equal(res.statusCode, 200);
    assert.equal(text(html(res.body).querySelector('h1')), 'Chuỗi hội thảo trực tuyến ACTRAV 2.0');
    assert.match(res.body, /Các buổi sắp diễn ra/);
  });

  test('its calendar parses in ical.js to the sessions the page lists', async () => {
    const res = await t.app.inject({ url: '/en/series/actrav-webinar-series-2-0/events.ics' });
    assert.equal(res.statusCode, 200);
    assert.match(res.headers['content-type'] as string, /^text\/calendar/);
    const starts = expandWithIcalJs(res.body).map((s) => s.start).sort();
    assert.equal(starts.length, 7);
    assert.ok(starts.includes('2027-04-08T08:00:00.000Z') && !starts.includes('2027-04-06T12:00:00.000Z') && !starts.includes('2027-03-23T13:00:00.000Z'));
  });

  test('a draft series is not found, and a scheduled one only from its second', async () => {
    assert.equal((await t.app.inject({ url: '/en/series/a-draft' })).statusCode, 404);
    t.setNow(new Date('2027-04-01T08:59:59.000Z'));
    assert.equal((await t.app.inject({ url: '/en/series/not-yet' })).statusCode, 404);
    t.setNow(new Date('2027-04-01T09:00:00.000Z'));
    assert.equal((await t.app.inject({ url: '/en/series/not-yet' })).statusCode, 200);
    t.setNow(NOW);
  });
});
