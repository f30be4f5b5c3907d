import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { createPeople } from '../../../test/helpers/editing.js';
import { genevaWebinarFields } from '../../../test/helpers/forms.js';
import { databaseForBlock } from '../../../test/helpers/test-database.js';
import { createEvent, getEventForEditing, updateEvent } from './events.editing.js';
import { eventFormValues, readEventForm, validateEventForm } from './events.schemas.js';

const NOW = new Date('2027-03-01T08:00:00.000Z');
const ZONE = 'Asia/Ho_Chi_Minh';

/** The event form as typed: a weekly webinar on Tuesdays at 14:00 in Geneva, with `fields` changed. */
function webinarForm(fields: Record<string, string> = {}) {
  return readEventForm(
    genevaWebinarFields({
      recurrence_rule: 'RRULE:FREQ=WEEKLY;BYDAY=TU;UNTIL=20270427',
      recurrence_exdates: '2027-03-30 2027-03-23',
      ...fields,
    }),
  );
}

describe('a recurring event', () => {
  let db: Kysely<Database>;
  databaseForBlock((d) => (db = d));

  test('keeps its rule and skipped dates through a save, a load and its form, and a second save', async () => {
    const { editor } = await createPeople(db);
    const result = validateEventForm(webinarForm(), ZONE);
    assert.ok(result.ok, JSON.stringify(!result.ok && result.errors));
    const created = await createEvent(db, { user: editor, now: NOW }, result.input);
    const stored = await getEventForEditing(db, created.id);
    assert.equal(stored.snapshot.recurrence_rule, 'FREQ=WEEKLY;BYDAY=TU;UNTIL=20270427');
    assert.equal(stored.snapshot.recurrence_exdates, '2027-03-23 2027-03-30');
    const values = eventFormValues(stored.snapshot, stored.revision);
    assert.deepEqual(
      [values.repeat, values.repeat_on_tu, values.repeat_on_we, values.repeat_ends, values.repeat_until, values.recurrence_exdates],
      ['weekly', '1', '', 'on', '2027-04-27', '2027-03-23\n2027-03-30'],
      'the rule shown in the form\'s fields',
    );
    const same = validateEventForm(values, ZONE);
    assert.ok(same.ok);
    assert.deepEqual([same.input.recurrence_rule, same.input.recurrence_exdates], ['FREQ=WEEKLY;BYDAY=TU;UNTIL=20270427', '2027-03-23 2027-03-30']);

    const again = validateEventForm({ ...values, repeat: 'none', recurrence_exdates: '2027-03-23' }, ZONE);
    assert.ok(again.ok);
    const single = await updateEvent(db, { user: editor, now: NOW }, created.id, again.input, stored.revision);
    assert.equal(single.snapshot.recurrence_rule, null);
    assert.equal(single.snapshot.recurrence_exdates, null, 'skipped dates mean nothing without a rule');
  });

  test('a rule the calendar cannot read, a multi-day repeating event and a malformed skipped date come back with a message each', () => {
    const result = validateEventForm(webinarForm({ recurrence_rule: 'FREQ=HOURLY', recurrence_exdates: '30/03/2027' }), ZONE);
    assert.ok(!result.ok);
    assert.equal(result.errors.recurrence_rule, 'editing.error.recurrence.frequency');
    assert.equal(result.errors.recurrence_exdates, 'editing.error.recurrenceExdates');
    const long = validateEventForm(webinarForm({ all_day: '1', end_date: '2027-03-17' }), ZONE);
    assert.ok(!long.ok);
    assert.equal(long.errors.end_date, 'editing.error.recurringOneDay');
  });
});
