/**
 * Full-text search on SQLite with FTS5. The `search_fts` table (rowid = the
 * document's id) has each field twice: words as written (the tokenizer keeps
 * diacritics) and folded (`_f`). A query matches the folded columns with
 * folded words, OR the plain columns with the words as typed; bm25 then adds
 * up both, so exact-diacritic matches rank above folded-only ones.
 */
import { sql, type RawBuilder } from 'kysely';
import type { DocumentText, SearchIndex } from './search-index.js';
import { foldWord, indexText, type SearchQuery, type SearchTerm } from './search-text.js';

const PLAIN_COLUMNS = '{title summary body place taxonomy byline}';
const FOLDED_COLUMNS = '{title_f summary_f body_f place_f taxonomy_f byline_f}';

/**
 * bm25 column weights, in table order (plain, then folded): a word in the
 * title counts most, then the summary, then where it happens, the
 * topics/programmes and the author, and least a word deep in the body.
 */
const WEIGHTS = [10, 4, 1, 3, 3, 3, 10, 4, 1, 3, 3, 3];

function taxonomy(text: DocumentText): string {
  return [text.topics, text.programmes].filter(Boolean).join(' ');
}

/** One term in FTS5 syntax: a quoted string (a phrase when it has several words), `*` for a prefix. */
function ftsTerm(term: SearchTerm, fold: boolean): string {
  const list = fold ? term.words.map(foldWord) : term.words;
  // Words hold only letters, marks and digits, so they never contain a quote; FTS5 reads them as plain text.
  return `"${list.join(' ')}"${term.prefix ? ' *' : ''}`;
}

/** The FTS5 MATCH expression for a query (exported for tests). */
export function ftsExpression(query: SearchQuery): string {
  const plain = query.terms.map((t) => ftsTerm(t, false)).join(' AND ');
  const folded = query.terms.map((t) => ftsTerm(t, true)).join(' AND ');
  return `${PLAIN_COLUMNS} : (${plain}) OR ${FOLDED_COLUMNS} : (${folded})`;
}

export const sqliteSearchIndex: SearchIndex = {
  dialect: 'sqlite',

  async writeWords(db, documentId, text) {
    const fields = [text.title, text.summary, text.body, text.place, taxonomy(text), text.byline];
    const plain = fields.map((f) => indexText(f, false));
    const folded = fields.map((f) => indexText(f, true));
    await sql`delete from search_fts where rowid = ${documentId}`.execute(db);
    await sql`insert into search_fts (rowid, title, summary, body, place, taxonomy, byline,
        title_f, summary_f, body_f, place_f, taxonomy_f, byline_f)
      values (${documentId}, ${sql.join([...plain, ...folded])})`.execute(db);
  },

  async writeManyWords(db, documents) {
    if (documents.length === 0) return;
    const rows = documents.map(({ id, text }) => {
      const fields = [text.title, text.summary, text.body, text.place, taxonomy(text), text.byline];
      return sql`(${id}, ${sql.join([...fields.map((f) => indexText(f, false)), ...fields.map((f) => indexText(f, true))])})`;
    });
    await sql`delete from search_fts where rowid in (${sql.join(documents.map((d) => d.id))})`.execute(db);
    await sql`insert into search_fts (rowid, title, summary, body, place, taxonomy, byline,
        title_f, summary_f, body_f, place_f, taxonomy_f, byline_f)
      values ${sql.join(rows)}`.execute(db);
  },

  async removeWords(db, documentIds) {
    if (documentIds.length === 0) return;
    await sql`delete from search_fts where rowid in (${sql.join(documentIds)})`.execute(db);
  },

  async removeAllWords(db) {
    await sql`delete from search_fts`.execute(db);
  },

  matchingIds(query): RawBuilder<{ doc_id: number }> {
    return sql<{ doc_id: number }>`select rowid as doc_id from search_fts where search_fts match ${ftsExpression(query)}`;
  },

  scores(query, candidates): RawBuilder<{ doc_id: number; score: number }> {
    // bm25 over the range of rowids from the oldest candidate, read in one pass of the index (CROSS
    // JOIN keeps it the outer loop): looking each candidate up in the index anew costs far more.
    // Matches in the range that were not candidates (filtered out) are dropped by the join.
    return sql<{ doc_id: number; score: number }>`select f.rowid as doc_id, bm25(search_fts, ${sql.join(WEIGHTS.map((w) => sql.lit(w)))}) as score
      from search_fts f cross join ${candidates} c
      where search_fts match ${ftsExpression(query)} and f.rowid >= (select min(id) from ${candidates}) and c.id = f.rowid`;
  },
};
