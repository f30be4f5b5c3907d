import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { freePort, startServerProcess } from '../test/helpers/server-process.js';
import { tempDirForBlock } from '../test/helpers/temp-dir.js';

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
      const server = await startServerProcess({
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
      });
      const { child, exited } = server;
      try {
        // Fewer lines than a batch: none of them is written before the stop.
        const paths = ['/en/events', '/en/events', '/en/articles', '/en/events', '/vi/events', '/en/articles', '/en/no-such-page'];
        for (const path of paths) {
          const res = await fetch(`http://127.0.0.1:${port}${path}`);
          await res.arrayBuffer();
        }
        child.kill(signal);
        assert.equal(await exited, 0, server.output());
        const lines = server
          .output()
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
