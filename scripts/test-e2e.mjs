#!/usr/bin/env node
// npm run test:e2e: the browser journeys in e2e/, on a fresh SQLite database
// each. Chromium is required. Java (for the HTML check) is required when
// CI=true; elsewhere, without it, that one check is skipped, saying why.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromiumProblem, javaProblem } from './e2e-prerequisites.mjs';

const ci = process.env.CI === 'true';
// Usage: node scripts/test-e2e.mjs [e2e/file.test.ts ...]
const files = process.argv.slice(2);
const chromium = chromiumProblem();
const java = javaProblem();
if (chromium) {
  console.error(`The browser journeys cannot run: ${chromium}.`);
  process.exit(1);
}
if (java && ci) {
  console.error(`The browser journeys are required when CI=true, but there is ${java}.`);
  process.exit(1);
}
const env = { ...process.env, TZ: process.env.TZ || 'UTC' };
if (java) env.E2E_SKIP_HTML_CHECK = java;
// The journeys must not use a developer's PostgreSQL: each starts its own SQLite file.
delete env.TEST_DATABASE_URL;
delete env.DATABASE_URL;
// All the files in one process: loading the app and the browser library
// takes seconds, and a process per file would pay it for each.
const chosen = files.length ? files : readdirSync('e2e').filter((name) => /\.test\.tsx?$/.test(name)).sort().map((name) => join('e2e', name));
const imports = chosen.map((file) => `await import(${JSON.stringify(pathToFileURL(resolve(file)).href)});`).join('\n');
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test-reporter=spec', '--input-type=module', '--eval', imports], { stdio: 'inherit', env });
if (java) console.log(`\nHTML check skipped: ${java}.`);
process.exit(result.status ?? 1);
