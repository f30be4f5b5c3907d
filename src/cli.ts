#!/usr/bin/env node
/**
 * The command line: `almanac <command> [options]`.
 *
 *   serve                       start the web server (as npm start does)
 *   migrate                     bring the database schema up to date
 *   import <file…> [--dry-run] [--kind events|articles]
 *                               import listing pages in one transaction
 *   seed                        import the sample content into an empty database
 *   backup <file> / restore <file>
 *                               copy the whole database to a file, or back
 *   render-text                 render the HTML of every stored Markdown text again
 *   generate --events N --articles N [--seed S]
 *                               fill the database with made-up bilingual items (load tests)
 *   user <create|list|set-password|disable|enable> …
 *                               manage admin accounts
 */
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ConfigError, loadEnv, type Env } from './config/env.js';
import { decodeListingFile, NotUtf8TextError, formatImportReport, generateContent, importListings, isContentEmpty, loadTaxonomy, importSampleContent } from './modules/importer/index.js';
import { ensureTaxonomy } from './modules/taxonomy/index.js';
import { rerenderAllText } from './modules/media/index.js';
import { refreshEventSessions } from './modules/events/index.js';
import { ImportError } from './shared/errors.js';
import { CommandError, runUserCommand } from './modules/auth/index.js';
import { announceToServers } from './shared/http/content-changes.js';
import { BackupError, backupDatabase, restoreDatabase } from './db/backup.js';
import { openRuntime, type Runtime } from './runtime.js';
import { startServer } from './server.js';

const USAGE = `Usage: almanac <command> [options]

Commands:
  serve                          Start the web server.
  migrate                        Bring the database schema up to date.
  import <file>… [--dry-run] [--kind events|articles]
                                 Import listing pages ("Events and meetings",
                                 "Feature articles", or their Vietnamese versions).
                                 All files go in one transaction: a line that
                                 cannot be understood aborts the whole import.
  seed                           Import the sample content into an empty database.
  render-text                    Render the HTML of every event description and
                                 article body again (after a change to the
                                 Markdown renderer or its sanitizer).
  generate --events <n> --articles <n> [--seed <n>]
                                 Add made-up, published, bilingual events and
                                 articles (to try the site with a large archive).
  backup <file>                  Copy the whole database to <file> while the site
                                 runs (SQLite: online backup; PostgreSQL: pg_dump).
  restore <file>                 Replace the database's content with a backup
                                 (SQLite: online copy; PostgreSQL: pg_restore).
                                 Only an Almanac backup of this version or an
                                 older one is accepted; SQLite keeps the database
                                 it replaced as <database>.before-restore.
                                 Stop the servers first.
  user create --email <email> --role admin|editor|contributor [--name <name>] [--generate-password]
  user list
  user set-password --email <email> [--generate-password]
  user disable --email <email>
  user enable --email <email>
                                 Manage admin accounts. A password is asked
                                 (not shown) on a terminal, or generated and
                                 printed once.
  help                           Show this help.

Settings come from environment variables; see .env.example.`;

function fail(message: string, code = 1): never {
  console.error(message);
  process.exit(code);
}

function config(): Env {
  try {
    return loadEnv();
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message);
    throw error;
  }
}

async function runImport(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { 'dry-run': { type: 'boolean', default: false }, kind: { type: 'string' } },
  });
  if (positionals.length === 0) fail('almanac import: name at least one file to import.\n\n' + USAGE, 2);
  const given = values.kind;
  if (given !== undefined && given !== 'events' && given !== 'articles') fail(`almanac import: --kind must be "events" or "articles", not "${given}".`, 2);
  const kind: 'events' | 'articles' | undefined = given;

  const sources = positionals.map((file) => {
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
      return fail(`${file}: cannot read the file (${reason}). Nothing was imported.`);
    }
    try {
      return { file, text: decodeListingFile(file, bytes), kind };
    } catch (error) {
      if (error instanceof NotUtf8TextError) return fail(`${error.message}\nNothing was imported.`);
      throw error;
    }
  });

  const env = config();
  const dryRun = values['dry-run'];
  // A dry run on SQLite works on a copy in memory of the database (an empty one when there is none yet):
  // it creates no file and migrates nothing on disk.
  const { handle, deps } = dryRun && !env.DATABASE_URL ? await openDryRun(env) : await openRuntime(env);
  try {
    const taxonomy = loadTaxonomy();
    if (!dryRun || !env.DATABASE_URL) await ensureTaxonomy(deps.db, taxonomy, deps.now().toISOString());
    const report = await importListings(deps.db, sources, { dryRun, now: deps.now(), taxonomy });
    // Running servers drop their copies of pages (on SQLite they notice the commit by themselves).
    if (!values['dry-run']) await announceToServers(deps.db, deps.dialect, handle.schema, 'import');
    console.log(formatImportReport(report));
  } catch (error) {
    if (error instanceof ImportError) fail(`${error.message}\nNothing was imported.`);
    throw error;
  } finally {
    await handle.destroy();
  }
}

/** The runtime of a dry run on SQLite: an in-memory copy of the configured database, migrated there. */
async function openDryRun(env: Env): Promise<Runtime> {
  return openRuntime({ ...env, SQLITE_PATH: ':memory:' }, undefined, existsSync(env.SQLITE_PATH) ? env.SQLITE_PATH : undefined);
}

/** A whole number of items from an option, or a usage error. */
function count(name: string, value: string | undefined): number {
  if (value === undefined) return 0;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) fail(`almanac generate: --${name} must be a whole number, not "${value}".`, 2);
  return n;
}

async function runGenerate(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { events: { type: 'string' }, articles: { type: 'string' }, seed: { type: 'string' } } });
  const events = count('events', values.events);
  const articles = count('articles', values.articles);
  if (events + articles === 0) fail('almanac generate: say how many with --events and/or --articles.\n\n' + USAGE, 2);
  const seed = values.seed === undefined ? 1 : count('seed', values.seed);
  const { handle, deps } = await openRuntime(config());
  try {
    const interactive = process.stderr.isTTY;
    const report = await generateContent(deps.db, {
      events,
      articles,
      seed,
      now: deps.now(),
      onProgress: (done) => {
        if (interactive) process.stderr.write(`\r${done.events} events, ${done.articles} articles…`);
      },
    });
    if (interactive) process.stderr.write('\n');
    await announceToServers(deps.db, deps.dialect, handle.schema, 'generated content');
    const perSecond = Math.round(((report.events + report.articles) / Math.max(report.milliseconds, 1)) * 1000);
    console.log(`Added ${report.events} events and ${report.articles} articles in ${(report.milliseconds / 1000).toFixed(1)} s (${perSecond} items/s).`);
  } finally {
    await handle.destroy();
  }
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

async function runBackup(args: string[], direction: 'backup' | 'restore'): Promise<void> {
  const [file, ...extra] = args;
  if (!file || extra.length > 0) fail(`almanac ${direction}: name one file.\n\n${USAGE}`, 2);
  const env = config();
  const target = { databaseUrl: env.DATABASE_URL, sqlitePath: env.SQLITE_PATH };
  try {
    if (direction === 'backup') {
      const report = await backupDatabase(target, file);
      console.log(`Backed up the database to ${report.file} (${megabytes(report.bytes)}, ${(report.milliseconds / 1000).toFixed(1)} s).`);
      return;
    }
    const report = await restoreDatabase(target, file);
    // A backup from an older release is brought up to date; running servers drop their copies of pages.
    const { handle, deps } = await openRuntime(env);
    try {
      await announceToServers(deps.db, deps.dialect, handle.schema, 'database restored');
    } finally {
      await handle.destroy();
    }
    console.log(`Restored the database from ${report.file} (${megabytes(report.bytes)}, ${(report.milliseconds / 1000).toFixed(1)} s).`);
    if (report.previous) console.log(`The database it replaced is kept in ${report.previous} until the next restore.`);
  } catch (error) {
    if (error instanceof BackupError) fail(`almanac ${direction}: ${error.message}`);
    throw error;
  }
}

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  // `almanac migrate --help` asks what the command does: it must not do it.
  if (rest.includes('--help') || rest.includes('-h')) {
    console.log(USAGE);
    return;
  }
  switch (command) {
    case 'serve':
      await startServer(config());
      return;
    case 'migrate': {
      const { handle, deps } = await openRuntime(config());
      try {
        // Derived rows the schema's new tables hold (recurring events' sessions) are filled now, not at the first visit.
        await refreshEventSessions(deps.db, deps.now());
      } finally {
        await handle.destroy();
      }
      console.log('The database schema is up to date.');
      return;
    }
    case 'import':
      await runImport(rest);
      return;
    case 'backup':
    case 'restore':
      await runBackup(rest, command);
      return;
    case 'generate':
      await runGenerate(rest);
      return;
    case 'render-text': {
      const { handle, deps } = await openRuntime(config());
      try {
        const count = await rerenderAllText(deps.db);
        await announceToServers(deps.db, deps.dialect, handle.schema, 'stored text rendered');
        console.log(`Rendered ${count} ${count === 1 ? 'text' : 'texts'}.`);
      } finally {
        await handle.destroy();
      }
      return;
    }
    case 'user': {
      const { handle, deps } = await openRuntime(config());
      try {
        await runUserCommand(deps, rest);
      } catch (error) {
        if (error instanceof CommandError) {
          await handle.destroy();
          fail(error.message, error.exitCode);
        }
        throw error;
      } finally {
        await handle.destroy();
      }
      return;
    }
    case 'seed': {
      const { handle, deps } = await openRuntime(config());
      try {
        if (!(await isContentEmpty(deps.db))) {
          console.log('The database already has content; the sample content was not imported.');
          return;
        }
        const report = await importSampleContent(deps.db, deps.now());
        await announceToServers(deps.db, deps.dialect, handle.schema, 'sample content imported');
        console.log(formatImportReport(report));
      } finally {
        await handle.destroy();
      }
      return;
    }
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      console.log(USAGE);
      return;
    default:
      fail(`almanac: unknown command "${command}".\n\n${USAGE}`, 2);
  }
}

/** Whether an error is node:util's parseArgs refusing the options (an unknown or incomplete one). */
function isUsageError(error: unknown): error is Error {
  const code = (error as { code?: unknown } | null)?.code;
  return error instanceof Error && typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_');
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (isUsageError(error)) fail(`almanac ${process.argv[2]}: ${error.message}\n\n${USAGE}`, 2);
  fail(`almanac: ${error instanceof Error ? error.message : String(error)}`);
});
