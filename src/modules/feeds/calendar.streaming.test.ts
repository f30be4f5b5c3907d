/**
 * The all-events calendar is written as its events are read, a chunk at a
 * time. It must be the very calendar built from every event at once: the
 * same bytes, at a few hundred events across several chunks, with recurring
 * events (rule, skipped dates, sessions moved and cancelled) among them.
 */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { appForBlock } from '../../../test/helpers/build-test-app.js';
import { createPeople } from '../../../test/helpers/editing.js';
import { genevaWebinarFields } from '../../../test/helpers/forms.js';
import { generateContent } from '../importer/index.js';
import { translator, type Lang } from '../i18n/index.js';
import { eventsPath } from '../../shared/http/paths.js';
import { calendarEventChunks, changeSession, createEvent, listCalendarEvents, publishEvent, readEventForm, validateEventForm } from '../events/index.js';
import { buildCalendar, streamCalendar, type CalendarOptions } from './calendar.js';
import { keptStatementName } from '../../db/kept-query.js';
import { statementsDuring } from '../../../test/helpers/statements.js';

const NOW = new Date('2027-03-01T08:00:00.000Z');

describe('the all-events calendar, streamed', () => {
  const t = appForBlock({ now: NOW, env: { PAGE_CACHE: 'off' } });
  before(async () => {
    await generateContent(t.db, { events: 320, articles: 0, now: NOW, seed: 7 });
    const { editor } = await createPeople(t.db);
    const ctx = { user: editor, now: NOW };
    const recurring = [
      { en_title: 'Weekly webinar from Geneva', recurrence_rule: 'FREQ=WEEKLY;BYDAY=TU;COUNT=7', recurrence_exdates: '2027-03-23' },
      { en_title: 'Monthly clinic on wages', recurrence_rule: 'FREQ=MONTHLY;BYMONTHDAY=2;UNTIL=20271202', recurrence_exdates: '' },
    ];
    for (const fields of recurring) {
      const form = validateEventForm(readEventForm(genevaWebinarFields(fields)), 'Asia/Ho_Chi_Minh');
      assert.ok(form.ok);
      const created = await createEvent(t.db, ctx, form.input);
      await publishEvent(t.db, ctx, created.id, created.revision);
      if (fields.en_title.startsWith('Weekly')) {
        await changeSession(t.db, ctx, created.id, '2027-04-06', { status: 'moved', date: '2027-04-08', time: '10:00' });
        await changeSession(t.db, ctx, created.id, '2027-04-20', { status: 'cancelled' });
      }
    }
  });

  function options(lang: Lang): CalendarOptions {
    const origin = t.config.PUBLIC_URL.replace(/\/+$/, '');
    const tr = translator(lang);
    return { lang, t: tr, name: tr('calendar.name', { site: t.config.SITE_NAME }), publicUrl: origin, pageUrl: `${origin}${eventsPath(lang)}` };
  }

  test('the feed sends the bytes of the calendar built from all its events at once, in both languages', async () => {
    for (const lang of ['en', 'vi'] as const) {
      const events = await listCalendarEvents(t.db, lang, { kind: 'all' }, NOW);
      assert.ok(events.length > 300, 'several chunks of events');
      assert.ok(events.some((e) => e.recurrence_rule !== null && e.session_changes.length > 0));
      const res = await t.app.inject({ url: `/${lang}/events.ics` });
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers['content-type'], 'text/calendar; charset=utf-8');
      assert.equal(res.body, buildCalendar(events, options(lang)));
      assert.match(res.body, /\r\nRECURRENCE-ID;TZID=/);
    }
  });

  test('chunks of any size give the same text, and each piece ends a line', async () => {
    const whole = buildCalendar(await listCalendarEvents(t.db, 'en', { kind: 'all' }, NOW), options('en'));
    for (const size of [1, 7, 500]) {
      const { timings, chunks } = await calendarEventChunks(t.db, 'en', { kind: 'all' }, NOW, undefined, size);
      const pieces: string[] = [];
      for await (const piece of streamCalendar(timings, chunks(), options('en'))) pieces.push(piece);
      assert.equal(pieces.join(''), whole, `chunks of ${size}`);
      assert.ok(pieces.every((piece) => piece.endsWith('\r\n')));
    }
  });

  test('the ETag still answers 304 without a body', async () => {
    const first = await t.app.inject({ url: '/en/events.ics' });
    const again = await t.app.inject({ url: '/en/events.ics', headers: { 'if-none-match': String(first.headers.etag) } });
    assert.equal(again.statusCode, 304);
    assert.equal(again.body, '');
  });

  test("each chunk's rows and topic names are read by kept statements: the others the feed runs do not grow with its chunks", async () => {
    const unkept = async (size: number) => {
      const statements = await statementsDuring(t.db, async () => {
        const { timings, chunks } = await calendarEventChunks(t.db, 'en', { kind: 'all' }, NOW, undefined, size);
        for await (const piece of streamCalendar(timings, chunks(), options('en'))) assert.ok(piece.length > 0);
      });
      return statements.filter((statement) => keptStatementName(statement) === undefined);
    };
    // On PostgreSQL a kept statement runs prepared, with its generic plan (db/pg-statements.ts); a chunk's
    // statements sent unnamed were each planned anew, and the connection switched between the two.
    const [few, many] = [await unkept(500), await unkept(20)];
    assert.deepEqual(many, few, 'the same statements not kept with 16 chunks as with 1');
    assert.ok(!few.some((statement) => statement.includes('"event_translations"')), few.join('\n\n'));
  });
});
