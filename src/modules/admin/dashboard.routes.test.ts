import assert from 'node:assert/strict';
import type { FastifyPluginAsync } from 'fastify';
import { h } from 'preact';
import { after, before, describe, test } from 'node:test';
import type { AppDeps } from '../../app-deps.js';
import { buildTestApp, type TestApp } from '../../../test/helpers/build-test-app.js';
import { getPage, signIn } from '../../../test/helpers/admin-session.js';
import { html, text } from '../../../test/helpers/html.js';

describe('dashboard', () => {
  let t: TestApp;
  const noRoutes: FastifyPluginAsync<AppDeps> = async () => {};
  before(async () => {
    t = await buildTestApp({
      appOptions: {
        adminFeatures: [
          {
            prefix: '/things',
            routes: noRoutes,
            nav: { labelKey: 'admin.nav.settings', action: 'content.publish' },
            // Only for editors and admins, to show a panel can depend on the person.
            dashboard: async ({ ctx }) =>
              ctx.user?.role === 'contributor' ? null : h('section', { class: 'panel', id: 'things-panel' }, `Things for ${ctx.user?.name}`),
          },
        ],
      },
    });
  });
  after(() => t.close());

  test('welcomes the person and links to the sections their role may open', async () => {
    const admin = await signIn(t.app, t.db, 'admin', { name: 'Lan' });
    const doc = html((await getPage(t.app, '/admin', admin)).body);
    assert.equal(text(doc.querySelector('h1')), 'Dashboard');
    assert.equal(text(doc.querySelector('.lead')), 'Welcome, Lan. You are signed in as administrator.');
    const links = doc.querySelectorAll('.section-links a').map((a) => a.getAttribute('href'));
    assert.deepEqual(links, ['/admin/things', '/admin/users', '/admin/audit', '/admin/settings', '/admin/account']);
    assert.equal(text(doc.querySelector('#things-panel')), 'Things for Lan');
    assert.equal(doc.querySelector('.admin-nav a[aria-current=page]')?.getAttribute('href'), '/admin');
  });

  test('a contributor sees only what they may open, and no panel that is not for them', async () => {
    const contributor = await signIn(t.app, t.db, 'contributor');
    const doc = html((await getPage(t.app, '/admin', contributor)).body);
    assert.match(text(doc.querySelector('.lead')), /signed in as contributor/);
    assert.deepEqual(doc.querySelectorAll('.section-links a').map((a) => a.getAttribute('href')), ['/admin/account']);
    assert.deepEqual(doc.querySelectorAll('.admin-nav a').map((a) => a.getAttribute('href')), ['/admin']);
    assert.equal(doc.querySelector('#things-panel'), null);
    const signOut = doc.querySelector('form[action="/admin/logout"]');
    assert.ok(signOut?.querySelector('input[name=_csrf]')?.getAttribute('value'));
  });
});
