import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { describe, test } from 'node:test';
import { buildTestApp } from '../test/helpers/build-test-app.js';
import { createLogger } from './shared/logger.js';

interface Line {
  msg?: string;
  level?: number;
  reqId?: string;
  req?: { method?: string; url?: string };
  res?: { statusCode?: number };
  responseTime?: number;
  cache?: string;
}

describe('the request log of a running app', () => {
  for (const quickLine of [true, false]) {
    test(`one line per answered request, from the framework and from the page cache${quickLine ? ' (its own quick line)' : ' (through the logger)'}, kept in batches and written when the app closes`, async () => {
      const writes: string[] = [];
      // No timed flush during the test: what is written before the close is what the batching wrote.
      const { log, lines, requestLine } = createLogger({ level: 'info', sink: { write: (chunk: Buffer) => void writes.push(chunk.toString('utf8')) }, flushIntervalMs: 3_600_000 });
      const t = await buildTestApp({ seed: true, env: { PAGE_CACHE: 'on' }, appOptions: { loggerInstance: log, ...(quickLine ? { requestLine } : {}) } });
      let closed = false;
      try {
        await t.app.listen({ host: '127.0.0.1', port: 0 });
        const base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
        const first = await fetch(`${base}/en/events`);
        await first.arrayBuffer();
        assert.equal(first.headers.get('x-cache'), 'MISS');
        const second = await fetch(`${base}/en/events`);
        await second.arrayBuffer();
        assert.equal(second.headers.get('x-cache'), 'HIT', 'answered by the front door');
        const missing = await fetch(`${base}/en/events/no-such-event`);
        await missing.arrayBuffer();
        assert.equal(missing.status, 404);
        assert.ok(lines.pending >= 3, 'the lines are kept');
        assert.ok(!writes.join('').includes('request completed'), 'and not written yet');

        await t.close();
        closed = true;
        const logged = writes
          .join('')
          .split('\n')
          .filter(Boolean)
          .map((line) => JSON.parse(line) as Line)
          .filter((l) => l.msg === 'request completed');
        assert.deepEqual(
          logged.map((l) => [l.req?.method, l.req?.url, l.res?.statusCode, l.cache]),
          [
            ['GET', '/en/events', 200, undefined],
            ['GET', '/en/events', 200, 'HIT'],
            ['GET', '/en/events/no-such-event', 404, undefined],
          ],
        );
        for (const line of logged) {
          assert.equal(line.level, 30);
          assert.equal(typeof line.responseTime, 'number');
          assert.equal(line.responseTime, Math.round(line.responseTime! * 1000) / 1000, `${line.req?.url}: milliseconds to the microsecond`);
          assert.match(line.reqId ?? '', /^req-[0-9a-z]+$/);
        }
        assert.equal(new Set(logged.map((l) => l.reqId)).size, 3, 'the front door and the framework never share an id');
      } finally {
        if (!closed) await t.close();
        lines.close();
      }
    });
  }

  test('at warn, answered requests write no line', async () => {
    const writes: string[] = [];
    const { log, lines } = createLogger({ level: 'warn', sink: { write: (chunk: Buffer) => void writes.push(chunk.toString('utf8')) } });
    const t = await buildTestApp({ seed: true, env: { PAGE_CACHE: 'on' }, appOptions: { loggerInstance: log } });
    try {
      await t.app.listen({ host: '127.0.0.1', port: 0 });
      const base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
      for (let i = 0; i < 2; i += 1) await (await fetch(`${base}/en/events`)).arrayBuffer();
      log.warn('a warning');
    } finally {
      await t.close();
      lines.close();
    }
    const written = writes.join('');
    assert.ok(written.includes('a warning'), 'the logger works');
    assert.ok(!written.includes('request completed'));
  });
});
