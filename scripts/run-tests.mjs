#!/usr/bin/env node
// Runs every *.test.ts(x) file with Node's own test runner through tsx.
// Node 20 has no glob support in --test, so the files are listed here.
// Usage: node scripts/run-tests.mjs [dir-or-file ...]
import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { availableParallelism } from 'node:os';

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
if (files.length === 0) {
  console.error('No test files found under', roots.join(', '));
  process.exit(1);
}
// Two files at a time even on two cores: a test file spends much of its time
// starting up, waiting on PostgreSQL or on a child process, so a second one
// fills that time. TEST_CONCURRENCY overrides it.
const concurrency = Number(process.env.TEST_CONCURRENCY) || Math.max(2, availableParallelism());

function runFiles(list) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', `--test-concurrency=${concurrency}`, ...list], {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: process.env,
    });
    let output = '';
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      output += chunk.toString('utf8');
    });
    child.once('exit', (code) => resolve({ status: code ?? 1, output }));
  });
}

// A test that loses its PostgreSQL connection to the server itself (a restart,
// or another job on a shared server ending connections) says nothing about
// Almanac. Those files, and only those, run once more, and the run says so.
const CONNECTION_LOST = /terminating connection due to administrator command|Connection terminated unexpectedly|ECONNRESET/;

const first = await runFiles(files);
if (first.status === 0) process.exit(0);
const failedFiles = [...new Set([...first.output.matchAll(/^test at (\S+?\.test\.tsx?):\d+:\d+$/gm)].map((m) => m[1]))];
if (!CONNECTION_LOST.test(first.output) || failedFiles.length === 0 || failedFiles.some((f) => !files.includes(f))) {
  process.exit(first.status);
}
console.log(`\nThe database connection was ended from outside; running ${failedFiles.join(', ')} once more.\n`);
const second = await runFiles(failedFiles);
process.exit(second.status);
