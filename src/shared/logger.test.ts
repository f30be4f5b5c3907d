import assert from 'node:assert/strict';
import { pbkdf2 } from 'node:crypto';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { tempDirForBlock } from '../../test/helpers/temp-dir.js';
import { BatchedLines, createLogger, DEFERRED_LINES, jsonString, logsRequests, requestIds, requestIdText, StreamSink } from './logger.js';

/** A sink that records each write it is given. */
function recordingSink(): { writes: string[]; write(chunk: Buffer): void } {
  const writes: string[] = [];
  return { writes, write: (chunk) => void writes.push(chunk.toString('utf8')) };
}

const parsed = (writes: string[]) =>
  writes
    .join('')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);

describe('the batched log destination', () => {
  test('keeps lines until a batch has gathered, then writes them in one write, in order', () => {
    const sink = recordingSink();
    const lines = new BatchedLines(sink, { batchBytes: 30 });
    try {
      lines.write('first line\n');
      lines.write('second line\n');
      assert.deepEqual(sink.writes, [], 'nothing written before the batch is full');
      assert.equal(lines.pending, 2);
      lines.write('third line\n');
      assert.deepEqual(sink.writes, ['first line\nsecond line\nthird line\n']);
      assert.equal(lines.pending, 0);
    } finally {
      lines.close();
    }
  });

  test('a batch handed to the sink keeps its bytes while later lines are kept and written', () => {
    const kept: Buffer[] = [];
    const lines = new BatchedLines({ write: (chunk) => void kept.push(chunk) }, { batchBytes: 20 });
    try {
      for (const letter of 'abcdef') lines.write(`${letter.repeat(10)}\n`);
      lines.write('rest\n');
      lines.flush();
      assert.deepEqual(
        kept.map((chunk) => chunk.toString('utf8')),
        ['aaaaaaaaaa\nbbbbbbbbbb\n', 'cccccccccc\ndddddddddd\n', 'eeeeeeeeee\nffffffffff\n', 'rest\n'],
      );
    } finally {
      lines.close();
    }
  });

  test('flush writes what is kept at once, and nothing when nothing is kept', () => {
    const sink = recordingSink();
    const lines = new BatchedLines(sink);
    try {
      lines.flush();
      assert.deepEqual(sink.writes, []);
      lines.write('a\n');
      lines.write('b\n');
      let called = false;
      lines.flush(() => (called = true));
      assert.deepEqual(sink.writes, ['a\nb\n']);
      assert.ok(called, 'the callback pino passes is called');
    } finally {
      lines.close();
    }
  });

  test('writes lines logged in a quiet moment when the interval comes round', (t) => {
    t.mock.timers.enable({ apis: ['setInterval'] });
    const sink = recordingSink();
    const lines = new BatchedLines(sink, { flushIntervalMs: 1000 });
    try {
      lines.write('quiet\n');
      t.mock.timers.tick(999);
      assert.deepEqual(sink.writes, []);
      t.mock.timers.tick(1);
      assert.deepEqual(sink.writes, ['quiet\n']);
    } finally {
      lines.close();
    }
  });

  test('close writes what is kept, and later lines go straight through', () => {
    const sink = recordingSink();
    const lines = new BatchedLines(sink);
    lines.write('kept\n');
    lines.close();
    assert.deepEqual(sink.writes, ['kept\n']);
    lines.write('after\n');
    assert.deepEqual(sink.writes, ['kept\n', 'after\n']);
  });
});

describe('the standard output sink', () => {
  let dir: string;
  tempDirForBlock('almanac-log-', (made) => (dir = made));

  test('writes asynchronously, tells when all is written, and writes at once on writeSync', async () => {
    const path = join(dir, 'out.log');
    const fd = openSync(path, 'w');
    try {
      const sink = new StreamSink(fd);
      sink.write(Buffer.from('one\n'));
      sink.write(Buffer.from('two\n'));
      await new Promise<void>((resolve) => sink.whenWritten(resolve));
      assert.equal(readFileSync(path, 'utf8'), 'one\ntwo\n');
      sink.writeSync(Buffer.from('three\n'));
      assert.equal(readFileSync(path, 'utf8'), 'one\ntwo\nthree\n');
      await new Promise<void>((resolve) => sink.whenWritten(resolve));
    } finally {
      closeSync(fd);
    }
  });

  test('writes what must be out at once after the batches still being written, never before them', async () => {
    const path = join(dir, 'ordered.log');
    const fd = openSync(path, 'w');
    // Every thread of libuv's pool busy, so that the batch's asynchronous write waits in the pool's queue.
    const threads = Number(process.env.UV_THREADPOOL_SIZE ?? 4);
    const busy = Array.from({ length: threads }, () => new Promise((resolve) => pbkdf2('busy', 'salt', 300_000, 32, 'sha256', resolve)));
    try {
      const sink = new StreamSink(fd);
      sink.write(Buffer.from('request line\n'));
      sink.writeSync(Buffer.from('warning\n'));
      await new Promise<void>((resolve) => sink.whenWritten(resolve));
      assert.equal(readFileSync(path, 'utf8'), 'request line\nwarning\n');
      // Nothing waiting any more: written before writeSync returns.
      sink.writeSync(Buffer.from('error\n'));
      assert.equal(readFileSync(path, 'utf8'), 'request line\nwarning\nerror\n');
    } finally {
      await Promise.all(busy);
      closeSync(fd);
    }
  });

  test('drops and counts lines past the bound while the reader is behind, and still tells when the rest is written', async () => {
    const path = join(dir, 'bounded.log');
    const fd = openSync(path, 'w');
    try {
      const sink = new StreamSink(fd, 10);
      sink.write(Buffer.from('aaaa\n'));
      sink.write(Buffer.from('bbbbbbbbbbbb\n'));
      assert.equal(sink.dropped, 1);
      await new Promise<void>((resolve) => sink.whenWritten(resolve));
      assert.equal(readFileSync(path, 'utf8'), 'aaaa\n');
    } finally {
      closeSync(fd);
    }
  });

  test("the batched lines' flush waits for the sink to have written them", async () => {
    const writes: string[] = [];
    let release: (() => void) | undefined;
    const sink = { write: (chunk: Buffer) => void writes.push(chunk.toString('utf8')), whenWritten: (done: () => void) => (release = done) };
    const lines = new BatchedLines(sink);
    try {
      lines.write('x\n');
      let written = false;
      const waiting = lines.whenWritten().then(() => (written = true));
      assert.deepEqual(writes, ['x\n']);
      await new Promise((resolve) => setImmediate(resolve));
      assert.equal(written, false, 'not before the sink says so');
      release!();
      await waiting;
      assert.equal(written, true);
    } finally {
      lines.close();
    }
  });
});

describe('createLogger', () => {
  test('writes pino JSON lines at the level asked for, kept until a warning or a flush', () => {
    const sink = recordingSink();
    const { log, lines } = createLogger({ level: 'info', sink });
    try {
      log.debug('not at info');
      log.info({ req: { method: 'GET', url: '/en/events' } }, 'request completed');
      assert.deepEqual(sink.writes, [], 'kept, not yet written');
      log.warn('a warning');
      assert.equal(sink.writes.length, 1, 'a warning is written at once, in one write with the line before it');
      const written = parsed(sink.writes);
      assert.deepEqual(
        written.map((l) => [l.level, l.msg]),
        [
          [30, 'request completed'],
          [40, 'a warning'],
        ],
      );
      assert.deepEqual(written[0]!.req, { method: 'GET', url: '/en/events' });
      log.info('later');
      assert.equal(sink.writes.length, 1);
      log.flush();
      assert.deepEqual(parsed(sink.writes.slice(1)).map((l) => l.msg), ['later']);
    } finally {
      lines.close();
    }
  });

  test('requestLine writes the very line pino writes for the same request, answered by the page cache or not, with the time to the microsecond, kept with the others', (t) => {
    t.mock.timers.enable({ apis: ['Date'], now: 1_764_900_000_123 });
    const sink = recordingSink();
    const { log, lines, requestLine } = createLogger({ level: 'info', sink });
    try {
      const cases = [
        { method: 'GET', statusCode: 304, url: '/en/events', took: 0.061234567, shown: 0.061 },
        { method: 'GET', statusCode: 200, url: '/vi/sự-kiện?q="a\\b"&x=', took: 12.3455, shown: 12.346 },
        { method: 'HEAD', statusCode: 200, url: '/en/articles', took: 1.5, shown: 1.5 },
        { method: 'HEAD', statusCode: 304, url: '/en/', took: 0.0004, shown: 0 },
        // Answered by the framework, not the page cache: no cache field.
        { method: 'GET', statusCode: 200, url: '/en/events?page=2', took: 0.512345, shown: 0.512, framework: true },
        { method: 'POST', statusCode: 303, url: '/admin/events/4', took: 31.25, shown: 31.25, framework: true },
      ];
      for (const { method, statusCode, url, took, shown, framework } of cases) {
        const fields = { reqId: 'req-1z', method, url, statusCode, ...(framework ? {} : { cache: 'HIT' as const }) };
        log.info({ reqId: fields.reqId, req: { method: fields.method, url }, res: { statusCode: fields.statusCode }, responseTime: shown, cache: fields.cache }, 'request completed');
        requestLine({ ...fields, responseTime: took });
        // The next request a few milliseconds later: its line carries its own time.
        t.mock.timers.tick(7);
      }
      assert.deepEqual(sink.writes, []);
      log.flush();
      const written = sink.writes.join('').split(/(?<=\n)/);
      assert.equal(written.length, 2 * cases.length);
      assert.ok(written[0]!.includes('"url":"/en/events"'), written[0]);
      for (let i = 0; i < cases.length; i += 1) assert.equal(written[2 * i + 1], written[2 * i], `the line of ${cases[i]!.url}`);
      assert.equal((JSON.parse(written[3]!) as { req: { url: string } }).req.url, '/vi/sự-kiện?q="a\\b"&x=');
    } finally {
      lines.close();
    }
  });

  test('request lines and pino lines fill batches of bytes in order, and a line longer than a batch goes out on its own after those kept', () => {
    const sink = recordingSink();
    const { log, lines, requestLine } = createLogger({ level: 'info', sink, batchBytes: 1000 });
    try {
      const expected: string[] = [];
      for (let i = 0; i < 40; i += 1) {
        if (i % 3 === 0) {
          log.info(`hội thảo ${i}`);
          expected.push(`hội thảo ${i}`);
        } else {
          requestLine({ reqId: `req-${i}`, method: 'GET', url: `/vi/sự-kiện/${i}`, statusCode: 200, responseTime: 0.5, cache: 'HIT' });
          expected.push('request completed');
        }
      }
      assert.ok(sink.writes.length >= 3, 'several batches were written');
      for (const chunk of sink.writes.slice(0, -1)) assert.ok(Buffer.byteLength(chunk) >= 1000 && Buffer.byteLength(chunk) < 2000, 'each a full batch');
      const long = 'x'.repeat(1500);
      log.info(long);
      expected.push(long);
      log.info('after');
      expected.push('after');
      log.flush();
      assert.deepEqual(parsed(sink.writes).map((l) => l.msg), expected);
      assert.ok(sink.writes.includes(`${JSON.stringify(JSON.parse(sink.writes.find((w) => w.includes(long))!))}\n`), 'the long line alone in its write');
      // A request line too long for a batch is written whole as well.
      const url = `/en/search?q=${'y'.repeat(1200)}`;
      requestLine({ reqId: 'req-z', method: 'GET', url, statusCode: 200, responseTime: 2, cache: 'HIT' });
      log.flush();
      assert.equal((JSON.parse(sink.writes.at(-1)!) as { req: { url: string } }).req.url, url);
    } finally {
      lines.close();
    }
  });

  test('a string in the request line is written as JSON.stringify writes it, whatever its characters', () => {
    for (const text of ['', 'req-1z', 'GET', '/en/events?page=2', '"', '\\', '/a"b\\c', '\u0000\u001f', '\u007f', 'sự-kiện', '\u2028', '\ud800', 'a\udc00b', '😀']) {
      assert.equal(jsonString(text), JSON.stringify(text), JSON.stringify(text));
    }
    // Fixed, so that a failure reproduces; fast-check prints the seed and path of any counterexample.
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => jsonString(text) === JSON.stringify(text)),
      { seed: 20261205, numRuns: 2000 },
    );
    // The request line writes its strings into its bytes the same way.
    const sink = recordingSink();
    const { lines, requestLine } = createLogger({ level: 'info', sink });
    try {
      const texts = fc.sample(fc.string({ unit: 'binary' }), { seed: 20261205, numRuns: 300 });
      for (const text of texts) requestLine({ reqId: 'req-1', method: 'GET', url: text, statusCode: 200, responseTime: 1, cache: 'HIT' });
      lines.flush();
      const written = sink.writes.join('').split(/(?<=\n)/);
      assert.equal(written.length, texts.length);
      texts.forEach((text, i) => assert.ok(written[i]!.includes(`"url":${JSON.stringify(text)}}`), JSON.stringify(text)));
    } finally {
      lines.close();
    }
  });

  test('a warning, and every line after close, is written before the logger returns, with the lines kept before it', () => {
    const written: string[] = [];
    const handed: string[] = [];
    const sink = { write: (chunk: Buffer) => void handed.push(chunk.toString('utf8')), writeSync: (chunk: Buffer) => void written.push(chunk.toString('utf8')) };
    const { log, lines } = createLogger({ level: 'info', sink });
    try {
      log.info('before');
      log.error('failed');
      assert.deepEqual(handed, []);
      assert.deepEqual(parsed(written).map((l) => l.msg), ['before', 'failed']);
      log.info('kept');
      lines.close();
      log.info('after close');
      assert.deepEqual(parsed(written).map((l) => l.msg), ['before', 'failed', 'kept', 'after close']);
      assert.deepEqual(handed, []);
    } finally {
      lines.close();
    }
  });

  test('a request line recorded before a warning is written with it, before the logger returns, and in its place', () => {
    const written: string[] = [];
    const handed: string[] = [];
    const sink = { write: (chunk: Buffer) => void handed.push(chunk.toString('utf8')), writeSync: (chunk: Buffer) => void written.push(chunk.toString('utf8')) };
    const { log, lines, requestLine } = createLogger({ level: 'info', sink });
    try {
      log.info('before');
      requestLine({ reqId: 7, method: 'GET', url: '/en/events', statusCode: 200, responseTime: 0.02, cache: 'HIT' });
      assert.equal(lines.pending, 2, 'the recorded line counts as kept');
      log.warn('slow database');
      assert.deepEqual(handed, []);
      assert.deepEqual(parsed(written).map((l) => [l.msg, l.level, l.reqId]), [
        ['before', 30, undefined],
        ['request completed', 30, 'req-7'],
        ['slow database', 40, undefined],
      ]);
      // After the warning, lines are kept again: the warning's level went with it.
      requestLine({ reqId: 'req-8', method: 'GET', url: '/en/articles', statusCode: 200, responseTime: 0.02, cache: 'HIT' });
      log.info('after');
      assert.equal(parsed(written).length, 3);
      assert.equal(lines.pending, 2);
      lines.close();
      assert.deepEqual(parsed(written).map((l) => [l.msg, l.reqId]).slice(3), [
        ['request completed', 'req-8'],
        ['after', undefined],
      ]);
      requestLine({ reqId: 9, method: 'GET', url: '/vi', statusCode: 304, responseTime: 0.01, cache: 'HIT' });
      assert.deepEqual(parsed(written).at(-1)!.reqId, 'req-9', 'after close, written before returning');
    } finally {
      lines.close();
    }
  });

  test('request lines alone fill batches of bytes, each recorded with its own values', () => {
    const sink = recordingSink();
    const { lines, requestLine } = createLogger({ level: 'info', sink, batchBytes: 1000 });
    try {
      const count = 5 * DEFERRED_LINES + 3;
      for (let i = 0; i < count; i += 1) requestLine({ reqId: i, method: i % 5 === 0 ? 'HEAD' : 'GET', url: `/en/events?page=${i}`, statusCode: i % 7 === 0 ? 304 : 200, responseTime: i / 1000, cache: 'HIT' });
      assert.ok(sink.writes.length >= 10, 'batches were written while lines were being recorded');
      for (const chunk of sink.writes) assert.ok(Buffer.byteLength(chunk) >= 1000 && Buffer.byteLength(chunk) < 2000, 'each a full batch');
      lines.flush();
      const written = parsed(sink.writes);
      assert.equal(written.length, count);
      written.forEach((line, i) => {
        assert.deepEqual(
          [line.reqId, line.req, line.res, line.responseTime],
          [`req-${i.toString(36)}`, { method: i % 5 === 0 ? 'HEAD' : 'GET', url: `/en/events?page=${i}` }, { statusCode: i % 7 === 0 ? 304 : 200 }, i / 1000],
        );
      });
    } finally {
      lines.close();
    }
  });

  test('flushOnExit writes kept lines when the process exits', () => {
    const sink = recordingSink();
    const exitListeners = process.listeners('exit');
    const { log, lines } = createLogger({ level: 'info', sink, flushOnExit: true });
    const added = process.listeners('exit').filter((l) => !exitListeners.includes(l));
    try {
      assert.equal(added.length, 1);
      log.info('last words');
      assert.deepEqual(sink.writes, []);
      added[0]!.call(process, 0);
      assert.deepEqual(
        parsed(sink.writes).map((l) => l.msg),
        ['last words'],
      );
    } finally {
      for (const listener of added) process.removeListener('exit', listener);
      lines.close();
    }
  });
});

describe('request ids and levels', () => {
  test('ids run req-1, req-2, … in base 36, each sequence on its own, numbers and texts from one sequence', () => {
    const ids = requestIds();
    const texts = Array.from({ length: 37 }, () => ids.nextText());
    assert.deepEqual(texts.slice(0, 3), ['req-1', 'req-2', 'req-3']);
    assert.equal(texts[35], 'req-10');
    assert.equal(new Set(texts).size, texts.length);
    assert.equal(ids.next(), 38, 'a number takes the next place in the same sequence');
    assert.equal(ids.nextText(), 'req-13');
    assert.equal(requestIdText(38), 'req-12');
    assert.equal(requestIds().nextText(), 'req-1');
  });

  test('requests are logged at info and below, not at warn and above', () => {
    assert.deepEqual(
      ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'].map(logsRequests),
      [true, true, true, false, false, false, false],
    );
  });
});
