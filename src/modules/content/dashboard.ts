/**
 * The dashboard's lists of editing work: what is waiting (drafts, items in
 * review), what will go live by itself (scheduled), what changed lately, and
 * translation work (upcoming events without a published Vietnamese text, and
 * Vietnamese texts whose English has changed since they were checked).
 */
import type { Kysely } from 'kysely';
import type { ContentKind, Database, SystemActor } from '../../db/schema.js';
import { can, type AdminUser } from '../auth/index.js';
import { listTranslationTodos } from '../i18n/index.js';
import {
  listRecentChanges,
  listUpcomingWithoutVietnamese,
  listWork,
  titlesOf,
  type MissingTranslationRow,
  type WorkItemRow,
} from './dashboard.repository.js';

/** Ten lines a list: enough to act on at a glance; the full lists are one link away. */
export const DASHBOARD_LIST_LENGTH = 10;

export interface RecentChange {
  kind: ContentKind;
  id: number;
  title: string;
  action: string;
  at: string;
  /** The account's name; null for the scheduler or a command. */
  by: string | null;
  /** The command that made the change ('importer', 'generator') when no account did. */
  actor: SystemActor | null;
}

export interface OutdatedTranslation {
  kind: ContentKind;
  id: number;
  title: string;
  changedFields: string[];
}

/**
 * Someone who may publish sees everyone's work. A contributor sees their own
 * drafts and their own items in review, and not the lists they could not act
 * on (null): they may edit only their own drafts.
 */
export interface DashboardLists {
  scope: 'all' | 'own';
  drafts: WorkItemRow[];
  inReview: WorkItemRow[];
  scheduled: WorkItemRow[] | null;
  recent: RecentChange[] | null;
  missingVietnamese: MissingTranslationRow[] | null;
  outdatedVietnamese: OutdatedTranslation[] | null;
}

export async function dashboardLists(db: Kysely<Database>, user: AdminUser, now: Date, today: string): Promise<DashboardLists> {
  const limit = DASHBOARD_LIST_LENGTH;
  const scope = can(user, 'content.publish') ? 'all' : 'own';
  const createdBy = scope === 'own' ? user.id : undefined;
  const drafts = await listWork(db, { status: 'draft', createdBy }, limit);
  const inReview = await listWork(db, { status: 'in_review', createdBy }, limit);
  if (scope === 'own') {
    return { scope, drafts, inReview, scheduled: null, recent: null, missingVietnamese: null, outdatedVietnamese: null };
  }
  const scheduled = await listWork(db, { status: 'published', scheduledAfter: now.toISOString() }, limit);

  const changes = await listRecentChanges(db, limit);
  const titles = await titlesOf(db, changes);
  const recent = changes.map((c) => ({
    kind: c.kind,
    id: c.item_id,
    title: titles.get(`${c.kind}:${c.item_id}`) ?? '',
    action: c.action,
    at: c.created_at,
    by: c.user_name,
    actor: c.actor,
  }));

  const missingVietnamese = await listUpcomingWithoutVietnamese(db, today, limit);
  const todos = await listTranslationTodos(db, { outdatedOnly: true });
  const outdatedVietnamese = todos.slice(0, limit).map((todo) => ({
    kind: todo.kind,
    id: todo.id,
    title: todo.title,
    changedFields: todo.changedFields,
  }));

  return { scope, drafts, inReview, scheduled, recent, missingVietnamese, outdatedVietnamese };
}
