/**
 * The statements some work runs on a database, for tests that count them or
 * read their SQL: a page read in one statement, a page size written into its
 * statement rather than bound.
 */
import assert from 'node:assert/strict';
import { CompiledQuery, PostgresAdapter, sql, type Kysely } from 'kysely';
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

/**
 * How the database plans to run a compiled statement, as lines: SQLite's
 * `explain query plan` details; on PostgreSQL each node of the plan as
 * "node type on relation using index direction: index condition", from the
 * generic plan of the statement prepared (as a kept statement runs: one
 * plan for every value).
 */
export async function planLines(db: Kysely<Database>, query: CompiledQuery): Promise<string[]> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) {
    const { rows } = await db.executeQuery<{ detail: string }>(CompiledQuery.raw(`explain query plan ${query.sql}`, [...query.parameters]));
    return rows.map((row) => row.detail);
  }
  const plan = await db.connection().execute(async (conn) => {
    await sql`set plan_cache_mode = force_generic_plan`.execute(conn);
    try {
      await sql`prepare planned as ${sql.raw(query.sql)}`.execute(conn);
      try {
        // EXPLAIN takes no bound values: each is written as a literal.
        const values = query.parameters.map((value) => sql.lit(value as string | number | null));
        const { rows } = await sql<{ 'QUERY PLAN': unknown }>`explain (format json) execute planned(${sql.join(values)})`.execute(conn);
        return rows[0]?.['QUERY PLAN'];
      } finally {
        await sql`deallocate planned`.execute(conn);
      }
    } finally {
      await sql`reset plan_cache_mode`.execute(conn);
    }
  });
  const lines: string[] = [];
  const visit = (node: Record<string, unknown>) => {
    const part = (key: string, before: string) => (typeof node[key] === 'string' ? `${before}${node[key] as string}` : '');
    lines.push(`${String(node['Node Type'])}${part('Relation Name', ' on ')}${part('Index Name', ' using ')}${part('Scan Direction', ' ')}${part('Index Cond', ': ')}`);
    for (const child of (node['Plans'] as Record<string, unknown>[] | undefined) ?? []) visit(child);
  };
  visit(((typeof plan === 'string' ? JSON.parse(plan) : plan) as { Plan: Record<string, unknown> }[])[0]!.Plan);
  return lines;
}
