/**
 * The full-text part of search, one implementation per database. Both store
 * the same words (see search-text.ts) for each document of `search_documents`
 * and answer the same question: which documents contain every term, and how
 * well do they match. Everything else (filters, publication, one result per
 * item, pages) is plain SQL shared by both, in search.repository.ts.
 */
import { PostgresAdapter, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import type { Dialect } from '../../db/database.js';
import type { Database } from '../../db/schema.js';
import { postgresSearchIndex } from './postgres-search-index.js';
import type { SearchQuery } from './search-text.js';
import { sqliteSearchIndex } from './sqlite-search-index.js';

export type Db = Kysely<Database> | Transaction<Database>;

/** The text of one document, by field, as shown in results. */
export interface DocumentText {
  title: string;
  summary: string | null;
  body: string | null;
  place: string | null;
  topics: string | null;
  programmes: string | null;
  byline: string | null;
}

/** Topics and programmes by id: an item's, or those a search is narrowed to. */
export interface TermIds {
  topics: readonly number[];
  programmes: readonly number[];
}

/**
 * What the index stores of a document: its text, and its item's topics and
 * programmes as words no query can type (in a column a visitor's words are
 * never matched against), so that a search within a topic is the
 * index's intersection of the two rather than a check of every document
 * holding the words.
 */
export interface IndexedText extends DocumentText {
  terms: TermIds;
}

/** How a search is narrowed beyond its words: see SearchIndex.matchingDocuments. */
export interface Narrowing {
  /** `where` names the items it allows, at most this many (a small topic's). */
  few?: number | undefined;
  /** Every matching document's item has these topics and programmes. */
  terms: TermIds;
  /** The share of all published items the narrowest of `terms` has (0 to 1), when there are terms. */
  share?: number | undefined;
}

export interface SearchIndex {
  readonly dialect: Dialect;
  /** Stores the words of documents already written to `search_documents`. */
  writeManyWords(db: Db, documents: { id: number; text: IndexedText }[]): Promise<void>;
  /** Forgets the words of these documents (before the documents themselves are deleted). */
  removeWords(db: Db, documentIds: number[]): Promise<void>;
  /** Forgets every document's words. */
  removeAllWords(db: Db): Promise<void>;
  /**
   * The query with its last word, when it may be unfinished, completed to
   * the words of the index it can start (see SearchTerm.completions), where
   * that answers the same faster; or the query as it is.
   */
  completePrefixes(db: Db, query: SearchQuery): Promise<SearchQuery>;
  /**
   * `select <columns> from search_documents d …` for every document that
   * contains all the terms (diacritics ignored) and meets `where` (on `d`),
   * newest document first, so the database can stop once it has enough.
   * `narrowing.few`: the items `where` allows are few, and their documents
   * are better read first and each checked for the terms than found among
   * every document holding them. `narrowing.terms`: the topics and
   * programmes `where` requires, which the index intersects with the words
   * (`where` still checks them against the links).
   */
  matchingDocuments(query: SearchQuery, columns: RawBuilder<unknown>, where: RawBuilder<unknown>, narrowing: Narrowing): RawBuilder<unknown>;
  /**
   * `doc_id` and `score` for the documents of the `candidates` table (its
   * column `id`), all of which match. Lower scores rank first; a document
   * whose words match as typed (with the same diacritics) scores better than
   * one that only matches once folded. `terms`: topics and programmes every
   * candidate has (as in matchingDocuments), which may narrow what is read.
   */
  scores(query: SearchQuery, candidates: RawBuilder<unknown>, terms?: TermIds): RawBuilder<{ doc_id: number; score: number }>;
}

/** The implementation for a database, chosen from its dialect. */
export function searchIndexFor(dialect: Dialect): SearchIndex {
  return dialect === 'postgres' ? postgresSearchIndex : sqliteSearchIndex;
}

/** The dialect of a Kysely instance or transaction, for callers that only have the database. */
export function dialectOf(db: Db): Dialect {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}
