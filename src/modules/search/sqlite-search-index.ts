/**
 * Full-text search on SQLite with FTS5. The `search_fts` table (rowid = the
 * document's id) has each field twice: words as written (the tokenizer keeps
 * diacritics) and folded (`_f`). A query matches the folded columns with
 * folded words, OR the plain columns with the words as typed. The rank adds,
 * for each term, the weight of every field it is found in, as typed and
 * folded, so exact-diacritic matches rank above folded-only ones and a title
 * above a body.
 *
 * A last word that may be unfinished ("wag") is completed from
 * `search_words` (every word of the index, as written and folded) before the
 * index is asked: FTS5 answers a prefix by merging, over the whole archive,
 * every word that starts with it, while a few whole words are read from the
 * newest documents on and stop there.
 *
 * The last column, `terms`, holds the document's item's topics and
 * programmes as words (`t12`, `p3`). A visitor's words are only ever matched
 * against the other columns, so these are never found by typing them; a
 * search within a topic adds its word to the match, and FTS5 intersects it
 * with the visitor's words while it reads them newest first.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Db, DocumentText, SearchIndex, TermIds } from './search-index.js';
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

/**
 * A prefix completing to more words than this is left to FTS5's own prefix
 * query (a short prefix in a large vocabulary: slower, the same documents).
 */
const MAX_COMPLETIONS = 32;

/** The highest code point: every word starting with a prefix sorts before the prefix followed by it. */
const AFTER_EVERY_COMPLETION = '\u{10FFFF}';

function taxonomy(text: DocumentText): string {
  return [text.topics, text.programmes].filter(Boolean).join(' ');
}

const NO_TERMS: TermIds = { topics: [], programmes: [] };

/** An FTS5 expression narrowed to documents with every one of these topics and programmes. */
function withTerms(expression: string, terms: TermIds): string {
  const required = termWords(terms);
  return required.length === 0 ? expression : `(${expression}) AND {terms} : (${required.map((w) => `"${w}"`).join(' AND ')})`;
}

/** The words of the `terms` column for topics and programmes (also written by migration 2026-12-10T0900). */
export function termWords(terms: TermIds): string[] {
  return [...terms.topics.map((id) => `t${id}`), ...terms.programmes.map((id) => `p${id}`)];
}

/**
 * One term in FTS5 syntax: a quoted string (a phrase when it has several
 * words); a prefix as the words it completes to, one of which must match,
 * or `*` when they were not looked up.
 */
function ftsTerm(term: SearchTerm, fold: boolean): string {
  // Words hold only letters, marks and digits, so they never contain a quote; FTS5 reads them as plain text.
  const completions = fold ? term.completions?.folded : term.completions?.plain;
  if (term.prefix && completions) return completions.length === 1 ? `"${completions[0]}"` : `(${completions.map((w) => `"${w}"`).join(' OR ')})`;
  const list = fold ? term.words.map(foldWord) : term.words;
  return `"${list.join(' ')}"${term.prefix ? ' *' : ''}`;
}

/** The words of the index starting with `prefix`, in order; null (ask FTS5 for the prefix) when there are none or more than MAX_COMPLETIONS. */
async function completionsOf(db: Db, prefix: string): Promise<string[] | null> {
  const rows = await sql<{ word: string }>`select word from search_words
    where word >= ${prefix} and word < ${prefix + AFTER_EVERY_COMPLETION}
    order by word limit ${MAX_COMPLETIONS + 1}`.execute(db);
  const found = rows.rows.map((r) => r.word);
  return found.length === 0 || found.length > MAX_COMPLETIONS ? null : found;
}

/** Every word of some documents, as written and folded, once each. */
function vocabulary(texts: DocumentText[]): string[] {
  const all = new Set<string>();
  for (const text of texts) {
    for (const field of [text.title, text.summary, text.body, text.place, taxonomy(text), text.byline]) {
      for (const word of indexText(field, false).split(' ')) {
        if (word === '') continue;
        all.add(word);
        all.add(foldWord(word));
      }
    }
  }
  return [...all];
}

/** Adds words to `search_words` (those already there are left). */
async function rememberWords(db: Db, texts: DocumentText[]): Promise<void> {
  const list = vocabulary(texts);
  // Well under SQLite's limit of bound values per statement.
  for (let i = 0; i < list.length; i += 500) {
    const chunk = list.slice(i, i + 500);
    await sql`insert or ignore into search_words (word) values ${sql.join(chunk.map((w) => sql`(${w})`))}`.execute(db);
  }
}

/** The FTS5 MATCH expression for a query (exported for tests). */
export function ftsExpression(query: SearchQuery): string {
  const plain = query.terms.map((t) => ftsTerm(t, false)).join(' AND ');
  const folded = query.terms.map((t) => ftsTerm(t, true)).join(' AND ');
  return `${PLAIN_COLUMNS} : (${plain}) OR ${FOLDED_COLUMNS} : (${folded})`;
}

/**
 * The ranking reads candidates a way chosen by their number. Up to this
 * many, each is read by its rowid (fieldHitsOf); more, and each word's hits
 * are read from the oldest candidate on (fieldHitsFrom), about a
 * millisecond per thousand documents it passes rather than a fraction of
 * one per candidate.
 */
export const FEW_CANDIDATES = 50;

/** SQLite's largest rowid. */
const LAST_ROWID = 9223372036854775807n;

/**
 * Which fields each term is in, for the candidates (`doc_id`, weight `w`):
 * one column-filtered match per term, field and form (as typed, folded),
 * each read only over the rowids from the oldest candidate on, so that the
 * cost follows the candidates when they are the newest matches. (bm25
 * would first count every document holding each term, a pass over all of
 * them for a common word.) Candidates spread over the archive (a small
 * topic's) make each of these read a word's whole list: 430 ms for "lao
 * động" at 100,000 items. `when` is a condition on the candidates alone;
 * `terms`, the topics and programmes they all have, are matched too, so
 * that within a topic only its documents' hits are read.
 */
export function fieldHitsFrom(query: SearchQuery, candidates: RawBuilder<unknown>, when: RawBuilder<unknown> = sql`1 = 1`, terms: TermIds = NO_TERMS) {
  // Past the last rowid there can be when the way is not chosen.
  const from = sql`(select case when ${when} then min(id) else ${sql.lit(LAST_ROWID)} end from ${candidates})`;
  return query.terms.flatMap((term) =>
    FIELD_WEIGHTS.flatMap(([field, weight]) =>
      ([false, true] as const).map(
        (fold) => sql`select rowid as doc_id, ${sql.lit(weight)} as w from search_fts
          where search_fts match ${withTerms(`{${fold ? `${field}_f` : field}} : ${ftsTerm(term, fold)}`, terms)} and rowid >= ${from}`,
      ),
    ),
  );
}

/**
 * The same hits (fieldHitsFrom), each candidate read by its rowid: one
 * match per term and form over every field, and the fields it is in told by
 * FTS5's highlight() of each (marked where the term is). About 0.3 ms a
 * candidate, whatever the archive: 1 ms for a small topic's four documents
 * where the field-by-field reads took 430.
 */
export function fieldHitsOf(query: SearchQuery, candidates: RawBuilder<unknown>, when: RawBuilder<unknown> = sql`1 = 1`) {
  return query.terms.flatMap((term) =>
    ([false, true] as const).map((fold) => {
      const columns = `{${FIELD_WEIGHTS.map(([field]) => (fold ? `${field}_f` : field)).join(' ')}}`;
      const first = fold ? FIELD_WEIGHTS.length : 0;
      const weights = FIELD_WEIGHTS.map(
        ([, weight], i) => sql`${sql.lit(weight)} * coalesce(instr(highlight(search_fts, ${sql.lit(first + i)}, char(1), char(2)), char(1)) > 0, 0)`,
      );
      return sql`select rowid as doc_id, ${sql.join(weights, sql` + `)} as w from search_fts
        where search_fts match ${`${columns} : ${ftsTerm(term, fold)}`} and rowid in (select id from ${candidates} where ${when})`;
    }),
  );
}

export const sqliteSearchIndex: SearchIndex = {
  dialect: 'sqlite',

  async writeManyWords(db, documents) {
    if (documents.length === 0) return;
    const rows = documents.map(({ id, text }) => {
      const fields = [text.title, text.summary, text.body, text.place, taxonomy(text), text.byline];
      const words = [...fields.map((f) => indexText(f, false)), ...fields.map((f) => indexText(f, true)), termWords(text.terms).join(' ')];
      return sql`(${id}, ${sql.join(words)})`;
    });
    await sql`delete from search_fts where rowid in (${sql.join(documents.map((d) => d.id))})`.execute(db);
    await sql`insert into search_fts (rowid, title, summary, body, place, taxonomy, byline,
        title_f, summary_f, body_f, place_f, taxonomy_f, byline_f, terms)
      values ${sql.join(rows)}`.execute(db);
    await rememberWords(
      db,
      documents.map((d) => d.text),
    );
  },

  async removeWords(db, documentIds) {
    if (documentIds.length === 0) return;
    await sql`delete from search_fts where rowid in (${sql.join(documentIds)})`.execute(db);
  },

  // A removed document's words stay in search_words: a completion no document holds matches nothing.
  async removeAllWords(db) {
    await sql`delete from search_fts`.execute(db);
    await sql`delete from search_words`.execute(db);
  },

  async completePrefixes(db, query) {
    const last = query.terms[query.terms.length - 1];
    if (!last?.prefix || last.words.length !== 1) return query;
    const word = last.words[0]!;
    const [plain, folded] = await Promise.all([completionsOf(db, word), completionsOf(db, foldWord(word))]);
    if (!plain && !folded) return query;
    return { ...query, terms: [...query.terms.slice(0, -1), { ...last, completions: { plain, folded } }] };
  },

  matchingDocuments(query, columns, where, { few, terms }) {
    if (few !== undefined) {
      // The documents allowed first. A few items' are each looked up by rowid; more are checked
      // against the list of every document holding the terms (the index's rowids alone, read
      // once). Read from the words' side instead, every document holding a common word was read
      // before the few of a small topic were found.
      const holding =
        few <= FEW_CANDIDATES
          ? sql`select rowid from search_fts where search_fts match ${ftsExpression(query)} and rowid in (select d.id from search_documents d where ${where})`
          : sql`select rowid from search_fts where search_fts match ${ftsExpression(query)}`;
      return sql`select ${columns} from search_documents d where ${where} and d.id in (${holding}) order by d.id desc`;
    }
    // The full-text index is the outer loop, read newest first, so the limit stops it early;
    // within a topic or programme its word is part of the match.
    return sql`select ${columns} from search_fts f join search_documents d on d.id = f.rowid
      where search_fts match ${withTerms(ftsExpression(query), terms)} and ${where}
      order by f.rowid desc`;
  },

  scores(query, candidates, terms): RawBuilder<{ doc_id: number; score: number }> {
    // Each way reads the index only when it is the one chosen: the other is given an empty range of
    // rowids (a condition beside the match would not stop FTS5 reading the words' lists first).
    const few = sql`(select count(*) from ${candidates}) <= ${FEW_CANDIDATES}`;
    const hits = [...fieldHitsFrom(query, candidates, sql`not ${few}`, terms), ...fieldHitsOf(query, candidates, few)];
    return sql<{ doc_id: number; score: number }>`select c.id as doc_id, -coalesce(sum(h.w), 0) as score
      from ${candidates} c left join (${sql.join(hits, sql` union all `)}) h on h.doc_id = c.id
      group by c.id`;
  },
};
