import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, test } from 'node:test';
import { calendarOptions } from '../../../test/fixtures/calendar-events.js';
import { weeklyWebinar } from '../../../test/fixtures/recurring-event.js';
import { expandWithIcalJs } from '../../../test/helpers/ical.js';
import { eventSessions, sessionHorizon, type CalendarEvent } from '../events/index.js';
import { ruleUntil } from '../../shared/dates/recurrence.js';
import { wallClockAt } from '../../shared/dates/zoned-time.js';
import { buildCalendar } from './calendar.js';
import { sessionYears } from './recurrence.js';

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
    // This process runs under one of the two zones (npm test runs it under both); the child under the other.
    const tz = process.env.TZ === 'America/Los_Angeles' ? 'UTC' : 'America/Los_Angeles';
    const script = fileURLToPath(new URL('../../../test/fixtures/print-recurring-calendar.ts', import.meta.url));
    const other = execFileSync(process.execPath, ['--import', 'tsx', script], { env: { ...process.env, TZ: tz }, encoding: 'utf8' });
    assert.equal(other, text, tz);
  });
});

describe('the years a recurring event\'s zone is described for', () => {
  /** The years its sessions' zone shows at each session's start, read from the clocks for every one. */
  const shownYears = (event: CalendarEvent) => {
    const through = ruleUntil(event.recurrence_rule!) ?? sessionHorizon(event.start_date);
    return [...new Set(eventSessions(event, event.session_changes, through).flatMap((s) => (s.starts_at ? [wallClockAt(Date.parse(s.starts_at), event.time_zone).year] : [])))].sort();
  };
  const events: Record<string, CalendarEvent> = {
    'weekly in Geneva across the change of clocks': weeklyWebinar,
    'daily at 23:30 in Kiritimati (UTC+14) across New Year': {
      ...weeklyWebinar,
      start_date: '2027-12-29',
      starts_at: '2027-12-29T09:30:00.000Z',
      ends_at: '2027-12-29T10:00:00.000Z',
      time_zone: 'Pacific/Kiritimati',
      recurrence_rule: 'FREQ=DAILY;COUNT=6',
      recurrence_exdates: null,
      session_changes: [{ recurrence_date: '2027-12-30', status: 'moved', start_date: '2028-01-01', starts_at: '2028-01-01T09:00:00.000Z', ends_at: '2028-01-01T09:30:00.000Z' }],
    },
    'daily at 00:15 in Los Angeles across New Year': {
      ...weeklyWebinar,
      start_date: '2027-12-30',
      starts_at: '2027-12-30T08:15:00.000Z',
      ends_at: '2027-12-30T09:15:00.000Z',
      time_zone: 'America/Los_Angeles',
      recurrence_rule: 'FREQ=DAILY;COUNT=4',
      recurrence_exdates: null,
      session_changes: [],
    },
    'weekly in Hanoi, open-ended': {
      ...weeklyWebinar,
      start_date: '2026-11-03',
      starts_at: '2026-11-03T07:00:00.000Z',
      ends_at: '2026-11-03T08:30:00.000Z',
      time_zone: 'Asia/Ho_Chi_Minh',
      recurrence_rule: 'FREQ=WEEKLY;BYDAY=TU',
      recurrence_exdates: null,
      session_changes: [],
    },
  };
  for (const [name, event] of Object.entries(events)) {
    test(`are those its sessions' clocks show: ${name}`, () => {
      const expected = shownYears(event);
      assert.ok(expected.length > 0);
      assert.deepEqual([...sessionYears(event)].sort(), expected);
    });
  }
});
