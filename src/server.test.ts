import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { entry } from '../test/helpers/cli.js';
import { freePort, startServerProcess } from '../test/helpers/server-process.js';
import { tempDirForBlock } from '../test/helpers/temp-dir.js';

const root = new URL('..', import.meta.url).pathname;

describe('starting the server on a fresh install', () => {
  let dir: string;
  tempDirForBlock('almanac-server-', (made) => (dir = made));

  test('with only PORT set, prints the one-time setup link on a line of its own, at localhost and that port, and it opens the setup form', async () => {
    const port = await freePort();
    const env: NodeJS.ProcessEnv = { ...process.env, SQLITE_PATH: join(dir, 'fresh.sqlite'), PORT: String(port), SEED_ON_FIRST_START: 'false', LOG_LEVEL: 'info' };
    delete env.HOST;
    delete env.PUBLIC_URL;
    const child = spawn(process.execPath, [...entry('server')], { cwd: root, env });
    const closed = new Promise((resolve) => child.once('close', resolve));
    try {
      let output = '';
      let errors = '';
      child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString('utf8')));
      const link = await new Promise<string>((resolve, reject) => {
        // Whichever way it ends, both timers stop: a poll left running would keep the test process alive.
        const settle = (outcome: () => void) => {
          clearInterval(poll);
          clearTimeout(timer);
          outcome();
        };
        const timer = setTimeout(() => settle(() => reject(new Error(`no setup link within 20 s:\n${output}\n${errors}`))), 20_000);
        const poll = setInterval(() => {
          // The link is a line of its own, nothing around it, so that a terminal makes it clickable.
          const found = new RegExp(`^  (http://localhost:${port}/admin/setup\\?token=[A-Za-z0-9_-]{43})$`, 'm').exec(errors);
          if (found && output.includes('Almanac is serving')) settle(() => resolve(found[1]!));
        }, 20);
        child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
        child.on('exit', (code) => settle(() => reject(new Error(`server exited with ${code}:\n${output}\n${errors}`))));
      });
      assert.ok(!output.includes('token='), 'the token is not in the JSON log');
      const page = await fetch(link.replace('localhost', '127.0.0.1'));
      assert.equal(page.status, 200);
      assert.match(await page.text(), /Create the first administrator/);
    } finally {
      child.kill('SIGTERM');
      await closed;
    }
  });

  test('answers /healthz and /readyz, and on SIGTERM finishes the request in flight, logs in JSON and exits 0', async () => {
    const port = await freePort();
    const server = await startServerProcess(
      {
        ...process.env,
        SQLITE_PATH: join(dir, 'shutdown.sqlite'),
        PORT: String(port),
        HOST: '127.0.0.1',
        PUBLIC_URL: `http://127.0.0.1:${port}`,
        SEED_ON_FIRST_START: 'true',
        LOG_LEVEL: 'info',
      },
      20_000,
    );
    const { child, exited } = server;
    try {
      assert.equal((await fetch(`http://127.0.0.1:${port}/healthz`)).status, 200);
      assert.equal((await fetch(`http://127.0.0.1:${port}/readyz`)).status, 200);
      // A request in flight when the signal comes still gets its whole page.
      const inFlight = fetch(`http://127.0.0.1:${port}/en/events`).then(async (res) => ({ status: res.status, body: await res.text() }));
      await new Promise((resolve) => setTimeout(resolve, 5));
      child.kill('SIGTERM');
      const page = await inFlight;
      assert.equal(page.status, 200);
      assert.match(page.body, /<\/html>/);
      assert.equal(await exited, 0, server.output());
      const lines = server
        .output()
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as { msg?: string; level?: number; reqId?: string; req?: { method?: string; url?: string }; res?: { statusCode?: number }; responseTime?: number });
      assert.ok(lines.some((l) => l.msg === 'shutting down'));
      assert.ok(lines.some((l) => l.msg === 'stopped'));
      // One structured line per request, once answered, naming the request, its outcome and its time.
      const logged = lines.find((l) => l.msg === 'request completed' && l.req?.url === '/en/events');
      assert.ok(logged, 'a line for the page');
      assert.equal(logged.req?.method, 'GET');
      assert.equal(logged.res?.statusCode, 200);
      assert.equal(typeof logged.responseTime, 'number');
      assert.equal(typeof logged.reqId, 'string');
      assert.ok(!lines.some((l) => l.msg === 'incoming request'), 'no second line on arrival');
    } finally {
      child.kill('SIGKILL');
    }
  });
});
