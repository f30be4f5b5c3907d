import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ForbiddenError } from '../../shared/errors.js';
import type { AdminUser } from './auth.types.js';
import { assertCan, can, type Action } from './policy.js';

const admin: AdminUser = { id: 1, email: 'a@example.org', name: 'A', role: 'admin' };
const editor: AdminUser = { id: 2, email: 'e@example.org', name: 'E', role: 'editor' };
const contributor: AdminUser = { id: 3, email: 'c@example.org', name: 'C', role: 'contributor' };

const ALL: Action[] = [
  'content.create',
  'content.edit',
  'content.submit',
  'content.publish',
  'content.delete',
  'media.upload',
  'media.delete',
  'users.manage',
  'settings.manage',
  'audit.view',
];

describe('policy', () => {
  test('admins may do everything; nobody signed in may do nothing', () => {
    for (const action of ALL) {
      assert.equal(can(admin, action), true, action);
      assert.equal(can(undefined, action), false, action);
    }
  });

  test('editors handle all content and media but not accounts, settings or the audit log', () => {
    const allowed = ALL.filter((a) => can(editor, a));
    assert.deepEqual(allowed, ['content.create', 'content.edit', 'content.submit', 'content.publish', 'content.delete', 'media.upload', 'media.delete']);
    const others = { createdBy: 99, status: 'published' };
    assert.equal(can(editor, 'content.edit', others), true);
    assert.equal(can(editor, 'content.delete', others), true);
  });

  test('contributors create, and edit or submit only their own drafts; never publish or delete', () => {
    assert.deepEqual(
      ALL.filter((a) => can(contributor, a)),
      ['content.create', 'content.edit', 'content.submit', 'media.upload'],
    );
    const ownDraft = { createdBy: contributor.id, status: 'draft' };
    assert.equal(can(contributor, 'content.edit', ownDraft), true);
    assert.equal(can(contributor, 'content.submit', ownDraft), true);
    assert.equal(can(contributor, 'content.edit', { createdBy: contributor.id, status: 'in_review' }), false);
    assert.equal(can(contributor, 'content.edit', { createdBy: contributor.id, status: 'published' }), false);
    assert.equal(can(contributor, 'content.edit', { createdBy: editor.id, status: 'draft' }), false);
    assert.equal(can(contributor, 'content.edit', { createdBy: null, status: 'draft' }), false);
    assert.equal(can(contributor, 'content.publish', ownDraft), false);
    assert.equal(can(contributor, 'content.delete', ownDraft), false);
    assert.equal(can(contributor, 'media.delete'), false);
  });

  test('assertCan throws ForbiddenError exactly when can says no', () => {
    assert.doesNotThrow(() => assertCan(editor, 'content.publish'));
    assert.throws(() => assertCan(contributor, 'content.publish'), ForbiddenError);
    assert.throws(() => assertCan(undefined, 'content.create'), ForbiddenError);
    assert.throws(() => assertCan(contributor, 'content.edit', { createdBy: 1, status: 'draft' }), ForbiddenError);
  });
});
