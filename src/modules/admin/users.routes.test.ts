import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { appForBlock, buildTestApp } from '../../../test/helpers/build-test-app.js';
import { createTestUser, getPage, postForm, signIn, signInAs, TEST_PASSWORD, signedInForBlock } from '../../../test/helpers/admin-session.js';
import { html, text } from '../../../test/helpers/html.js';

describe('users page', () => {
  const t = appForBlock();
  const admin = signedInForBlock(t, 'admin', { name: 'Lan Admin' });

  const userRow = (email: string) => t.db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirstOrThrow();
  const lastAudit = (action: string) =>
    t.db.selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('id', 'desc').executeTakeFirstOrThrow();

  test('admins see every account; editors and contributors are refused', async () => {
    await createTestUser(t.db, { role: 'contributor', name: 'Disabled Person', disabled: true });
    const res = await getPage(t.app, '/admin/users', admin);
    assert.equal(res.statusCode, 200);
    const doc = html(res.body);
    const names = doc.querySelectorAll('tbody tr td:first-child').map(text);
    assert.ok(names.includes('Lan Admin (you)'), names.join('|'));
    assert.equal(names.at(-1), 'Disabled Person', 'disabled accounts come last');
    assert.match(text(doc.querySelector('tbody tr:last-child')), /Disabled/);
    for (const role of ['editor', 'contributor'] as const) {
      const other = await signIn(t.app, t.db, role);
      assert.equal((await getPage(t.app, '/admin/users', other)).statusCode, 403, role);
      const post = await postForm(t.app, { url: '/admin/users', session: other, fields: { name: 'X', email: 'x@example.org', role: 'admin' } });
      assert.equal(post.statusCode, 403, role);
    }
    assert.equal(await t.db.selectFrom('users').select('id').where('email', '=', 'x@example.org').executeTakeFirst(), undefined);
  });

  test('creating an account with a generated password shows it once, and it works', async () => {
    const form = await getPage(t.app, '/admin/users/new', admin);
    assert.equal(form.statusCode, 200);
    assert.equal(html(form.body).querySelector('#field-role option[selected]')?.getAttribute('value'), 'contributor', 'least privilege by default');
    const res = await postForm(t.app, { url: '/admin/users', session: admin, fields: { name: 'Hoa Editor', email: 'Hoa@Example.org', role: 'editor', password: '' } });
    assert.equal(res.statusCode, 201);
    assert.equal(res.headers['cache-control'], 'no-store');
    const password = text(html(res.body).querySelector('.secret'));
    assert.ok(password.length >= 12);
    const row = await userRow('hoa@example.org');
    assert.equal(row.role, 'editor');
    assert.equal(row.name, 'Hoa Editor');
    await signInAs(t.app, 'hoa@example.org', password);
    const entry = await lastAudit('user.create');
    assert.equal(entry.user_id, admin.user.id);
    assert.equal(entry.subject_id, String(row.id));
  });

  test('with a typed password nothing is shown back', async () => {
    const res = await postForm(t.app, { url: '/admin/users', session: admin, fields: { name: 'Typed', email: 'typed@example.org', role: 'contributor', password: TEST_PASSWORD } });
    assert.equal(res.statusCode, 201);
    assert.equal(html(res.body).querySelector('.secret'), null);
    assert.doesNotMatch(res.body, new RegExp(TEST_PASSWORD));
    await signInAs(t.app, 'typed@example.org', TEST_PASSWORD);
  });

  test('bad input: 422, a message by each field, typed values kept, never the password', async () => {
    const res = await postForm(t.app, { url: '/admin/users', session: admin, fields: { name: '', email: 'nope', role: 'owner', password: 'short pw' } });
    assert.equal(res.statusCode, 422);
    const doc = html(res.body);
    assert.equal(text(doc.querySelector('#error-name')), 'Fill in this field.');
    assert.equal(text(doc.querySelector('#error-email')), 'Enter an email address such as name@example.org.');
    assert.equal(text(doc.querySelector('#error-role')), 'Choose one of the roles.');
    assert.equal(text(doc.querySelector('#error-password')), 'Use at least 12 characters.');
    assert.equal(doc.querySelector('#field-email')?.getAttribute('value'), 'nope');
    assert.equal(doc.querySelector('#field-password')?.getAttribute('value'), undefined);
    assert.doesNotMatch(res.body, /short pw/);
    assert.deepEqual(
      doc.querySelectorAll('.error-summary a').map((a) => a.getAttribute('href')),
      ['#field-name', '#field-email', '#field-role', '#field-password'],
      'problems listed in the order of the form',
    );

    const taken = await postForm(t.app, { url: '/admin/users', session: admin, fields: { name: 'Again', email: 'HOA@example.org', role: 'editor' } });
    assert.equal(taken.statusCode, 422);
    assert.equal(text(html(taken.body).querySelector('#error-email')), 'An account with this email address already exists.');
    assert.equal(html(taken.body).querySelector('#field-role option[selected]')?.getAttribute('value'), 'editor');
    assert.equal(html(taken.body).querySelector('#field-name')?.getAttribute('value'), 'Again');
  });

  test('a name with control characters is stored without them', async () => {
    const res = await postForm(t.app, { url: '/admin/users', session: admin, fields: { name: 'Mai\vPhạm\0', email: 'mai@example.org', role: 'editor', password: TEST_PASSWORD } });
    assert.equal(res.statusCode, 201, res.body.slice(0, 300));
    const row = await t.db.selectFrom('users').select('name').where('email', '=', 'mai@example.org').executeTakeFirstOrThrow();
    assert.equal(row.name, 'Mai Phạm');
  });

  test('changing a role', async () => {
    const user = await createTestUser(t.db, { role: 'contributor' });
    const res = await postForm(t.app, { url: `/admin/users/${user.id}/role`, session: admin, fields: { role: 'editor' } });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, `/admin/users/${user.id}?done=role`);
    assert.equal((await userRow(user.email)).role, 'editor');
    const page = await getPage(t.app, String(res.headers.location), admin);
    assert.equal(text(html(page.body).querySelector('.notice')), 'The role was saved.');
    assert.match((await lastAudit('user.role_change')).summary, /from contributor to editor/);
    const bad = await postForm(t.app, { url: `/admin/users/${user.id}/role`, session: admin, fields: { role: 'owner' } });
    assert.equal(bad.statusCode, 422);
    assert.equal(text(html(bad.body).querySelector('#error-role')), 'Choose one of the roles.');
  });

  test('the last active administrator cannot be demoted', async () => {
    const t2 = await buildTestApp();
    try {
      const only = await signIn(t2.app, t2.db, 'admin');
      await createTestUser(t2.db, { role: 'admin', disabled: true });
      const res = await postForm(t2.app, { url: `/admin/users/${only.user.id}/role`, session: only, fields: { role: 'editor' } });
      assert.equal(res.statusCode, 422);
      const doc = html(res.body);
      assert.match(text(doc.querySelector('#error-role')), /last active administrator/);
      assert.equal(doc.querySelector('#field-role option[selected]')?.getAttribute('value'), 'editor', 'the choice is kept');
      assert.equal((await t2.db.selectFrom('users').select('role').where('id', '=', only.user.id).executeTakeFirstOrThrow()).role, 'admin');
      // With a second active admin it is allowed, and the demoted person leaves the users page.
      await createTestUser(t2.db, { role: 'admin' });
      const ok = await postForm(t2.app, { url: `/admin/users/${only.user.id}/role`, session: only, fields: { role: 'editor' } });
      assert.equal(ok.statusCode, 303);
      assert.equal(ok.headers.location, '/admin');
      assert.equal((await getPage(t2.app, '/admin/users', only)).statusCode, 403);
    } finally {
      await t2.close();
    }
  });

  test('disabling ends the sessions; enabling lets the person back', async () => {
    const other = await signIn(t.app, t.db, 'editor');
    const res = await postForm(t.app, { url: `/admin/users/${other.user.id}/disable`, session: admin });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, `/admin/users/${other.user.id}?done=disabled`);
    assert.equal((await getPage(t.app, '/admin', other)).statusCode, 303, 'their session ended');
    await assert.rejects(signInAs(t.app, other.user.email, TEST_PASSWORD), /403/);
    const page = html((await getPage(t.app, `/admin/users/${other.user.id}`, admin)).body);
    assert.ok(page.querySelector(`form[action="/admin/users/${other.user.id}/enable"]`));

    assert.equal((await postForm(t.app, { url: `/admin/users/${other.user.id}/enable`, session: admin })).statusCode, 303);
    await signInAs(t.app, other.user.email, TEST_PASSWORD);
    assert.equal((await lastAudit('user.enable')).subject_id, String(other.user.id));
  });

  test('nobody can disable their own account', async () => {
    const page = html((await getPage(t.app, `/admin/users/${admin.user.id}`, admin)).body);
    assert.equal(page.querySelector(`form[action="/admin/users/${admin.user.id}/disable"]`), null, 'no button');
    const res = await postForm(t.app, { url: `/admin/users/${admin.user.id}/disable`, session: admin });
    assert.equal(res.statusCode, 422);
    assert.equal(text(html(res.body).querySelector('#field-account')), 'You cannot disable your own account.');
    assert.equal((await userRow(admin.user.email)).disabled_at, null);
  });

  test("resetting someone's password ends their sessions and shows a generated one once", async () => {
    const other = await signIn(t.app, t.db, 'contributor');
    const res = await postForm(t.app, { url: `/admin/users/${other.user.id}/password`, session: admin, fields: { password: '' } });
    assert.equal(res.statusCode, 200);
    const password = text(html(res.body).querySelector('.secret'));
    assert.ok(password.length >= 12);
    assert.equal((await getPage(t.app, '/admin', other)).statusCode, 303);
    await assert.rejects(signInAs(t.app, other.user.email, TEST_PASSWORD));
    await signInAs(t.app, other.user.email, password);

    const short = await postForm(t.app, { url: `/admin/users/${other.user.id}/password`, session: admin, fields: { password: 'tiny' } });
    assert.equal(short.statusCode, 422);
    assert.equal(text(html(short.body).querySelector('#error-password')), 'Use at least 12 characters.');
    const self = await postForm(t.app, { url: `/admin/users/${admin.user.id}/password`, session: admin, fields: { password: 'a brand new password' } });
    assert.equal(self.statusCode, 422);
    assert.equal((await getPage(t.app, '/admin', admin)).statusCode, 200, 'still signed in');
  });

  test('addresses of accounts that do not exist are 404', async () => {
    for (const url of ['/admin/users/999999', '/admin/users/abc', '/admin/users/0', '/admin/users/1.5']) {
      assert.equal((await getPage(t.app, url, admin)).statusCode, 404, url);
    }
    assert.equal((await postForm(t.app, { url: '/admin/users/999999/disable', session: admin })).statusCode, 404);
  });
});
