/**
 * The event edit page laid out around the writing: the action bar (save,
 * publish, schedule, status) at the foot of the form, the panel's publish
 * form named by the bar's button, each translation's state by its language,
 * and the edit script, which adds to forms that work without it.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { appForBlock } from '../../../../test/helpers/build-test-app.js';
import { getPage, postForm, signedInForBlock } from '../../../../test/helpers/admin-session.js';
import { newEventFields } from '../../../../test/helpers/forms.js';
import { html, text } from '../../../../test/helpers/html.js';

describe('the event edit page', () => {
  const t = appForBlock();
  const editor = signedInForBlock(t, 'editor');

  async function draft(fields: Record<string, string> = {}): Promise<number> {
    const res = await postForm(t.app, { url: '/admin/events', session: editor, fields: newEventFields(fields) });
    assert.equal(res.statusCode, 303);
    return Number(/\/admin\/events\/(\d+)/.exec(String(res.headers.location))![1]);
  }

  test('the action bar ends the form, with Save, Publish now for the panel\'s form, Schedule and the status', async () => {
    const id = await draft({ vi_title: 'Hội thảo', vi_status: 'draft' });
    const doc = html((await getPage(t.app, `/admin/events/${id}`, editor)).body);
    const form = doc.querySelector('form#edit-form');
    assert.ok(form);
    const bar = form.querySelector('.action-bar');
    assert.ok(bar, 'the bar is part of the edit form');
    assert.equal(form.lastElementChild, bar, 'after every field');
    assert.equal(text(bar.querySelector('button[data-save]')), 'Save');
    const publish = bar.querySelector('button[form="step-publish"]');
    assert.equal(text(publish), 'Publish now');
    assert.equal(doc.querySelector('form#step-publish')?.getAttribute('action'), `/admin/events/${id}/publish`);
    assert.equal(doc.querySelectorAll('button').filter((b) => text(b) === 'Publish now').length, 1, 'one Publish now button');
    assert.ok(bar.querySelector('a[href="#field-publish_at"]'), 'a way to the schedule field');
    assert.ok(doc.querySelector('#field-publish_at'));
    assert.match(text(bar.querySelector('.action-bar__status')), /Draft/);
    assert.match(text(doc.querySelector('.language-fieldset--vi > legend')), /Vietnamese\s*Draft/);
    assert.ok(doc.querySelector('.edit-writing .language-columns'), 'both languages in the writing column');
    assert.ok(doc.querySelector('.edit-details #field-start_date'), 'the dates among the details');
    assert.ok(doc.querySelector('[data-language-view][hidden]'), 'the language view is offered only by the script');
    assert.ok(
      doc.querySelectorAll('script[type=module]').some((s) => /^\/assets\/edit-form\.[0-9a-f]{12}\.js$/.test(s.getAttribute('src') ?? '')),
      'the edit script',
    );
  });

  test('the Publish now button of the bar publishes through the panel\'s form, without JavaScript', async () => {
    const id = await draft();
    const doc = html((await getPage(t.app, `/admin/events/${id}`, editor)).body);
    const fields = Object.fromEntries(doc.querySelectorAll('form#step-publish input').map((input) => [input.getAttribute('name')!, input.getAttribute('value') ?? '']));
    const res = await postForm(t.app, { url: `/admin/events/${id}/publish`, session: editor, fields });
    assert.equal(res.statusCode, 303);
    const after = html((await getPage(t.app, `/admin/events/${id}`, editor)).body);
    assert.equal(after.querySelector('button[form="step-publish"]'), null, 'nothing left to publish');
    assert.match(text(after.querySelector('.action-bar__status')), /Published/);
  });
});
