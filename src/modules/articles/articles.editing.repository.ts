/**
 * The row of the admin's article list: the content admin's columns and the
 * article's date (articles.type.ts names it; content/editing.repository.ts
 * runs the query).
 */
import type { ContentSummaryRow } from '../content/index.js';

export interface ArticleSummaryRow extends ContentSummaryRow {
  slug: string;
  published_on: string;
  created_by: number | null;
}
