import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { HTMLElement } from 'node-html-parser';
import { appForBlock } from '../../../test/helpers/build-test-app.js';
import { createPeople, eventInput } from '../../../test/helpers/editing.js';
import { htmlPage, text } from '../../../test/helpers/html.js';
import type { AdminUser } from '../auth/index.js';
import { createEvent, publishEvent } from './events.editing.js';
import { changeSession } from './sessions.editing.js';

// The office's 1 March 2027 (Hanoi): every session of the webinar is still to come.
const MARCH_FIRST = new Date('2027-03-01T02:00:00.000Z');
// The office's 8 April 2027: the first three sessions have taken place.
const APRIL_EIGHTH = new Date('2027-04-08T02:00:00.000Z');

/** The titles and dates of a listing section, one line each, with the month heading each stands under. */
function lines(section: HTMLElement | null): string[] {
  assert.ok(section);
  return section.querySelectorAll('.month-group').flatMap((group) => {
    const month = text(group.querySelector('.month-heading'));
    return group.querySelectorAll('li').map((li) => `${month}: ${text(li.querySelector('.item-title'))} | ${text(li.querySelector('.item-date'))}`);
  });
}

describe('the sessions of a recurring event in listings', () => {
  const t = appForBlock({ now: MARCH_FIRST });
  let editor: AdminUser;
  let webinarId: number;

  before(async () => {
    ({ editor } = await createPeople(t.db));
    const ctx = { user: editor, now: MARCH_FIRST };
    // Tuesdays at 14:00 in Geneva from 16 March to 27 April 2027, with no session on 23 March: six sessions.
    const webinar = await createEvent(
      t.db,
      ctx,
      eventInput({
        event_type: 'webinar',
        attendance_mode: 'online',
        all_day: false,
        start_date: '2027-03-16',
        starts_at: '2027-03-16T13:00:00.000Z',
        ends_at: '2027-03-16T14:30:00.000Z',
        time_zone: 'Europe/Zurich',
        online_url: 'https://example.org/webinar',
        recurrence_rule: 'FREQ=WEEKLY;BYDAY=TU;UNTIL=20270427',
        recurrence_exdates: '2027-03-23',
        en: { ...eventInput().en, title: 'Safety webinar', description: 'Every Tuesday.' },
      }),
    );
    webinarId = webinar.id;
    await publishEvent(t.db, ctx, webinar.id);
    const workshop = await createEvent(t.db, ctx, eventInput({ start_date: '2027-03-20', en: { ...eventInput().en, title: 'Workshop in Huế' } }));
    await publishEvent(t.db, ctx, workshop.id);
  });

  test('lists each session on its own date under its month, numbered, a skipped date left out', async () => {
    t.setNow(MARCH_FIRST);
    const doc = htmlPage(await t.app.inject({ url: '/en/events' }));
    assert.deepEqual(lines(doc.querySelector('section[aria-labelledby=upcoming]')), [
      'March 2027: Safety webinar | 16 March 2027 · Session 1 of 6',
      'March 2027: Workshop in Huế | 20 March 2027',
      'March 2027: Safety webinar | 30 March 2027 · Session 2 of 6',
      'April 2027: Safety webinar | 6 April 2027 · Session 3 of 6',
      'April 2027: Safety webinar | 13 April 2027 · Session 4 of 6',
      'April 2027: Safety webinar | 20 April 2027 · Session 5 of 6',
      'April 2027: Safety webinar | 27 April 2027 · Session 6 of 6',
    ]);
    assert.equal(doc.querySelector('section[aria-labelledby=past]'), null);
    // Every line links to the event's page.
    const links = new Set(doc.querySelectorAll('section[aria-labelledby=upcoming] a.item-title').map((a) => a.getAttribute('href')));
    assert.deepEqual([...links].sort(), ['/en/events/safety-webinar', '/en/events/workshop-in-hue']);
  });

  test('the home page comes up with the next sessions, in Vietnamese too', async () => {
    t.setNow(MARCH_FIRST);
    const doc = htmlPage(await t.app.inject({ url: '/en' }));
    const comingUp = doc.querySelector('section.home-events .teaser-list');
    assert.deepEqual(comingUp?.querySelectorAll('.item-date').map(text), [
      '16 March 2027 · Session 1 of 6',
      '20 March 2027',
      '30 March 2027 · Session 2 of 6',
      '6 April 2027 · Session 3 of 6',
      '13 April 2027 · Session 4 of 6',
    ]);
    const vi = htmlPage(await t.app.inject({ url: '/vi' }));
    assert.match(text(vi.querySelector('section.home-events .teaser-list')), /Buổi 1 trong số 6 buổi/);
  });

  test('a session moved into the next month stands under that month, and says where it was moved from', async () => {
    await changeSession(t.db, { user: editor, now: MARCH_FIRST }, webinarId, '2027-03-30', { status: 'moved', date: '2027-04-02', time: '10:00' });
    await t.app.contentChanges.announce('session moved');
    t.setNow(MARCH_FIRST);
    const doc = htmlPage(await t.app.inject({ url: '/en/events' }));
    assert.deepEqual(lines(doc.querySelector('section[aria-labelledby=upcoming]')).slice(0, 4), [
      'March 2027: Safety webinar | 16 March 2027 · Session 1 of 6',
      'March 2027: Workshop in Huế | 20 March 2027',
      'April 2027: Safety webinar | 2 April 2027 · Session 2 of 6 · Moved from 30 March 2027',
      'April 2027: Safety webinar | 6 April 2027 · Session 3 of 6',
    ]);
  });

  test('search shows the recurring event on its next session', async () => {
    const dateOf = async (at: Date) => {
      t.setNow(at);
      const doc = htmlPage(await t.app.inject({ url: '/en/search?q=safety+webinar' }));
      const results = doc.querySelectorAll('.search-result--event');
      assert.equal(results.length, 1);
      return text(results[0]?.querySelector('time'));
    };
    assert.equal(await dateOf(MARCH_FIRST), '16 March 2027');
    assert.equal(await dateOf(APRIL_EIGHTH), '13 April 2027');
  });

  test('a cancelled session stays listed, marked cancelled; later, past sessions are listed newest first', async () => {
    await changeSession(t.db, { user: editor, now: MARCH_FIRST }, webinarId, '2027-04-13', { status: 'cancelled' });
    await t.app.contentChanges.announce('session cancelled');
    t.setNow(APRIL_EIGHTH);
    const doc = htmlPage(await t.app.inject({ url: '/en/events' }));
    const upcoming = doc.querySelector('section[aria-labelledby=upcoming]');
    assert.deepEqual(lines(upcoming), [
      'April 2027: Safety webinar | 13 April 2027 · Session 4 of 6',
      'April 2027: Safety webinar | 20 April 2027 · Session 5 of 6',
      'April 2027: Safety webinar | 27 April 2027 · Session 6 of 6',
    ]);
    const marks = upcoming?.querySelectorAll('li').map((li) => text(li.querySelector('.badge')));
    assert.deepEqual(marks, ['This event has been cancelled.', '', '']);
    assert.deepEqual(lines(doc.querySelector('section[aria-labelledby=past]')), [
      'April 2027: Safety webinar | 6 April 2027 · Session 3 of 6',
      'April 2027: Safety webinar | 2 April 2027 · Session 2 of 6 · Moved from 30 March 2027',
      'March 2027: Workshop in Huế | 20 March 2027',
      'March 2027: Safety webinar | 16 March 2027 · Session 1 of 6',
    ]);
  });
});

describe('an open-ended recurring event across pages and years', () => {
  const t = appForBlock({ now: MARCH_FIRST });

  before(async () => {
    const { editor } = await createPeople(t.db);
    const ctx = { user: editor, now: MARCH_FIRST };
    // Every Tuesday from 2 March 2027, with no end: listed two years ahead, 105 sessions.
    const weekly = await createEvent(t.db, ctx, eventInput({ start_date: '2027-03-02', recurrence_rule: 'FREQ=WEEKLY', en: { ...eventInput().en, title: 'Tuesday clinic' } }));
    await publishEvent(t.db, ctx, weekly.id);
  });

  test('its sessions fill the pages, a month group numbered on across a page break', async () => {
    const page2 = htmlPage(await t.app.inject({ url: '/en/events?page=2' }));
    const upcoming = page2.querySelector('section[aria-labelledby=upcoming]');
    assert.deepEqual(lines(upcoming).slice(0, 2), ['July 2027: Tuesday clinic | 20 July 2027 · Session 21', 'July 2027: Tuesday clinic | 27 July 2027 · Session 22']);
    // 6 and 13 July close page 1: the group goes on from 3.
    assert.deepEqual(upcoming?.querySelectorAll('li').slice(0, 2).map((li) => li.getAttribute('value')), ['3', '4']);
    assert.equal(htmlPage(await t.app.inject({ url: '/en/events?page=6' })).querySelectorAll('section[aria-labelledby=upcoming] li').length, 5);
    assert.equal((await t.app.inject({ url: '/en/events?page=7' })).statusCode, 404);
  });

  test('the year filter lists the sessions in the year, and offers every year one runs in', async () => {
    const doc = htmlPage(await t.app.inject({ url: '/en/events?year=2028' }));
    const dates = doc.querySelectorAll('section[aria-labelledby=upcoming] .item-date').map(text);
    assert.equal(dates.length, 20);
    assert.match(dates[0] ?? '', /^4 January 2028 · Session 45$/);
    const years = doc.querySelectorAll('select[name=year] option').map((o) => o.getAttribute('value')).filter((v) => v);
    assert.deepEqual(years, ['2029', '2028', '2027']);
    const last = htmlPage(await t.app.inject({ url: '/en/events?year=2028&page=3' }));
    // The 52 Tuesdays of 2028, sessions 45 to 96: the last on page 3.
    assert.deepEqual(last.querySelectorAll('section[aria-labelledby=upcoming] .item-date').map(text).slice(-1), ['26 December 2028 · Session 96']);
  });
});
