/**
 * The HTML of the site's Markdown texts is rendered once, when a text is
 * saved, and stored beside it; pages only read it. This fills it in where it
 * is missing (rows written before the column existed, or by hand) and
 * renders everything again after a change to the renderer or its sanitizer.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { renderMarkdown } from './markdown.js';
import { listMarkdownTexts, storeMarkdownHtml, type MarkdownKind, type StoredMarkdown } from './rendered-text.repository.js';

/** Rows read and written at a time: short statements, so that saves by editors meanwhile never wait long. */
const BATCH = 100;

async function renderTexts(db: Kysely<Database>, missingOnly: boolean): Promise<number> {
  let count = 0;
  for (const kind of ['event', 'article'] as MarkdownKind[]) {
    let after: StoredMarkdown | undefined;
    for (;;) {
      const rows = await listMarkdownTexts(db, kind, { missingOnly, limit: BATCH, ...(after ? { after } : {}) });
      for (const row of rows) {
        await storeMarkdownHtml(db, kind, row, renderMarkdown(row.text));
        count += 1;
      }
      if (rows.length < BATCH) break;
      after = rows[rows.length - 1];
    }
  }
  return count;
}

/**
 * Renders and stores the HTML of every event description and article body
 * that has none yet. The server runs it at start, after migrating. Returns
 * how many texts it rendered.
 */
export function renderMissingText(db: Kysely<Database>): Promise<number> {
  return renderTexts(db, true);
}

/**
 * Renders and stores the HTML of every event description and article body
 * again (`almanac render-text`), as the current renderer and sanitizer make
 * it. Returns how many texts it rendered.
 */
export function rerenderAllText(db: Kysely<Database>): Promise<number> {
  return renderTexts(db, false);
}
