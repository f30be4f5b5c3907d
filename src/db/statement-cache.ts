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
  /** A query that only reads (a select, with or without a with clause): it may share the turn's read transaction. */
  plainRead: boolean;
}

/**
 * A LIMIT or OFFSET given as a bare parameter, or a quoted string or name
 * (which is kept as it is).
 */
const BARE_LIMIT = /('(?:[^']|'')*'|"(?:[^"]|"")*")|\b(limit|offset)(\s+)\?/gi;

/**
 * The SQL a query's statement is prepared from: each LIMIT and OFFSET that is a bare
 * parameter (`limit ?`, as Kysely writes every `.limit(n)`) is given as
 * `cast(? as integer)`, which SQLite reads the same. Given a bare parameter
 * there, SQLite looks at its value when it plans the statement
 * (sqlite3ExprIsInteger), and so marks the statement to be prepared again
 * whenever a new value is bound to it: on every run. The statement cache was
 * then no cache for those statements: the home page's past events took
 * 70 µs in a loop against 19.5 µs with the limit cast, most of it preparing
 * again (103 µs to prepare from nothing). The value still bounds the rows;
 * the plan is made without it, once.
 */
export function withCastLimits(sql: string): string {
  return sql.replace(BARE_LIMIT, (match, quoted: string | undefined, word: string, space: string) => (quoted ? match : `${word}${space}cast(? as integer)`));
}

/** The start of a query that reads and nothing else, once SQLite has said it writes nothing and returns rows. */
const PLAIN_READ = /^\s*(select|with)\b/i;

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
    const statement = this.sqlite.prepare(withCastLimits(sql));
    const kept: KeptStatement = {
      statement,
      columns: statement.reader ? statement.columns().map((column) => column.name) : null,
      plainRead: statement.reader && statement.readonly && PLAIN_READ.test(sql),
    };
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
 *
 * Reads share one read transaction per turn of the event loop. Outside a
 * transaction SQLite begins and ends one for every statement, and in WAL
 * mode that is three system calls (two locks on the shared-memory file and
 * a look at the file's size): a one-row read took 7.2 µs so, against 0.24 µs
 * inside a transaction, where a page's own reads take 25-35 µs in all. So
 * the first plain read of a turn begins a transaction (deferred: it takes no
 * lock a writer waits for) and the turn's end (`setImmediate`) commits it. Every read in
 * between, of any request, sees the same snapshot: the database as it was at
 * the turn's first read, which is what each would have seen a few
 * microseconds apart. Anything else (a write, a transaction of Kysely's, a
 * pragma, a streamed query) ends it first, so writes, their transactions
 * and streams run exactly as before, and the next read sees their work.
 */
export class CachingSqliteConnection implements DatabaseConnection {
  /** Whether the open transaction is this turn's shared read (and not a transaction someone began). */
  private turnRead = false;
  /** The turn's `begin` and `commit`, prepared on first use (see the constructor). */
  private turnStatements: { begin: SqliteDatabase.Statement; commit: SqliteDatabase.Statement } | undefined;

  // Nothing is asked of the database here: the driver makes the connection while holding its lock,
  // and a connection made on a closed database must fail in a query (which lets the lock go), not here.
  constructor(
    private readonly sqlite: SqliteDatabase.Database,
    readonly statements: StatementCache,
  ) {}

  /** Whether a transaction is open that is not this turn's shared read: a write's, whose statements must not be tried again. */
  get inWriteTransaction(): boolean {
    return this.sqlite.inTransaction && !this.turnRead;
  }

  executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const { statement, columns, plainRead } = this.statements.get(query.sql);
    const parameters = query.parameters as unknown[];
    if (plainRead) {
      if (!this.sqlite.inTransaction) this.beginTurnRead();
    } else this.endTurnRead();
    if (columns) return Promise.resolve({ rows: rowObjects<R>(statement.all(parameters) as unknown[][], columns) });
    const { changes, lastInsertRowid } = statement.run(parameters);
    return Promise.resolve({ numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid), rows: [] });
  }

  async *streamQuery<R>(query: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    if (!SelectQueryNode.is(query.query)) throw new Error('SQLite streams only select queries');
    // A stream outlives the turn: it reads in a transaction of its own, as before.
    this.endTurnRead();
    // A statement being iterated cannot run for anyone else meanwhile: a stream gets its own.
    const statement = this.sqlite.prepare(withCastLimits(query.sql));
    for (const row of statement.iterate(query.parameters as unknown[])) yield { rows: [row as R] };
  }

  private beginTurnRead(): void {
    this.turnStatements ??= { begin: this.sqlite.prepare('begin deferred'), commit: this.sqlite.prepare('commit') };
    this.turnStatements.begin.run();
    this.turnRead = true;
    setImmediate(() => this.endAtTurnEnd());
  }

  /** Ends the turn's read; should the connection be unable to just now, it tries again at the next turn's end. */
  private endAtTurnEnd(): void {
    try {
      this.endTurnRead();
    } catch {
      setImmediate(() => this.endAtTurnEnd());
    }
  }

  /** Ends this turn's shared read, if one is open; nothing else is touched. */
  endTurnRead(): void {
    if (!this.turnRead) return;
    if (this.sqlite.open && this.sqlite.inTransaction) this.turnStatements?.commit.run();
    this.turnRead = false;
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
