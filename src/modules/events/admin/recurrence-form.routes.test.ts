/**
 * The event form's "Repeats" fields on the admin: a rule chosen in plain
 * fields, stored as the calendar's text and shown back in the same fields;
 * each wrong combination refused beside its field with everything typed
 * kept; and "Show sessions", which lists the sessions before anything is
 * saved, without JavaScript.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { appForBlock } from '../../../../test/helpers/build-test-app.js';
import { getPage, postForm, signedInForBlock } from '../../../../test/helpers/admin-session.js';
import { formFields, genevaWebinarFields, type FormFields } from '../../../../test/helpers/forms.js';
import { html, text } from '../../../../test/helpers/html.js';

/** A Geneva webinar on Tuesday 16 March 2027 at 14:00, repeating weekly on Tuesdays for seven sessions, with `fields` changed. */
function weekly(fields: Record<string, string> = {}): FormFields {
  return genevaWebinarFields({ en_title: 'Weekly webinar on wages', repeat: 'weekly', repeat_interval: '1', repeat_on_tu: '1', repeat_ends: 'after', repeat_count: '7', ...fields });
}

describe('the Repeats fields of the event form', () => {
  const t = appForBlock();
  const editor = signedInForBlock(t, 'editor');

  async function eventCount(): Promise<number> {
    return Number((await t.db.selectFrom('events').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  }

  test('the new form offers them in a fieldset with a legend, each control labelled, and the choices set from the start date', async () => {
    const doc = html((await getPage(t.app, '/admin/events/new', editor)).body);
    const fieldset = doc.querySelector('fieldset[data-recurrence]');
    assert.ok(fieldset);
    assert.equal(text(fieldset.querySelector('legend')), 'Repeating sessions');
    assert.deepEqual(
      fieldset.querySelectorAll('select[name=repeat] option').map((o) => o.getAttribute('value')),
      ['none', 'weekly', 'monthly'],
      'a rule written as text is offered only for a rule the fields cannot say',
    );
    for (const control of fieldset.querySelectorAll('input:not([type=radio]):not([type=checkbox]), select, textarea')) {
      assert.ok(fieldset.querySelector(`label[for="${control.getAttribute('id')}"]`), `a label for ${control.getAttribute('name')}`);
    }
    assert.equal(fieldset.querySelectorAll('input[type=checkbox][name^=repeat_on_]').length, 7);
    assert.equal(fieldset.querySelector('[name=recurrence_rule]'), null, 'no rule to type unless the rule needs it');
    assert.ok(fieldset.querySelector('button[type=submit][name=show_sessions]'));
    assert.match(text(fieldset), /Never \(sessions are listed up to two years ahead, at most 520\)/);
  });

  test('a weekly rule is stored as the calendar\'s text and shown back in the same fields; a monthly one too', async () => {
    const res = await postForm(t.app, { url: '/admin/events', session: editor, fields: weekly({ recurrence_exdates: '2027-03-30\n2027-03-23' }) });
    assert.equal(res.statusCode, 303, res.body.slice(0, 400));
    const id = Number(/\/admin\/events\/(\d+)/.exec(String(res.headers.location))![1]);
    const row = await t.db.selectFrom('events').select(['recurrence_rule', 'recurrence_exdates']).where('id', '=', id).executeTakeFirstOrThrow();
    assert.deepEqual(row, { recurrence_rule: 'FREQ=WEEKLY;BYDAY=TU;COUNT=7', recurrence_exdates: '2027-03-23 2027-03-30' });
    const shown = formFields((await getPage(t.app, `/admin/events/${id}`, editor)).body, 'form.edit-form');
    assert.deepEqual(
      [shown.repeat, shown.repeat_on_tu, shown.repeat_on_mo, shown.repeat_ends, shown.repeat_count, shown.recurrence_exdates],
      ['weekly', '1', undefined, 'after', '7', '2027-03-23\n2027-03-30'],
    );

    const monthly = await postForm(t.app, {
      url: `/admin/events/${id}`,
      session: editor,
      fields: { ...shown, repeat: 'monthly', repeat_monthly: 'weekday', repeat_ordinal: '3', repeat_weekday: 'TU', repeat_interval: '2', repeat_ends: 'on', repeat_until: '2027-12-31', recurrence_exdates: '' },
    });
    assert.equal(monthly.statusCode, 303, monthly.body.slice(0, 400));
    const after = await t.db.selectFrom('events').select(['recurrence_rule', 'recurrence_exdates']).where('id', '=', id).executeTakeFirstOrThrow();
    assert.deepEqual(after, { recurrence_rule: 'FREQ=MONTHLY;INTERVAL=2;BYDAY=+3TU;UNTIL=20271231', recurrence_exdates: null });
    const again = formFields((await getPage(t.app, `/admin/events/${id}`, editor)).body, 'form.edit-form');
    assert.deepEqual([again.repeat, again.repeat_monthly, again.repeat_ordinal, again.repeat_weekday, again.repeat_interval, again.repeat_until], ['monthly', 'weekday', '3', 'TU', '2', '2027-12-31']);
  });

  test('a rule the fields cannot say is kept as text and offered as such', async () => {
    const res = await postForm(t.app, { url: '/admin/events', session: editor, fields: genevaWebinarFields({ en_title: 'Daily clinic', recurrence_rule: 'FREQ=DAILY;COUNT=5' }) });
    assert.equal(res.statusCode, 303, res.body.slice(0, 400));
    const page = (await getPage(t.app, String(res.headers.location).replace(/\?.*$/, ''), editor)).body;
    const shown = formFields(page, 'form.edit-form');
    assert.deepEqual([shown.repeat, shown.recurrence_rule], ['rule', 'FREQ=DAILY;COUNT=5']);
  });

  const refusals: [string, Record<string, string>, string, RegExp][] = [
    ['a weekday ticked that is not the start date\'s', { repeat_on_tu: '', repeat_on_we: '1' }, 'repeat_weekdays', /not on a weekday ticked/],
    ['a last date before the start', { repeat_ends: 'on', repeat_until: '2027-03-01' }, 'repeat_until', /cannot be before the start date/],
    ['a last date that is no date', { repeat_ends: 'on', repeat_until: '2027-02-30' }, 'repeat_until', /real date/],
    ['a last date past the years dates may have', { repeat_ends: 'on', repeat_until: '2207-01-01' }, 'repeat_until', /between the years 1900 and 2100/],
    ['no sessions', { repeat_count: '0' }, 'repeat_count', /from 1 to 520/],
    ['too many sessions', { repeat_count: '521' }, 'repeat_count', /from 1 to 520/],
    ['a number of sessions in words', { repeat_count: 'ten' }, 'repeat_count', /from 1 to 520/],
    ['every no week', { repeat_interval: '0' }, 'repeat_interval', /from 1 to 99/],
    ['a skipped date that is no date', { recurrence_exdates: '2027-03-23\n30/03/2027' }, 'recurrence_exdates', /YYYY-MM-DD/],
    ['a skipped date that is no session', { recurrence_exdates: '2027-03-24' }, 'recurrence_exdates', /must be a date the repeats make/],
    ['a monthly day that is not the start date\'s', { repeat: 'monthly', repeat_monthly: 'day', repeat_month_day: '12' }, 'repeat_month_day', /not on this day of the month/],
    ['a monthly day out of range', { repeat: 'monthly', repeat_monthly: 'day', repeat_month_day: '32' }, 'repeat_month_day', /from 1 to 31/],
    ['a weekday of the month that is not the start date\'s', { repeat: 'monthly', repeat_monthly: 'weekday', repeat_ordinal: '-1', repeat_weekday: 'TU' }, 'repeat_weekday', /not this weekday of its month/],
    ['an unknown choice', { repeat: 'hourly' }, 'repeat', /./],
  ];
  for (const [name, fields, field, message] of refusals) {
    test(`refused with its message beside the field and everything typed kept: ${name}`, async () => {
      const before = await eventCount();
      const res = await postForm(t.app, { url: '/admin/events', session: editor, fields: weekly(fields) });
      assert.equal(res.statusCode, 422);
      const doc = html(res.body);
      assert.match(text(doc.querySelector(`#error-${field}`)), message);
      const kept = formFields(res.body, 'form.edit-form');
      // A choice no option offers cannot be shown again; every other value typed is.
      for (const [name, value] of Object.entries(weekly(fields))) {
        if (value !== '' && !(name === 'repeat' && value === 'hourly')) assert.equal(kept[name], value, `${name} kept`);
      }
      assert.equal(await eventCount(), before, 'nothing saved');
    });
  }

  test('Show sessions lists the first twelve sessions, skipped ones struck through, and the total, and saves nothing', async () => {
    const before = await eventCount();
    const res = await postForm(t.app, {
      url: '/admin/events',
      session: editor,
      fields: weekly({ repeat_count: '20', recurrence_exdates: '2027-03-30', show_sessions: '1' }),
    });
    assert.equal(res.statusCode, 200);
    assert.equal(await eventCount(), before, 'nothing saved');
    const doc = html(res.body);
    const preview = doc.querySelector('#sessions-preview');
    assert.ok(preview);
    const items = preview.querySelectorAll('li');
    assert.equal(items.length, 12);
    assert.match(text(items[0]!), /^\S.*2027, 14:00$/, 'the date in the office\'s format, at the event\'s time in its zone');
    assert.equal(items[0]!.querySelector('time')?.getAttribute('datetime'), '2027-03-16');
    assert.equal(items[2]!.querySelector('s time')?.getAttribute('datetime'), '2027-03-30', 'the skipped date struck through');
    assert.match(text(items[2]!), /\(skipped\)/);
    assert.equal(items[11]!.querySelector('time')?.getAttribute('datetime'), '2027-06-01');
    assert.match(text(preview), /19 sessions in all\./);
    assert.match(text(preview), /The first 12:/);
    assert.equal(formFields(res.body, 'form.edit-form').repeat_count, '20', 'the form kept as typed');

    const endless = html((await postForm(t.app, { url: '/admin/events', session: editor, fields: weekly({ repeat_ends: 'never', show_sessions: '1' }) })).body);
    assert.match(text(endless.querySelector('#sessions-preview')), /sessions in the next two years/);

    const single = html((await postForm(t.app, { url: '/admin/events', session: editor, fields: weekly({ repeat_count: '1', show_sessions: '1' }) })).body);
    assert.ok(single.querySelectorAll('#sessions-preview p').some((p) => text(p) === '1 session in all.'), 'one session, in the singular');

    const refused = await postForm(t.app, { url: '/admin/events', session: editor, fields: weekly({ repeat_count: '0', show_sessions: '1' }) });
    assert.equal(refused.statusCode, 422);
    assert.equal(html(refused.body).querySelector('#sessions-preview'), null, 'no sessions from fields refused');
  });

  test('Show sessions on a stored event lists the sessions typed and leaves the event as it was', async () => {
    const created = await postForm(t.app, { url: '/admin/events', session: editor, fields: weekly() });
    const id = Number(/\/admin\/events\/(\d+)/.exec(String(created.headers.location))![1]);
    const shown = formFields((await getPage(t.app, `/admin/events/${id}`, editor)).body, 'form.edit-form');
    const revision = (await t.db.selectFrom('events').select('revision').where('id', '=', id).executeTakeFirstOrThrow()).revision;
    const res = await postForm(t.app, { url: `/admin/events/${id}`, session: editor, fields: { ...shown, repeat_count: '3', show_sessions: '1' } });
    assert.equal(res.statusCode, 200);
    assert.equal(html(res.body).querySelectorAll('#sessions-preview li').length, 3);
    assert.doesNotMatch(text(html(res.body).querySelector('#sessions-preview')), /The first/, 'all of them listed');
    const row = await t.db.selectFrom('events').select(['revision', 'recurrence_rule']).where('id', '=', id).executeTakeFirstOrThrow();
    assert.deepEqual(row, { revision, recurrence_rule: 'FREQ=WEEKLY;BYDAY=TU;COUNT=7' });
  });
});
