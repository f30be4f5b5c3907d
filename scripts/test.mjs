#!/usr/bin/env node
// npm test: the whole suite under two time zones, so that nothing can depend
// on the server's TZ (the office is in Asia/Ho_Chi_Minh; servers often run in
// UTC; Los Angeles is far from both and has daylight saving time), on SQLite
// and on PostgreSQL.
//
// PostgreSQL: TEST_DATABASE_URL, or the local server at 127.0.0.1:5432. When
// CI=true it is required; elsewhere the pass is skipped, saying why, if no
// server answers.
//
// Then, once the unit suite has passed, the browser journeys (e2e/, on SQLite)
// with Debian's Chromium: required when CI=true (with Java, for the HTML
// check); elsewhere skipped, saying why, when there is no Chromium.
import { Buffer } from 'node:buffer';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { chromiumProblem, javaProblem } from './e2e-prerequisites.mjs';

// Every test runs under both zones (but files that touch no date: utcOnly
// and once, below): on SQLite under UTC and on PostgreSQL under Los Angeles.
// The SQLite pass under Los Angeles repeats only the suites whose subject is
// dates (the date rules, events, articles by year, the home page, calendars
// and feeds, scheduling, the importer, the API, mail and digests), so that
// the embedded database's own date handling is also held to both zones
// without running everything three times. A run of chosen files runs them
// under both zones. Files that use SQLite whatever the pass (sqliteOnly,
// below) take their Los Angeles run in the date-suite pass rather than in
// the PostgreSQL one.
const dateSuites = [
  'src/shared/dates',
  'src/db',
  'src/modules/events',
  'src/modules/articles',
  'src/modules/site',
  'src/modules/feeds',
  'src/modules/publishing',
  'src/modules/importer',
  'src/modules/api',
  'src/modules/mail',
  'src/modules/subscriptions',
  'src/modules/content',
];
// Files that run on SQLite whatever the pass: the command line started as a process on a file of its
// own, and SQLite's own locking. On the PostgreSQL pass they ran once more on SQLite under Los
// Angeles (about 250 s of it, beside the journeys); they run under Los Angeles in the date-suite pass
// instead (the date suites' folders hold two of them already).
const sqliteOnly = ['src/cli.test.ts', 'src/modules/auth/user-command.test.ts', 'src/db/database.test.ts'];
// Of those, the accounts' command line (create, list, passwords, disable) reads and writes no date a
// zone could shift: it runs under UTC alone. Its 18 processes took some 35 s of processor time a run.
const utcOnly = new Set(['src/modules/auth/user-command.test.ts']);
// Files that read no database and no date run once, in the first pass: the module boundaries' test
// cruises two trees with dependency-cruiser, about 6 s of processor time a run.
const once = ['test/boundaries.test.ts'];
for (const file of [...sqliteOnly, ...once]) {
  // A file that came to use the test database would lose its PostgreSQL run: say so rather than skip it.
  if (/test-database|build-test-app|appForBlock|buildTestApp/.test(readFileSync(file, 'utf8'))) {
    console.error(`${file} uses the test database: take it out of the SQLite-only and run-once files in scripts/test.mjs.`);
    process.exit(1);
  }
}
const chosen = process.argv.slice(2);
const runs = [
  { label: 'SQLite, TZ=UTC', env: { TZ: 'UTC' }, files: chosen },
  {
    label: `SQLite, TZ=America/Los_Angeles${chosen.length ? '' : ' (date suites)'}`,
    env: { TZ: 'America/Los_Angeles' },
    files: chosen.length ? chosen : [...dateSuites, ...sqliteOnly.filter((file) => !utcOnly.has(file) && !dateSuites.some((suite) => file.startsWith(`${suite}/`)))],
  },
];

const ci = process.env.CI === 'true';
const pgUrl = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
async function postgresAnswers() {
  const client = new pg.Client({ connectionString: pgUrl, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    await client.end().catch(() => {});
  }
}
const pgProblem = await postgresAnswers();
if (pgProblem === null) {
  runs.push({
    label: `PostgreSQL (${pgUrl.replace(/\/\/[^@]*@/, '//')}), TZ=America/Los_Angeles`,
    env: { TZ: 'America/Los_Angeles', TEST_DATABASE_URL: pgUrl, ...(chosen.length ? {} : { TEST_EXCLUDE: [...sqliteOnly, ...once].join(',') }) },
    files: chosen,
  });
}

/**
 * Runs a script of this folder's with Node, its output passed through, or
 * kept and given back when it ends (for a run beside another, whose output
 * would otherwise be interleaved with it). Resolves with its exit status.
 */
function runScript(args, env, keep = false) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { stdio: keep ? ['ignore', 'pipe', 'pipe'] : 'inherit', env: { ...process.env, ...env } });
    const output = [];
    if (keep) {
      child.stdout.on('data', (chunk) => output.push(chunk));
      child.stderr.on('data', (chunk) => output.push(chunk));
    }
    child.once('error', (error) => resolve({ status: 1, output: Buffer.from(`${error.message}\n`) }));
    child.once('close', (status) => resolve({ status, output: Buffer.concat(output) }));
  });
}

// The suites that start the command line or the server as processes start the build (test/helpers/cli.ts,
// `entry`): built once here, from the sources the suites test, it starts in half the time tsx takes.
console.log('\n=== Building dist/ for the suites that start processes ===');
if ((await runScript(['scripts/build.mjs'], {})).status !== 0) process.exit(1);
process.env.ALMANAC_TEST_BUILT = '1';

let failed = false;
// The journeys (whole suite only) run beside the passes that follow the first, once it has passed:
// they leave the processor idle much of the time, waiting on the browser and on Java. Started with
// the PostgreSQL pass they were the last to end, about 12 minutes after it began.
let journeys;
for (const [i, run] of runs.entries()) {
  if (i === 1 && process.argv.length <= 2) journeys = startBrowserJourneys();
  console.log(`\n=== Test suite on ${run.label} ===`);
  const started = Date.now();
  const result = await runScript(['scripts/run-tests.mjs', ...run.files], run.env);
  console.log(`(${run.label}: ${Math.round((Date.now() - started) / 1000)} s)`);
  if (result.status !== 0) failed = true;
}

if (pgProblem !== null) {
  if (ci) {
    console.error(`\nPostgreSQL suite is required when CI=true, but ${pgUrl} did not answer: ${pgProblem}`);
    failed = true;
  } else {
    console.log(`\nPostgreSQL suite skipped: ${pgUrl} did not answer (${pgProblem}). Set TEST_DATABASE_URL to run it.`);
  }
}

// Only the whole suite is followed by the journeys, not a run of chosen files; without PostgreSQL they
// were not started beside its pass, and run now.
if (process.argv.length <= 2) {
  journeys ??= startBrowserJourneys();
  const result = await journeys;
  if (result !== undefined) {
    console.log('\n=== Browser journeys (e2e/) on SQLite, TZ=UTC ===');
    process.stdout.write(result.output);
    if (result.status !== 0) failed = true;
  }
}

/** Starts the browser journeys, their report kept until they end; undefined when they cannot or should not run. */
function startBrowserJourneys() {
  const missing = [chromiumProblem(), ci ? javaProblem() : null].filter(Boolean);
  if (missing.length > 0) {
    if (ci) {
      console.error(`\nThe browser journeys are required when CI=true, but there is ${missing.join(', and ')}.`);
      failed = true;
    } else {
      console.log(`\nBrowser journeys skipped: ${missing.join(', and ')}.`);
    }
    return Promise.resolve(undefined);
  }
  if (failed) {
    console.log('\nBrowser journeys not run: fix the failures above first.');
    return Promise.resolve(undefined);
  }
  console.log('\nBrowser journeys (e2e/, SQLite, TZ=UTC) started; their report follows the last pass.');
  const started = Date.now();
  return runScript(['scripts/test-e2e.mjs'], { TZ: 'UTC' }, true).then((result) => {
    const took = Buffer.from(`(browser journeys: ${Math.round((Date.now() - started) / 1000)} s)\n`);
    return { ...result, output: Buffer.concat([result.output, took]) };
  });
}

process.exit(failed ? 1 : 0);
