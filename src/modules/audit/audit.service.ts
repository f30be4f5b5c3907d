/**
 * The audit log: who did what, when, from where. Every part of the admin that
 * changes something records it here; admins read it on the audit log page.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { pageInfo, type PageInfo } from '../../shared/pagination.js';
import * as repo from './audit.repository.js';
import type { AuditFilter, AuditListRow } from './audit.repository.js';

export type { AuditFilter, AuditListRow };

export interface AuditEntry {
  /** Who did it; null when nobody known (a failed sign-in with an unknown email). */
  userId: number | null;
  /** `<subject>.<verb>`, e.g. 'event.publish', 'auth.sign_in', 'user.disable'. */
  action: string;
  /** What it was done to, e.g. 'event', 'article', 'media', 'user'. */
  subjectKind?: string | null | undefined;
  subjectId?: number | string | null | undefined;
  /** One line for people reading the log, e.g. 'Published "Labour law forum"'. */
  summary: string;
  /** The client's address, when the change came over HTTP. */
  ip?: string | null | undefined;
  /** When it happened: pass the app's clock (`deps.now()`); without it, the system clock. */
  at?: Date | undefined;
}

/** Longest summary kept; a summary is one line for a person, not a copy of the content. */
const SUMMARY_MAX_LENGTH = 500;

/**
 * Adds one entry to the audit log. Pass a transaction as `db` to record the
 * entry together with the change it describes (both or neither are kept).
 */
export async function recordAudit(db: Kysely<Database>, entry: AuditEntry): Promise<void> {
  const summary = entry.summary.length > SUMMARY_MAX_LENGTH ? `${entry.summary.slice(0, SUMMARY_MAX_LENGTH - 1)}…` : entry.summary;
  await repo.insertAuditEntry(db, {
    at: (entry.at ?? new Date()).toISOString(),
    user_id: entry.userId,
    action: entry.action,
    subject_kind: entry.subjectKind ?? null,
    subject_id: entry.subjectId === undefined || entry.subjectId === null ? null : String(entry.subjectId),
    summary,
    ip: entry.ip ?? null,
  });
}

/** Entries per audit log page: enough to scan a busy day without paging much. */
export const AUDIT_PAGE_SIZE = 50;

export interface AuditPage {
  rows: AuditListRow[];
  info: PageInfo;
  actions: string[];
}

/** One page of the log, newest first, optionally for one person and/or one action. */
export async function listAuditPage(db: Kysely<Database>, filter: AuditFilter, page: number): Promise<AuditPage> {
  const total = await repo.countAuditEntries(db, filter);
  const info = pageInfo(page, total, AUDIT_PAGE_SIZE);
  const [rows, actions] = await Promise.all([
    repo.listAuditEntries(db, filter, info.pageSize, info.offset),
    repo.listAuditActions(db),
  ]);
  return { rows, info, actions };
}
