/**
 * Starts the web server: reads the config, opens and migrates the database,
 * fills a new database with the sample content, starts the timer that records
 * scheduled items going live and the worker that sends queued email, listens, and shuts down cleanly on
 * SIGTERM/SIGINT (finishing requests in flight).
 */
import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { buildApp } from './app.js';
import { ConfigError, loadEnv, type Env } from './config/env.js';
import { createLogger } from './shared/logger.js';
import { prepareFirstSetup } from './modules/auth/index.js';
import { seedIfEmpty } from './modules/importer/index.js';
import { renderMissingText } from './modules/media/index.js';
import { mailSenderFor, startMailWorker, usesSmtp } from './modules/mail/index.js';
import { startPublishScheduler } from './modules/publishing/index.js';
import { subscriptionSite } from './modules/subscriptions/index.js';
import { openContentChanges, openRuntime, type ChangesLog } from './runtime.js';

/** While stopping, how often to close keep-alive connections that have just become idle. */
const IDLE_SWEEP_MS = 100;

export async function startServer(config: Env): Promise<void> {
  const { handle, deps } = await openRuntime(config);
  // The app's logger exists only once the app does; the LISTEN connection may need to log before.
  const logger: { current?: ChangesLog } = {};
  const changes = await openContentChanges(handle, config, {
    info: (obj, msg) => logger.current?.info(obj, msg),
    warn: (obj, msg) => logger.current?.warn(obj, msg),
  });
  // Structured JSON logs (pino), one line per request with its id, method, URL, status and time,
  // written in batches (at least every second, and on close and exit: see shared/logger.ts).
  const { log, lines, requestLine } = createLogger({ level: config.LOG_LEVEL, flushOnExit: true });
  const app = await buildApp(deps, { loggerInstance: log, requestLine, contentChanges: changes });
  logger.current = app.log;

  // Texts saved before their HTML was stored beside them (or written by hand) get it now, before anyone asks for a page.
  const rendered = await renderMissingText(deps.db);
  if (rendered > 0) {
    app.log.info({ texts: rendered }, 'rendered the HTML of stored Markdown texts');
    await changes.announce('stored text rendered');
  }

  if (config.SEED_ON_FIRST_START) {
    const report = await seedIfEmpty(deps.db, deps.now());
    if (report) {
      app.log.info({ items: report.items.length }, 'empty database: imported the sample content');
      await changes.announce('sample content imported');
    }
  }

  // A fresh install has nobody who can sign in: print a one-time link that creates the first administrator.
  const setupToken = await prepareFirstSetup(deps.db, deps.now());
  if (setupToken) {
    const link = `${config.PUBLIC_URL.replace(/\/+$/, '')}/admin/setup?token=${setupToken}`;
    // A person reads this, not a log collector: the link alone on its line, so that a terminal makes it
    // clickable, and kept out of the JSON log, which may be shipped and kept elsewhere.
    process.stderr.write(`\nNo admin account exists yet. Create the first administrator within 24 hours at:\n\n  ${link}\n\n`);
    app.log.warn('No admin account exists yet: the one-time setup link is printed on standard error');
  }

  // Records scheduled items going live; visitors see them on time regardless.
  const scheduler = startPublishScheduler(deps, { log: app.log, changes, digests: subscriptionSite(config) });

  // Sends the queued email; web requests only queue it.
  const sender = mailSenderFor(config);
  if (usesSmtp(config)) app.log.info({ server: sender.destination }, `Email is sent through ${sender.destination}`);
  else app.log.info({ outbox: sender.destination }, `No mail server is set (SMTP_URL or SMTP_HOST): email is written as .eml files to ${sender.destination}`);
  const mailWorker = startMailWorker(deps, sender, { log: app.log });

  // On SIGTERM/SIGINT: /readyz turns 503, the listener closes (no new connections), requests in
  // flight finish, idle keep-alive connections are closed, then the timer, the LISTEN connection and
  // the database. If that takes longer than SHUTDOWN_TIMEOUT_MS, exit anyway. A second signal exits at once.
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) {
      app.log.warn({ signal }, 'second stop signal: exiting now');
      process.exit(1);
    }
    closing = true;
    app.lifecycle.shuttingDown = true;
    app.log.info({ signal, timeoutMs: config.SHUTDOWN_TIMEOUT_MS }, 'shutting down');
    const timer = setTimeout(() => {
      app.log.error({ timeoutMs: config.SHUTDOWN_TIMEOUT_MS }, 'requests still running at the shutdown timeout; exiting anyway');
      process.exit(1);
    }, config.SHUTDOWN_TIMEOUT_MS);
    timer.unref();
    // Connections kept alive become idle as their last request finishes; close each as it does.
    const idleSweep = setInterval(() => app.server.closeIdleConnections(), IDLE_SWEEP_MS);
    idleSweep.unref();
    try {
      await app.close();
      clearInterval(idleSweep);
      await scheduler.stop();
      await mailWorker.stop();
      await changes.close();
      await handle.destroy();
      app.log.info('stopped');
      // Every line logged, written: the log is written asynchronously, in batches.
      await lines.whenWritten();
      process.exit(0);
    } catch (error) {
      app.log.error({ err: error }, 'error during shutdown');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  await app.listen({ host: config.HOST, port: config.PORT });
  const shown = config.HOST === '0.0.0.0' || config.HOST === '::' ? 'localhost' : config.HOST;
  app.log.info(`Almanac is serving ${config.SITE_NAME} at http://${shown}:${config.PORT}/`);
  // The start-up lines now, not with the first batch of requests.
  log.flush();
}

/** Runs the server as a program, turning configuration errors into a clear message and exit code 1. */
export async function main(): Promise<void> {
  let config: Env;
  try {
    config = loadEnv();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      console.error('Almanac did not start. See .env.example for every setting.');
      process.exit(1);
    }
    throw error;
  }
  try {
    await startServer(config);
  } catch (error) {
    console.error(`Almanac could not start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}

// Run when started as a program (node dist/server.js), not when imported by the CLI.
if (process.argv[1] && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href) void main();
