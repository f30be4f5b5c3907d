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
 */
import { sql, type RawBuilder } from 'kysely';
import type { Db, DocumentText, SearchIndex } from './search-index.js';
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
    await rememberWords(db, [text]);
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

  matchingDocuments(query, columns, where, few = false) {
    // The documents allowed first, each looked up in the list of those holding the terms (the
    // full-text index's rowids alone, read once): read from the words' side, every document
    // holding a common word was read before the few of a small topic were found.
    if (few) {
      return sql`select ${columns} from search_documents d
        where ${where} and d.id in (select rowid from search_fts where search_fts match ${ftsExpression(query)})
        order by d.id desc`;
    }
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
