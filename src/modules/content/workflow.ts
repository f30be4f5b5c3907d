/**
 * Words and errors of the publishing workflow shared by events and articles.
 *
 * An item is a draft, in review, or published. A published item whose
 * publication time (`publish_at`) is still in the future is "scheduled": it
 * becomes visible at that instant (see live.ts) and the scheduler then records
 * that it went live.
 */
import { ConflictError } from '../../shared/errors.js';
import type { PublicationStatus } from '../../db/schema.js';
import type { MessageKey } from '../i18n/index.js';
import type { AdminUser } from '../auth/index.js';

/** What a revision records. */
export type RevisionAction =
  | 'create'
  | 'update'
  | 'submit'
  | 'return_to_draft'
  | 'publish'
  | 'schedule'
  | 'unpublish'
  | 'went_live'
  | 'cancel'
  | 'postpone'
  | 'reschedule'
  | 'restore'
  | 'delete';

/** Who is editing, when (the app's clock) and from where (for the audit log). */
export interface EditContext {
  user: AdminUser;
  now: Date;
  ip?: string | undefined;
  /** A message to whoever the step concerns (an editor's request for changes, sent to the author). */
  note?: string | undefined;
}

/** Where an item stands for the dashboard and the lists: the publication status, with "scheduled" told apart. */
export type WorkflowState = 'draft' | 'in_review' | 'scheduled' | 'published';

export function workflowState(status: PublicationStatus, publishAt: string | null, now: Date): WorkflowState {
  if (status !== 'published') return status;
  return publishAt !== null && publishAt > now.toISOString() ? 'scheduled' : 'published';
}

/** A workflow step that does not apply to the item as it is now (publishing what is already live, say). */
export class WorkflowError extends ConflictError {
  constructor(
    readonly messageKey: MessageKey,
    message: string,
  ) {
    super(message);
    this.name = 'WorkflowError';
  }
}
