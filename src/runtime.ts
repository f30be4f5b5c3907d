/**
 * Opens the configured database, migrates it and builds the dependencies the
 * app and the command line share.
 */
import type { AppDeps } from './app-deps.js';
import type { Env } from './config/env.js';
import { migrateToLatest, openDatabase, type DatabaseHandle } from './db/database.js';
import { todayInZone } from './shared/dates/calendar-date.js';

export interface Runtime {
  handle: DatabaseHandle;
  deps: AppDeps;
}

/** Opens and migrates the database named by the config. */
export async function openRuntime(config: Env, now: () => Date = () => new Date()): Promise<Runtime> {
  const handle = openDatabase({ databaseUrl: config.DATABASE_URL, sqlitePath: config.SQLITE_PATH });
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
