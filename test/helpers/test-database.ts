/**
 * A fresh, migrated database for one test: in-memory SQLite by default, or,
 * when TEST_DATABASE_URL is set, a new PostgreSQL database of its own (dropped
 * afterwards), so the same tests run on both databases and in parallel.
 *
 * Migrating costs far more than a test's own work (every migration, for every
 * test), so each is a copy of one migrated database: on SQLite, a file this
 * process migrates once and every test's in-memory database starts from; on
 * PostgreSQL, a template database that the first test process of a run
 * migrates and every test's database is created from. The template's name
 * carries a digest of the migrations' sources, so a changed migration makes a
 * new one. A test of a migration itself (`migrateTo`) still migrates a schema
 * of its own, step by step.
 */
import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, afterEach, before, beforeEach } from 'node:test';
import pg from 'pg';
import { Migrator, sql, type Kysely } from 'kysely';
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

/**
 * Inserts a row stamped as created and updated at `stamp`, returning its id:
 * for tests of a migration, which write the tables as they were before it,
 * below the content service.
 */
// Kysely<any>, as the migrations take: the tables as they were before a migration are not the app's schema types.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function insertStamped(db: Kysely<any>, stamp: string, table: string, values: Record<string, unknown>): Promise<number> {
  const row = await db.insertInto(table).values({ ...values, created_at: stamp, updated_at: stamp }).returning('id').executeTakeFirstOrThrow();
  return Number(row.id);
}

/** A test's database; on PostgreSQL, with the address that reaches it (for a second connection, a listener). */
export interface TestDatabaseHandle extends DatabaseHandle {
  /** PostgreSQL only: the connection string of this test's database (use with `schema`). */
  postgresUrl?: string | undefined;
}

/** A digest of every source file in the migrations' folder: a changed or added migration changes it. */
function migrationsDigest(): string {
  const folder = fileURLToPath(new URL('../../src/db/migrations/', import.meta.url));
  const hash = createHash('sha256');
  for (const name of readdirSync(folder).sort()) {
    if (!name.endsWith('.ts') || name.endsWith('.test.ts')) continue;
    hash.update(name).update('\0').update(readFileSync(join(folder, name))).update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

/** SQLite: the file this process migrated once, copied into memory for every test. */
let sqliteTemplate: Promise<string> | undefined;

function migratedSqliteFile(): Promise<string> {
  sqliteTemplate ??= (async () => {
    const folder = mkdtempSync(join(tmpdir(), 'almanac-test-db-'));
    process.once('exit', () => rmSync(folder, { recursive: true, force: true }));
    const file = join(folder, 'migrated.sqlite');
    const handle = openDatabase({ sqlitePath: ':memory:' });
    try {
      await migrateToLatest(handle.db);
      await sql`vacuum into ${file}`.execute(handle.db);
    } finally {
      await handle.destroy();
    }
    return file;
  })();
  return sqliteTemplate;
}

function withDatabaseName(url: string, name: string): string {
  const address = new URL(url);
  address.pathname = `/${name}`;
  return address.toString();
}

/** PostgreSQL: the name of the migrated template database, made by the first process that needs it. */
let postgresTemplate: Promise<string> | undefined;

function migratedPostgresTemplate(): Promise<string> {
  postgresTemplate ??= withSchemaChangeLock(async (client) => {
    const name = `almanac_test_template_${migrationsDigest()}`;
    const found = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (found.rowCount) return name;
    // Built under another name and renamed when complete, so that a run
    // stopped half-way never leaves a template that looks finished.
    const building = `${name}_${process.pid}`;
    await client.query(`drop database if exists ${building}`);
    await client.query(`create database ${building}`);
    const handle = openDatabase({ databaseUrl: withDatabaseName(testDatabaseUrl!, building) });
    try {
      await migrateToLatest(handle.db);
    } finally {
      await handle.destroy();
    }
    await client.query(`alter database ${building} rename to ${name}`);
    // Templates of earlier migrations are of no further use; one still being copied stays.
    const stale = await client.query<{ datname: string }>(
      "select datname from pg_database where datname like 'almanac\\_test\\_template\\_%' and datname <> $1",
      [name],
    );
    for (const { datname } of stale.rows) {
      await client.query(`drop database if exists ${datname}`).catch(() => undefined);
    }
    return name;
  });
  return postgresTemplate;
}

/** A connection to the server's maintenance database, for creating and dropping test databases. */
async function withServer<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: testDatabaseUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** PostgreSQL's "database is being accessed by other users". */
const OBJECT_IN_USE = '55006';

/**
 * Drops a test's database once no connection uses it. A test may close the
 * database under a running app (to see its error page) and the app's other
 * connections close a moment later; they are waited for, never ended from
 * here, since ending them would fail that test.
 */
async function dropWhenUnused(name: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await withServer((client) => client.query(`drop database if exists ${name}`));
      return;
    } catch (error) {
      if ((error as { code?: unknown }).code !== OBJECT_IN_USE || attempt === 60) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}

export async function openTestDatabase(options: TestDatabaseOptions = {}): Promise<TestDatabaseHandle> {
  if (!testDatabaseUrl) {
    if (options.migrateTo) {
      const handle = openDatabase({ sqlitePath: ':memory:' });
      await migrate(handle, options);
      return handle;
    }
    return openDatabase({ sqlitePath: ':memory:', copyOf: await migratedSqliteFile() });
  }
  if (options.migrateTo) return openMigratedSchema(options);
  const template = await migratedPostgresTemplate();
  const name = `almanac_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await withServer((client) => client.query(`create database ${name} template ${template}`));
  const postgresUrl = withDatabaseName(testDatabaseUrl, name);
  const handle = openDatabase({ databaseUrl: postgresUrl });
  let destroyed = false;
  return {
    ...handle,
    postgresUrl,
    async destroy() {
      if (destroyed) return;
      destroyed = true;
      await handle.destroy();
      // Dropped while the next test goes on: nothing reads it again, and the
      // open connection keeps this process alive until the drop is done.
      void dropWhenUnused(name).catch((error: unknown) => {
        process.stderr.write(`Test database ${name} was not dropped: ${error instanceof Error ? error.message : String(error)}\n`);
      });
    },
  };
}

/** A schema of its own on the test database, migrated as far as the options say. */
async function openMigratedSchema(options: TestDatabaseOptions): Promise<TestDatabaseHandle> {
  const schema = `test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const handle = openDatabase({ databaseUrl: testDatabaseUrl, postgresSchema: schema });
  await withSchemaChangeLock(async (client) => {
    await client.query(`create schema ${schema}`);
    await migrate(handle, options);
  });
  let destroyed = false;
  return {
    ...handle,
    postgresUrl: testDatabaseUrl,
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
