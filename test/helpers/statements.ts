/**
 * The statements some work runs on a database, for tests that count them or
 * read their SQL: a page read in one statement, a page size written into its
 * statement rather than bound.
 */
import assert from 'node:assert/strict';
import type { CompiledQuery, Kysely } from 'kysely';
import type { Database } from '../../src/db/schema.js';
import type { TestApp } from './build-test-app.js';

/** The SQL of every statement run on `db` while `work` runs, in order. */
export async function statementsDuring(db: Kysely<Database>, work: () => Promise<unknown>): Promise<string[]> {
  return (await compiledDuring(db, work)).map((query) => query.sql);
}

/** Every statement run on `db` while `work` runs, compiled (its SQL and parameters), in order. */
export async function compiledDuring(db: Kysely<Database>, work: () => Promise<unknown>): Promise<CompiledQuery[]> {
  const executor = db.getExecutor();
  const original = executor.executeQuery;
  const run = original.bind(executor);
  const seen: CompiledQuery[] = [];
  executor.executeQuery = (query) => {
    seen.push(query);
    return run(query);
  };
  try {
    await work();
  } finally {
    executor.executeQuery = original;
  }
  return seen;
}

/**
 * The statements the page at `url` runs once anything it remembers has been
 * read: it is asked for twice, answering 200 both times, and the second time
 * is counted.
 */
export async function pageStatements(t: Pick<TestApp, 'app' | 'db'>, url: string): Promise<string[]> {
  const page = async () => assert.equal((await t.app.inject({ url })).statusCode, 200, url);
  await page();
  return statementsDuring(t.db, page);
}
