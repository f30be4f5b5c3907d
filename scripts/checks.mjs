#!/usr/bin/env node
// The checks npm test runs before the tests: the type check and the lint,
// side by side. Each runs on one core (tsc, then ESLint and
// dependency-cruiser), and the machines have two, so together they take
// about as long as the longer of them. Each one's output is kept and printed
// whole when it ends, in a fixed order, so that the two never interleave.
// Exits with the first failing check's status, after printing both.
import { Buffer } from 'node:buffer';
import { spawn } from 'node:child_process';

// Run by npm (npm test), npm's own script is run again with this Node; run by hand, the npm on the PATH.
const npm = process.env.npm_execpath ? [process.execPath, [process.env.npm_execpath]] : ['npm', []];

/** Runs `npm run <script>`, its output kept; resolves with its status and output. */
function run(script) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(npm[0], [...npm[1], 'run', '--silent', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    const output = [];
    child.stdout.on('data', (chunk) => output.push(chunk));
    child.stderr.on('data', (chunk) => output.push(chunk));
    child.once('error', (error) => resolve({ script, status: 1, output: Buffer.from(`${error.message}\n`), seconds: 0 }));
    child.once('close', (status) => resolve({ script, status: status ?? 1, output: Buffer.concat(output), seconds: Math.round((Date.now() - started) / 1000) }));
  });
}

const results = await Promise.all(['typecheck', 'lint'].map(run));
for (const { script, status, output, seconds } of results) {
  console.log(`\n=== npm run ${script} ===`);
  process.stdout.write(output);
  console.log(`(${script}: ${status === 0 ? 'passed' : `failed, status ${status}`}, ${seconds} s)`);
}
process.exit(results.find((r) => r.status !== 0)?.status ?? 0);
