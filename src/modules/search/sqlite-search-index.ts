/**
 * Full-text search on SQLite with FTS5. The `search_fts` table (rowid = the
 * document's id) has each field twice: words as written (the tokenizer keeps
 * diacritics) and folded (`_f`). A query matches the folded columns with
 * folded words, OR the plain columns with the words as typed. The rank adds,
 * for each term, the weight of every field it is found in, as typed and
 * folded, so exact-diacritic matches rank above folded-only ones and a title
 * above a body.
 */
import { sql, type RawBuilder } from 'kysely';
import type { DocumentText, SearchIndex } from './search-index.js';
import { foldWord, indexText, type SearchQuery, type SearchTerm } from './search-text.js';

const PLAIN_COLUMNS = '{title summary body place taxonomy byline}';
const FOLDED_COLUMNS = '{title_f summary_f body_f place_f taxonomy_f byline_f}';

/**
 * Field weights: a term in the title counts most, then the summary, then
 * where it happens, the topics/programmes and the author, and least a word
 * deep in the body; the same for the plain and the folded columns, so a
 * match as typed counts twice.
 */
const FIELD_WEIGHTS: ReadonlyArray<readonly [string, number]> = [
  ['title', 10],
  ['summary', 4],
  ['body', 1],
  ['place', 3],
  ['taxonomy', 3],
  ['byline', 3],
];

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

  matchingDocuments(query, columns, where) {
    // The full-text index is the outer loop, read newest first, so the limit stops it early.
    return sql`select ${columns} from search_fts f join search_documents d on d.id = f.rowid
      where search_fts match ${ftsExpression(query)} and ${where}
      order by f.rowid desc`;
  },

  scores(query, candidates): RawBuilder<{ doc_id: number; score: number }> {
    // Which fields each term is in, as one column-filtered match per term and field, each read
    // only over the rowids from the oldest candidate on: the cost follows the candidates, never the
    // archive. (bm25 would first count every document holding each term, a pass over all of them
    // for a common word.)
    const from = sql`(select min(id) from ${candidates})`;
    const hits = query.terms.flatMap((term) =>
      FIELD_WEIGHTS.flatMap(([field, weight]) =>
        ([false, true] as const).map(
          (fold) => sql`select rowid as doc_id, ${sql.lit(weight)} as w from search_fts
            where search_fts match ${`{${fold ? `${field}_f` : field}} : ${ftsTerm(term, fold)}`} and rowid >= ${from}`,
        ),
      ),
    );
    return sql<{ doc_id: number; score: number }>`select c.id as doc_id, -coalesce(sum(h.w), 0) as score
      from ${candidates} c left join (${sql.join(hits, sql` union all `)}) h on h.doc_id = c.id
      group by c.id`;
  },
};
