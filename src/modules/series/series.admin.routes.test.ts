import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { getPage, postForm, signedInForBlock } from '../../../test/helpers/admin-session.js';
import { appForBlock } from '../../../test/helpers/build-test-app.js';
import { createWebinarSeries } from '../../../test/fixtures/series-content.js';
import { newEventFields } from '../../../test/helpers/forms.js';
import { html, text } from '../../../test/helpers/html.js';
import { expandWithIcalJs } from '../../../test/helpers/ical.js';

const NOW = new Date('2027-04-01T08:00:00.000Z');

const SOCIAL_DIALOGUE = {
  en_title: 'Social dialogue webinars',
  slug: 'social-dialogue-webinars',
  en_description: 'Talks for **employers** and workers.',
  vi_title: 'Hội thảo trực tuyến về đối thoại xã hội',
  vi_slug: 'hoi-thao-doi-thoai-xa-hoi',
  vi_description: 'Dành cho **người sử dụng lao động** và người lao động.',
  status: 'published',
};

describe('the series admin', () => {
  const t = appForBlock({ now: NOW });
  const editor = signedInForBlock(t, 'editor');

  test('writes a new series, shown at its address in each language with its Markdown rendered, and logged', async () => {
    const res = await postForm(t.app, { url: '/admin/series/new', session: editor, fields: SOCIAL_DIALOGUE });
    assert.equal(res.statusCode, 303);
    const location = String(res.headers.location);
    assert.match(location, /^\/admin\/series\/\d+\?saved=1$/);
    const form = html((await getPage(t.app, location, editor)).body);
    assert.equal(form.querySelector('input[name=en_title]')?.getAttribute('value'), 'Social dialogue webinars');
    assert.equal(form.querySelector('input[name=status][checked]')?.getAttribute('value'), 'published');

    const en = html((await t.app.inject({ url: '/en/series/social-dialogue-webinars' })).body);
    assert.equal(text(en.querySelector('h1')), 'Social dialogue webinars');
    assert.equal(text(en.querySelector('.prose strong')), 'employers');
    const vi = html((await t.app.inject({ url: '/vi/series/hoi-thao-doi-thoai-xa-hoi' })).body);
    assert.equal(text(vi.querySelector('h1')), 'Hội thảo trực tuyến về đối thoại xã hội');

    const list = html((await getPage(t.app, '/admin/series', editor)).body);
    assert.ok(list.querySelector('.admin-nav a[href="/admin/series"][aria-current=page]'), 'the navigation links to the series');
    assert.equal(text(list.querySelector('td a')), 'Social dialogue webinars');
    const audit = await t.db.selectFrom('audit_log').select(['action', 'subject_kind']).where('action', '=', 'series.create').execute();
    assert.deepEqual(audit, [{ action: 'series.create', subject_kind: 'series' }]);
  });

  test('refuses an empty title and a bad or taken address with 422, keeping everything typed', async () => {
    const cases = [
      { fields: { ...SOCIAL_DIALOGUE, en_title: '', slug: 'Not a slug!', vi_slug: 'mot-chuoi-khac' }, errors: ['en_title', 'slug'] },
      { fields: { ...SOCIAL_DIALOGUE, vi_title: '', slug: 'another-series' }, errors: ['vi_title', 'vi_slug'] },
    ];
    for (const { fields, errors } of cases) {
      const res = await postForm(t.app, { url: '/admin/series/new', session: editor, fields });
      assert.equal(res.statusCode, 422);
      const page = html(res.body);
      const linked = [...page.querySelectorAll('.error-summary a')].map((a) => a.getAttribute('href'));
      assert.deepEqual(linked, errors.map((name) => `#field-${name}`));
      for (const name of ['en_title', 'slug', 'vi_title', 'vi_slug']) assert.equal(page.querySelector(`input[name=${name}]`)?.getAttribute('value'), fields[name as keyof typeof fields], name);
      assert.equal(text(page.querySelector('textarea[name=en_description]')), fields.en_description);
    }
    const slugs = await t.db.selectFrom('series_translations').select('slug').execute();
    assert.equal(slugs.length, 2, 'nothing more was written');
  });

  test('a series changed back to a draft is no longer shown to visitors', async () => {
    const list = html((await getPage(t.app, '/admin/series', editor)).body);
    const edit = list.querySelector('td a')!.getAttribute('href')!;
    const res = await postForm(t.app, { url: edit, session: editor, fields: { ...SOCIAL_DIALOGUE, status: 'draft', en_title: 'Social dialogue talks' } });
    assert.equal(res.statusCode, 303);
    assert.equal((await t.app.inject({ url: '/en/series/social-dialogue-webinars' })).statusCode, 404);
    const after = html((await getPage(t.app, '/admin/series', editor)).body);
    assert.equal(text(after.querySelector('td a')), 'Social dialogue talks');
    assert.equal(text(after.querySelector('tbody td:last-child')), 'Draft');
  });

  test('is shown in Vietnamese to those who choose it', async () => {
    await t.db.updateTable('users').set({ ui_lang: 'vi' }).where('role', '=', 'editor').execute();
    const page = html((await getPage(t.app, '/admin/series/new', editor)).body);
    assert.equal(text(page.querySelector('h1')), 'Chuỗi sự kiện mới');
    await t.db.updateTable('users').set({ ui_lang: 'en' }).where('role', '=', 'editor').execute();
  });
});

describe("an event's series picker", () => {
  const t = appForBlock({ now: NOW });
  const editor = signedInForBlock(t, 'editor');

  test('offers every series, drafts included, and saves the one chosen', async () => {
    await postForm(t.app, { url: '/admin/series/new', session: editor, fields: { ...SOCIAL_DIALOGUE, status: 'draft' } });
    const series = await t.db.selectFrom('series').select('id').executeTakeFirstOrThrow();
    const form = html((await getPage(t.app, '/admin/events/new', editor)).body);
    const options = [...form.querySelectorAll('select[name=series_id] option')].map((o) => [o.getAttribute('value'), text(o)]);
    assert.deepEqual(options, [
      ['', 'None'],
      [String(series.id), 'Social dialogue webinars'],
    ]);

    const res = await postForm(t.app, { url: '/admin/events', session: editor, fields: newEventFields({ series_id: String(series.id) }) });
    assert.equal(res.statusCode, 303);
    const event = await t.db.selectFrom('events').select(['id', 'series_id']).executeTakeFirstOrThrow();
    assert.equal(event.series_id, series.id);
    const edit = html((await getPage(t.app, `/admin/events/${event.id}`, editor)).body);
    assert.equal(edit.querySelector('select[name=series_id] option[selected]')?.getAttribute('value'), String(series.id));
  });

  test('a series deleted while the form was open is refused by its field, with everything typed kept', async () => {
    const fields = newEventFields({ series_id: '987654', en_title: 'Webinar on wages' });
    const res = await postForm(t.app, { url: '/admin/events', session: editor, fields });
    assert.equal(res.statusCode, 422);
    const form = html(res.body);
    assert.equal(form.querySelector('select[name=series_id]')?.getAttribute('aria-invalid'), 'true');
    assert.match(text(form.querySelector('.error-summary')), /series/i);
    assert.equal(form.querySelector('input[name=en_title]')?.getAttribute('value'), 'Webinar on wages');
    const saved = await t.db.selectFrom('events').select('id').where('series_id', '=', 987654).execute();
    assert.deepEqual(saved, []);
  });
});

describe("a recurring event's sessions page", () => {
  const t = appForBlock({ now: NOW });
  const editor = signedInForBlock(t, 'editor');
  let sessions = '';

  test('lists the next sessions, and moves, cancels and restores one, shown on the series page and in its calendar', async () => {
    await createWebinarSeries(t.db, NOW);
    const weekly = await t.db.selectFrom('events').select('id').where('recurrence_rule', 'is not', null).executeTakeFirstOrThrow();
    sessions = `/admin/events/${weekly.id}/sessions`;
    const edit = html((await getPage(t.app, `/admin/events/${weekly.id}`, editor)).body);
    assert.ok(edit.querySelector(`a[href="${sessions}"]`), 'the edit page links to the sessions');
    const page = html((await getPage(t.app, sessions, editor)).body);
    assert.deepEqual(
      [...page.querySelectorAll('tbody time')].map((el) => el.getAttribute('datetime')),
      ['2027-04-06', '2027-04-13', '2027-04-20', '2027-04-27'],
    );

    const move = await postForm(t.app, { url: `${sessions}/2027-04-13`, session: editor, fields: { action: 'move', new_date: '2027-04-15', new_time: '09:00' } });
    assert.equal(move.statusCode, 303);
    assert.equal((await postForm(t.app, { url: `${sessions}/2027-04-27`, session: editor, fields: { action: 'cancel' } })).statusCode, 303);
    assert.equal((await postForm(t.app, { url: `${sessions}/2027-04-20`, session: editor, fields: { action: 'restore' } })).statusCode, 303);

    const series = html((await t.app.inject({ url: '/en/series/actrav-webinar-series-2-0' })).body);
    const upcoming = [...series.querySelectorAll('#series-upcoming ~ ol .session-date time')].map((el) => el.getAttribute('datetime'));
    assert.deepEqual(upcoming, ['2027-04-08T08:00:00.000Z', '2027-04-15T07:00:00.000Z', '2027-04-20T12:00:00.000Z', '2027-04-27T12:00:00.000Z', '2027-05-10']);
    assert.equal(series.querySelectorAll('.session--cancelled').length, 1);
    assert.match(text(series.querySelector('.session--cancelled')), /27 Apr 2027/);

    const calendar = expandWithIcalJs((await t.app.inject({ url: '/en/series/actrav-webinar-series-2-0/events.ics' })).body);
    const starts = calendar.filter((s) => !s.cancelled).map((s) => s.start);
    assert.ok(starts.includes('2027-04-15T07:00:00.000Z') && starts.includes('2027-04-20T12:00:00.000Z'));
    assert.ok(!starts.includes('2027-04-13T12:00:00.000Z') && !starts.includes('2027-04-27T12:00:00.000Z'));
  });

  test('a move without a date is refused with 422, keeping the time typed', async () => {
    const res = await postForm(t.app, { url: `${sessions}/2027-04-06`, session: editor, fields: { action: 'move', new_date: '', new_time: '11:15' } });
    assert.equal(res.statusCode, 422);
    const page = html(res.body);
    assert.equal(page.querySelector('#session-2027-04-06-time')?.getAttribute('value'), '11:15');
    assert.match(text(page.querySelector('.error-summary')), /Enter the new date/);
  });
});
