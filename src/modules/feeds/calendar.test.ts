import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, test } from 'node:test';
import { parseCalendar } from '../../../test/helpers/ical.js';
import { calendarEvents, calendarOptions } from '../../../test/fixtures/calendar-events.js';
import { buildCalendar, eventUid } from './calendar.js';
import { googleCalendarUrl, webcalUrl } from '../events/index.js';
import { vtimezone } from './vtimezone.js';

const text = buildCalendar(calendarEvents, calendarOptions);
const { calendar, events } = parseCalendar(text);
const uid = (id: number) => eventUid(id, calendarOptions.publicUrl);
function prop(id: number, name: string): unknown {
  return events.get(uid(id))?.component.getFirstPropertyValue(name);
}

describe('buildCalendar', () => {
  test('a calendar to publish, named, refreshed hourly, one VEVENT per event', () => {
    assert.equal(calendar.getFirstPropertyValue('version'), '2.0');
    assert.equal(calendar.getFirstPropertyValue('method'), 'PUBLISH');
    assert.equal(calendar.getFirstPropertyValue('x-wr-calname'), 'Almanac test calendar');
    assert.match(text, /\r\nREFRESH-INTERVAL;VALUE=DURATION:PT1H\r\n/);
    assert.equal(events.size, calendarEvents.length);
    // CRLF everywhere, no line longer than 75 octets.
    assert.ok(text.split('\r\n').every((line) => Buffer.byteLength(line) <= 75 && !line.includes('\n')));
  });

  test('all-day events are DATE values with an exclusive end, across months and years', () => {
    const oneDay = events.get(uid(1))!;
    assert.equal(oneDay.startDate.isDate, true);
    assert.equal(oneDay.startDate.toString(), '2020-09-17');
    assert.equal(oneDay.endDate.toString(), '2020-09-18');
    const newYear = events.get(uid(2))!;
    assert.equal(newYear.startDate.isDate, true);
    assert.equal(newYear.startDate.toString(), '2020-12-28');
    assert.equal(newYear.endDate.toString(), '2021-01-04');
    assert.match(text, /DTSTART;VALUE=DATE:20201228\r\nDTEND;VALUE=DATE:20210104\r\n/);
  });

  test('timed events carry their zone, with a VTIMEZONE that gives the right instants', () => {
    assert.match(text, /DTSTART;TZID=Asia\/Ho_Chi_Minh:20261207T090000\r\n/);
    assert.match(text, /DTEND;TZID=Asia\/Ho_Chi_Minh:20261207T113000\r\n/);
    const hanoi = events.get(uid(3))!;
    assert.equal(hanoi.startDate.isDate, false);
    assert.equal(hanoi.startDate.toJSDate().toISOString(), '2026-12-07T02:00:00.000Z');
    assert.equal(hanoi.endDate.toJSDate().toISOString(), '2026-12-07T04:30:00.000Z');

    // New York changes clocks on 8 March 2026: the start is EST, the end EDT.
    assert.match(text, /DTSTART;TZID=America\/New_York:20260307T090000\r\n/);
    assert.match(text, /DTEND;TZID=America\/New_York:20260309T170000\r\n/);
    const newYork = events.get(uid(4))!;
    assert.equal(newYork.startDate.toJSDate().toISOString(), '2026-03-07T14:00:00.000Z');
    assert.equal(newYork.endDate.toJSDate().toISOString(), '2026-03-09T21:00:00.000Z');
    const zones = calendar.getAllSubcomponents('vtimezone').map((z) => z.getFirstPropertyValue('tzid'));
    assert.deepEqual(zones.sort(), ['America/New_York', 'Asia/Ho_Chi_Minh']);
  });

  test('stable UIDs, SEQUENCE from the revision, status, categories, URL, location, description', () => {
    assert.equal(uid(2), 'event-2@almanac.example.org');
    assert.equal(prop(1, 'sequence'), 0);
    assert.equal(prop(2, 'sequence'), 3);
    assert.equal(prop(1, 'status'), 'CONFIRMED');
    assert.equal(prop(5, 'status'), 'CANCELLED');
    assert.equal(prop(6, 'status'), 'TENTATIVE');
    assert.deepEqual(events.get(uid(2))!.component.getFirstProperty('categories')?.getValues(), ['Workshop', 'Child labour', 'Gender equality']);
    assert.equal(prop(2, 'url'), 'https://almanac.example.org/en/events/new-year');
    assert.equal(events.get(uid(1))!.location, 'Melia Hotel, Hanoi');
    assert.equal(events.get(uid(3))!.location, 'Online');
    assert.equal(events.get(uid(2))!.summary, 'Across New Year; with, punctuation');
    assert.equal(events.get(uid(2))!.description, 'First line.\nSecond line.\n\nhttps://almanac.example.org/en/events/new-year');
    assert.match(events.get(uid(5))!.description, /^This event has been cancelled\./);
    assert.equal(prop(1, 'transp'), 'TRANSPARENT');
    // DTSTAMP and LAST-MODIFIED are the event's last change, never the clock.
    assert.match(text, /DTSTAMP:20260102T030405Z\r\n/);
    assert.match(text, /LAST-MODIFIED:20260102T030405Z\r\n/);
  });

  test('the same bytes whatever the server TZ (compared with a child process under another zone)', () => {
    const other = process.env.TZ === 'America/Los_Angeles' ? 'UTC' : 'America/Los_Angeles';
    const script = fileURLToPath(new URL('../../../test/fixtures/print-calendar.ts', import.meta.url));
    const childText = execFileSync(process.execPath, ['--import', 'tsx', script], { env: { ...process.env, TZ: other }, encoding: 'utf8' });
    assert.equal(childText, text);
    assert.equal(buildCalendar(calendarEvents, calendarOptions), text, 'and the same on every call');
  });
});

describe('vtimezone', () => {
  test('a zone with one offset has one STANDARD component', () => {
    assert.equal(
      vtimezone('Asia/Ho_Chi_Minh', [2020, 2021]),
      ['BEGIN:VTIMEZONE', 'TZID:Asia/Ho_Chi_Minh', 'BEGIN:STANDARD', 'DTSTART:20200101T000000', 'TZOFFSETFROM:+0700', 'TZOFFSETTO:+0700', 'END:STANDARD', 'END:VTIMEZONE'].join(
        '\r\n',
      ),
    );
  });

  test('a zone with daylight time lists each change at its local time', () => {
    const la = vtimezone('America/Los_Angeles', [2020]);
    assert.match(la, /BEGIN:DAYLIGHT\r\nDTSTART:20200308T020000\r\nTZOFFSETFROM:-0800\r\nTZOFFSETTO:-0700\r\nEND:DAYLIGHT/);
    assert.match(la, /BEGIN:STANDARD\r\nDTSTART:20201101T020000\r\nTZOFFSETFROM:-0700\r\nTZOFFSETTO:-0800\r\nEND:STANDARD/);
  });
});

describe('calendar links', () => {
  const ctx = { lang: 'en' as const, t: calendarOptions.t, publicUrl: calendarOptions.publicUrl };

  test('Google Calendar: all-day dates with an exclusive end; timed events in UTC with their zone', () => {
    const allDay = new URL(googleCalendarUrl(calendarEvents[1]!, ctx));
    assert.equal(allDay.searchParams.get('action'), 'TEMPLATE');
    assert.equal(allDay.searchParams.get('text'), 'Across New Year; with, punctuation');
    assert.equal(allDay.searchParams.get('dates'), '20201228/20210104');
    assert.equal(allDay.searchParams.get('ctz'), null);
    assert.match(allDay.searchParams.get('details') ?? '', /https:\/\/almanac\.example\.org\/en\/events\/new-year$/);
    const timed = new URL(googleCalendarUrl(calendarEvents[2]!, ctx));
    assert.equal(timed.searchParams.get('dates'), '20261207T020000Z/20261207T043000Z');
    assert.equal(timed.searchParams.get('ctz'), 'Asia/Ho_Chi_Minh');
    assert.equal(timed.searchParams.get('location'), 'Online');
  });

  test('webcal links', () => {
    assert.equal(webcalUrl('https://almanac.example.org/en/events.ics'), 'webcal://almanac.example.org/en/events.ics');
    assert.equal(webcalUrl('http://localhost:3000/vi/events.ics'), 'webcal://localhost:3000/vi/events.ics');
  });
});
