/**
 * Who an event is for: one translated line, declared with the events' other
 * fields. An editor writes it in both languages on the event form; it is kept
 * in the history, its English change puts the translation out of date, and
 * the event's page shows it, labelled, in each language.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { appForBlock } from '../../../test/helpers/build-test-app.js';
import { getPage, postForm, signedInForBlock } from '../../../test/helpers/admin-session.js';
import { formFields, newEventFields } from '../../../test/helpers/forms.js';
import { html, htmlPage, text } from '../../../test/helpers/html.js';
import { eventPath } from '../../shared/http/paths.js';

const FOR_EN = "Employers' and workers' organisations in the garment sector";
const FOR_VI = 'Các tổ chức của người sử dụng lao động và người lao động ngành dệt may';
const VI_SLUG = 'hoi-thao-ba-ben-tai-dak-lak';

/** The facts of an event's page, by their label. */
function facts(page: ReturnType<typeof html>): Record<string, string> {
  return Object.fromEntries(page.querySelectorAll('dl.facts dt').map((dt) => [text(dt), text(dt.nextElementSibling)]));
}

describe('who an event is for', () => {
  const t = appForBlock();
  const editor = signedInForBlock(t, 'editor');

  test('written in both languages on the form, kept in the history, tracked for translation and shown on the page in each language', async () => {
    const blank = html((await getPage(t.app, '/admin/events/new', editor)).body);
    assert.equal(text(blank.querySelector('label[for=field-en_audience]')), 'Who it is for');
    assert.equal(blank.querySelector('#field-vi_audience')?.getAttribute('lang'), 'vi');

    const created = await postForm(t.app, {
      url: '/admin/events',
      session: editor,
      fields: newEventFields({ en_audience: FOR_EN, vi_title: 'Hội thảo ba bên tại Đắk Lắk', vi_slug: VI_SLUG, vi_audience: FOR_VI, vi_status: 'published', vi_current: '1' }),
    });
    assert.equal(created.statusCode, 303, created.body.slice(0, 300));
    const id = Number(/^\/admin\/events\/(\d+)/.exec(String(created.headers.location))?.[1]);
    assert.equal((await postForm(t.app, { url: `/admin/events/${id}/publish`, session: editor, fields: { revision: '1' } })).statusCode, 303);

    const { slug } = await t.db.selectFrom('events').select('slug').where('id', '=', id).executeTakeFirstOrThrow();
    assert.equal(facts(htmlPage(await getPage(t.app, eventPath('en', slug))))['Who it is for'], FOR_EN);
    assert.equal(facts(htmlPage(await getPage(t.app, eventPath('vi', VI_SLUG))))['Dành cho'], FOR_VI);

    // The English changes: the form gave both texts back, the history names the change, the translation is out of date.
    const form = formFields((await getPage(t.app, `/admin/events/${id}`, editor)).body, 'form.edit-form');
    assert.equal(form.en_audience, FOR_EN);
    assert.equal(form.vi_audience, FOR_VI);
    const wider = `${FOR_EN}, and labour inspectors`;
    const saved = await postForm(t.app, { url: `/admin/events/${id}`, session: editor, fields: { ...form, en_audience: wider } });
    assert.equal(saved.statusCode, 303, saved.body.slice(0, 300));

    const history = html((await getPage(t.app, `/admin/events/${id}/history`, editor)).body);
    assert.equal(text(history.querySelector('.changed-fields')), 'Who it is for (English)');
    const rows = Object.fromEntries(history.querySelectorAll('.diff-table tbody tr').map((tr) => [text(tr.querySelector('th')), tr.querySelectorAll('td').map(text)]));
    assert.deepEqual(rows['Who it is for (English)'], [FOR_EN, wider]);

    const edit = html((await getPage(t.app, `/admin/events/${id}`, editor)).body);
    assert.ok(edit.querySelector('.translation-state--outdated'));
    assert.deepEqual(edit.querySelectorAll('.translation-state li strong').map(text), ['Who it is for (English)']);
    assert.equal(facts(htmlPage(await getPage(t.app, eventPath('en', slug))))['Who it is for'], wider);
  });
});
