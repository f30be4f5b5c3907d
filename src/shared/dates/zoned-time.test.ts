import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CONVERSIONS_KEPT, instantToZonedTime, isTimeOfDay, zonedTimeToInstant } from './zoned-time.js';

test('a time in Hanoi is seven hours ahead of UTC, whatever the server zone', () => {
  assert.equal(zonedTimeToInstant('2026-11-24', '09:00', 'Asia/Ho_Chi_Minh'), '2026-11-24T02:00:00.000Z');
  assert.equal(zonedTimeToInstant('2026-11-24', '03:30', 'Asia/Ho_Chi_Minh'), '2026-11-23T20:30:00.000Z');
  assert.deepEqual(instantToZonedTime('2026-11-23T20:30:00.000Z', 'Asia/Ho_Chi_Minh'), { date: '2026-11-24', time: '03:30' });
});

test('daylight saving time is taken from the zone of the event', () => {
  // Los Angeles: PST (UTC-8) in winter, PDT (UTC-7) in summer.
  assert.equal(zonedTimeToInstant('2026-01-15', '10:00', 'America/Los_Angeles'), '2026-01-15T18:00:00.000Z');
  assert.equal(zonedTimeToInstant('2026-07-15', '10:00', 'America/Los_Angeles'), '2026-07-15T17:00:00.000Z');
  assert.equal(zonedTimeToInstant('2026-07-15', '10:00', 'Europe/London'), '2026-07-15T09:00:00.000Z');
  assert.equal(zonedTimeToInstant('2026-12-15', '10:00', 'UTC'), '2026-12-15T10:00:00.000Z');
});

test('a time skipped when clocks go forward does not exist; a repeated one takes the first', () => {
  // 8 March 2026, 02:00 → 03:00 in Los Angeles.
  assert.equal(zonedTimeToInstant('2026-03-08', '02:30', 'America/Los_Angeles'), null);
  assert.equal(zonedTimeToInstant('2026-03-08', '03:00', 'America/Los_Angeles'), '2026-03-08T10:00:00.000Z');
  // 1 November 2026, 01:30 happens twice; the first is still in PDT.
  assert.equal(zonedTimeToInstant('2026-11-01', '01:30', 'America/Los_Angeles'), '2026-11-01T08:30:00.000Z');
});

test('bad dates, times and zones give null', () => {
  assert.equal(zonedTimeToInstant('2026-02-30', '09:00', 'Asia/Ho_Chi_Minh'), null);
  assert.equal(zonedTimeToInstant('2026-02-10', '24:00', 'Asia/Ho_Chi_Minh'), null);
  assert.equal(zonedTimeToInstant('2026-02-10', '9:00', 'Asia/Ho_Chi_Minh'), null);
  assert.equal(zonedTimeToInstant('2026-02-10', '09:00', 'Mars/Olympus_Mons'), null);
  assert.equal(instantToZonedTime('not a time', 'UTC'), null);
  assert.equal(instantToZonedTime('2026-02-10T00:00:00Z', 'Nowhere/Else'), null);
});

test('times of day are 24-hour HH:MM', () => {
  assert.ok(isTimeOfDay('00:00'));
  assert.ok(isTimeOfDay('23:59'));
  assert.ok(!isTimeOfDay('7:05'));
  assert.ok(!isTimeOfDay('12:60'));
});

test('instants spread over a year round-trip through the wall clock of a zone with daylight saving', () => {
  let checked = 0;
  for (let ms = Date.UTC(2026, 0, 1); ms < Date.UTC(2027, 0, 1); ms += 15 * 60_000 * 37) {
    const instant = new Date(ms).toISOString();
    const local = instantToZonedTime(instant, 'Europe/London');
    assert.ok(local);
    const back = zonedTimeToInstant(local.date, local.time, 'Europe/London');
    // Only the repeated hour in October may map to the earlier of its two instants.
    if (back !== instant) assert.ok(back !== null && Date.parse(back) === ms - 3_600_000, instant);
    checked += 1;
  }
  assert.ok(checked > 900);
});

test('instants in the same second read the same clocks, the next second its own, and a changed answer changes nothing kept', async () => {
  const { wallClockAt } = await import('./wall-clock.js');
  const at = Date.UTC(2026, 11, 31, 16, 59, 59, 10);
  const first = wallClockAt(at, 'Asia/Ho_Chi_Minh');
  assert.deepEqual(first, { year: 2026, month: 12, day: 31, hour: 23, minute: 59, second: 59 });
  first.day = 1;
  assert.deepEqual(wallClockAt(at + 980, 'Asia/Ho_Chi_Minh'), { year: 2026, month: 12, day: 31, hour: 23, minute: 59, second: 59 });
  assert.deepEqual(wallClockAt(at + 990, 'Asia/Ho_Chi_Minh'), { year: 2027, month: 1, day: 1, hour: 0, minute: 0, second: 0 });
  assert.deepEqual(wallClockAt(at + 990, 'Europe/London'), { year: 2026, month: 12, day: 31, hour: 17, minute: 0, second: 0 });
  assert.deepEqual(wallClockAt(at - 10, 'Asia/Ho_Chi_Minh'), { year: 2026, month: 12, day: 31, hour: 23, minute: 59, second: 59 });
  assert.deepEqual(wallClockAt(-1, 'UTC'), { year: 1969, month: 12, day: 31, hour: 23, minute: 59, second: 59 });
  assert.deepEqual(wallClockAt(-1000, 'UTC'), { year: 1969, month: 12, day: 31, hour: 23, minute: 59, second: 59 });
  assert.deepEqual(wallClockAt(0, 'UTC'), { year: 1970, month: 1, day: 1, hour: 0, minute: 0, second: 0 });
});

test('a conversion asked again, in another zone or at another time, gives that one\'s own answer, and the same answer as the first time', () => {
  const asked: [string, string, string, string | null][] = [
    // 02:30 is skipped in New York on 8 March 2026 (the clocks go from 02:00 to 03:00), not in Hanoi.
    ['2026-03-08', '02:30', 'America/New_York', null],
    ['2026-03-08', '02:30', 'Asia/Ho_Chi_Minh', '2026-03-07T19:30:00.000Z'],
    ['2026-03-08', '03:30', 'America/New_York', '2026-03-08T07:30:00.000Z'],
    // 01:30 happens twice in New York on 1 November 2026: the first, still on summer time.
    ['2026-11-01', '01:30', 'America/New_York', '2026-11-01T05:30:00.000Z'],
    ['2026-11-02', '01:30', 'America/New_York', '2026-11-02T06:30:00.000Z'],
    ['2026-11-01', '01:30', 'Not/A_Zone', null],
  ];
  for (let round = 1; round <= 2; round++) {
    for (const [date, time, zone, instant] of asked) assert.equal(zonedTimeToInstant(date, time, zone), instant, `${date} ${time} ${zone}, asked ${round === 1 ? 'first' : 'again'}`);
  }
});

test('more conversions than are kept still come out right, the first of them asked again after the others', () => {
  const days = CONVERSIONS_KEPT + 10;
  const first = zonedTimeToInstant('2000-01-01', '09:00', 'Asia/Ho_Chi_Minh');
  assert.equal(first, '2000-01-01T02:00:00.000Z');
  let day = Date.UTC(2000, 0, 2);
  for (let i = 0; i < days; i++, day += 86_400_000) {
    const date = new Date(day).toISOString().slice(0, 10);
    assert.equal(zonedTimeToInstant(date, '00:00', 'UTC'), `${date}T00:00:00.000Z`);
  }
  assert.equal(zonedTimeToInstant('2000-01-01', '09:00', 'Asia/Ho_Chi_Minh'), first);
});
