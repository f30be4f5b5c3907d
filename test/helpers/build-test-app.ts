/**
 * Builds the app on a fresh database (see test-database.ts) with a fixed clock, for
 * HTTP tests with `inject`. Nothing here listens on a port.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, afterEach, before, beforeEach } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { buildApp, type BuildAppOptions } from '../../src/app.js';
import { loadEnv, type Env } from '../../src/config/env.js';
import type { Database } from '../../src/db/schema.js';
import { importSampleContent } from '../../src/modules/importer/index.js';
import { todayInZone } from '../../src/shared/dates/calendar-date.js';
import { openTestDatabase } from './test-database.js';

export interface TestApp {
  app: FastifyInstance;
  db: Kysely<Database>;
  /** Closes the database (to provoke errors); close() still cleans up. */
  destroyDatabase(): Promise<void>;
  config: Env;
  /** Moves the app's clock. */
  setNow(instant: Date): void;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** The app's "now"; 2026-11-23 09:00 in Hanoi by default. */
  now?: Date;
  /** Import the sample content (the office's seed pages). */
  seed?: boolean;
  env?: Record<string, string>;
  /** Passed to buildApp (an onRoute hook, stand-in admin features). */
  appOptions?: BuildAppOptions;
}

export const DEFAULT_NOW = new Date('2026-11-23T02:00:00Z');

export async function buildTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  // Uploaded files go to a folder of this test's own, removed by close().
  const mediaDir = options.env?.MEDIA_DIR ? undefined : mkdtempSync(join(tmpdir(), 'almanac-media-'));
  // Popular pages are not rendered again after changes unless a test asks (PAGE_CACHE_REFRESH_PAGES): that work in the
  // background would turn the first visit after a change, which many tests look at, into a hit or a miss by chance.
  const config = loadEnv({ NODE_ENV: 'test', SEED_ON_FIRST_START: 'false', PAGE_CACHE_REFRESH_PAGES: '0', ...(mediaDir ? { MEDIA_DIR: mediaDir } : {}), ...options.env });
  const handle = await openTestDatabase();
  let now = options.now ?? DEFAULT_NOW;
  if (options.seed) await importSampleContent(handle.db, now);
  const app = await buildApp({
    db: handle.db,
    dialect: handle.dialect,
    config,
    now: () => now,
    today: () => todayInZone(config.OFFICE_TIME_ZONE, now),
  }, options.appOptions);
  await app.ready();
  return {
    app,
    db: handle.db,
    config,
    setNow(instant) {
      now = instant;
    },
    destroyDatabase: () => handle.destroy(),
    async close() {
      await app.close();
      await handle.destroy();
      if (mediaDir) rmSync(mediaDir, { recursive: true, force: true });
    },
  };
}

/**
 * An object standing for the app `current` returns: each member is looked up
 * when it is read, so it can be made before the app exists.
 */
function standIn(current: () => TestApp): TestApp {
  return {
    get app() {
      return current().app;
    },
    get db() {
      return current().db;
    },
    get config() {
      return current().config;
    },
    setNow: (instant) => current().setNow(instant),
    destroyDatabase: () => current().destroyDatabase(),
    close: () => current().close(),
  };
}

function appHooks(options: TestAppOptions, open: typeof before, shut: typeof after): TestApp {
  let built: TestApp | undefined;
  open(async () => {
    built = await buildTestApp(options);
  });
  shut(async () => {
    await built?.close();
    built = undefined;
  });
  return standIn(() => {
    if (!built) throw new Error('the test app is built by a before hook: use it inside a test or a later hook');
    return built;
  });
}

/**
 * Called inside a describe block: one app for the block's tests, built by a
 * before hook (hooks declared after this call see it) and closed after them.
 */
export function appForBlock(options: TestAppOptions = {}): TestApp {
  return appHooks(options, before, after);
}

/** Called inside a describe block: a fresh app for each of the block's tests. */
export function appForEachTest(options: TestAppOptions = {}): TestApp {
  return appHooks(options, beforeEach, afterEach);
}
