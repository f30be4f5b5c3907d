import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { buildTestApp, DEFAULT_NOW, type TestApp } from '../../../test/helpers/build-test-app.js';

const DAY_MS = 24 * 60 * 60 * 1000;

describe('calendars answer conditional requests from the last change', () => {
  let t: TestApp;
  before(async () => {
    // The page cache off: every request reaches the route, as on an instance that has not stored the calendar.
    t = await buildTestApp({ seed: true, env: { PAGE_CACHE: 'off' } });
  });
  after(() => t.close());

  async function fetchCalendar(headers: Record<string, string> = {}, url = '/en/events.ics') {
    return t.app.inject({ url, headers });
  }

  test('the tag it gave gets an empty 304 until an event changes; then the new calendar', async () => {
    t.setNow(DEFAULT_NOW);
    const first = await fetchCalendar();
    assert.equal(first.statusCode, 200);
    const etag = String(first.headers.etag);
    assert.match(etag, /^W\/"[A-Za-z0-9_-]+"$/);
    assert.ok(first.headers['last-modified']);

    const again = await fetchCalendar({ 'if-none-match': etag });
    assert.equal(again.statusCode, 304);
    assert.equal(again.body, '');
    assert.equal(again.headers.etag, etag);
    assert.match(String(again.headers['cache-control']), /^public/);

    const { id } = await t.db.selectFrom('events').select('id').where('status', '=', 'published').orderBy('id').executeTakeFirstOrThrow();
    await sql`update event_translations set title = title || ' (moved)' where event_id = ${id} and lang = 'en'`.execute(t.db);
    const changed = await fetchCalendar({ 'if-none-match': etag });
    assert.equal(changed.statusCode, 200);
    assert.notEqual(changed.headers.etag, etag);
    assert.match(changed.body, /\(moved\)/);
  });

  test('If-Modified-Since at the last change gets 304, a second before it the calendar', async () => {
    t.setNow(DEFAULT_NOW);
    const first = await fetchCalendar();
    const lastModified = String(first.headers['last-modified']);
    assert.equal((await fetchCalendar({ 'if-modified-since': lastModified })).statusCode, 304);
    const earlier = new Date(Date.parse(lastModified) - 1000).toUTCString();
    assert.equal((await fetchCalendar({ 'if-modified-since': earlier })).statusCode, 200);
  });

  test('a new day in the office, or a scheduled event going live, makes a new calendar without any write', async () => {
    t.setNow(DEFAULT_NOW);
    const today = String((await fetchCalendar()).headers.etag);
    t.setNow(new Date(DEFAULT_NOW.getTime() + DAY_MS));
    const tomorrow = await fetchCalendar({ 'if-none-match': today });
    assert.equal(tomorrow.statusCode, 200);

    const { id } = await t.db.selectFrom('events').select('id').where('status', '=', 'published').orderBy('id', 'desc').executeTakeFirstOrThrow();
    const goesLive = new Date(DEFAULT_NOW.getTime() + DAY_MS + 60_000);
    await t.db.updateTable('events').set({ publish_at: goesLive.toISOString() }).where('id', '=', id).execute();
    const before = String((await fetchCalendar()).headers.etag);
    assert.equal((await fetchCalendar({ 'if-none-match': before })).statusCode, 304);
    t.setNow(new Date(goesLive.getTime() + 1000));
    assert.equal((await fetchCalendar({ 'if-none-match': before })).statusCode, 200);
  });

  test('one event’s calendar file and a topic’s calendar have tags of their own', async () => {
    t.setNow(DEFAULT_NOW);
    const all = String((await fetchCalendar()).headers.etag);
    const { slug } = await t.db.selectFrom('events').select('slug').where('status', '=', 'published').orderBy('id').executeTakeFirstOrThrow();
    const one = await fetchCalendar({ 'if-none-match': all }, `/en/events/${slug}/calendar.ics`);
    assert.equal(one.statusCode, 200, 'the listing calendar’s tag does not stand for one event’s file');
    assert.equal((await fetchCalendar({ 'if-none-match': String(one.headers.etag) }, `/en/events/${slug}/calendar.ics`)).statusCode, 304);
    assert.equal((await fetchCalendar({ 'if-none-match': String(one.headers.etag) }, '/en/events/no-such-event/calendar.ics')).statusCode, 404);
  });
});
