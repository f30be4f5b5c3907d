/**
 * Prepared statements kept for reuse, keyed by their SQL. better-sqlite3
 * compiles a statement in `prepare`; Kysely's own SQLite connection prepares
 * every query anew, which a CPU profile of an uncached page put at a tenth of
 * the server's time. A page's queries have the same SQL on every request
 * (values are bound as parameters), so each is compiled once and run many
 * times.
 */
import type SqliteDatabase from 'better-sqlite3';
import { SelectQueryNode, type CompiledQuery, type DatabaseConnection, type QueryResult } from 'kysely';

/**
 * How many statements are kept: every query the site runs is a few hundred
 * distinct SQL texts; lists of ids (`in (?, ?, …)`) add one per length. The
 * least recently used go first, so a burst of one-off texts cannot grow it.
 */
export const STATEMENT_CACHE_SIZE = 500;

/**
 * A kept statement. One that returns rows is switched to arrays (better-sqlite3's
 * `raw` mode) and keeps its column names: the rows' objects are built here
 * (`rowObjects`), which on a listing's twenty rows took a third less time
 * than better-sqlite3 building them itself, property by property, in C++.
 */
export interface KeptStatement {
  statement: SqliteDatabase.Statement;
  /** The names of its result columns, in order; null for a statement that returns no rows. */
  columns: string[] | null;
}

/** Statements by SQL, least recently used first out. */
export class StatementCache {
  private readonly statements = new Map<string, KeptStatement>();
  /** How many statements were compiled (misses), for tests and benchmarks. */
  prepared = 0;

  constructor(
    private readonly sqlite: SqliteDatabase.Database,
    private readonly size = STATEMENT_CACHE_SIZE,
  ) {}

  /** The statement for `sql`, compiled on first use. */
  get(sql: string): KeptStatement {
    const found = this.statements.get(sql);
    if (found) {
      // Map keeps insertion order: moving it to the end marks it most recently used.
      this.statements.delete(sql);
      this.statements.set(sql, found);
      return found;
    }
    const statement = this.sqlite.prepare(sql);
    const kept: KeptStatement = { statement, columns: statement.reader ? statement.columns().map((column) => column.name) : null };
    if (statement.reader) statement.raw(true);
    this.prepared += 1;
    this.statements.set(sql, kept);
    if (this.statements.size > this.size) this.statements.delete(this.statements.keys().next().value!);
    return kept;
  }

  get count(): number {
    return this.statements.size;
  }
}

/**
 * A Kysely connection to better-sqlite3 that runs each query through the
 * statement cache; otherwise it answers as Kysely's SqliteConnection does.
 */
export class CachingSqliteConnection implements DatabaseConnection {
  constructor(
    private readonly sqlite: SqliteDatabase.Database,
    readonly statements: StatementCache,
  ) {}

  executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const { statement, columns } = this.statements.get(query.sql);
    const parameters = query.parameters as unknown[];
    if (columns) return Promise.resolve({ rows: rowObjects<R>(statement.all(parameters) as unknown[][], columns) });
    const { changes, lastInsertRowid } = statement.run(parameters);
    return Promise.resolve({ numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid), rows: [] });
  }

  async *streamQuery<R>(query: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    if (!SelectQueryNode.is(query.query)) throw new Error('SQLite streams only select queries');
    // A statement being iterated cannot run for anyone else meanwhile: a stream gets its own.
    const statement = this.sqlite.prepare(query.sql);
    for (const row of statement.iterate(query.parameters as unknown[])) yield { rows: [row as R] };
  }
}

/**
 * Rows given as arrays, as objects keyed by their column names, as
 * better-sqlite3 makes them: where two columns share a name, the later one's
 * value is kept.
 */
export function rowObjects<R>(rows: unknown[][], columns: readonly string[]): R[] {
  const objects = new Array<R>(rows.length);
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    const object: Record<string, unknown> = {};
    for (let c = 0; c < columns.length; c++) object[columns[c]!] = row[c];
    objects[r] = object as R;
  }
  return objects;
}
