/**
 * Builds the app on a fresh database (see test-database.ts) with a fixed clock, for
 * HTTP tests with `inject`. Nothing here listens on a port.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
  const config = loadEnv({ NODE_ENV: 'test', SEED_ON_FIRST_START: 'false', ...(mediaDir ? { MEDIA_DIR: mediaDir } : {}), ...options.env });
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
