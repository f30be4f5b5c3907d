import { sql, type Kysely } from 'kysely';
import { isPostgres } from './portable.js';

/**
 * SQLite: every word of the full-text index, as written and folded, once
 * (`search_words`). A search's last word may be the start of a longer one;
 * the words it can complete to are read here in order, so the full-text index
 * is asked for those few words rather than merging every word that starts
 * the same way over the whole archive. Filled from the index's own
 * vocabulary here, then kept by the search index as it writes words.
 * PostgreSQL reads prefixes from its GIN index and needs no such table.
 */
export async function up(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) return;
  await sql`create table search_words (word text primary key) without rowid`.execute(db);
  await sql`create virtual table temp.search_fts_terms using fts5vocab(main, search_fts, row)`.execute(db);
  await sql`insert or ignore into search_words (word) select term from temp.search_fts_terms`.execute(db);
  await sql`drop table temp.search_fts_terms`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) return;
  await sql`drop table search_words`.execute(db);
}
