import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { createWebinarSeries } from '../../../test/fixtures/series-content.js';
import { appForBlock } from '../../../test/helpers/build-test-app.js';
import { html, text } from '../../../test/helpers/html.js';
import { expandWithIcalJs } from '../../../test/helpers/ical.js';

const NOW = new Date('2027-04-01T08:00:00.000Z');

describe('a series page', () => {
  const t = appForBlock({ now: NOW });
  before(() => createWebinarSeries(t.db, NOW));

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
