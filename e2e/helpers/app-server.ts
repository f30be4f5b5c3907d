/**
 * Starts the real app for browser journeys: a fresh SQLite file in a temporary
 * folder, migrated and filled with the sample content, listening on
 * 127.0.0.1 on a free port. The clock starts at the same instant as the HTTP
 * tests' (so "upcoming" and "past" split the seed events the same way every
 * run) and then moves with real time, as sessions and publishing expect.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { buildApp } from '../../src/app.js';
import { loadEnv } from '../../src/config/env.js';
import type { Database, UserRole } from '../../src/db/schema.js';
import { seedIfEmpty } from '../../src/modules/importer/index.js';
import { openRuntime } from '../../src/runtime.js';
import { slugify } from '../../src/shared/text/slugify.js';
import { createTestUser, TEST_PASSWORD } from '../../test/helpers/admin-session.js';
import { DEFAULT_NOW } from '../../test/helpers/build-test-app.js';
import { createEvent } from '../../test/helpers/factories.js';

export { TEST_PASSWORD };

export interface RunningApp {
  /** http://127.0.0.1:<port>, without a trailing slash. */
  baseUrl: string;
  app: FastifyInstance;
  db: Kysely<Database>;
  /** The app's clock. */
  now: () => Date;
  /** Makes an account (password TEST_PASSWORD) and returns its email. */
  createUser(role: UserRole, name?: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * The sample content has only past events, exactly one page of them: three
 * upcoming ones (in both languages) fill the Upcoming section and push the
 * listing onto a second page.
 */
export const UPCOMING_EVENTS = [
  { title: 'Regional forum on decent work in agriculture', vi: 'Diễn đàn khu vực về việc làm bền vững trong nông nghiệp', start: '2026-12-08', end: '2026-12-09' },
  { title: 'Training of trainers on workplace safety', vi: 'Tập huấn giảng viên về an toàn nơi làm việc', start: '2027-01-14', end: null },
  { title: 'Consultation on the national employment strategy', vi: 'Tham vấn về chiến lược việc làm quốc gia', start: '2027-02-23', end: null },
] as const;

async function addUpcomingEvents(db: Kysely<Database>): Promise<void> {
  for (const event of UPCOMING_EVENTS) {
    await createEvent(db, { title: event.title, slug: slugify(event.title), start: event.start, end: event.end, city: 'Ha Noi', description: 'Details to follow.', vi: { title: event.vi } });
  }
}

export async function startApp(): Promise<RunningApp> {
  const dir = mkdtempSync(join(tmpdir(), 'almanac-e2e-'));
  const config = loadEnv({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    SQLITE_PATH: join(dir, 'almanac.sqlite'),
    MEDIA_DIR: join(dir, 'media'),
    SEED_ON_FIRST_START: 'false',
  });
  const startedAt = Date.now();
  const now = () => new Date(DEFAULT_NOW.getTime() + (Date.now() - startedAt));
  const { handle, deps } = await openRuntime(config, now);
  try {
    await seedIfEmpty(deps.db, now());
    await addUpcomingEvents(deps.db);
    const app = await buildApp(deps, { logger: false });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = app.server.address() as AddressInfo;
    return {
      baseUrl: `http://127.0.0.1:${port}`,
      app,
      db: deps.db,
      now,
      async createUser(role, name) {
        const user = await createTestUser(deps.db, { role, ...(name ? { name } : {}) });
        return user.email;
      },
      async close() {
        await app.close();
        await handle.destroy();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await handle.destroy();
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}
