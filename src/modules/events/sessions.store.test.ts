import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { createPeople, eventInput } from '../../../test/helpers/editing.js';
import { databaseForEachTest } from '../../../test/helpers/test-database.js';
import { createEvent, getEventForEditing, updateEvent } from './events.editing.js';
import { refreshEventSessions } from './sessions.store.js';

// 2 March 2027 in Hanoi, the event's zone.
const NOW = new Date('2027-03-02T02:00:00.000Z');
const WEEK_LATER = new Date('2027-03-09T02:00:00.000Z');

/** The planned dates of an event's listed sessions, in order, and the date they were worked out up to. */
async function listed(db: Kysely<Database>, eventId: number): Promise<{ dates: string[]; through: string[] }> {
  const rows = await db.selectFrom('event_sessions').select(['recurrence_date', 'through']).where('event_id', '=', eventId).orderBy('recurrence_date').execute();
  return { dates: rows.map((r) => r.recurrence_date), through: [...new Set(rows.map((r) => r.through))] };
}

describe('the listed sessions of a recurring event', () => {
  let db: Kysely<Database>;
  databaseForEachTest((d) => (db = d));

  test('an open-ended rule is listed two years ahead, carried forward by the pass as the days go, and made again when missing', async () => {
    const { editor } = await createPeople(db);
    // Every Tuesday from 2 March 2027, with no end.
    const event = await createEvent(db, { user: editor, now: NOW }, eventInput({ start_date: '2027-03-02', recurrence_rule: 'FREQ=WEEKLY;BYDAY=TU' }));
    const first = await listed(db, event.id);
    assert.deepEqual(first.through, ['2029-03-02']);
    assert.equal(first.dates[0], '2027-03-02');
    assert.equal(first.dates.at(-1), '2029-02-27');
    assert.equal(first.dates.length, 105);

    assert.deepEqual(await refreshEventSessions(db, NOW), [], 'nothing to do the same day');
    assert.deepEqual(await refreshEventSessions(db, WEEK_LATER), [event.id]);
    const later = await listed(db, event.id);
    assert.deepEqual(later.through, ['2029-03-09']);
    assert.equal(later.dates.at(-1), '2029-03-06');

    // As after the table was made: the pass makes the rows of an event that has none.
    await db.deleteFrom('event_sessions').execute();
    assert.deepEqual(await refreshEventSessions(db, WEEK_LATER), [event.id]);
    assert.equal((await listed(db, event.id)).dates.length, 106);
  });

  test('an event saved without its rule loses its listed sessions; a rule with an end is listed to it', async () => {
    const { editor } = await createPeople(db);
    const ctx = { user: editor, now: NOW };
    const event = await createEvent(db, ctx, eventInput({ start_date: '2027-03-02', recurrence_rule: 'FREQ=MONTHLY;COUNT=3', recurrence_exdates: '2027-04-02' }));
    assert.deepEqual(await listed(db, event.id), { dates: ['2027-03-02', '2027-05-02'], through: ['2029-03-02'] });
    const total = await db.selectFrom('event_sessions').select('total').where('event_id', '=', event.id).execute();
    assert.deepEqual(total.map((r) => r.total), [2, 2]);

    const editable = await getEventForEditing(db, event.id);
    const { snapshot } = editable;
    await updateEvent(db, ctx, event.id, { ...eventInput({ start_date: '2027-03-02' }), en: snapshot.en }, editable.revision);
    assert.deepEqual(await listed(db, event.id), { dates: [], through: [] });
    assert.deepEqual(await refreshEventSessions(db, WEEK_LATER), []);
  });
});
