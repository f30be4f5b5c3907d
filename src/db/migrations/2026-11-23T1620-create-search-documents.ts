import { sql, type Kysely } from 'kysely';
import { isPostgres, withId } from './portable.js';

/**
 * The search index: one document per item and language, holding the text a
 * result shows, plus the full-text part each database is good at. On SQLite
 * that is an FTS5 table (rowid = document id) whose columns hold the words as
 * written and, in the `_f` columns, folded without diacritics; on PostgreSQL
 * two tsvector columns on the document itself, with the same split.
 * Publication status is not copied here: searches read it live from the items.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('search_documents'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('event', 'article')`))
    .addColumn('item_id', 'integer', (c) => c.notNull())
    .addColumn('lang', 'text', (c) => c.notNull().references('languages.code'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text')
    .addColumn('body', 'text')
    .addColumn('place', 'text')
    .addColumn('topics', 'text')
    .addColumn('programmes', 'text')
    .addColumn('byline', 'text')
    .addUniqueConstraint('search_documents_item_lang_unique', ['kind', 'item_id', 'lang'])
    .execute();

  if (isPostgres(db)) {
    await sql`alter table search_documents add column words tsvector, add column folded_words tsvector`.execute(db);
    await sql`create index search_documents_folded_words_idx on search_documents using gin (folded_words)`.execute(db);
  } else {
    // remove_diacritics 0: the plain columns keep "đắk" apart from "dak", so a query
    // typed with diacritics can rank exact matches first; the _f columns are folded already.
    await sql`create virtual table search_fts using fts5(
      title, summary, body, place, taxonomy, byline,
      title_f, summary_f, body_f, place_f, taxonomy_f, byline_f,
      tokenize = 'unicode61 remove_diacritics 0'
    )`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) await sql`drop table search_fts`.execute(db);
  await db.schema.dropTable('search_documents').execute();
}
