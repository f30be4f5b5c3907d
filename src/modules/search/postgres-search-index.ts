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
const VECTOR_FIELDS = [
  ['title', 'A'],
  ['summary', 'B'],
  ['taxonomy', 'B'],
  ['place', 'C'],
  ['byline', 'C'],
  ['body', 'D'],
] as const;

/** Documents whose words one statement writes (13 values each, well under PostgreSQL's limit). */
const WORDS_BATCH = 500;

function taxonomy(text: DocumentText): string {
  return [text.topics, text.programmes].filter(Boolean).join(' ');
}

function vector(text: DocumentText, fold: boolean) {
  const value = { title: text.title, summary: text.summary, taxonomy: taxonomy(text), place: text.place, byline: text.byline, body: text.body };
  return sql.join(
    VECTOR_FIELDS.map(([field, weight]) => sql`setweight(to_tsvector('simple', ${indexText(value[field], fold)}), ${sql.lit(weight)})`),
    sql` || `,
  );
}

export const postgresSearchIndex: SearchIndex = {
  dialect: 'postgres',

  async writeWords(db, documentId, text) {
    await sql`update search_documents set words = ${vector(text, false)}, folded_words = ${vector(text, true)}
      where id = ${documentId}`.execute(db);
  },

  async writeManyWords(db, documents) {
    // One statement per batch rather than one per document: a bulk import writes hundreds of thousands.
    for (let i = 0; i < documents.length; i += WORDS_BATCH) {
      const rows = documents.slice(i, i + WORDS_BATCH).map(({ id, text }) => {
        const fields = [text.title, text.summary, taxonomy(text), text.place, text.byline, text.body];
        return sql`(${id}::integer, ${sql.join([...fields.map((f) => indexText(f, false)), ...fields.map((f) => indexText(f, true))])})`;
      });
      const vectorOf = (prefix: '' | 'f_') =>
        sql.join(
          VECTOR_FIELDS.map(([field, weight]) => sql`setweight(to_tsvector('simple', ${sql.ref(`v.${prefix}${field}`)}), ${sql.lit(weight)})`),
          sql` || `,
        );
      await sql`update search_documents d set words = ${vectorOf('')}, folded_words = ${vectorOf('f_')}
        from (values ${sql.join(rows)}) as v(id, title, summary, taxonomy, place, byline, body, f_title, f_summary, f_taxonomy, f_place, f_byline, f_body)
        where d.id = v.id`.execute(db);
    }
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
    // limit; for a rare one it asks the GIN index and sorts the few. A few documents allowed
    // (`few`: their items listed in `where`) it reads by their items' index, and checks each.
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
