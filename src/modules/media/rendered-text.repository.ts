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

/** Where each kind keeps its Markdown: the texts table, the column holding the item's id, the Markdown and its HTML. */
const MARKDOWN_COLUMNS = {
  event: { texts: 'event_translations', fk: 'event_id', text: 'description', html: 'description_html' },
  article: { texts: 'article_translations', fk: 'article_id', text: 'body', html: 'body_html' },
} as const satisfies Record<MarkdownKind, { texts: keyof Database; fk: string; text: string; html: string }>;

// The table and column names come from the kind, so the query builder cannot
// check them against one table's type: the queries use only the columns named above.
type LooseDb = Kysely<Record<string, Record<string, unknown>>>;
const loose = (db: Db): LooseDb => db as unknown as LooseDb;

/** One page of Markdown texts (not null), in (item, language) order. */
export async function listMarkdownTexts(db: Db, kind: MarkdownKind, options: MarkdownPageOptions): Promise<StoredMarkdown[]> {
  const c = MARKDOWN_COLUMNS[kind];
  const after = options.after;
  let q = loose(db).selectFrom(c.texts).select([`${c.fk} as itemId`, 'lang', `${c.text} as text`]).where(c.text, 'is not', null);
  if (options.missingOnly) q = q.where(c.html, 'is', null);
  if (after) q = q.where((eb) => eb.or([eb(c.fk, '>', after.itemId), eb.and([eb(c.fk, '=', after.itemId), eb('lang', '>', after.lang)])]));
  const rows = await q.orderBy(c.fk).orderBy('lang').limit(options.limit).execute();
  return rows.map((r) => ({ itemId: r.itemId as number, lang: r.lang as LangCode, text: (r.text as string | null) ?? '' }));
}

/**
 * Stores the HTML of one text, only while the text is still the one that was
 * rendered: a save made in the meantime has stored its own HTML, which stays.
 */
export async function storeMarkdownHtml(db: Db, kind: MarkdownKind, row: StoredMarkdown, html: string): Promise<void> {
  const c = MARKDOWN_COLUMNS[kind];
  await loose(db)
    .updateTable(c.texts)
    .set({ [c.html]: html })
    .where(c.fk, '=', row.itemId)
    .where('lang', '=', row.lang)
    .where(c.text, '=', row.text)
    .execute();
}
