/**
 * An event stored with absurd dates (before the date rule, or straight into
 * the database) costs calendars and pages no more than an ordinary one: zone
 * data covers only the instants the calendar names, and year choices only the
 * years dates may have.
 */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { appForBlock } from '../../../test/helpers/build-test-app.js';
import { createEvent } from '../../../test/helpers/factories.js';
import { html } from '../../../test/helpers/html.js';
import { parseCalendar } from '../../../test/helpers/ical.js';

describe('an event from 2000 to 3999 in New York', () => {
  const t = appForBlock({ seed: true });
  before(async () => {
    const { id } = await createEvent(t.db, {
      slug: 'two-millennia',
      title: 'Two millennia',
      start: '2000-01-01',
      end: '3999-12-31',
      startsAt: '2000-01-01T14:00:00.000Z',
      endsAt: '3999-12-31T22:00:00.000Z',
    });
    await t.db.updateTable('events').set({ time_zone: 'America/New_York' }).where('id', '=', id).execute();
    await t.app.contentChanges.announce('an absurd event');
  });

  // What the spans cost was zone data for every year between: each calendar
  // naming the event must carry New York's changes for the years its times
  // fall in only (two changes a year), however long the event runs.
  for (const url of ['/en/events.ics', '/vi/events.ics', '/en/events/two-millennia/calendar.ics']) {
    test(`${url} holds New York's zone data for 2000 and 3999 only`, async () => {
      const res = await t.app.inject({ url });
      assert.equal(res.statusCode, 200);
      const { calendar } = parseCalendar(res.body);
      const newYork = calendar.getAllSubcomponents('vtimezone').find((z) => z.getFirstPropertyValue('tzid') === 'America/New_York');
      assert.ok(newYork, 'a VTIMEZONE for America/New_York');
      const onsets = newYork.getAllSubcomponents().map((c) => String(c.getFirstPropertyValue('dtstart')).slice(0, 4));
      assert.deepEqual([...new Set(onsets)].sort(), ['2000', '3999']);
      assert.ok(onsets.length <= 6, `${onsets.length} zone changes`);
    });
  }

  for (const url of ['/en/events', '/en/events/two-millennia', '/en']) {
    test(`${url} shows the event's page or listing`, async () => {
      const res = await t.app.inject({ url });
      assert.equal(res.statusCode, 200);
      assert.match(res.body, /Two millennia/);
    });
  }

  test('the year filter offers every year the event runs in, within the years dates may have', async () => {
    const doc = html((await t.app.inject({ url: '/en/events' })).body);
    const years = doc.querySelectorAll('select[name=year] option').map((o) => o.getAttribute('value')).filter(Boolean);
    assert.deepEqual(years, Array.from({ length: 101 }, (_, i) => String(2100 - i)));
  });

  test('the calendar still gives the right instants, with zone data for only the years it names', async () => {
    const text = (await t.app.inject({ url: '/en/events/two-millennia/calendar.ics' })).body;
    const { calendar, events } = parseCalendar(text);
    const event = [...events.values()][0]!;
    assert.equal(event.startDate.toJSDate().toISOString(), '2000-01-01T14:00:00.000Z');
    assert.equal(event.endDate.toJSDate().toISOString(), '3999-12-31T22:00:00.000Z');
    const zone = calendar.getFirstSubcomponent('vtimezone')!;
    const onsets = zone.getAllSubcomponents().map((c) => String(c.getFirstPropertyValue('dtstart')).slice(0, 4));
    assert.deepEqual([...new Set(onsets)].sort(), ['2000', '3999']);
    assert.ok(text.length < 5000, `${text.length} characters`);
  });
});
