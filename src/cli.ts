#!/usr/bin/env node
/**
 * The command line: `almanac <command> [options]`.
 *
 *   serve                       start the web server (as npm start does)
 *   migrate                     bring the database schema up to date
 *   import <file…> [--dry-run] [--kind events|articles]
 *                               import listing pages in one transaction
 *   seed                        import the sample content into an empty database
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ConfigError, loadEnv, type Env } from './config/env.js';
import { formatImportReport, importListings, isContentEmpty, loadTaxonomy, importSampleContent } from './modules/importer/index.js';
import { ensureTaxonomy } from './modules/taxonomy/index.js';
import { ImportError } from './shared/errors.js';
import { openRuntime } from './runtime.js';
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
    try {
      return { file, text: readFileSync(file, 'utf8'), kind };
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
      return fail(`${file}: cannot read the file (${reason}). Nothing was imported.`);
    }
  });

  const { handle, deps } = await openRuntime(config());
  try {
    const taxonomy = loadTaxonomy();
    if (!values['dry-run']) await ensureTaxonomy(deps.db, taxonomy, deps.now().toISOString());
    const report = await importListings(deps.db, sources, { dryRun: values['dry-run'], now: deps.now(), taxonomy });
    console.log(formatImportReport(report));
  } catch (error) {
    if (error instanceof ImportError) fail(`${error.message}\nNothing was imported.`);
    throw error;
  } finally {
    await handle.destroy();
  }
}

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'serve':
      await startServer(config());
      return;
    case 'migrate': {
      const { handle } = await openRuntime(config());
      await handle.destroy();
      console.log('The database schema is up to date.');
      return;
    }
    case 'import':
      await runImport(rest);
      return;
    case 'seed': {
      const { handle, deps } = await openRuntime(config());
      try {
        if (!(await isContentEmpty(deps.db))) {
          console.log('The database already has content; the sample content was not imported.');
          return;
        }
        console.log(formatImportReport(await importSampleContent(deps.db, deps.now())));
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

main(process.argv.slice(2)).catch((error: unknown) => {
  fail(`almanac: ${error instanceof Error ? error.message : String(error)}`);
});
