/**
 * Every calendar the site serves, with awkward content (commas, semicolons,
 * backslashes, newlines, a long Vietnamese title, an all-day range across New
 * Year, timed events in zones with daylight time, half-hour and half-hour-DST
 * offsets), read back by ical.js and checked byte by byte against RFC 5545.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type ICAL from 'ical.js';
import { buildTestApp, type TestApp } from '../../../test/helpers/build-test-app.js';
import { createEvent } from '../../../test/helpers/factories.js';
import { parseCalendar } from '../../../test/helpers/ical.js';
import { rfc5545Problems } from '../../../test/helpers/rfc5545.js';

// A site name that needs escaping in NAME and X-WR-CALNAME.
const SITE = 'Office, Viet Nam; C:\\new';
const AWKWARD_TITLE = 'Wages, hours; and C:\\new folder';
const AWKWARD_DESCRIPTION = 'First, line; one\nSecond \\ line\r\n\nThird';
// A long Vietnamese title: many two- and three-octet characters, so folding lands inside them.
const LONG_VI_TITLE = 'Hội thảo quốc gia về việc thúc đẩy bình đẳng giới, an toàn và vệ sinh lao động; phát triển kỹ năng cho người lao động trẻ ở các khu công nghiệp phía Bắc và miền Trung Việt Nam giai đoạn 2026–2030';

interface Expected {
  slug: string;
  summary: string;
  /** Dates for all-day events, UTC instants for timed ones. */
  start: string;
  end: string;
  zone?: string;
}

function found(events: Map<string, ICAL.Event>, summary: string): ICAL.Event {
  const event = [...events.values()].find((e) => e.summary === summary);
  assert.ok(event, `no event "${summary}" in ${[...events.values()].map((e) => e.summary).join(' | ')}`);
  return event;
}

function checkEvent(event: ICAL.Event, expected: Expected): void {
  if (expected.zone) {
    assert.equal(event.startDate.isDate, false, expected.summary);
    assert.equal(event.startDate.zone?.tzid, expected.zone);
    assert.equal(event.startDate.toJSDate().toISOString(), expected.start, `${expected.summary} starts`);
    assert.equal(event.endDate.toJSDate().toISOString(), expected.end, `${expected.summary} ends`);
  } else {
    assert.equal(event.startDate.isDate, true, expected.summary);
    assert.equal(event.startDate.toString(), expected.start);
    assert.equal(event.endDate.toString(), expected.end);
  }
}

describe('every calendar passes ical.js and RFC 5545 byte rules', () => {
  let t: TestApp;
  const expected: Record<string, Expected> = {
    awkward: { slug: 'awkward', summary: AWKWARD_TITLE, start: '2026-12-28', end: '2027-01-04' },
    newYork: {
      slug: 'new-york',
      summary: 'Across a change of clocks in New York',
      // 9:00 EST on 13 March 2027 to 17:00 EDT on 15 March (clocks go forward on the 14th).
      start: '2027-03-13T14:00:00.000Z',
      end: '2027-03-15T21:00:00.000Z',
      zone: 'America/New_York',
    },
    kolkata: { slug: 'kolkata', summary: 'Half an hour off in Kolkata', start: '2027-01-10T04:30:00.000Z', end: '2027-01-10T06:30:00.000Z', zone: 'Asia/Kolkata' },
    lordHowe: {
      slug: 'lord-howe',
      summary: 'Half-hour daylight time on Lord Howe',
      // 9:00 to 11:00 at +11:00 (daylight time there moves clocks by half an hour).
      start: '2026-12-04T22:00:00.000Z',
      end: '2026-12-05T00:00:00.000Z',
      zone: 'Australia/Lord_Howe',
    },
  };

  before(async () => {
    t = await buildTestApp({ seed: true, env: { SITE_NAME: SITE } });
    const awkward = await createEvent(t.db, {
      slug: 'awkward',
      title: AWKWARD_TITLE,
      start: '2026-12-28',
      end: '2027-01-03',
      description: AWKWARD_DESCRIPTION,
      venue: 'Hall A; floor 2',
      city: 'Hanoi, Viet Nam',
      vi: { title: LONG_VI_TITLE, slug: 'hoi-thao-dai', description: 'Dòng một, có dấu phẩy;\nDòng hai \\ gạch chéo' },
    });
    const timed = async (key: 'newYork' | 'kolkata' | 'lordHowe', start: string) => {
      const e = expected[key]!;
      const { id } = await createEvent(t.db, { slug: e.slug, title: e.summary, start, startsAt: e.start, endsAt: e.end });
      await t.db.updateTable('events').set({ time_zone: e.zone!, end_date: e.end.slice(0, 10) }).where('id', '=', id).execute();
    };
    await timed('newYork', '2027-03-13');
    await timed('kolkata', '2027-01-10');
    await timed('lordHowe', '2026-12-05');
    const topic = await t.db.selectFrom('topics').select('id').where('slug', '=', 'child-labour').executeTakeFirstOrThrow();
    const programme = await t.db.selectFrom('programmes').select('id').where('slug', '=', 'score').executeTakeFirstOrThrow();
    await t.db.insertInto('event_topics').values({ event_id: awkward.id, topic_id: topic.id }).execute();
    await t.db.insertInto('event_programmes').values({ event_id: awkward.id, programme_id: programme.id }).execute();
    await t.app.contentChanges.announce('calendar test content');
  });
  after(() => t.close());

  async function calendar(url: string) {
    const res = await t.app.inject({ url });
    assert.equal(res.statusCode, 200, url);
    assert.equal(res.headers['content-type'], 'text/calendar; charset=utf-8');
    assert.deepEqual(rfc5545Problems(res.rawPayload), [], url);
    return parseCalendar(res.body);
  }

  test('the site-wide calendars in English and Vietnamese', async () => {
    for (const lang of ['en', 'vi'] as const) {
      const { calendar: cal, events } = await calendar(`/${lang}/events.ics`);
      const name = lang === 'en' ? `${SITE}: events and meetings` : String(cal.getFirstPropertyValue('name'));
      assert.ok(name.startsWith(SITE), name);
      assert.equal(cal.getFirstPropertyValue('name'), name);
      assert.equal(cal.getFirstPropertyValue('x-wr-calname'), name);
      for (const key of ['newYork', 'kolkata', 'lordHowe']) checkEvent(found(events, expected[key]!.summary), expected[key]!);
      const awkward = found(events, lang === 'en' ? AWKWARD_TITLE : LONG_VI_TITLE);
      checkEvent(awkward, expected.awkward!);
      if (lang === 'en') {
        assert.equal(awkward.description, `${AWKWARD_DESCRIPTION.replace('\r\n', '\n')}\n\n${t.config.PUBLIC_URL}/en/events/awkward`);
        assert.equal(awkward.location, 'Hall A; floor 2, Hanoi, Viet Nam');
      } else {
        assert.equal(awkward.description, `Dòng một, có dấu phẩy;\nDòng hai \\ gạch chéo\n\n${t.config.PUBLIC_URL}/vi/events/hoi-thao-dai`);
      }
    }
  });

  test('a topic and a programme calendar', async () => {
    for (const url of ['/en/topics/child-labour/events.ics', '/vi/programmes/score/events.ics']) {
      const { calendar: cal, events } = await calendar(url);
      assert.ok(String(cal.getFirstPropertyValue('x-wr-calname')).startsWith(SITE));
      checkEvent(found(events, url.startsWith('/en') ? AWKWARD_TITLE : LONG_VI_TITLE), expected.awkward!);
      assert.ok(![...events.values()].some((e) => e.summary === expected.newYork!.summary));
    }
  });

  test("single events' files, named after the event", async () => {
    const en = await calendar('/en/events/awkward/calendar.ics');
    assert.equal(en.calendar.getFirstPropertyValue('name'), AWKWARD_TITLE);
    assert.equal(en.calendar.getFirstPropertyValue('x-wr-calname'), AWKWARD_TITLE);
    assert.equal(en.events.size, 1);
    checkEvent(found(en.events, AWKWARD_TITLE), expected.awkward!);
    const vi = await calendar('/vi/events/hoi-thao-dai/calendar.ics');
    assert.equal(vi.calendar.getFirstPropertyValue('x-wr-calname'), LONG_VI_TITLE);
    checkEvent(found(vi.events, LONG_VI_TITLE), expected.awkward!);
    for (const key of ['newYork', 'kolkata', 'lordHowe']) {
      const one = await calendar(`/en/events/${expected[key]!.slug}/calendar.ics`);
      checkEvent(found(one.events, expected[key]!.summary), expected[key]!);
    }
  });
});
