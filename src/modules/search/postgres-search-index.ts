/**
 * Full-text search on PostgreSQL with tsvector. Each document has `words`
 * (as written) and `folded_words` (without diacritics), built with the
 * 'simple' configuration from the words search-text.ts cut, so no stemming or
 * stop words make PostgreSQL find what SQLite would not. A query must match
 * the folded words; the rank adds how well the words as typed match, so
 * exact-diacritic matches rank above folded-only ones.
 *
 * A third tsvector, `term_words`, holds the document's item's topics and
 * programmes (`t12`, `p3`); a visitor's words are only ever matched against
 * the other two, so these are never found by typing them. One GIN index
 * holds `folded_words` and `term_words`, so a search within a narrow topic
 * is one scan of it for both.
 */
import { sql, type RawBuilder } from 'kysely';
import type { DocumentText, SearchIndex, TermIds } from './search-index.js';
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

/** The lexemes of `term_words` for topics and programmes, space-separated (also written by migration 2026-12-10T0900). */
export function termLexemes(terms: TermIds): string {
  return [...terms.topics.map((id) => `t${id}`), ...terms.programmes.map((id) => `p${id}`)].join(' ');
}

/**
 * The largest share of all published items a topic or programme may have
 * for a search within it to ask the GIN index for its lexeme and the words.
 * It answers every document holding both, which are then sorted: for
 * "wages" in a programme of 5 % of 100,000 items, 25-37 ms where walking the
 * documents newest first and checking each took 220-250. But for words in
 * nearly every document ("lao động" in Vietnamese), a topic of 12.5 % gives
 * 12,600 documents to sort, 42-80 ms, while the walk, which stops at the
 * ranked limit, took 27-40. (SQLite's FTS5 reads both lists in step, newest
 * first, and stops: it is given the term whatever its share.)
 */
export const NARROW_TERM_SHARE = 0.1;

/** A tsquery requiring each lexeme of `termLexemes`, taken as it is. */
function termQuery(terms: TermIds) {
  const lexemes = termLexemes(terms).split(' ');
  return sql`${lexemes.map((l) => `'${l}'`).join(' & ')}::tsquery`;
}

export const postgresSearchIndex: SearchIndex = {
  dialect: 'postgres',

  async writeManyWords(db, documents) {
    // One statement per batch rather than one per document: a bulk import writes hundreds of thousands.
    for (let i = 0; i < documents.length; i += WORDS_BATCH) {
      const rows = documents.slice(i, i + WORDS_BATCH).map(({ id, text }) => {
        const fields = [text.title, text.summary, taxonomy(text), text.place, text.byline, text.body];
        const words = [...fields.map((f) => indexText(f, false)), ...fields.map((f) => indexText(f, true)), termLexemes(text.terms)];
        return sql`(${id}::integer, ${sql.join(words)})`;
      });
      const vectorOf = (prefix: '' | 'f_') =>
        sql.join(
          VECTOR_FIELDS.map(([field, weight]) => sql`setweight(to_tsvector('simple', ${sql.ref(`v.${prefix}${field}`)}), ${sql.lit(weight)})`),
          sql` || `,
        );
      await sql`update search_documents d set words = ${vectorOf('')}, folded_words = ${vectorOf('f_')},
          term_words = array_to_tsvector(string_to_array(v.terms, ' '))
        from (values ${sql.join(rows)}) as v(id, title, summary, taxonomy, place, byline, body, f_title, f_summary, f_taxonomy, f_place, f_byline, f_body, terms)
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

  matchingDocuments(query, columns, where, { terms, share }) {
    // One table: for a common word PostgreSQL walks the primary key backwards and stops at the
    // limit; for a rare one it asks the GIN index and sorts the few. A few documents allowed
    // (their items listed in `where`) it reads by their items' index, and checks each. Within
    // a narrow topic or programme, its lexeme is asked for with the words.
    const words = sql`to_tsquery('simple', ${tsQueryText(query, true)})`;
    const narrow = terms.topics.length + terms.programmes.length > 0 && share !== undefined && share <= NARROW_TERM_SHARE;
    const tagged = narrow ? sql`d.term_words @@ ${termQuery(terms)} and ` : sql``;
    return sql`select ${columns} from search_documents d
      where d.folded_words @@ ${words} and ${tagged}${where}
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
