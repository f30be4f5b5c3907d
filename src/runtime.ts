/**
 * Opens the configured database, migrates it and builds the dependencies the
 * app and the command line share.
 */
import type { AppDeps } from './app-deps.js';
import type { Env } from './config/env.js';
import { migrateToLatest, openDatabase, type DatabaseHandle } from './db/database.js';
import { linkModules } from './module-links.js';
import { todayInZone } from './shared/dates/calendar-date.js';
import { localContentChanges, postgresContentChanges, type ContentChanges } from './shared/http/content-changes.js';

export interface Runtime {
  handle: DatabaseHandle;
  deps: AppDeps;
}

/**
 * Opens and migrates the database named by the config. With `copyOf` (and
 * SQLITE_PATH ':memory:'), the database is an in-memory copy of that file.
 */
export async function openRuntime(config: Env, now: () => Date = () => new Date(), copyOf?: string): Promise<Runtime> {
  linkModules(config);
  const handle = openDatabase({ databaseUrl: config.DATABASE_URL, sqlitePath: config.SQLITE_PATH, copyOf });
  try {
    await migrateToLatest(handle.db, handle.schema);
  } catch (error) {
    await handle.destroy();
    throw error;
  }
  const deps: AppDeps = {
    db: handle.db,
    dialect: handle.dialect,
    config,
    now,
    today: () => todayInZone(config.OFFICE_TIME_ZONE, now()),
  };
  return { handle, deps };
}

/** How long start-up waits for the LISTEN connection before serving without it (it keeps trying). */
const LISTEN_WAIT_MS = 5_000;

export interface ChangesLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

/**
 * The "content changed" signal for a server: across instances with
 * PostgreSQL (LISTEN/NOTIFY; waits until it listens), within the process
 * with SQLite (noticing other processes' commits through data_version).
 */
export async function openContentChanges(handle: DatabaseHandle, config: Env, log?: ChangesLog): Promise<ContentChanges> {
  if (handle.dialect === 'postgres' && config.DATABASE_URL) {
    const changes = postgresContentChanges({ db: handle.db, connectionString: config.DATABASE_URL, schema: handle.schema, log });
    // Until it listens the page cache serves nothing from memory, so a slow start costs speed, not freshness.
    await Promise.race([changes.ready(), new Promise((resolve) => setTimeout(resolve, LISTEN_WAIT_MS).unref())]);
    return changes;
  }
  return localContentChanges({ externalVersion: handle.dataVersion });
}
