/**
 * Who may do what. Routes and services ask `can` / `assertCan`; nothing else
 * decides permissions.
 *
 * - admin: everything, including accounts, settings and the audit log.
 * - editor: all content and media: create, edit, submit, publish, unpublish,
 *   schedule, delete.
 * - contributor: creates items, edits and submits for review their own items
 *   while they are drafts, uploads images; never publishes, unpublishes,
 *   schedules or deletes anything.
 */
import { ForbiddenError } from '../../shared/errors.js';
import type { AdminUser, Role } from './auth.types.js';

export type Action =
  | 'content.create'
  | 'content.edit'
  | 'content.submit'
  | 'content.publish'
  | 'content.delete'
  | 'media.upload'
  | 'media.delete'
  | 'users.manage'
  | 'settings.manage'
  | 'audit.view';

/** The item an action is about: who created it and its publication status. */
export interface PolicyItem {
  createdBy: number | null;
  status: string;
}

// Each role may do all that the one below it may, and more.
const CONTRIBUTOR_ACTIONS: readonly Action[] = ['content.create', 'content.edit', 'content.submit', 'media.upload'];
const EDITOR_ACTIONS: readonly Action[] = [...CONTRIBUTOR_ACTIONS, 'content.publish', 'content.delete', 'media.delete'];
const ADMIN_ACTIONS: readonly Action[] = [...EDITOR_ACTIONS, 'users.manage', 'settings.manage', 'audit.view'];

const ALLOWED: Record<Role, ReadonlySet<Action>> = {
  admin: new Set(ADMIN_ACTIONS),
  editor: new Set(EDITOR_ACTIONS),
  contributor: new Set(CONTRIBUTOR_ACTIONS),
};

/** Actions a contributor may take only on their own drafts. */
const OWN_DRAFT_ONLY: ReadonlySet<Action> = new Set<Action>(['content.edit', 'content.submit']);

/**
 * Whether `user` may take `action` (on `item`, when given). Without an item it
 * answers whether the role may take the action on some item (for showing a
 * link or a button); with one, it applies the ownership and status rules.
 * Someone not signed in may do nothing.
 */
export function can(user: AdminUser | undefined, action: Action, item?: PolicyItem): boolean {
  if (!user) return false;
  if (!ALLOWED[user.role].has(action)) return false;
  if (user.role === 'contributor' && item && OWN_DRAFT_ONLY.has(action)) {
    return item.createdBy === user.id && item.status === 'draft';
  }
  return true;
}

/** Like `can`, but throws ForbiddenError (403) when the answer is no. */
export function assertCan(user: AdminUser | undefined, action: Action, item?: PolicyItem): void {
  if (!can(user, action, item)) throw new ForbiddenError();
}
