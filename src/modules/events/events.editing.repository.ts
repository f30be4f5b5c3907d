/**
 * The row of the admin's event list: the content admin's columns and the
 * event's dates and state (events.type.ts names them;
 * content/editing.repository.ts runs the query).
 */
import type { EventStatus } from '../../db/schema.js';
import type { ContentSummaryRow } from '../content/index.js';

export interface EventSummaryRow extends ContentSummaryRow {
  slug: string;
  event_status: EventStatus;
  start_date: string;
  end_date: string | null;
  created_by: number | null;
}
