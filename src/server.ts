/**
 * Starts the web server: reads the config, opens and migrates the database,
 * fills a new database with the sample content, listens, and shuts down
 * cleanly on SIGTERM/SIGINT (finishing requests in flight).
 */
import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { buildApp } from './app.js';
import { ConfigError, loadEnv, type Env } from './config/env.js';
import { seedIfEmpty } from './modules/importer/index.js';
import { openRuntime } from './runtime.js';

export async function startServer(config: Env): Promise<void> {
  const { handle, deps } = await openRuntime(config);
  const app = await buildApp(deps, { logger: { level: config.LOG_LEVEL } });

  if (config.SEED_ON_FIRST_START) {
    const report = await seedIfEmpty(deps.db, deps.now());
    if (report) app.log.info({ items: report.items.length }, 'empty database: imported the sample content');
  }

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    try {
      await app.close();
      await handle.destroy();
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
