/**
 * Full-text search on PostgreSQL with tsvector. Each document has `words`
 * (as written) and `folded_words` (without diacritics), built with the
 * 'simple' configuration from the words search-text.ts cut, so no stemming or
 * stop words make PostgreSQL find what SQLite would not. A query must match
 * the folded words; the rank adds how well the words as typed match, so
 * exact-diacritic matches rank above folded-only ones.
 */
import { sql, type RawBuilder } from 'kysely';
import type { DocumentText, SearchIndex } from './search-index.js';
import { foldWord, indexText, type SearchQuery, type SearchTerm } from './search-text.js';

/** One term in tsquery syntax: a quoted lexeme, `<->` between the words of a phrase, `:*` for a prefix. */
function tsTerm(term: SearchTerm, fold: boolean): string {
  const list = (fold ? term.words.map(foldWord) : term.words).map((w) => `'${w}'`);
  if (term.prefix) list[list.length - 1] += ':*';
  return list.length === 1 ? list[0]! : `(${list.join(' <-> ')})`;
}

/** The tsquery text for a query, folded or as typed (exported for tests). */
export function tsQueryText(query: SearchQuery, fold: boolean): string {
  return query.terms.map((t) => tsTerm(t, fold)).join(' & ');
}

/**
 * Field weights: A the title, B the summary and topics/programmes, C where it
 * happens and the author, D the body; ts_rank's default weights for these are
 * 1.0, 0.4, 0.2 and 0.1.
 */
function vector(text: DocumentText, fold: boolean) {
  const part = (value: string | null, weight: 'A' | 'B' | 'C' | 'D') =>
    sql`setweight(to_tsvector('simple', ${indexText(value, fold)}), ${sql.lit(weight)})`;
  const taxonomy = [text.topics, text.programmes].filter(Boolean).join(' ');
  return sql`${part(text.title, 'A')} || ${part(text.summary, 'B')} || ${part(taxonomy, 'B')} || ${part(text.place, 'C')} || ${part(text.byline, 'C')} || ${part(text.body, 'D')}`;
}

export const postgresSearchIndex: SearchIndex = {
  dialect: 'postgres',

  async writeWords(db, documentId, text) {
    await sql`update search_documents set words = ${vector(text, false)}, folded_words = ${vector(text, true)}
      where id = ${documentId}`.execute(db);
  },

  async writeManyWords(db, documents) {
    for (const { id, text } of documents) await this.writeWords(db, id, text);
  },

  // The words live on the document rows themselves and go with them.
  async removeWords() {},
  async removeAllWords() {},

  // GIN reads a prefix from its own sorted entries.
  async completePrefixes(_db, query) {
    return query;
  },

  matchingDocuments(query, columns, where) {
    // One table: for a common word PostgreSQL walks the primary key backwards and stops at the
    // limit; for a rare one it asks the GIN index and sorts the few.
    return sql`select ${columns} from search_documents d
      where d.folded_words @@ to_tsquery('simple', ${tsQueryText(query, true)}) and ${where}
      order by d.id desc`;
  },

  scores(query, candidates): RawBuilder<{ doc_id: number; score: number }> {
    const folded = sql`to_tsquery('simple', ${tsQueryText(query, true)})`;
    const plain = sql`to_tsquery('simple', ${tsQueryText(query, false)})`;
    return sql<{ doc_id: number; score: number }>`select d.id as doc_id,
        -(ts_rank(d.folded_words, ${folded}) + ts_rank(d.words, ${plain}))::float8 as score
      from ${candidates} c join search_documents d on d.id = c.id`;
  },
};
