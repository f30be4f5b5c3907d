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

export interface SearchIndex {
  readonly dialect: Dialect;
  /** Stores the words of a document already written to `search_documents`. */
  writeWords(db: Db, documentId: number, text: DocumentText): Promise<void>;
  /** The same for many documents at once (bulk imports). */
  writeManyWords(db: Db, documents: { id: number; text: DocumentText }[]): Promise<void>;
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
   * `few`: `where` names the items it allows, at most this many (a small
   * topic's), whose documents are better read first and each checked for
   * the terms than found among every document holding them.
   */
  matchingDocuments(query: SearchQuery, columns: RawBuilder<unknown>, where: RawBuilder<unknown>, few?: number): RawBuilder<unknown>;
  /**
   * `doc_id` and `score` for the documents of the `candidates` table (its
   * column `id`), all of which match. Lower scores rank first; a document
   * whose words match as typed (with the same diacritics) scores better than
   * one that only matches once folded.
   */
  scores(query: SearchQuery, candidates: RawBuilder<unknown>): RawBuilder<{ doc_id: number; score: number }>;
}

/** The implementation for a database, chosen from its dialect. */
export function searchIndexFor(dialect: Dialect): SearchIndex {
  return dialect === 'postgres' ? postgresSearchIndex : sqliteSearchIndex;
}

/** The dialect of a Kysely instance or transaction, for callers that only have the database. */
export function dialectOf(db: Db): Dialect {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}
