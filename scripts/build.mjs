#!/usr/bin/env node
// Compiles src/ to dist/ with TypeScript's incremental build (only what changed
// is compiled again), then records the time in dist/.build-stamp.
//
//   node scripts/build.mjs             build
//   node scripts/build.mjs --if-stale  build only when a file in src/ (or
//                                      tsconfig.json) changed since the last
//                                      build, or dist/ is missing: what npm
//                                      start and npm run almanac do first
//
// Files compiled from a source that is gone (a renamed or deleted module) are
// removed after each build: the app reads its migrations from their folder,
// and a left-over one would run as if it were still there.
//
// Checking takes a few milliseconds; TypeScript itself needs about 4 s even
// when nothing changed, and 13 s for everything.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const stamp = join(dist, '.build-stamp');
const buildInfo = join(dist, '.tsbuildinfo');
/** Programs run from dist/: if one is missing, the incremental state cannot be trusted. */
const ENTRIES = ['cli.js', 'server.js'];

/** The newest modification time among the compiler's inputs (tests are not compiled). */
function newestInput() {
  let newest = statSync(join(root, 'tsconfig.json')).mtimeMs;
  const walk = (dir) => {
    // A folder's own time changes when a file in it is deleted or renamed.
    newest = Math.max(newest, statSync(dir).mtimeMs);
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (!/\.test\.tsx?$/.test(entry.name)) newest = Math.max(newest, statSync(path).mtimeMs);
    }
  };
  walk(join(root, 'src'));
  return newest;
}

function isStale() {
  if (!existsSync(stamp) || ENTRIES.some((name) => !existsSync(join(dist, name)))) return true;
  return newestInput() > statSync(stamp).mtimeMs;
}

if (process.argv.includes('--if-stale') && !isStale()) process.exit(0);

if (ENTRIES.some((name) => !existsSync(join(dist, name)))) rmSync(buildInfo, { force: true });
// The time is taken before compiling: a file saved during the build makes the next run build again.
const startedAt = new Date();
const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
const result = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.json', '--incremental', '--tsBuildInfoFile', buildInfo], { cwd: root, stdio: 'inherit' });
if (result.status !== 0) process.exit(result.status ?? 1);
removeOrphans(dist);
writeFileSync(stamp, `${startedAt.toISOString()}\n`);
utimesSync(stamp, startedAt, startedAt);

/** Removes what dist/ holds for sources that no longer exist in src/. */
function removeOrphans(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      removeOrphans(path);
      continue;
    }
    const compiled = /^(.*)\.js(\.map)?$/.exec(entry.name);
    if (!compiled) continue;
    const source = join(root, 'src', relative(dist, dir), compiled[1]);
    if (!existsSync(`${source}.ts`) && !existsSync(`${source}.tsx`) && !existsSync(`${source}.js`)) rmSync(path);
  }
}
