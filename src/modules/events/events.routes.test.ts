import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { appForBlock } from '../../../test/helpers/build-test-app.js';
import { createEvent, TIMED_WEBINAR } from '../../../test/helpers/factories.js';
import { html, text } from '../../../test/helpers/html.js';

describe('GET /events', () => {
  const t = appForBlock();
  before(async () => {
    // Office date 2026-11-23.
    await createEvent(t.db, { title: 'Past one-day meeting', start: '2026-10-05', description: 'It happened.' });
    await createEvent(t.db, { title: 'Running now', start: '2026-11-20', end: '2026-11-25' });
    await createEvent(t.db, { title: 'Ends today', start: '2026-11-22', end: '2026-11-23' });
    await createEvent(t.db, { title: 'Next month workshop', start: '2026-12-03', eventType: 'workshop' });
    await createEvent(t.db, { title: 'Across the new year', start: '2026-12-28', end: '2027-01-03' });
    await createEvent(t.db, { title: 'Draft is hidden', start: '2026-12-10', status: 'draft' });
    await createEvent(t.db, { title: 'Cancelled webinar', start: '2026-12-15', eventStatus: 'cancelled' });
  });

  test('lists upcoming (soonest first) then past (newest first) under month headings', async () => {
    const res = await t.app.inject({ url: '/en/events' });
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /^text\/html; charset=utf-8/);
    assert.match(String(res.headers['cache-control']), /public, max-age=\d+/);
    const doc = html(res.body);
    assert.equal(doc.querySelectorAll('h1').length, 1);
    assert.equal(doc.querySelector('html')?.getAttribute('lang'), 'en');

    const upcoming = doc.querySelector('section[aria-labelledby=upcoming]');
    assert.ok(upcoming);
    assert.deepEqual(
      upcoming.querySelectorAll('.month-heading').map(text),
      ['November 2026', 'December 2026'],
    );
    assert.deepEqual(upcoming.querySelectorAll('.item-title').map(text), [
      'Running now',
      'Ends today',
      'Next month workshop',
      'Cancelled webinar',
      'Across the new year',
    ]);
    const past = doc.querySelector('section[aria-labelledby=past]');
    assert.deepEqual(past?.querySelectorAll('.item-title').map(text), ['Past one-day meeting']);
    assert.doesNotMatch(res.body, /Draft is hidden/);
  });

  test('writes dates as the office does, with machine-readable <time>', async () => {
    const doc = html((await t.app.inject({ url: '/en/events' })).body);
    const dates = doc.querySelectorAll('.item-date').map(text);
    assert.ok(dates.includes('20 - 25 November 2026'), dates.join(' | '));
    assert.ok(dates.includes('28 December 2026 - 3 January 2027'), dates.join(' | '));
    assert.ok(dates.includes('5 October 2026'), dates.join(' | '));
    const times = doc.querySelectorAll('time').map((el) => el.getAttribute('datetime'));
    assert.ok(times.includes('2026-12-28') && times.includes('2027-01-03'));
  });

  test('numbers items per month group and marks cancelled events', async () => {
    const doc = html((await t.app.inject({ url: '/en/events' })).body);
    const lists = doc.querySelectorAll('section[aria-labelledby=upcoming] ol.event-list');
    assert.deepEqual(
      lists.map((ol) => ol.querySelectorAll('li').map((li) => li.getAttribute('value'))),
      [['1', '2'], ['1', '2', '3']],
    );
    const cancelled = doc.querySelectorAll('li.event-item').find((li) => text(li).includes('Cancelled webinar'));
    assert.match(text(cancelled), /cancelled/i);
  });

  test('the office email line is a mailto link to the configured address', async () => {
    const doc = html((await t.app.inject({ url: '/en/events' })).body);
    const link = doc.querySelector('.office-email a');
    assert.equal(link?.getAttribute('href'), `mailto:${t.config.OFFICE_EMAIL}`);
    assert.equal(text(doc.querySelector('.office-email')), 'Any queries should be sent to the office by email.');
  });

  test('"today" is the office date: after 17:00 UTC Hanoi is already on the next day', async () => {
    // 2026-11-23T17:30Z is 2026-11-24 00:30 in Asia/Ho_Chi_Minh: "Ends today" (23rd) is now past.
    t.setNow(new Date('2026-11-23T17:30:00Z'));
    try {
      const doc = html((await t.app.inject({ url: '/en/events' })).body);
      const past = doc.querySelector('section[aria-labelledby=past]');
      assert.deepEqual(past?.querySelectorAll('.item-title').map(text), ['Ends today', 'Past one-day meeting']);
    } finally {
      t.setNow(new Date('2026-11-23T02:00:00Z'));
    }
  });

  test('a bad page number is a 400 page; one past the end is a 404 page', async () => {
    const bad = await t.app.inject({ url: '/en/events?page=abc' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.headers['content-type'] as string, /text\/html/);
    assert.match(bad.body, /The page number must be a whole number, 1 or more\./);
    const zero = await t.app.inject({ url: '/en/events?page=0' });
    assert.equal(zero.statusCode, 400);
    const beyond = await t.app.inject({ url: '/en/events?page=2' });
    assert.equal(beyond.statusCode, 404);
    assert.match(beyond.body, /Page not found/);
    assert.equal(beyond.headers['cache-control'], 'no-store');
  });
});

describe('GET /events pagination', () => {
  const t = appForBlock();
  before(async () => {
    // 3 upcoming + 42 past = 45 events: three pages of 20.
    for (let i = 1; i <= 3; i += 1) await createEvent(t.db, { title: `Upcoming ${i}`, start: `2026-12-0${i}` });
    for (let i = 1; i <= 42; i += 1) {
      const day = String(((i - 1) % 28) + 1).padStart(2, '0');
      const month = i <= 28 ? '09' : '08';
      await createEvent(t.db, { title: `Past ${i}`, start: `2026-${month}-${day}` });
    }
  });

  test('20 per page across upcoming and past, with previous/next links', async () => {
    const p1 = html((await t.app.inject({ url: '/en/events' })).body);
    assert.equal(p1.querySelectorAll('li.event-item').length, 20);
    assert.equal(p1.querySelector('a[rel=next]')?.getAttribute('href'), '/en/events?page=2');
    assert.equal(p1.querySelector('a[rel=prev]'), null);
    assert.equal(text(p1.querySelector('.pager__status')), 'Page 1 of 3');

    const p3 = html((await t.app.inject({ url: '/en/events?page=3' })).body);
    assert.equal(p3.querySelectorAll('li.event-item').length, 5);
    assert.equal(p3.querySelector('a[rel=prev]')?.getAttribute('href'), '/en/events?page=2');
    assert.equal(p3.querySelector('a[rel=next]'), null);
    // Page 3 has no upcoming events, so no empty "Upcoming" section either.
    assert.equal(p3.querySelector('section[aria-labelledby=upcoming]'), null);
  });

  test('a month group cut by a page break goes on numbering on the next page', async () => {
    // Page 1: 3 upcoming + 17 of September's 28 (newest first). Page 2 continues September at 18.
    const p2 = html((await t.app.inject({ url: '/en/events?page=2' })).body);
    const firstList = p2.querySelector('ol.event-list');
    assert.equal(text(p2.querySelector('.month-heading')), 'September 2026');
    assert.equal(firstList?.getAttribute('start'), '18');
    assert.equal(firstList?.querySelector('li')?.getAttribute('value'), '18');
    const titles = p2.querySelectorAll('.item-title').map(text);
    assert.equal(titles.length, 20);
    assert.equal(titles[0], 'Past 11');
  });
});

describe('GET /events/:slug', () => {
  const t = appForBlock();
  before(async () => {
    await createEvent(t.db, {
      slug: 'tripartite-consultation', title: 'Tripartite consultation on the "Labour Code" (revised)',
      start: '2026-12-03', end: '2026-12-04',
      eventType: 'consultation',
      description: 'First paragraph.\n\nSecond paragraph.',
      venue: 'Melia Hotel',
      city: 'Hanoi',
      registrationUrl: 'https://example.org/register',
    });
    await createEvent(t.db, { slug: 'called-off', title: 'Called off', start: '2026-12-05', eventStatus: 'cancelled' });
    await createEvent(t.db, { slug: 'not-yet', title: 'Not yet', status: 'draft' });
    await createEvent(t.db, TIMED_WEBINAR);
  });

  test('shows everything known about the event and a query mailto with its title as subject', async () => {
    const res = await t.app.inject({ url: '/en/events/tripartite-consultation' });
    assert.equal(res.statusCode, 200);
    const doc = html(res.body);
    assert.equal(text(doc.querySelector('h1')), 'Tripartite consultation on the "Labour Code" (revised)');
    assert.equal(doc.querySelectorAll('h1').length, 1);
    const facts = text(doc.querySelector('dl.facts'));
    assert.match(facts, /3 - 4 December 2026/);
    assert.match(facts, /Consultation/);
    assert.match(facts, /Melia Hotel, Hanoi/);
    assert.deepEqual(doc.querySelectorAll('.event-body p').map(text), ['First paragraph.', 'Second paragraph.']);
    const mailto = doc.querySelectorAll('a').find((a) => (a.getAttribute('href') ?? '').startsWith('mailto:'));
    assert.equal(
      mailto?.getAttribute('href'),
      `mailto:${t.config.OFFICE_EMAIL}?subject=${encodeURIComponent('Tripartite consultation on the "Labour Code" (revised)')}`,
    );
    assert.ok(doc.querySelector('a[href="https://example.org/register"]'));
    assert.equal(
      doc.querySelector('link[rel=canonical]')?.getAttribute('href'),
      `${t.config.PUBLIC_URL}/en/events/tripartite-consultation`,
    );
  });

  test('a cancelled event says so and offers no registration', async () => {
    const doc = html((await t.app.inject({ url: '/en/events/called-off' })).body);
    assert.equal(text(doc.querySelector('.status-notice')), 'This event has been cancelled.');
  });

  test('a timed event shows its time in its own zone, whatever the server TZ', async () => {
    const doc = html((await t.app.inject({ url: '/en/events/timed-webinar' })).body);
    const times = doc.querySelectorAll('dl.facts time');
    const shown = times.map(text).join(' ');
    // 02:00Z is 09:00 in Asia/Ho_Chi_Minh (UTC+7).
    assert.match(shown, /09:00/);
    assert.match(shown, /11:30/);
    assert.ok(times.some((el) => el.getAttribute('datetime') === '2026-12-07T02:00:00.000Z'));
  });

  test('drafts and unknown slugs are 404 pages, not errors', async () => {
    for (const url of ['/en/events/not-yet', '/en/events/no-such-event']) {
      const res = await t.app.inject({ url });
      assert.equal(res.statusCode, 404, url);
      assert.match(res.body, /<h1>Page not found<\/h1>/);
      assert.match(res.body, /<html lang="en">/);
    }
  });

  test('JSON clients get a JSON 404', async () => {
    const res = await t.app.inject({ url: '/en/events/no-such-event', headers: { accept: 'application/json' } });
    assert.equal(res.statusCode, 404);
    assert.deepEqual(res.json(), { error: { code: 'not_found', message: 'The page you asked for does not exist.' } });
  });
});
