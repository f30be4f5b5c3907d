/**
 * "This and the following" on a recurring event's sessions page: moving a
 * session and every later one to another time splits the rule (the event
 * ends before it, a new event with the same texts, topics and series holds
 * the rest), cancelling them ends the rule. The sessions are the same dates
 * before and after, only the changed ones at their new time, and the
 * calendars stay valid for ical.js. Run on both databases and under
 * TZ=UTC and TZ=America/Los_Angeles.
 */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { appForBlock, DEFAULT_NOW } from '../../../../test/helpers/build-test-app.js';
import { getPage, postForm, signedInForBlock } from '../../../../test/helpers/admin-session.js';
import { formFields, genevaWebinarFields } from '../../../../test/helpers/forms.js';
import { html, text } from '../../../../test/helpers/html.js';
import { expandWithIcalJs } from '../../../../test/helpers/ical.js';
import { rfc5545Problems } from '../../../../test/helpers/rfc5545.js';
import { instantToZonedTime } from '../../../shared/dates/zoned-time.js';
import { loadTaxonomy } from '../../importer/index.js';
import { createSeries } from '../../series/index.js';
import { ensureTaxonomy } from '../../taxonomy/index.js';

const ZONE = 'Europe/Zurich';

describe('changing a session and the following ones', () => {
  const t = appForBlock();
  const editor = signedInForBlock(t, 'editor');
  before(() => ensureTaxonomy(t.db, loadTaxonomy(), DEFAULT_NOW.toISOString()));

  /** A published Geneva webinar, Tuesdays at 14:00 from 16 March 2027, ten sessions, 30 March skipped, in a series with a topic; its id. */
  async function publishedWebinar(title: string, publish = true): Promise<number> {
    const form = html((await getPage(t.app, '/admin/events/new', editor)).body);
    const topic = form.querySelector('input[name=topics]')?.getAttribute('value');
    assert.ok(topic, 'a topic to choose');
    const seriesId = await createSeries(t.db, { user: editor.user, now: DEFAULT_NOW }, { slug: null, status: 'published', publish_at: null, en: { title: `${title} series`, description: null }, vi: null });
    const fields = {
      ...genevaWebinarFields({ en_title: title, vi_title: `Hội thảo ${title}`, vi_status: 'published', series_id: String(seriesId), repeat: 'weekly', repeat_on_tu: '1', repeat_ends: 'after', repeat_count: '10', recurrence_exdates: '2027-03-30' }),
      topics: [topic],
    };
    const res = await postForm(t.app, { url: '/admin/events', session: editor, fields });
    assert.equal(res.statusCode, 303, res.body.slice(0, 400));
    const id = Number(/\/admin\/events\/(\d+)/.exec(String(res.headers.location))![1]);
    if (publish) assert.equal((await postForm(t.app, { url: `/admin/events/${id}/publish`, session: editor, fields: { vietnamese: 'both' } })).statusCode, 303);
    return id;
  }

  /** Every session of the events titled `title` in the all-events calendar, as ical.js expands it: local date and time in Geneva. */
  async function sessionsOf(title: string): Promise<string[]> {
    const ics = await t.app.inject({ url: '/en/events.ics' });
    assert.equal(ics.statusCode, 200);
    assert.deepEqual(rfc5545Problems(ics.rawPayload), []);
    const uids = new Set([...ics.body.matchAll(/BEGIN:VEVENT[\s\S]*?END:VEVENT/g)].map((m) => m[0]).filter((v) => v.includes(`SUMMARY:${title}`)).map((v) => /UID:(.+)/.exec(v)![1]!.trim()));
    return expandWithIcalJs(ics.body)
      .filter((s) => uids.has(s.uid) && !s.cancelled)
      .map((s) => instantToZonedTime(s.start, ZONE)!)
      .map((l) => `${l.date} ${l.time}`)
      .sort();
  }

  test('moving the sessions from one on to another time: the same dates, the later ones at the new time, in a new event with the same texts, topics and series', async () => {
    const title = 'Wage webinar';
    const id = await publishedWebinar(title);
    // One later session cancelled on its own: it stays cancelled, with the sessions it moves with.
    const single = await postForm(t.app, { url: `/admin/events/${id}/sessions/2027-04-27`, session: editor, fields: { action: 'cancel' } });
    assert.equal(single.statusCode, 303);
    const before = await sessionsOf(title);
    assert.equal(before.length, 8);
    assert.ok(!before.some((s) => s.startsWith('2027-04-27')));

    const sessions = html((await getPage(t.app, `/admin/events/${id}/sessions`, editor)).body);
    assert.equal(text(sessions.querySelector(`a[href="/admin/events/${id}/sessions/2027-04-13/following"]`)), 'This and the following…');
    const page = await getPage(t.app, `/admin/events/${id}/sessions/2027-04-13/following`, editor);
    assert.equal(page.statusCode, 200);
    const doc = html(page.body);
    assert.match(text(doc.querySelector('main')), /will end with the session before/);
    assert.equal(doc.querySelector('#field-new_time')?.getAttribute('value'), '14:00');

    const unconfirmed = await postForm(t.app, { url: `/admin/events/${id}/sessions/2027-04-13/following`, session: editor, fields: { action: 'time', new_time: '16:00' } });
    assert.equal(unconfirmed.statusCode, 303, 'a POST without the page changes nothing');
    assert.deepEqual(await sessionsOf(title), before);

    const fields = formFields(page.body, 'form.split-form');
    const bad = await postForm(t.app, { url: `/admin/events/${id}/sessions/2027-04-13/following`, session: editor, fields: { ...fields, action: 'time', new_time: '25:00' } });
    assert.equal(bad.statusCode, 422);
    assert.match(text(html(bad.body).querySelector('#error-new_time')), /hours and minutes/);
    assert.equal(html(bad.body).querySelector('#field-new_time')?.getAttribute('value'), '25:00');

    const done = await postForm(t.app, { url: `/admin/events/${id}/sessions/2027-04-13/following`, session: editor, fields: { ...fields, action: 'time', new_time: '16:00' } });
    assert.equal(done.statusCode, 303, done.body.slice(0, 400));
    const newId = Number(/\/admin\/events\/(\d+)\/sessions/.exec(String(done.headers.location))![1]);
    assert.notEqual(newId, id);

    const after = await sessionsOf(title);
    const moved = (s: string) => (s.slice(0, 10) >= '2027-04-13' ? `${s.slice(0, 10)} 16:00` : s);
    assert.deepEqual(after, before.map(moved));
    assert.ok(after.some((s) => s.endsWith('16:00')) && after.some((s) => s.endsWith('14:00')));

    const [old, fresh] = await Promise.all(
      [id, newId].map((x) =>
        t.db.selectFrom('events').select(['recurrence_rule', 'recurrence_exdates', 'series_id', 'status', 'start_date']).where('id', '=', x).executeTakeFirstOrThrow(),
      ),
    );
    assert.equal(old!.recurrence_rule, 'FREQ=WEEKLY;BYDAY=TU;UNTIL=20270412');
    assert.equal(old!.recurrence_exdates, '2027-03-30');
    assert.deepEqual({ ...fresh, series_id: fresh!.series_id === old!.series_id }, { recurrence_rule: 'FREQ=WEEKLY;BYDAY=TU;COUNT=6', recurrence_exdates: null, series_id: true, status: 'published', start_date: '2027-04-13' });
    const topics = async (x: number) => (await t.db.selectFrom('event_topics').select('topic_id').where('event_id', '=', x).execute()).map((r) => r.topic_id);
    assert.deepEqual(await topics(newId), await topics(id));
    const vi = await t.db.selectFrom('event_translations').select('title').where('event_id', '=', newId).where('lang', '=', 'vi').executeTakeFirstOrThrow();
    assert.equal(vi.title, `Hội thảo ${title}`);
    const actions = async (x: number) => (await t.db.selectFrom('revisions').select('action').where('item_kind', '=', 'event').where('item_id', '=', x).orderBy('revision').execute()).map((r) => r.action);
    assert.deepEqual(await actions(id), ['create', 'publish', 'update']);
    assert.deepEqual(await actions(newId), ['create', 'publish']);
    const changes = await t.db.selectFrom('event_session_changes').select(['event_id', 'recurrence_date', 'status']).where('recurrence_date', '=', '2027-04-27').execute();
    assert.deepEqual(changes, [{ event_id: newId, recurrence_date: '2027-04-27', status: 'cancelled' }]);
    const listed = async (x: number) =>
      (await t.db.selectFrom('event_sessions').select(['recurrence_date', 'status']).where('event_id', '=', x).orderBy('recurrence_date').execute()).map((r) => `${r.recurrence_date} ${r.status}`);
    assert.deepEqual(await listed(id), ['2027-03-16 scheduled', '2027-03-23 scheduled', '2027-04-06 scheduled']);
    assert.deepEqual(await listed(newId), ['2027-04-13 scheduled', '2027-04-20 scheduled', '2027-04-27 cancelled', '2027-05-04 scheduled', '2027-05-11 scheduled', '2027-05-18 scheduled']);
  });

  test('cancelling the sessions from one on ends the rule before it; the first session and a date that is no session are refused', async () => {
    const title = 'Safety webinar';
    const id = await publishedWebinar(title);
    const before = await sessionsOf(title);

    const first = await getPage(t.app, `/admin/events/${id}/sessions/2027-03-16/following`, editor);
    assert.equal(first.statusCode, 422);
    assert.match(text(html(first.body).querySelector('main')), /first session/);
    assert.equal((await getPage(t.app, `/admin/events/${id}/sessions/2027-03-17/following`, editor)).statusCode, 404);
    assert.equal((await getPage(t.app, `/admin/events/${id}/sessions/2027-03-30/following`, editor)).statusCode, 404, 'a skipped date');

    const page = await getPage(t.app, `/admin/events/${id}/sessions/2027-04-20/following`, editor);
    const cancelForm = html(page.body).querySelectorAll('form.split-form').find((f) => f.querySelector('button[value=cancel]'));
    assert.ok(cancelForm);
    const fields = Object.fromEntries(cancelForm.querySelectorAll('input').map((i) => [i.getAttribute('name')!, i.getAttribute('value') ?? '']));
    const done = await postForm(t.app, { url: `/admin/events/${id}/sessions/2027-04-20/following`, session: editor, fields: { ...fields, action: 'cancel' } });
    assert.equal(done.statusCode, 303);
    assert.equal(done.headers.location, `/admin/events/${id}/sessions?saved=1`);
    assert.deepEqual(await sessionsOf(title), before.filter((s) => s < '2027-04-20'));
    const row = await t.db.selectFrom('events').select('recurrence_rule').where('id', '=', id).executeTakeFirstOrThrow();
    assert.equal(row.recurrence_rule, 'FREQ=WEEKLY;BYDAY=TU;UNTIL=20270419');

    const stale = await postForm(t.app, { url: `/admin/events/${id}/sessions/2027-04-13/following`, session: editor, fields: { ...fields, action: 'cancel' } });
    assert.equal(stale.statusCode, 409, 'a page loaded before the change');
  });

  test('a draft split keeps the new event a draft, its listed sessions with the later session cancelled on its own', async () => {
    const id = await publishedWebinar('Draft webinar', false);
    assert.equal((await postForm(t.app, { url: `/admin/events/${id}/sessions/2027-04-27`, session: editor, fields: { action: 'cancel' } })).statusCode, 303);
    const fields = formFields((await getPage(t.app, `/admin/events/${id}/sessions/2027-04-13/following`, editor)).body, 'form.split-form');
    const done = await postForm(t.app, { url: `/admin/events/${id}/sessions/2027-04-13/following`, session: editor, fields: { ...fields, action: 'time', new_time: '09:30' } });
    assert.equal(done.statusCode, 303);
    const newId = Number(/\/admin\/events\/(\d+)\/sessions/.exec(String(done.headers.location))![1]);
    assert.equal((await t.db.selectFrom('events').select('status').where('id', '=', newId).executeTakeFirstOrThrow()).status, 'draft');
    const listed = await t.db.selectFrom('event_sessions').select(['recurrence_date', 'status', 'starts_at']).where('event_id', '=', newId).where('recurrence_date', 'in', ['2027-04-20', '2027-04-27']).orderBy('recurrence_date').execute();
    assert.deepEqual(
      listed.map((r) => [r.recurrence_date, r.status, instantToZonedTime(r.starts_at!, ZONE)?.time]),
      [
        ['2027-04-20', 'scheduled', '09:30'],
        ['2027-04-27', 'cancelled', '09:30'],
      ],
    );
  });
});
