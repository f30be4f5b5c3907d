import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { tempDirForBlock } from '../test/helpers/temp-dir.js';

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

interface Line {
  msg?: string;
  reqId?: string;
  req?: { method?: string; url?: string };
  res?: { statusCode?: number };
  cache?: string;
}

describe('the request log of the server process', () => {
  let dir: string;
  tempDirForBlock('almanac-server-log-', (made) => (dir = made));

  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    test(`a ${signal} stop writes the line of every request answered before it, cached or not`, async () => {
      const port = await freePort();
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
        cwd: root,
        env: {
          ...process.env,
          SQLITE_PATH: join(dir, `${signal}.sqlite`),
          MEDIA_DIR: join(dir, `${signal}-media`),
          MAIL_OUTBOX_DIR: join(dir, `${signal}-outbox`),
          PORT: String(port),
          HOST: '127.0.0.1',
          PUBLIC_URL: `http://127.0.0.1:${port}`,
          SEED_ON_FIRST_START: 'true',
          PAGE_CACHE: 'on',
          LOG_LEVEL: 'info',
        },
      });
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      try {
        await new Promise<void>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error(`not serving within 30 s:\n${output}`)), 30_000);
          const poll = setInterval(() => {
            if (output.includes('Almanac is serving')) {
              clearInterval(poll);
              clearTimeout(timer);
              resolve();
            }
          }, 20);
        });
        // Fewer lines than a batch: none of them is written before the stop.
        const paths = ['/en/events', '/en/events', '/en/articles', '/en/events', '/vi/events', '/en/articles', '/en/no-such-page'];
        for (const path of paths) {
          const res = await fetch(`http://127.0.0.1:${port}${path}`);
          await res.arrayBuffer();
        }
        child.kill(signal);
        assert.equal(await exited, 0, output);
        const lines = output
          .trim()
          .split('\n')
          .map((line) => JSON.parse(line) as Line);
        const requests = lines.filter((l) => l.msg === 'request completed');
        assert.deepEqual(
          requests.map((l) => l.req?.url),
          paths,
          'one line per request, in order',
        );
        assert.deepEqual(
          requests.map((l) => l.cache === 'HIT'),
          [false, true, false, true, false, true, false],
          'the page cache answered the repeated pages',
        );
        assert.equal(requests.at(-1)?.res?.statusCode, 404);
        assert.equal(new Set(requests.map((l) => l.reqId)).size, paths.length, 'each with an id of its own');
        const messages = lines.map((l) => l.msg);
        assert.ok(messages.indexOf('shutting down') > messages.lastIndexOf('request completed'));
        assert.equal(messages.at(-1), 'stopped', 'the last line, written as the process exits');
      } finally {
        child.kill('SIGKILL');
      }
    });
  }
});
