import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, test } from 'node:test';
import { calendarOptions } from '../../../test/fixtures/calendar-events.js';
import { weeklyWebinar } from '../../../test/fixtures/recurring-event.js';
import { expandWithIcalJs } from '../../../test/helpers/ical.js';
import { eventSessions, type CalendarEvent } from '../events/index.js';
import { buildCalendar } from './calendar.js';

describe('a recurring event in a calendar', () => {
  const text = buildCalendar([weeklyWebinar], calendarOptions);

  test('is one VEVENT with its rule, UNTIL in UTC at the end of its day in Geneva, the skipped date, and one more per changed session', () => {
    assert.match(text, /\r\nDTSTART;TZID=Europe\/Zurich:20270316T140000\r\n/);
    assert.match(text, /\r\nRRULE:FREQ=WEEKLY;BYDAY=TU;UNTIL=20270427T215959Z\r\n/);
    assert.match(text, /\r\nEXDATE;TZID=Europe\/Zurich:20270323T140000\r\n/);
    assert.match(text, /\r\nRECURRENCE-ID;TZID=Europe\/Zurich:20270406T140000\r\n/);
    assert.match(text, /\r\nRECURRENCE-ID;TZID=Europe\/Zurich:20270420T140000\r\n/);
    assert.equal(text.match(/BEGIN:VEVENT/g)?.length, 3);
    assert.equal(text.match(/BEGIN:VTIMEZONE/g)?.length, 1);
    assert.match(text, /TZOFFSETTO:\+0200/, 'the zone carries its summer offset');
  });

  test('parses in ical.js to exactly the sessions the site lists, across the change of clocks', () => {
    const site = eventSessions(weeklyWebinar, weeklyWebinar.session_changes, '2027-12-31').map((s) => ({
      start: s.starts_at,
      end: s.ends_at,
      cancelled: s.status === 'cancelled',
    }));
    assert.deepEqual(site, [
      { start: '2027-03-16T13:00:00.000Z', end: '2027-03-16T14:30:00.000Z', cancelled: false },
      { start: '2027-03-30T12:00:00.000Z', end: '2027-03-30T13:30:00.000Z', cancelled: false },
      { start: '2027-04-08T08:00:00.000Z', end: '2027-04-08T09:30:00.000Z', cancelled: false },
      { start: '2027-04-13T12:00:00.000Z', end: '2027-04-13T13:30:00.000Z', cancelled: false },
      { start: '2027-04-20T12:00:00.000Z', end: '2027-04-20T13:30:00.000Z', cancelled: true },
      { start: '2027-04-27T12:00:00.000Z', end: '2027-04-27T13:30:00.000Z', cancelled: false },
    ]);
    assert.deepEqual(
      expandWithIcalJs(text).map(({ start, end, cancelled }) => ({ start, end, cancelled })),
      site,
    );
  });

  test('an all-day recurring event names its sessions by date', () => {
    const daily: CalendarEvent = { ...weeklyWebinar, all_day: 1, starts_at: null, ends_at: null, session_changes: [] };
    const allDay = buildCalendar([daily], calendarOptions);
    assert.match(allDay, /\r\nRRULE:FREQ=WEEKLY;BYDAY=TU;UNTIL=20270427\r\n/);
    assert.match(allDay, /\r\nEXDATE;VALUE=DATE:20270323\r\n/);
    assert.equal(expandWithIcalJs(allDay).length, 6);
  });

  test('gives the same bytes under any server time zone', () => {
    const script = fileURLToPath(new URL('../../../test/fixtures/print-recurring-calendar.ts', import.meta.url));
    for (const tz of ['UTC', 'America/Los_Angeles']) {
      const other = execFileSync(process.execPath, ['--import', 'tsx', script], { env: { ...process.env, TZ: tz }, encoding: 'utf8' });
      assert.equal(other, text, tz);
    }
  });
});
