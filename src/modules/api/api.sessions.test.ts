/**
 * The read API's recurring events, on whichever database the run uses: each
 * answer checked against the OpenAPI document the app serves, then for the
 * sessions it lists, each on its own date.
 */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { createWebinarSeries } from '../../../test/fixtures/series-content.js';
import { DocumentCheck } from '../../../test/helpers/api-document.js';
import { appForBlock } from '../../../test/helpers/build-test-app.js';

// The office's 1 April 2027: the weekly webinar's first two sessions (16 and 30 March) have taken place.
const NOW = new Date('2027-04-01T08:00:00.000Z');

interface EventItem {
  text: { title: string };
  session_count: number | null;
  sessions: { planned_date: string; number: number; status: string; start_date: string; starts_at: string | null }[] | null;
}

/** Each event's title with its sessions as "number planned-date status start". */
function listed(data: EventItem[]): [string, number | null, string[] | null][] {
  return data.map((e) => [e.text.title, e.session_count, e.sessions?.map((s) => `${s.number} ${s.planned_date} ${s.status} ${s.starts_at ?? s.start_date}`) ?? null]);
}

describe('the read API: recurring events', () => {
  const t = appForBlock({ now: NOW });
  let check: DocumentCheck;
  before(async () => {
    await createWebinarSeries(t.db, NOW);
    check = new DocumentCheck(JSON.parse((await t.app.inject({ url: '/api/v1/openapi.json' })).body));
  });

  test('upcoming events give a recurring event with its sessions still to come, moved and cancelled ones marked', async () => {
    const body = check.answer('/events', await t.app.inject({ url: '/api/v1/events?when=upcoming' }));
    assert.deepEqual(listed(body.data), [
      [
        'Weekly webinar from Geneva',
        6,
        [
          '3 2027-04-06 moved 2027-04-08T10:00:00+02:00',
          '4 2027-04-13 scheduled 2027-04-13T14:00:00+02:00',
          '5 2027-04-20 cancelled 2027-04-20T14:00:00+02:00',
          '6 2027-04-27 scheduled 2027-04-27T14:00:00+02:00',
        ],
      ],
      ['Closing meeting in Hanoi', null, null],
    ]);
  });

  test('past events give it with the sessions that took place, a window with those in it', async () => {
    const past = check.answer('/events', await t.app.inject({ url: '/api/v1/events?when=past' }));
    assert.deepEqual(listed(past.data), [['Weekly webinar from Geneva', 6, ['1 2027-03-16 scheduled 2027-03-16T14:00:00+01:00', '2 2027-03-30 scheduled 2027-03-30T14:00:00+02:00']]]);
    const window = check.answer('/events', await t.app.inject({ url: '/api/v1/events?from=2027-04-20&to=2027-04-30' }));
    assert.deepEqual(listed(window.data), [['Weekly webinar from Geneva', 6, ['5 2027-04-20 cancelled 2027-04-20T14:00:00+02:00', '6 2027-04-27 scheduled 2027-04-27T14:00:00+02:00']]]);
  });

  test('one event gives every session', async () => {
    const list = check.answer('/events', await t.app.inject({ url: '/api/v1/events' }));
    const id = (list.data as (EventItem & { id: number })[]).find((e) => e.sessions !== null)?.id;
    const one = check.answer('/events/{idOrSlug}', await t.app.inject({ url: `/api/v1/events/${id}` }));
    assert.deepEqual(
      one.data.sessions.map((s: { planned_date: string }) => s.planned_date),
      ['2027-03-16', '2027-03-30', '2027-04-06', '2027-04-13', '2027-04-20', '2027-04-27'],
    );
  });
});
