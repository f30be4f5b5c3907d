/**
 * Two instances of the app on one PostgreSQL database, as a site runs behind a
 * load balancer: instance A on the test's own database, instance B on a second
 * connection to it, each hearing the other's changes through its own
 * LISTEN connection. For tests of what one instance does after a change saved
 * on the other; they need TEST_DATABASE_URL.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { buildApp } from '../../src/app.js';
import { loadEnv, type Env } from '../../src/config/env.js';
import { openDatabase, type DatabaseHandle } from '../../src/db/database.js';
import type { Database } from '../../src/db/schema.js';
import { todayInZone } from '../../src/shared/dates/calendar-date.js';
import { postgresContentChanges, type PostgresContentChanges } from '../../src/shared/http/content-changes.js';
import { DEFAULT_NOW } from './build-test-app.js';
import { openTestDatabase, testDatabaseUrl, type TestDatabaseHandle } from './test-database.js';

export interface TwoInstances {
  /** Instance A's database: the test's own. */
  handleA: TestDatabaseHandle;
  /** Instance B's own connection to the same database. */
  handleB: DatabaseHandle;
  changesA: PostgresContentChanges;
  changesB: PostgresContentChanges;
  a: FastifyInstance;
  b: FastifyInstance;
}

export interface TwoInstancesOptions {
  /** Added to both instances' environment (PAGE_CACHE, say). */
  env?: Record<string, string>;
  /** Writes the content both start with, before either listens. */
  seed?: (db: Kysely<Database>) => Promise<unknown>;
}

const MEMBERS = ['handleA', 'handleB', 'changesA', 'changesB', 'a', 'b'] as const satisfies readonly (keyof TwoInstances)[];

function appOn(handle: DatabaseHandle, config: Env, changes: PostgresContentChanges): Promise<FastifyInstance> {
  return buildApp(
    { db: handle.db, dialect: handle.dialect, config, now: () => DEFAULT_NOW, today: () => todayInZone(config.OFFICE_TIME_ZONE, DEFAULT_NOW) },
    { contentChanges: changes },
  );
}

/**
 * Called inside a describe block that is skipped without TEST_DATABASE_URL:
 * both instances, made by a before hook (hooks declared after this call see
 * them) and closed after the block's tests: the apps, then their listeners,
 * then B's connection, and A's database last, since dropping it waits until
 * no connection uses it. The members are read through the returned object
 * once the hook has run.
 */
export function twoInstancesForBlock(options: TwoInstancesOptions = {}): TwoInstances {
  let made: Partial<TwoInstances> = {};
  let mediaDir: string | undefined;

  before(async () => {
    if (!testDatabaseUrl) throw new Error('two instances share a PostgreSQL database: set TEST_DATABASE_URL');
    mediaDir = mkdtempSync(join(tmpdir(), 'almanac-media-'));
    // As in buildTestApp, popular pages are rendered again after a change only when a test asks.
    const config = loadEnv({ NODE_ENV: 'test', SEED_ON_FIRST_START: 'false', PAGE_CACHE_REFRESH_PAGES: '0', MEDIA_DIR: mediaDir, DATABASE_URL: testDatabaseUrl, ...options.env });
    const handleA = await openTestDatabase();
    made.handleA = handleA;
    const handleB = openDatabase({ databaseUrl: handleA.postgresUrl, postgresSchema: handleA.schema });
    made.handleB = handleB;
    await options.seed?.(handleA.db);
    made.changesA = postgresContentChanges({ db: handleA.db, connectionString: handleA.postgresUrl!, schema: handleA.schema });
    made.changesB = postgresContentChanges({ db: handleB.db, connectionString: handleA.postgresUrl!, schema: handleB.schema });
    await Promise.all([made.changesA.ready(), made.changesB.ready()]);
    made.a = await appOn(handleA, config, made.changesA);
    made.b = await appOn(handleB, config, made.changesB);
  });

  // Whatever the before hook got as far as making is closed, the last made first.
  after(async () => {
    const { a, b, changesA, changesB, handleA, handleB } = made;
    made = {};
    await a?.close();
    await b?.close();
    await changesA?.close();
    await changesB?.close();
    await handleB?.destroy();
    await handleA?.destroy();
    if (mediaDir) rmSync(mediaDir, { recursive: true, force: true });
    mediaDir = undefined;
  });

  const instances = {} as TwoInstances;
  for (const key of MEMBERS) {
    Object.defineProperty(instances, key, {
      enumerable: true,
      get() {
        const value = made[key];
        if (!value) throw new Error('the two instances are made by a before hook: use them inside a test or a later hook');
        return value;
      },
    });
  }
  return instances;
}
