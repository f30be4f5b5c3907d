/**
 * Starts the real app for browser journeys: a fresh SQLite file in a temporary
 * folder, migrated and filled with the sample content, listening on
 * 127.0.0.1 on a free port. The clock starts at the same instant as the HTTP
 * tests' (so "upcoming" and "past" split the seed events the same way every
 * run) and then moves with real time, as sessions and publishing expect.
 * Email goes through a real SMTP server on another free loopback port, sent
 * by the app's own mail worker, and the links in it lead to the running app.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { buildApp } from '../../src/app.js';
import { loadEnv } from '../../src/config/env.js';
import type { Database, UserRole } from '../../src/db/schema.js';
import { seedIfEmpty } from '../../src/modules/importer/index.js';
import { mailSenderFor, startMailWorker } from '../../src/modules/mail/index.js';
import { openRuntime } from '../../src/runtime.js';
import { slugify } from '../../src/shared/text/slugify.js';
import { createTestUser, TEST_PASSWORD } from '../../test/helpers/admin-session.js';
import { DEFAULT_NOW } from '../../test/helpers/build-test-app.js';
import { createEvent } from '../../test/helpers/factories.js';
import { freePort, readMail, startTestSmtpServer, until, type ReadMail, type TestSmtpServer } from '../../test/helpers/smtp.js';

export { TEST_PASSWORD };

export interface RunningApp {
  /** http://127.0.0.1:<port>, without a trailing slash. */
  baseUrl: string;
  app: FastifyInstance;
  db: Kysely<Database>;
  /** The app's clock. */
  now: () => Date;
  /** Makes an account (password TEST_PASSWORD) and returns its email. */
  createUser(role: UserRole, name?: string, uiLang?: 'en' | 'vi'): Promise<string>;
  /** The mail server the app sends through, with everything it has received. */
  smtp: TestSmtpServer;
  /** The messages received for an address so far, oldest first. */
  mailTo(address: string): ReadMail[];
  /** Waits for the `count`th message to an address (the first by default) and returns it. */
  nextMailTo(address: string, count?: number): Promise<ReadMail>;
  close(): Promise<void>;
}

/** How often the app's mail worker looks at the queue here: often, so that a journey waits for a message a moment, not the server's 5 seconds. */
const MAIL_POLL_MS = 100;
/** How long a journey waits for a message the app should be sending, before failing. */
const MAIL_WAIT_MS = 15_000;

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
  const [smtp, port] = await Promise.all([startTestSmtpServer(), freePort()]);
  const baseUrl = `http://127.0.0.1:${port}`;
  const config = loadEnv({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    SQLITE_PATH: join(dir, 'almanac.sqlite'),
    MEDIA_DIR: join(dir, 'media'),
    SEED_ON_FIRST_START: 'false',
    PUBLIC_URL: baseUrl,
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(smtp.port),
    SMTP_STARTTLS: 'off',
  });
  const startedAt = Date.now();
  const now = () => new Date(DEFAULT_NOW.getTime() + (Date.now() - startedAt));
  const { handle, deps } = await openRuntime(config, now);
  const mailWorker = startMailWorker(deps, mailSenderFor(config), { intervalMs: MAIL_POLL_MS });
  const stop = async () => {
    await mailWorker.stop();
    await handle.destroy();
    await smtp.close();
    rmSync(dir, { recursive: true, force: true });
  };
  const mailTo = (address: string) => smtp.received.filter((m) => m.to.includes(address.toLowerCase())).map((m) => readMail(m.raw));
  try {
    await seedIfEmpty(deps.db, now());
    await addUpcomingEvents(deps.db);
    const app = await buildApp(deps, { logger: false });
    await app.listen({ host: '127.0.0.1', port });
    return {
      baseUrl,
      app,
      db: deps.db,
      now,
      async createUser(role, name, uiLang) {
        const user = await createTestUser(deps.db, { role, ...(name ? { name } : {}), ...(uiLang ? { uiLang } : {}) });
        return user.email;
      },
      smtp,
      mailTo,
      async nextMailTo(address, count = 1) {
        await until(() => mailTo(address).length >= count, MAIL_WAIT_MS).catch(() => {
          throw new Error(`message ${count} to ${address} did not arrive; it has ${mailTo(address).length}`);
        });
        return mailTo(address)[count - 1]!;
      },
      async close() {
        await app.close();
        await stop();
      },
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
