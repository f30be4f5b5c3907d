/**
 * A fresh, migrated database for one test: in-memory SQLite by default, or,
 * when TEST_DATABASE_URL is set, a new PostgreSQL schema of its own (dropped
 * afterwards), so the same tests run on both databases and in parallel.
 */
import { randomBytes } from 'node:crypto';
import { after, afterEach, before, beforeEach } from 'node:test';
import pg from 'pg';
import { Migrator, type Kysely } from 'kysely';
import { migrateToLatest, openDatabase, type DatabaseHandle } from '../../src/db/database.js';
import { migrationProvider } from '../../src/db/migrations/index.js';
import type { Database } from '../../src/db/schema.js';
import { linkModules } from '../../src/module-links.js';

export const testDatabaseUrl = process.env.TEST_DATABASE_URL || undefined;

// As the server and the command line do at start-up: any test that opens a
// database through here (or reads testDatabaseUrl) changes content with the
// search index in step.
linkModules();

export interface TestDatabaseOptions {
  /** Stop after this migration (to test a later migration on data of an earlier schema). */
  migrateTo?: string;
}

async function migrate(handle: DatabaseHandle, options: TestDatabaseOptions): Promise<void> {
  if (!options.migrateTo) {
    await migrateToLatest(handle.db, handle.schema);
    return;
  }
  const migrator = new Migrator({
    db: handle.db,
    provider: migrationProvider,
    ...(handle.schema ? { migrationTableSchema: handle.schema } : {}),
  });
  const result = await migrator.migrateTo(options.migrateTo);
  if (result.error) throw result.error;
}

/**
 * Test processes run side by side on one PostgreSQL database. Kysely's
 * migrator reads the catalog of every schema, and a schema another test is
 * dropping at that moment makes the read fail ("schema … does not exist").
 * Creating and migrating a schema, and dropping one, therefore take turns
 * under this advisory lock (any number the tests share).
 */
const SCHEMA_CHANGE_LOCK = 4_127_001;

async function withSchemaChangeLock<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: testDatabaseUrl });
  await client.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [SCHEMA_CHANGE_LOCK]);
    return await work(client);
  } finally {
    // Ending the session releases the lock too, even if this query fails.
    await client.query('select pg_advisory_unlock($1)', [SCHEMA_CHANGE_LOCK]).catch(() => undefined);
    await client.end();
  }
}

/** Migrates a test database the rest of the way, taking turns with other tests on PostgreSQL. */
export async function migrateTestDatabase(handle: DatabaseHandle): Promise<void> {
  if (!testDatabaseUrl || !handle.schema) {
    await migrateToLatest(handle.db, handle.schema);
    return;
  }
  await withSchemaChangeLock(async () => {
    await migrateToLatest(handle.db, handle.schema);
  });
}

export async function openTestDatabase(options: TestDatabaseOptions = {}): Promise<DatabaseHandle> {
  if (!testDatabaseUrl) {
    const handle = openDatabase({ sqlitePath: ':memory:' });
    await migrate(handle, options);
    return handle;
  }
  const schema = `test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const handle = openDatabase({ databaseUrl: testDatabaseUrl, postgresSchema: schema });
  await withSchemaChangeLock(async (client) => {
    await client.query(`create schema ${schema}`);
    await migrate(handle, options);
  });
  let destroyed = false;
  return {
    ...handle,
    async destroy() {
      if (destroyed) return;
      destroyed = true;
      await handle.destroy();
      await withSchemaChangeLock((client) => client.query(`drop schema ${schema} cascade`));
    },
  };
}

function databaseHooks(use: (db: Kysely<Database>) => void, open: typeof before, shut: typeof after): void {
  let handle: DatabaseHandle | undefined;
  open(async () => {
    handle = await openTestDatabase();
    use(handle.db);
  });
  shut(async () => {
    await handle?.destroy();
    handle = undefined;
  });
}

/**
 * Called inside a describe block: one database for the block's tests, opened
 * by a before hook that hands it to `use`, and dropped after them.
 */
export function databaseForBlock(use: (db: Kysely<Database>) => void): void {
  databaseHooks(use, before, after);
}

/** Called inside a describe block: a fresh database for each of the block's tests, handed to `use`. */
export function databaseForEachTest(use: (db: Kysely<Database>) => void): void {
  databaseHooks(use, beforeEach, afterEach);
}
