/**
 * The Kysely instance: embedded SQLite by default, PostgreSQL when a
 * postgres:// URL is given. Everything above the repositories sees one API.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import {
  CompiledQuery,
  Kysely,
  Migrator,
  PostgresDialect,
  SqliteDialect,
  SqliteDriver,
  type DatabaseConnection,
  type Driver,
  type MigrationResultSet,
  type QueryResult,
} from 'kysely';
import pg from 'pg';
import { migrationProvider } from './migrations/index.js';
import type { Database } from './schema.js';
import { keptStatementName } from './kept-query.js';
import { planningPools } from './pg-statements.js';
import { CachingSqliteConnection, StatementCache } from './statement-cache.js';

export type Dialect = 'sqlite' | 'postgres';

export interface DatabaseHandle {
  db: Kysely<Database>;
  dialect: Dialect;
  /** The PostgreSQL schema in use, when not the default. */
  schema?: string | undefined;
  /**
   * SQLite only: a number that changes when another connection (another
   * process) commits, and not for this connection's own writes.
   */
  dataVersion?: () => number;
  destroy(): Promise<void>;
}

export interface DatabaseOptions {
  /** postgres://… selects PostgreSQL. */
  databaseUrl?: string | undefined;
  /** SQLite file, or ':memory:' (tests). */
  sqlitePath?: string;
  /** PostgreSQL schema to work in instead of the default (several sites, or isolated tests, on one database). */
  postgresSchema?: string | undefined;
  /** SQLite: start an in-memory database (sqlitePath ':memory:') as a copy of this file, which is only read (dry runs). */
  copyOf?: string | undefined;
  /** SQLite: how long a write transaction waits for another writer before DatabaseBusyError (tests shorten it). */
  writeWaitMs?: number;
}

/** The database stayed busy with another writer (an import, another server) for longer than a save may wait. */
export class DatabaseBusyError extends Error {
  override name = 'DatabaseBusyError';
}

/** SQLite result codes of a lock held by another connection. */
const SQLITE_BUSY_CODES = /^SQLITE_(BUSY|LOCKED)(_|$)/;
/** PostgreSQL: serialization failure, deadlock, lock not available (SQLSTATE). */
const POSTGRES_BUSY_CODES = new Set(['40001', '40P01', '55P03']);

/**
 * Whether an error means "another writer was in the way": worth saving again
 * in a moment, and never a reason to lose what was typed.
 */
export function isDatabaseBusy(error: unknown): boolean {
  if (error instanceof DatabaseBusyError) return true;
  const code = (error as { code?: unknown } | null | undefined)?.code;
  return typeof code === 'string' && (SQLITE_BUSY_CODES.test(code) || POSTGRES_BUSY_CODES.has(code));
}

/** SQLite (better-sqlite3) and PostgreSQL (SQLSTATE) codes of a row refused by a unique index. */
const UNIQUE_VIOLATION_CODES = new Set(['SQLITE_CONSTRAINT_UNIQUE', '23505']);

/**
 * Whether an error means "a unique index already holds this value": someone
 * else saved the same address or key a moment earlier, after it was checked.
 */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null | undefined)?.code;
  return typeof code === 'string' && UNIQUE_VIOLATION_CODES.has(code);
}

/**
 * How long a write waits for another connection's (an import's, another
 * server's) before giving up: far longer than an import of the office's pages
 * holds the file (a quarter of a second for the sample content), short enough
 * that an editor is told within seconds to save again.
 */
const WRITE_WAIT_MS = 5_000;
/** The first pause between tries; it doubles up to the longest, so short locks cost little and long ones few tries. */
const FIRST_PAUSE_MS = 5;
const LONGEST_PAUSE_MS = 100;

/**
 * The one connection, waiting for other writers itself. SQLite's own wait
 * (busy_timeout) would freeze the whole server, since better-sqlite3 is
 * synchronous; instead a statement refused as busy is tried again after a
 * pause, so other requests go on meanwhile. A refused statement changed
 * nothing, so trying it again is safe. Inside a transaction nothing is
 * retried: it began IMMEDIATE, so it already holds the write lock.
 */
class WaitingSqliteConnection implements DatabaseConnection {
  constructor(
    private readonly inner: CachingSqliteConnection,
    private readonly waitMs: number,
  ) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    if (this.inner.inWriteTransaction) return this.inner.executeQuery<R>(query);
    const deadline = Date.now() + this.waitMs;
    for (let pause = FIRST_PAUSE_MS; ; pause = Math.min(pause * 2, LONGEST_PAUSE_MS)) {
      try {
        return await this.inner.executeQuery<R>(query);
      } catch (error) {
        if (!isDatabaseBusy(error)) throw error;
        if (Date.now() + pause > deadline) {
          throw new DatabaseBusyError(`Another writer held the database for more than ${this.waitMs} ms.`, { cause: error });
        }
      }
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  }

  streamQuery<R>(query: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    return this.inner.streamQuery<R>(query);
  }
}

/**
 * Kysely's SQLite driver begins transactions DEFERRED: a save reads, then
 * asks for the write lock, and if another connection committed in between
 * SQLite refuses at once (SQLITE_BUSY_SNAPSHOT), however long it may wait.
 * This one begins every transaction IMMEDIATE, taking the write lock before
 * the first read, and waits for it as the connection above does.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  private connection: WaitingSqliteConnection | undefined;

  constructor(
    private readonly sqlite: SqliteDatabase.Database,
    private readonly waitMs: number,
  ) {
    super({ database: sqlite });
  }

  override async acquireConnection(): Promise<DatabaseConnection> {
    // Kysely's driver keeps the one connection behind a lock; each query then runs through the statement cache.
    await super.acquireConnection();
    this.connection ??= new WaitingSqliteConnection(new CachingSqliteConnection(this.sqlite, new StatementCache(this.sqlite)), this.waitMs);
    return this.connection;
  }

  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  constructor(
    private readonly sqlite: SqliteDatabase.Database,
    private readonly waitMs: number,
  ) {
    super({ database: sqlite });
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.sqlite, this.waitMs);
  }
}

/** The whole content of an SQLite file (its WAL included), read without writing to it. */
function readOnlyCopy(path: string): Buffer {
  const source = new SqliteDatabase(path, { readonly: true, fileMustExist: true });
  try {
    const copy = source.serialize();
    // Bytes 18 and 19 of the header say "WAL" (2); a database in memory cannot be one, and would not open.
    copy[18] = 1;
    copy[19] = 1;
    return copy;
  } finally {
    source.close();
  }
}

/** How much of the database SQLite keeps in memory, in KB (`PRAGMA cache_size` takes a negative number as KB). */
export const SQLITE_CACHE_KB = 8000;

/** Opens the database named by the options; does not migrate. */
export function openDatabase(options: DatabaseOptions): DatabaseHandle {
  if (options.databaseUrl) {
    // No JIT compilation: PostgreSQL compiles a statement whose estimated cost passes
    // jit_above_cost, and the site's statements are short: at 100,000 items a search within a
    // common topic spent some 100 ms compiling a statement that then ran in 50.
    const settings = ['-c jit=off', ...(options.postgresSchema ? [`-c search_path=${options.postgresSchema}`] : [])];
    const poolOptions = { connectionString: options.databaseUrl, options: settings.join(' ') };
    // Two pools, by how their connections plan statements (pg-statements.ts): the kept queries'
    // with generic plans, every other statement's as the server is set. Two cores per machine: a
    // handful of connections of each keeps Postgres busy without queueing in it.
    const pool = new pg.Pool({ ...poolOptions, max: 5 });
    const keptPool = new pg.Pool({ ...poolOptions, max: 5 });
    // An idle connection ended by the server (a restart, a failover, an administrator) is an
    // 'error' event on the pool; unheard, it would end the process. The pool drops that
    // connection and opens a new one for the next query, so a line in the log is enough.
    for (const each of [pool, keptPool]) {
      each.on('error', (error) => {
        process.stderr.write(`PostgreSQL closed an idle connection (${error.message}); the next query opens a new one.\n`);
      });
    }
    // The kept queries run as prepared statements (pg-statements.ts).
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: planningPools(pool, keptPool, keptStatementName) }) });
    return {
      db,
      dialect: 'postgres',
      schema: options.postgresSchema,
      async destroy() {
        await db.destroy();
        // As on SQLite: Kysely ends only a pool it has used; one never queried would stay usable.
        for (const each of [pool, keptPool]) if (!each.ended) await each.end();
      },
    };
  }

  const path = options.sqlitePath ?? ':memory:';
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = path === ':memory:' && options.copyOf ? new SqliteDatabase(readOnlyCopy(options.copyOf)) : new SqliteDatabase(path);
  // WAL lets readers go on while an editor saves; NORMAL sync is safe with WAL.
  // Opening waits for a writer (an import, say) instead of failing at once…
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  // A listing's ORDER BY over a union sorts in a temporary table: kept in memory (a few KB),
  // it costs a fifth of one written to a temporary file.
  sqlite.pragma('temp_store = MEMORY');
  // The pages SQLite keeps in memory: better-sqlite3's build allows 16 MB, filled by the first
  // pass over a large archive (the calendar feed, the start-up look for texts without HTML). At
  // 100,000 items search, listings and topic pages answered as fast with 8 MB, and the server
  // kept about 10 MB less resident; the file's pages stay in the system's cache either way.
  sqlite.pragma(`cache_size = ${-SQLITE_CACHE_KB}`);
  // …and from here the connection waits by itself, between tries (WaitingSqliteConnection).
  sqlite.pragma('busy_timeout = 0');
  const dialect = new ImmediateSqliteDialect(sqlite, options.writeWaitMs ?? WRITE_WAIT_MS);
  const db = new Kysely<Database>({ dialect });
  const dataVersion = sqlite.prepare('pragma data_version').pluck();
  return {
    db,
    dialect: 'sqlite',
    dataVersion: () => dataVersion.get() as number,
    async destroy() {
      await db.destroy();
      // Kysely closes only a connection it has used; one never queried would stay open (and answer).
      if (sqlite.open) sqlite.close();
    },
  };
}

/** Brings the schema up to date; throws with the failing migration's name. */
export async function migrateToLatest(db: Kysely<Database>, schema?: string): Promise<MigrationResultSet> {
  // The migrator's own tables go in the same schema, or it would find another schema's and skip creating its own.
  const migrator = new Migrator({ db, provider: migrationProvider, ...(schema ? { migrationTableSchema: schema } : {}) });
  const result = await migrator.migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error');
    const cause = result.error instanceof Error ? result.error : new Error(String(result.error));
    throw new Error(`Migration ${failed?.migrationName ?? '(unknown)'} failed: ${cause.message}`, { cause });
  }
  return result;
}
