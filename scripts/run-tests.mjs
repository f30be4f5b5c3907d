#!/usr/bin/env node
// Runs every *.test.ts(x) file with Node's own test runner through tsx.
// Node 20 has no glob support in --test, so the files are listed here.
// Usage: node scripts/run-tests.mjs [dir-or-file ...]
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { availableParallelism, tmpdir } from 'node:os';
import { clearTimeout, setTimeout } from 'node:timers';

const roots = process.argv.slice(2).length ? process.argv.slice(2) : ['src', 'test'];
const files = [];
function walk(path) {
  const st = statSync(path, { throwIfNoEntry: false });
  if (!st) return;
  if (st.isDirectory()) {
    for (const name of readdirSync(path).sort()) {
      if (name === 'node_modules') continue;
      walk(join(path, name));
    }
  } else if (/\.test\.tsx?$/.test(path)) {
    files.push(path);
  }
}
roots.forEach(walk);
// TEST_EXCLUDE: files (comma-separated) this run leaves to another (scripts/test.mjs says which and why).
const excluded = new Set((process.env.TEST_EXCLUDE ?? '').split(',').filter(Boolean));
if (excluded.size > 0) {
  const left = files.filter((file) => excluded.has(file));
  files.splice(0, files.length, ...files.filter((file) => !excluded.has(file)));
  console.log(`Left to another pass: ${left.join(', ') || 'none'}.`);
}
if (files.length === 0) {
  console.error('No test files found under', roots.join(', '));
  process.exit(1);
}
// Two groups of files at a time even on two cores: a test file spends much
// of its time waiting on PostgreSQL or on a child process, so a second group
// fills that time. TEST_CONCURRENCY overrides it.
const concurrency = Number(process.env.TEST_CONCURRENCY) || Math.max(2, availableParallelism());
// Starting a process and loading the app through tsx costs a few seconds of
// processor time, often more than a file's own tests: the files therefore run
// in a few long-lived processes (one per group, each file after the other in
// it), not one process each. TEST_PROCESS_PER_FILE=1 gives each file its own
// process again (Node's --test), for a test suspected of leaking state.
const processPerFile = process.env.TEST_PROCESS_PER_FILE === '1';
const groupFolder = mkdtempSync(join(tmpdir(), 'almanac-test-groups-'));
process.once('exit', () => rmSync(groupFolder, { recursive: true, force: true }));

function spawnCollecting(args, limitMs) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'], env: process.env });
    let output = '';
    const limit = limitMs
      ? setTimeout(() => {
          output += `\nStopped after ${limitMs / 60_000} minutes: a test file left something running (a timer, a server, a connection).\n`;
          child.kill('SIGKILL');
        }, limitMs)
      : undefined;
    child.stdout.on('data', (chunk) => {
      if (processPerFile) process.stdout.write(chunk);
      output += chunk.toString('utf8');
    });
    child.once('exit', (code) => {
      clearTimeout(limit);
      resolve({ status: code ?? 1, output });
    });
  });
}

/** The files in `groups` groups of about equal size (by bytes of test source, the largest first). */
function groupsOf(list, groups) {
  const sized = list.map((file) => ({ file, size: statSync(file).size })).sort((a, b) => b.size - a.size);
  const bins = Array.from({ length: Math.min(groups, list.length) }, () => ({ size: 0, files: [] }));
  for (const { file, size } of sized) {
    const bin = bins.reduce((least, b) => (b.size < least.size ? b : least));
    bin.files.push(file);
    bin.size += size;
  }
  return bins.map((bin) => bin.files.sort());
}

/** A group that has not ended in this long has a file keeping its process alive: it is stopped and fails. */
const GROUP_LIMIT_MS = 20 * 60_000;

/**
 * One group in one process: each file imported in turn, its tests run by
 * Node's runner as they would under --test (a file's tests start while the
 * next file loads). The process ends when nothing is left to do, as each
 * file's own process did.
 */
function runGroup(files, index) {
  // A module file, not --eval: worker threads a test starts take the process's options, and refuse --input-type.
  const program = join(groupFolder, `group-${index + 1}.mjs`);
  writeFileSync(program, files.map((file) => `await import(${JSON.stringify(pathToFileURL(resolve(file)).href)});\n`).join(''));
  return spawnCollecting(['--import', 'tsx', '--test-reporter=spec', program], GROUP_LIMIT_MS);
}

async function runFiles(list) {
  if (processPerFile) {
    return spawnCollecting(['--import', 'tsx', '--test', '--test-reporter=spec', `--test-concurrency=${concurrency}`, ...list]);
  }
  // Each group's report is printed whole when it ends, so that reports do not interleave.
  const groups = groupsOf(list, concurrency);
  console.log(`${list.length} test files in ${groups.length} processes; each one's report follows when it ends.`);
  const results = await Promise.all(
    groups.map(async (group, index) => {
      const result = await runGroup(group, index);
      process.stdout.write(result.output);
      return result;
    }),
  );
  const count = (name) => results.reduce((sum, r) => sum + Number(new RegExp(`^ℹ ${name} (\\d+)$`, 'm').exec(r.output)?.[1] ?? 0), 0);
  // Cancelled tests (a process whose event loop ended with a test still waiting) are neither passed nor failed, and are named.
  const cancelled = count('cancelled');
  console.log(`\nAll groups: ${count('tests')} tests, ${count('pass')} passed, ${count('fail')} failed, ${cancelled ? `${cancelled} cancelled, ` : ''}${count('skipped')} skipped.`);
  return { status: results.some((r) => r.status !== 0) ? 1 : 0, output: results.map((r) => r.output).join('\n') };
}

// A test that loses its PostgreSQL connection to the server itself (a restart,
// or another job on a shared server ending connections) says nothing about
// Almanac. Those files, and only those, run once more, and the run says so.
const CONNECTION_LOST = /terminating connection due to administrator command|Connection terminated unexpectedly|ECONNRESET/;

const first = await runFiles(files);
if (first.status === 0) process.exit(0);
const failedFiles = [...new Set([...first.output.matchAll(/^test at (\S+?\.test\.tsx?):\d+:\d+$/gm)].map((m) => relative(process.cwd(), m[1].replace(/^file:\/\//, ''))))];
if (!CONNECTION_LOST.test(first.output) || failedFiles.length === 0 || failedFiles.some((f) => !files.includes(f))) {
  process.exit(first.status);
}
console.log(`\nThe database connection was ended from outside; running ${failedFiles.join(', ')} once more.\n`);
const second = await runFiles(failedFiles);
process.exit(second.status);
