import { sql, type Kysely } from 'kysely';
import { isPostgres } from './portable.js';

/** The full-text table's word columns, as written and folded (migration 2026-11-23T1620). */
const WORD_COLUMNS = [
  'title',
  'summary',
  'body',
  'place',
  'taxonomy',
  'byline',
  'title_f',
  'summary_f',
  'body_f',
  'place_f',
  'taxonomy_f',
  'byline_f',
] as const;

/**
 * Each link of a search document's item to a topic or programme, as the
 * word the index keeps for it: `t12`, `p3` (the search module's termWords
 * and termLexemes write the same).
 */
function termWords() {
  return sql`select 'event' as kind, x.event_id as item_id, 't' || x.topic_id as word from event_topics as x
    union all select 'event', x.event_id, 'p' || x.programme_id from event_programmes as x
    union all select 'article', x.article_id, 't' || x.topic_id from article_topics as x
    union all select 'article', x.article_id, 'p' || x.programme_id from article_programmes as x`;
}

/**
 * The search index keeps each document's item's topics and programmes
 * beside its words, as words no query can type, so a search within a topic
 * is one lookup of the index for both. Before, the documents holding the
 * words were read newest first and each checked against the topic's links:
 * a topic with a tenth of 100,000 items passed ten documents for each one
 * it kept.
 *
 * On SQLite the FTS5 table gains a last column, `terms` (FTS5 tables cannot
 * add columns, so it is made again and the words copied over); on
 * PostgreSQL the documents gain a tsvector, `term_words`, and the GIN index
 * of the folded words becomes one of both. A visitor's words are matched
 * against the other columns only.
 * (Written into `folded_words` instead, the update moved many rows' vectors
 * out of line, and a search walking the documents newest first read five
 * times the pages.)
 */
export async function up(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    await sql`alter table search_documents add column term_words tsvector`.execute(db);
    await sql`with per_item as (
        select w.kind, w.item_id, array_agg(w.word) as words from (${termWords()}) as w group by w.kind, w.item_id
      )
      update search_documents as d set term_words = array_to_tsvector(p.words)
      from per_item as p where d.kind = p.kind and d.item_id = p.item_id`.execute(db);
    // One GIN index over both: a search within a topic is one scan, which skips through the
    // words' long lists by the topic's shorter one. (With an index each, PostgreSQL read the whole
    // of both lists and intersected the two: 36-48 ms for "wages" where one scan took 10.)
    await sql`create index search_documents_words_idx on search_documents using gin (folded_words, term_words)`.execute(db);
    await sql`drop index search_documents_folded_words_idx`.execute(db);
    return;
  }
  const columns = sql.join(WORD_COLUMNS.map((c) => sql.ref(c)));
  await sql`create virtual table search_fts_next using fts5(${columns}, terms, tokenize = 'unicode61 remove_diacritics 0')`.execute(db);
  // Each item's words gathered once, looked up by its key as the documents are copied.
  await sql`create temp table item_term_words (kind text not null, item_id integer not null, words text not null, primary key (kind, item_id))`.execute(db);
  await sql`insert into item_term_words (kind, item_id, words)
    select w.kind, w.item_id, group_concat(w.word, ' ') from (${termWords()}) as w group by w.kind, w.item_id`.execute(db);
  await sql`insert into search_fts_next (rowid, ${columns}, terms)
    select f.rowid, ${sql.join(WORD_COLUMNS.map((c) => sql`f.${sql.ref(c)}`))}, coalesce(t.words, '')
    from search_fts as f
    left join search_documents as d on d.id = f.rowid
    left join item_term_words as t on t.kind = d.kind and t.item_id = d.item_id
    order by f.rowid`.execute(db);
  await sql`drop table temp.item_term_words`.execute(db);
  await sql`drop table search_fts`.execute(db);
  await sql`alter table search_fts_next rename to search_fts`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    await sql`create index search_documents_folded_words_idx on search_documents using gin (folded_words)`.execute(db);
    await sql`alter table search_documents drop column term_words`.execute(db);
    return;
  }
  const columns = sql.join(WORD_COLUMNS.map((c) => sql.ref(c)));
  await sql`create virtual table search_fts_next using fts5(${columns}, tokenize = 'unicode61 remove_diacritics 0')`.execute(db);
  await sql`insert into search_fts_next (rowid, ${columns}) select rowid, ${columns} from search_fts order by rowid`.execute(db);
  await sql`drop table search_fts`.execute(db);
  await sql`alter table search_fts_next rename to search_fts`.execute(db);
}
