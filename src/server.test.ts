import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

const root = new URL('..', import.meta.url).pathname;

/** A port nobody is listening on right now. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

describe('starting the server on a fresh install', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'almanac-server-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('prints a one-time setup link that opens the setup form', async () => {
    const port = await freePort();
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
      cwd: root,
      env: {
        ...process.env,
        SQLITE_PATH: join(dir, 'fresh.sqlite'),
        PORT: String(port),
        HOST: '127.0.0.1',
        PUBLIC_URL: `http://127.0.0.1:${port}`,
        SEED_ON_FIRST_START: 'false',
        LOG_LEVEL: 'info',
      },
    });
    try {
      let output = '';
      const link = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no setup link within 20 s:\n${output}`)), 20_000);
        child.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString('utf8');
          const found = /(http:\/\/127\.0\.0\.1:\d+\/admin\/setup\?token=[A-Za-z0-9_-]{43})/.exec(output);
          if (found && output.includes('Almanac is serving')) {
            clearTimeout(timer);
            resolve(found[1]!);
          }
        });
        child.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
      });
      const page = await fetch(link);
      assert.equal(page.status, 200);
      assert.match(await page.text(), /Create the first administrator/);
    } finally {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('close', resolve));
    }
  });

  test('answers /healthz and /readyz, and on SIGTERM finishes the request in flight, logs in JSON and exits 0', async () => {
    const port = await freePort();
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
      cwd: root,
      env: {
        ...process.env,
        SQLITE_PATH: join(dir, 'shutdown.sqlite'),
        PORT: String(port),
        HOST: '127.0.0.1',
        PUBLIC_URL: `http://127.0.0.1:${port}`,
        SEED_ON_FIRST_START: 'true',
        LOG_LEVEL: 'info',
      },
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`not serving within 20 s:\n${output}`)), 20_000);
        const poll = setInterval(() => {
          if (output.includes('Almanac is serving')) {
            clearInterval(poll);
            clearTimeout(timer);
            resolve();
          }
        }, 20);
      });
      assert.equal((await fetch(`http://127.0.0.1:${port}/healthz`)).status, 200);
      assert.equal((await fetch(`http://127.0.0.1:${port}/readyz`)).status, 200);
      // A request in flight when the signal comes still gets its whole page.
      const inFlight = fetch(`http://127.0.0.1:${port}/en/events`).then(async (res) => ({ status: res.status, body: await res.text() }));
      await new Promise((resolve) => setTimeout(resolve, 5));
      child.kill('SIGTERM');
      const page = await inFlight;
      assert.equal(page.status, 200);
      assert.match(page.body, /<\/html>/);
      assert.equal(await exited, 0, output);
      const lines = output.trim().split('\n').map((line) => JSON.parse(line) as { msg?: string; level?: number });
      assert.ok(lines.some((l) => l.msg === 'shutting down'));
      assert.ok(lines.some((l) => l.msg === 'stopped'));
      assert.ok(lines.some((l) => l.msg === 'request completed'), 'one structured line per request');
    } finally {
      child.kill('SIGKILL');
    }
  });
});
