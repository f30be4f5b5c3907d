import assert from 'node:assert/strict';
import { before, beforeEach, describe, test } from 'node:test';
import { appForBlock, DEFAULT_NOW } from '../../../../test/helpers/build-test-app.js';
import { getPage, postForm, signedInForBlock, type AdminSession } from '../../../../test/helpers/admin-session.js';
import { formFields, newEventFields } from '../../../../test/helpers/forms.js';
import { html, text } from '../../../../test/helpers/html.js';
import { eventPath } from '../../../shared/http/paths.js';
import { ensureTaxonomy, listTopics } from '../../taxonomy/index.js';
import { loadTaxonomy } from '../../importer/index.js';

function idFrom(location: unknown): number {
  const match = /^\/admin\/events\/(\d+)\?done=created$/.exec(String(location));
  assert.ok(match, `redirected to the new event: ${String(location)}`);
  return Number(match[1]);
}

describe('admin event pages', () => {
  const t = appForBlock();
  before(() => ensureTaxonomy(t.db, loadTaxonomy(), DEFAULT_NOW.toISOString()));
  const editor = signedInForBlock(t, 'editor');
  const otherEditor = signedInForBlock(t, 'editor');
  const contributor = signedInForBlock(t, 'contributor');
  beforeEach(() => t.setNow(DEFAULT_NOW));

  async function slugOf(id: number): Promise<string> {
    return (await t.db.selectFrom('events').select('slug').where('id', '=', id).executeTakeFirstOrThrow()).slug;
  }

  async function create(session: AdminSession, fields: Record<string, string | string[]> = {}): Promise<number> {
    const res = await postForm(t.app, { url: '/admin/events', session, fields: newEventFields(fields) });
    assert.equal(res.statusCode, 303, res.body.slice(0, 500));
    return idFrom(res.headers.location);
  }

  test('anonymous visitors are sent to sign in, and their posts are refused', async () => {
    for (const url of ['/admin/events', '/admin/events/new', '/admin/events/1', '/admin/events/1/history']) {
      const res = await getPage(t.app, url);
      assert.equal(res.statusCode, 303, url);
      assert.match(String(res.headers.location), /^\/admin\/login\?next=/);
    }
    const post = await postForm(t.app, { url: '/admin/events', fields: newEventFields() });
    assert.equal(post.statusCode, 401);
    assert.equal(await t.db.selectFrom('events').select('id').executeTakeFirst(), undefined);
  });

  test('the new-event form has both languages side by side, labelled fields and a CSRF token', async () => {
    const res = await getPage(t.app, '/admin/events/new', contributor);
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['cache-control'], 'no-store');
    const doc = html(res.body);
    const legends = doc.querySelectorAll('.language-fieldset legend').map(text);
    assert.deepEqual(legends, ['English', 'Vietnamese']);
    for (const name of ['en_title', 'vi_title', 'start_date', 'end_date', 'start_time', 'time_zone', 'registration_url', 'contact_email']) {
      const input = doc.querySelector(`#field-${name}`);
      assert.ok(input, name);
      assert.ok(doc.querySelector(`label[for=field-${name}]`), `label for ${name}`);
    }
    assert.equal(doc.querySelector('#field-en_title')?.getAttribute('lang'), 'en');
    assert.equal(doc.querySelector('#field-vi_title')?.getAttribute('lang'), 'vi');
    assert.equal(doc.querySelector('input[name=_csrf]')?.getAttribute('value'), contributor.csrfToken);
    assert.equal(doc.querySelector('#field-start_date')?.getAttribute('value'), '2026-11-23', 'starts today by default');
    // Contributors cannot publish the Vietnamese text, so the choice is not offered to them.
    assert.equal(doc.querySelector('#field-vi_status'), null);
    assert.ok(doc.querySelectorAll('input[name=topics]').length > 0, 'topics to choose from');
  });

  test('a refused form comes back with 422, every message next to its field and everything typed kept', async () => {
    const fields = newEventFields({
      en_title: '',
      en_description: 'Kept: Hội thảo <b>ba bên</b> & more',
      vi_title: 'Hội thảo ba bên',
      start_date: '2026-12-10',
      end_date: '2026-12-09',
      registration_url: 'not a link',
      topics: ['1'],
    });
    const res = await postForm(t.app, { url: '/admin/events', session: editor, fields });
    assert.equal(res.statusCode, 422);
    assert.match(String(res.headers['content-type']), /text\/html/);
    const doc = html(res.body);
    assert.equal(text(doc.querySelector('#error-en_title')), 'This field is required.');
    assert.equal(text(doc.querySelector('#error-end_date')), 'The end date cannot be before the start date.');
    assert.match(text(doc.querySelector('#error-registration_url')), /full web address/);
    assert.equal(doc.querySelector('#field-end_date')?.getAttribute('aria-invalid'), 'true');
    assert.match(String(doc.querySelector('#field-end_date')?.getAttribute('aria-describedby')), /error-end_date/);
    assert.equal(doc.querySelectorAll('.error-summary li').length, 3);
    // What was typed is all there, escaped.
    const kept = formFields(res.body, 'form.edit-form');
    assert.equal(kept.en_description, 'Kept: Hội thảo <b>ba bên</b> & more');
    assert.equal(kept.vi_title, 'Hội thảo ba bên');
    assert.equal(kept.end_date, '2026-12-09');
    assert.equal(kept.registration_url, 'not a link');
    assert.equal(kept.topics, '1');
    assert.doesNotMatch(res.body, /<b>ba bên<\/b>/);
    assert.equal(await t.db.selectFrom('events').select('id').executeTakeFirst(), undefined);
  });

  test('absurd dates are refused with a message by the field: a timed event from 2000 to 3999, one of three years', async () => {
    const timed = newEventFields({ all_day: '', start_date: '2000-01-01', end_date: '3999-12-31', start_time: '09:00', end_time: '17:00', time_zone: 'America/New_York' });
    const res = await postForm(t.app, { url: '/admin/events', session: editor, fields: timed });
    assert.equal(res.statusCode, 422);
    assert.equal(text(html(res.body).querySelector('#error-end_date')), 'Enter a date between the years 1900 and 2100.');
    assert.equal(formFields(res.body, 'form.edit-form').end_date, '3999-12-31');
    const long = await postForm(t.app, { url: '/admin/events', session: editor, fields: newEventFields({ start_date: '2026-01-01', end_date: '2028-12-31' }) });
    assert.equal(long.statusCode, 422);
    assert.match(text(html(long.body).querySelector('#error-end_date')), /at most two years/);
    assert.equal(await t.db.selectFrom('events').select('id').executeTakeFirst(), undefined);
  });

  test('a valid form creates a draft and leads to its edit page', async () => {
    const id = await create(contributor);
    const page = await getPage(t.app, `/admin/events/${id}?done=created`, contributor);
    assert.equal(page.statusCode, 200);
    const doc = html(page.body);
    assert.equal(text(doc.querySelector('.notice')), 'Saved as a draft.');
    assert.equal(text(doc.querySelector('h1')), 'Edit event: Tripartite workshop in Đắk Lắk');
    assert.equal(formFields(page.body, 'form.edit-form').slug, await slugOf(id));
    assert.match(await slugOf(id), /^tripartite-workshop-in-dak-lak(-\d+)?$/);
    const row = await t.db.selectFrom('events').select(['status', 'created_by']).where('id', '=', id).executeTakeFirstOrThrow();
    assert.deepEqual(row, { status: 'draft', created_by: contributor.user.id });
    // The contributor may submit it, not publish it.
    const buttons = doc.querySelectorAll('.workflow-panel button').map(text);
    assert.deepEqual(buttons, ['Submit for review']);
  });

  test('unknown events are not found', async () => {
    for (const url of ['/admin/events/99999', '/admin/events/abc', '/admin/events/99999/history', '/admin/events/99999/preview']) {
      assert.equal((await getPage(t.app, url, editor)).statusCode, 404, url);
    }
    assert.equal((await postForm(t.app, { url: '/admin/events/99999/publish', session: editor })).statusCode, 404);
  });

  test('a contributor cannot publish, delete, or edit after submitting', async () => {
    const id = await create(contributor);
    assert.equal((await postForm(t.app, { url: `/admin/events/${id}/publish`, session: contributor })).statusCode, 403);
    assert.equal((await getPage(t.app, `/admin/events/${id}/delete`, contributor)).statusCode, 403);
    assert.equal((await postForm(t.app, { url: `/admin/events/${id}/delete`, session: contributor })).statusCode, 403);
    const submitted = await postForm(t.app, { url: `/admin/events/${id}/submit`, session: contributor, fields: { revision: '1' } });
    assert.equal(submitted.statusCode, 303);
    const page = await getPage(t.app, `/admin/events/${id}`, contributor);
    const save = await postForm(t.app, { url: `/admin/events/${id}`, session: contributor, fields: formFields(page.body, 'form.edit-form') });
    assert.equal(save.statusCode, 403);
    const status = await t.db.selectFrom('events').select('status').where('id', '=', id).executeTakeFirstOrThrow();
    assert.equal(status.status, 'in_review');
  });

  test('editing the same event in two tabs: the second save gets the conflict page and keeps its text', async () => {
    const id = await create(editor);
    const tabA = formFields((await getPage(t.app, `/admin/events/${id}`, editor)).body, 'form.edit-form');
    const tabB = formFields((await getPage(t.app, `/admin/events/${id}`, otherEditor)).body, 'form.edit-form');

    const first = await postForm(t.app, { url: `/admin/events/${id}`, session: editor, fields: { ...tabA, en_title: 'Workshop in Buôn Ma Thuột' } });
    assert.equal(first.statusCode, 303);
    assert.equal(first.headers.location, `/admin/events/${id}?done=saved`);

    const second = await postForm(t.app, {
      url: `/admin/events/${id}`,
      session: otherEditor,
      fields: { ...tabB, en_description: 'The second person wrote this.' },
    });
    assert.equal(second.statusCode, 409);
    const doc = html(second.body);
    assert.equal(text(doc.querySelector('h1')), 'Someone else changed this in the meantime');
    assert.match(text(doc.querySelector('.notice--warning')), new RegExp(editor.user.name));
    const rows = doc.querySelectorAll('.conflict-table tbody tr').map((tr) => tr.querySelectorAll('th, td').map(text));
    assert.deepEqual(rows.find((r) => r[0] === 'Title (English)'), ['Title (English)', 'Workshop in Buôn Ma Thuột', 'Tripartite workshop in Đắk Lắk']);
    assert.deepEqual(rows.find((r) => r[0] === 'Description (English)'), [
      'Description (English)',
      'Employers, workers and government meet.',
      'The second person wrote this.',
    ]);
    // The second person's text is in the form, set to save over the stored version.
    const kept = formFields(second.body, 'form.edit-form');
    assert.equal(kept.en_description, 'The second person wrote this.');
    assert.equal(kept.revision, '2');
    const stored = await t.db.selectFrom('event_translations').select(['title', 'description']).where('event_id', '=', id).where('lang', '=', 'en').executeTakeFirstOrThrow();
    assert.deepEqual(stored, { title: 'Workshop in Buôn Ma Thuột', description: 'Employers, workers and government meet.' });

    const resolved = await postForm(t.app, { url: `/admin/events/${id}`, session: otherEditor, fields: { ...kept, en_title: 'Workshop in Buôn Ma Thuột' } });
    assert.equal(resolved.statusCode, 303);
    const after = await t.db.selectFrom('event_translations').select(['title', 'description']).where('event_id', '=', id).where('lang', '=', 'en').executeTakeFirstOrThrow();
    assert.deepEqual(after, { title: 'Workshop in Buôn Ma Thuột', description: 'The second person wrote this.' });
  });

  test('scheduled for a time, the event appears on the public page exactly then', async () => {
    const id = await create(editor);
    const page = await getPage(t.app, `/admin/events/${id}`, editor);
    const schedule = formFields(page.body, 'form.schedule-form');
    // DEFAULT_NOW is 09:00 in Hanoi; schedule for 11:30 there.
    const res = await postForm(t.app, { url: `/admin/events/${id}/schedule`, session: editor, fields: { ...schedule, publish_at: '2026-11-23T11:30' } });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, `/admin/events/${id}?done=scheduled`);
    const scheduled = html((await getPage(t.app, `/admin/events/${id}?done=scheduled`, editor)).body);
    assert.equal(text(scheduled.querySelector('.workflow-panel .tag')), 'Scheduled');
    assert.match(text(scheduled.querySelector('.workflow-panel')), /23 Nov 2026, 11:30/);
    const listed = html((await getPage(t.app, '/admin/events?status=scheduled', editor)).body);
    assert.ok(listed.querySelectorAll('tbody a').some((a) => a.getAttribute('href') === `/admin/events/${id}`));
    // The history names the status and gives the time on the office's clock, not as stored.
    const diff = html((await getPage(t.app, `/admin/events/${id}/history`, editor)).body);
    const rows = Object.fromEntries(diff.querySelectorAll('.diff-table tbody tr').map((tr) => [text(tr.querySelector('th')), tr.querySelectorAll('td').map(text)]));
    assert.deepEqual(rows['Publication status'], ['Draft', 'Published']);
    assert.deepEqual(rows['Scheduled publication'], ['(empty)', '23 Nov 2026, 11:30']);

    const url = eventPath('en', await slugOf(id));
    t.setNow(new Date('2026-11-23T04:29:59.999Z'));
    assert.equal((await getPage(t.app, url)).statusCode, 404);
    t.setNow(new Date('2026-11-23T04:30:00.000Z'));
    const live = await getPage(t.app, url);
    assert.equal(live.statusCode, 200);
    assert.equal(text(html(live.body).querySelector('h1')), 'Tripartite workshop in Đắk Lắk');
  });

  test('a schedule time in the past is refused next to the field, keeping what was typed', async () => {
    const id = await create(editor);
    const res = await postForm(t.app, { url: `/admin/events/${id}/schedule`, session: editor, fields: { revision: '1', publish_at: '2026-11-22T08:00' } });
    assert.equal(res.statusCode, 422);
    const doc = html(res.body);
    assert.equal(text(doc.querySelector('#error-publish_at')), 'Choose a date and time in the future, or publish now.');
    assert.equal(doc.querySelector('#field-publish_at')?.getAttribute('value'), '2026-11-22T08:00');
    const garbled = await postForm(t.app, { url: `/admin/events/${id}/schedule`, session: editor, fields: { revision: '1', publish_at: 'soon' } });
    assert.equal(garbled.statusCode, 422);
  });

  test('a step already taken is explained with 409', async () => {
    const id = await create(editor);
    assert.equal((await postForm(t.app, { url: `/admin/events/${id}/publish`, session: editor, fields: { revision: '1' } })).statusCode, 303);
    const again = await postForm(t.app, { url: `/admin/events/${id}/publish`, session: editor, fields: { revision: '2' } });
    assert.equal(again.statusCode, 409);
    assert.equal(text(html(again.body).querySelector('.notice--error')), 'This item is already published.');
    const stale = await postForm(t.app, { url: `/admin/events/${id}/unpublish`, session: editor, fields: { revision: '1', confirmed: 'yes' } });
    assert.equal(stale.statusCode, 303, 'publishing in between does not make the page stale');
  });

  test('postponing, cancelling and putting an event back on show on the public page', async () => {
    const id = await create(editor);
    await postForm(t.app, { url: `/admin/events/${id}/publish`, session: editor });
    assert.equal((await postForm(t.app, { url: `/admin/events/${id}/postpone`, session: editor, fields: { confirmed: 'yes', reason_en: 'Postponed to 12 March' } })).statusCode, 303);
    const url = eventPath('en', await slugOf(id));
    assert.match((await getPage(t.app, url)).body, /This event has been postponed/);
    const page = await getPage(t.app, `/admin/events/${id}`, editor);
    const fields = formFields(page.body, 'form.edit-form');
    const back = await postForm(t.app, { url: `/admin/events/${id}`, session: editor, fields: { ...fields, start_date: '2027-01-12', end_date: '', intent: 'reschedule' } });
    assert.equal(back.statusCode, 303);
    assert.equal(back.headers.location, `/admin/events/${id}?done=rescheduled`);
    assert.doesNotMatch((await getPage(t.app, url)).body, /postponed/);
    assert.equal((await postForm(t.app, { url: `/admin/events/${id}/cancel`, session: editor, fields: { confirmed: 'yes', reason_en: 'Cancelled for the storm' } })).statusCode, 303);
    assert.match((await getPage(t.app, url)).body, /This event has been cancelled/);
  });

  test('the preview shows a draft as its public page will look, never indexed', async () => {
    const id = await create(editor, { vi_title: 'Hội thảo ba bên tại Đắk Lắk' });
    const en = await getPage(t.app, `/admin/events/${id}/preview?lang=en`, editor);
    assert.equal(en.statusCode, 200);
    const doc = html(en.body);
    assert.equal(text(doc.querySelector('h1')), 'Tripartite workshop in Đắk Lắk');
    assert.equal(doc.querySelector('meta[name=robots]')?.getAttribute('content'), 'noindex');
    assert.equal(doc.querySelector('link[rel=canonical]'), null);
    assert.equal(en.headers['x-robots-tag'], 'noindex');
    assert.match(text(doc.querySelector('.preview-banner')), /Visitors cannot see this page yet/);
    assert.ok(doc.querySelector('.event .facts'), 'the public event view');
    const vi = html((await getPage(t.app, `/admin/events/${id}/preview?lang=vi`, editor)).body);
    assert.equal(text(vi.querySelector('h1')), 'Hội thảo ba bên tại Đắk Lắk');
    assert.equal(vi.querySelector('html')?.getAttribute('lang'), 'vi');
  });

  test('the Vietnamese text goes live once an editor publishes it', async () => {
    const id = await create(editor, { vi_title: 'Hội thảo ba bên', vi_status: 'published' });
    await postForm(t.app, { url: `/admin/events/${id}/publish`, session: editor });
    const stored = await t.db.selectFrom('event_translations').select(['slug', 'status']).where('event_id', '=', id).where('lang', '=', 'vi').executeTakeFirstOrThrow();
    assert.deepEqual(stored, { slug: 'hoi-thao-ba-ben', status: 'published' });
    const page = await getPage(t.app, eventPath('vi', 'hoi-thao-ba-ben'));
    assert.equal(page.statusCode, 200);
    assert.equal(text(html(page.body).querySelector('h1')), 'Hội thảo ba bên');
    // A contributor sending the status anyway is refused.
    const own = await create(contributor, { vi_title: 'Bản nháp' });
    const refused = await postForm(t.app, {
      url: `/admin/events/${own}`,
      session: contributor,
      fields: { ...formFields((await getPage(t.app, `/admin/events/${own}`, contributor)).body, 'form.edit-form'), vi_status: 'published' },
    });
    assert.equal(refused.statusCode, 403);
  });

  test('history compares two revisions word by word, and an older one can be restored', async () => {
    const topic = (await listTopics(t.db, 'en'))[0]!;
    const id = await create(editor);
    const first = formFields((await getPage(t.app, `/admin/events/${id}`, editor)).body, 'form.edit-form');
    await postForm(t.app, {
      url: `/admin/events/${id}`,
      session: editor,
      fields: { ...first, en_description: 'Employers, workers and the ministry meet.', topics: [String(topic.id)] },
    });
    const history = await getPage(t.app, `/admin/events/${id}/history`, editor);
    assert.equal(history.statusCode, 200);
    const doc = html(history.body);
    const what = doc.querySelectorAll('.history-table tbody tr').map((tr) => text(tr.querySelectorAll('td')[5]));
    assert.equal(what.length, 2);
    assert.equal(what[0], 'Saved Description (English), Topics');
    assert.match(what[1] ?? '', /^Created .*Title \(English\)/);
    assert.equal(text(doc.querySelector('.diff-table del')), 'government');
    assert.equal(text(doc.querySelector('.diff-table ins')), 'the ministry');
    assert.ok(doc.querySelectorAll('.diff-table th').some((th) => text(th) === 'Topics'));
    assert.match(history.body, new RegExp(editor.user.name));

    const chosen = await getPage(t.app, `/admin/events/${id}/history?from=1&to=2`, editor);
    assert.equal(text(html(chosen.body).querySelector('#comparison-heading')), 'Changes from revision 1 to revision 2');

    const restore = formFields(history.body, 'form#restore-1');
    assert.deepEqual({ revision: restore.revision, restore: restore.restore }, { revision: '2', restore: '1' });
    const res = await postForm(t.app, { url: `/admin/events/${id}/restore`, session: editor, fields: restore });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, `/admin/events/${id}?done=restored`);
    const restored = formFields((await getPage(t.app, `/admin/events/${id}`, editor)).body, 'form.edit-form');
    assert.equal(restored.en_description, 'Employers, workers and government meet.');
    assert.equal(restored.topics, undefined);
    // The same restore again, from the now stale page, is refused with a reason.
    const again = await postForm(t.app, { url: `/admin/events/${id}/restore`, session: editor, fields: restore });
    assert.equal(again.statusCode, 409);
    assert.ok(html(again.body).querySelector('.notice--error'));
  });

  test('deleting asks first, then removes the event', async () => {
    const id = await create(editor);
    const confirm = await getPage(t.app, `/admin/events/${id}/delete`, editor);
    assert.equal(confirm.statusCode, 200);
    const res = await postForm(t.app, { url: `/admin/events/${id}/delete`, session: editor, fields: formFields(confirm.body, 'main form') });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/admin/events?done=deleted');
    assert.equal((await getPage(t.app, `/admin/events/${id}`, editor)).statusCode, 404);
  });

  test('the list filters by where events stand', async () => {
    const draft = await create(editor, { en_title: 'Only a draft' });
    const published = await create(editor, { en_title: 'Already out' });
    await postForm(t.app, { url: `/admin/events/${published}/publish`, session: editor });
    const titles = async (query: string) =>
      html((await getPage(t.app, `/admin/events${query}`, editor)).body)
        .querySelectorAll('tbody td:nth-child(2) a')
        .map(text);
    assert.ok((await titles('?status=draft')).includes('Only a draft'));
    assert.ok(!(await titles('?status=draft')).includes('Already out'));
    assert.ok((await titles('?status=published')).includes('Already out'));
    assert.ok((await titles('')).includes('Only a draft'));
    assert.equal((await getPage(t.app, '/admin/events?page=99', editor)).statusCode, 404);
    void draft;
  });
});
