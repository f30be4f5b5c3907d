import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { appForBlock } from '../../../test/helpers/build-test-app.js';
import { getPage, postForm, signIn, signedInForBlock } from '../../../test/helpers/admin-session.js';
import { html, text } from '../../../test/helpers/html.js';
import { getSettings, settingsSchema } from '../settings/index.js';
import { EDITABLE_SETTINGS } from './settings.service.js';

describe('settings page', () => {
  const t = appForBlock();
  const admin = signedInForBlock(t, 'admin');

  test('every choice offered is a valid value of its setting', () => {
    for (const setting of EDITABLE_SETTINGS) {
      for (const option of setting.options) {
        assert.ok(settingsSchema.shape[setting.key].safeParse(option).success, `${setting.key}=${option}`);
      }
    }
  });

  test('shows the current value and saves a change, with an audit entry', async () => {
    const page = html((await getPage(t.app, '/admin/settings', admin)).body);
    assert.equal(text(page.querySelector('h1')), 'Settings');
    assert.equal(page.querySelector('input[name=untranslated][checked]')?.getAttribute('value'), 'fallback');

    const res = await postForm(t.app, { url: '/admin/settings', session: admin, fields: { untranslated: 'omit' } });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/admin/settings?saved=1');
    assert.equal((await getSettings(t.db)).untranslated, 'omit');
    const after = html((await getPage(t.app, '/admin/settings?saved=1', admin)).body);
    assert.equal(text(after.querySelector('.notice')), 'The settings were saved.');
    assert.equal(after.querySelector('input[name=untranslated][checked]')?.getAttribute('value'), 'omit');
    const entry = await t.db.selectFrom('audit_log').selectAll().where('action', '=', 'settings.update').executeTakeFirstOrThrow();
    assert.equal(entry.user_id, admin.user.id);
    assert.equal(entry.summary, 'Changed untranslated from fallback to omit');

    // Saving the same value again changes nothing and records nothing.
    await postForm(t.app, { url: '/admin/settings', session: admin, fields: { untranslated: 'omit' } });
    assert.equal((await t.db.selectFrom('audit_log').select('id').where('action', '=', 'settings.update').execute()).length, 1);
  });

  test('a bad or missing choice: 422 with the message by the field, nothing saved', async () => {
    const before = await getSettings(t.db);
    const attempts: Record<string, string>[] = [{ untranslated: 'sometimes' }, {}];
    for (const fields of attempts) {
      const res = await postForm(t.app, { url: '/admin/settings', session: admin, fields });
      assert.equal(res.statusCode, 422);
      const doc = html(res.body);
      assert.equal(text(doc.querySelector('#error-untranslated')), 'Choose one of the options.');
      assert.equal(doc.querySelector('#field-untranslated')?.getAttribute('aria-describedby'), 'hint-untranslated error-untranslated');
    }
    assert.deepEqual(await getSettings(t.db), before);
  });

  test('editors and contributors may not change settings', async () => {
    for (const role of ['editor', 'contributor'] as const) {
      const session = await signIn(t.app, t.db, role);
      assert.equal((await getPage(t.app, '/admin/settings', session)).statusCode, 403);
      assert.equal((await postForm(t.app, { url: '/admin/settings', session, fields: { untranslated: 'fallback' } })).statusCode, 403);
    }
  });
});
