/**
 * The Kysely instance: embedded SQLite by default, PostgreSQL when a
 * postgres:// URL is given. Everything above the repositories sees one API.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, type MigrationResultSet } from 'kysely';
import pg from 'pg';
import { migrationProvider } from './migrations/index.js';
import type { Database } from './schema.js';

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
}

/** Opens the database named by the options; does not migrate. */
export function openDatabase(options: DatabaseOptions): DatabaseHandle {
  if (options.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      ...(options.postgresSchema ? { options: `-c search_path=${options.postgresSchema}` } : {}),
      // Two cores per machine: a handful of connections keeps Postgres busy without queueing in it.
      max: 10,
    });
    // An idle connection ended by the server (a restart, a failover, an administrator) is an
    // 'error' event on the pool; unheard, it would end the process. The pool drops that
    // connection and opens a new one for the next query, so a line in the log is enough.
    pool.on('error', (error) => {
      process.stderr.write(`PostgreSQL closed an idle connection (${error.message}); the next query opens a new one.\n`);
    });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, dialect: 'postgres', schema: options.postgresSchema, destroy: () => db.destroy() };
  }

  const path = options.sqlitePath ?? ':memory:';
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new SqliteDatabase(path);
  // WAL lets readers go on while an editor saves; NORMAL sync is safe with WAL.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  // Wait for a writer (an import, say) instead of failing at once.
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  const dataVersion = sqlite.prepare('pragma data_version').pluck();
  return { db, dialect: 'sqlite', dataVersion: () => dataVersion.get() as number, destroy: () => db.destroy() };
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
