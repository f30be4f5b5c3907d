import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { appForBlock } from '../../../test/helpers/build-test-app.js';
import { createPeople } from '../../../test/helpers/editing.js';
import { genevaWebinarFields } from '../../../test/helpers/forms.js';
import { expandWithIcalJs } from '../../../test/helpers/ical.js';
import { NotFoundError } from '../../shared/errors.js';
import { changeSession, createEvent, eventSessions, publishEvent, readEventForm, validateEventForm, type SessionChange } from '../events/index.js';

describe('a recurring event in the calendar feeds', () => {
  const t = appForBlock({ now: new Date('2027-03-01T08:00:00.000Z') });
  let eventId: number;
  before(async () => {
    const { editor } = await createPeople(t.db);
    const ctx = { user: editor, now: new Date('2027-03-01T08:00:00.000Z') };
    const form = validateEventForm(
      readEventForm(
        genevaWebinarFields({
          en_title: 'Weekly webinar from Geneva',
          recurrence_rule: 'FREQ=WEEKLY;BYDAY=TU;COUNT=7',
          recurrence_exdates: '2027-03-23',
        }),
      ),
      'Asia/Ho_Chi_Minh',
    );
    assert.ok(form.ok);
    const created = await createEvent(t.db, ctx, form.input);
    eventId = created.id;
    await publishEvent(t.db, ctx, created.id, created.revision);
    await changeSession(t.db, ctx, created.id, '2027-04-06', { status: 'moved', date: '2027-04-08', time: '10:00' });
    await changeSession(t.db, ctx, created.id, '2027-04-20', { status: 'cancelled' });
    await assert.rejects(changeSession(t.db, ctx, created.id, '2027-03-23', { status: 'cancelled' }), NotFoundError, 'a skipped date is no session');
  });

  /** The sessions the site works out from what is stored. */
  async function siteSessions() {
    const e = await t.db.selectFrom('events').selectAll().where('id', '=', eventId).executeTakeFirstOrThrow();
    const changes: SessionChange[] = await t.db.selectFrom('event_session_changes').select(['recurrence_date', 'status', 'start_date', 'starts_at', 'ends_at']).where('event_id', '=', eventId).execute();
    return eventSessions(e, changes, '2027-12-31').map((s) => ({ start: s.starts_at, end: s.ends_at, cancelled: s.status === 'cancelled' }));
  }

  test("the event's own calendar and the all-events calendar parse in ical.js to the sessions the site lists", async () => {
    const expected = await siteSessions();
    assert.deepEqual(
      expected.map((s) => s.start),
      ['2027-03-16T13:00:00.000Z', '2027-03-30T12:00:00.000Z', '2027-04-08T08:00:00.000Z', '2027-04-13T12:00:00.000Z', '2027-04-20T12:00:00.000Z', '2027-04-27T12:00:00.000Z'],
    );
    for (const url of ['/en/events/weekly-webinar-from-geneva/calendar.ics', '/en/events.ics', '/vi/events.ics']) {
      const res = await t.app.inject({ url });
      assert.equal(res.statusCode, 200, url);
      assert.match(res.body, /\r\nRRULE:FREQ=WEEKLY;BYDAY=TU;COUNT=7\r\n/, url);
      const sessions = expandWithIcalJs(res.body).map(({ start, end, cancelled }) => ({ start, end, cancelled }));
      assert.deepEqual(sessions, expected, url);
    }
  });
});
