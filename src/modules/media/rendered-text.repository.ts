/**
 * Queries for the HTML stored beside each translation's Markdown: an event's
 * description (`description_html`) and an article's body (`body_html`).
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database, LangCode } from '../../db/schema.js';

type Db = Kysely<Database> | Transaction<Database>;

/** Which Markdown texts there are: one column per kind of item. */
export type MarkdownKind = 'event' | 'article';

export interface StoredMarkdown {
  itemId: number;
  lang: LangCode;
  text: string;
}

export interface MarkdownPageOptions {
  /** Only texts with no HTML stored yet. */
  missingOnly: boolean;
  /** The last row of the previous page (keyset paging: rows after it in (item, language) order). */
  after?: { itemId: number; lang: LangCode };
  limit: number;
}

/** One page of Markdown texts (not null), in (item, language) order. */
export async function listMarkdownTexts(db: Db, kind: MarkdownKind, options: MarkdownPageOptions): Promise<StoredMarkdown[]> {
  const after = options.after;
  if (kind === 'event') {
    let q = db.selectFrom('event_translations').select(['event_id as itemId', 'lang', 'description as text']).where('description', 'is not', null);
    if (options.missingOnly) q = q.where('description_html', 'is', null);
    if (after) q = q.where((eb) => eb.or([eb('event_id', '>', after.itemId), eb.and([eb('event_id', '=', after.itemId), eb('lang', '>', after.lang)])]));
    const rows = await q.orderBy('event_id').orderBy('lang').limit(options.limit).execute();
    return rows.map((r) => ({ itemId: r.itemId, lang: r.lang, text: r.text ?? '' }));
  }
  let q = db.selectFrom('article_translations').select(['article_id as itemId', 'lang', 'body as text']).where('body', 'is not', null);
  if (options.missingOnly) q = q.where('body_html', 'is', null);
  if (after) q = q.where((eb) => eb.or([eb('article_id', '>', after.itemId), eb.and([eb('article_id', '=', after.itemId), eb('lang', '>', after.lang)])]));
  const rows = await q.orderBy('article_id').orderBy('lang').limit(options.limit).execute();
  return rows.map((r) => ({ itemId: r.itemId, lang: r.lang, text: r.text ?? '' }));
}

/**
 * Stores the HTML of one text, only while the text is still the one that was
 * rendered: a save made in the meantime has stored its own HTML, which stays.
 */
export async function storeMarkdownHtml(db: Db, kind: MarkdownKind, row: StoredMarkdown, html: string): Promise<void> {
  if (kind === 'event') {
    await db
      .updateTable('event_translations')
      .set({ description_html: html })
      .where('event_id', '=', row.itemId)
      .where('lang', '=', row.lang)
      .where('description', '=', row.text)
      .execute();
  } else {
    await db
      .updateTable('article_translations')
      .set({ body_html: html })
      .where('article_id', '=', row.itemId)
      .where('lang', '=', row.lang)
      .where('body', '=', row.text)
      .execute();
  }
}
