/**
 * The server's log: JSON lines (pino) on standard output, written in batches.
 *
 * Every answered request is logged, and a cached page is served in a few
 * microseconds: writing each line with a system call of its own cost more
 * than serving the page. Lines are therefore gathered and written together,
 * once LOG_BATCH_CHARS have gathered, and at the latest LOG_FLUSH_INTERVAL_MS
 * after they were logged; a warning or an error is written before the
 * logger returns, with the lines kept before it (it may be the last line
 * before an exit). Nothing is lost on a stop: a stopping server waits until
 * the log is written (`whenWritten`), and the process writes what is left
 * when it exits (`process.exit`, an uncaught exception). Only a process
 * killed outright (SIGKILL, the kernel out of memory) loses its last second
 * of lines.
 *
 * The batches are written asynchronously (pino's own destination, which
 * copes with partial writes, a busy pipe and a reader gone), as pino's
 * default destination wrote each line: a log reader that falls behind never
 * holds up the server. What waits to be written is bounded
 * (LOG_MAX_PENDING_BYTES); past that, lines are dropped and counted.
 */
import { hostname } from 'node:os';
import pino, { type Level, type LevelWithSilent, type Logger } from 'pino';

/** pino's level numbers: info; warn and above are written at once. */
const INFO_LEVEL = 30;
const WARN_LEVEL = 40;

/**
 * Write once this many characters of lines have gathered (about 250 request
 * lines). Each write wakes one of libuv's threads and comes back to the
 * server as a callback: with batches of 16 KB this cost a cached page a
 * tenth of its time under load; 64 KB still fits a pipe's buffer at once.
 */
export const LOG_BATCH_CHARS = 64 * 1024;
/** The longest a line waits before it is written. */
export const LOG_FLUSH_INTERVAL_MS = 1000;

/** At most this much log waits for a slow reader; later lines are dropped until it catches up. */
export const LOG_MAX_PENDING_BYTES = 8 * 1024 * 1024;

/** Where the batches go: standard output by default (StreamSink). */
export interface LogSink {
  write(chunk: string): unknown;
  /** Calls `done` once everything handed to the sink is written. */
  whenWritten?(done: () => void): void;
  /** Writes `chunk` before returning (a warning or an error; the process exiting). */
  writeSync?(chunk: string): void;
  /** Writes before returning what the sink still holds that is not being written (the process exiting). */
  flushSync?(): void;
}

/**
 * A file descriptor (standard output) written asynchronously through pino's
 * destination, counting the bytes handed and written so that a stop can
 * wait until the log is out.
 */
export class StreamSink implements LogSink {
  readonly #out: ReturnType<typeof pino.destination>;
  /** The same descriptor written synchronously, for what must be out before the server goes on. */
  readonly #outNow: ReturnType<typeof pino.destination>;
  #handed = 0;
  #written = 0;
  #failed = false;
  #waiting: (() => void)[] = [];
  /** Lines dropped because too much was waiting for the reader. */
  dropped = 0;

  constructor(fd: number, maxPendingBytes = LOG_MAX_PENDING_BYTES) {
    this.#out = pino.destination({ dest: fd, sync: false, maxLength: maxPendingBytes });
    this.#outNow = pino.destination({ dest: fd, sync: true });
    this.#out.on('write', (n: number) => {
      this.#written += n;
      this.#settle();
    });
    this.#out.on('drop', (data: string) => {
      this.dropped += 1;
      this.#handed -= Buffer.byteLength(data);
      this.#settle();
    });
    // A reader gone (EPIPE) is handled by the destination itself; nobody waits for a log that cannot be written.
    this.#out.on('error', (error: Error) => {
      if (!this.#failed) process.stderr.write(`The log could not be written: ${error.message}\n`);
      this.#failed = true;
      this.#settle();
    });
  }

  write(chunk: string): void {
    this.#handed += Buffer.byteLength(chunk);
    this.#out.write(chunk);
  }

  whenWritten(done: () => void): void {
    this.#waiting.push(done);
    this.#settle();
  }

  writeSync(chunk: string): void {
    if (!this.#failed) this.#outNow.write(chunk);
  }

  flushSync(): void {
    if (!this.#failed) this.#out.flushSync();
  }

  #settle(): void {
    if (this.#waiting.length > 0 && (this.#failed || this.#written >= this.#handed)) for (const done of this.#waiting.splice(0)) done();
  }
}

export interface BatchOptions {
  batchChars?: number;
  flushIntervalMs?: number;
}

/**
 * A pino destination that keeps lines and writes them to `sink` in batches
 * (see above). `flush` writes what is kept; `close` also stops the timer.
 */
export class BatchedLines {
  #lines: string[] = [];
  #chars = 0;
  readonly #sink: LogSink;
  readonly #batchChars: number;
  readonly #timer: NodeJS.Timeout;
  /** pino tells the level of each line before writing it (see pino's "metadata" destinations). */
  readonly [pino.symbols.needsMetadataGsym] = true;
  lastLevel = 0;

  constructor(sink: LogSink, options: BatchOptions = {}) {
    this.#sink = sink;
    this.#batchChars = options.batchChars ?? LOG_BATCH_CHARS;
    // Lines logged in a quiet moment still come out within the interval; the timer never keeps the process alive.
    this.#timer = setInterval(() => this.flush(), options.flushIntervalMs ?? LOG_FLUSH_INTERVAL_MS);
    this.#timer.unref();
  }

  /** Lines kept, not yet written. */
  get pending(): number {
    return this.#lines.length;
  }

  write(line: string): void {
    this.#lines.push(line);
    this.#chars += line.length;
    // A warning or an error goes out before the server goes on (it may be the last line before an exit).
    if (this.lastLevel >= WARN_LEVEL) this.#writeNow();
    else if (this.#chars >= this.#batchChars) this.flush();
  }

  /** Writes the kept lines before returning (a sink that cannot is written as usual). */
  #writeNow(): void {
    if (!this.#sink.writeSync) return this.flush();
    const chunk = this.#lines.join('');
    this.#lines = [];
    this.#chars = 0;
    this.#sink.writeSync(chunk);
  }

  /**
   * Hands every kept line to the sink now, in one write (pino's
   * `logger.flush(done)` calls this); `done` is called once the sink has
   * written it.
   */
  flush(done?: (error?: Error) => void): void {
    if (this.#lines.length > 0) {
      const chunk = this.#lines.length === 1 ? this.#lines[0]! : this.#lines.join('');
      this.#lines = [];
      this.#chars = 0;
      this.#sink.write(chunk);
    }
    if (done) {
      if (this.#sink.whenWritten) this.#sink.whenWritten(() => done());
      else done();
    }
  }

  /** Everything logged so far, written (a stopping server awaits it). */
  whenWritten(): Promise<void> {
    return new Promise((resolve) => this.flush(() => resolve()));
  }

  /** Writes what is kept, at once, and stops the timer; later lines are written at once (the process is exiting). */
  close(): void {
    clearInterval(this.#timer);
    this.#sink.flushSync?.();
    this.#writeNow();
    this.write = (line) => {
      this.#lines.push(line);
      this.#writeNow();
    };
  }
}

/** What the line of an answered request says (the framework's `request completed` line, plus how the cache answered). */
export interface RequestLineFields {
  reqId: string;
  method: string;
  url: string;
  statusCode: number;
  /** Milliseconds. */
  responseTime: number;
  cache: 'HIT';
}

/** Writes the line of an answered request, at info, whatever the logger's level (the caller checks it). */
export type RequestLineWriter = (fields: RequestLineFields) => void;

export interface LoggerOptions extends BatchOptions {
  level: LevelWithSilent;
  /** Standard output by default. */
  sink?: LogSink;
  /** Flush when the process exits (the server; not a test's logger). */
  flushOnExit?: boolean;
}

/**
 * A pino logger writing JSON lines in batches, with the destination that
 * keeps them, and `requestLine`, which writes the line of a request that the
 * page cache answered: the very line `log.info({ reqId, req: { method, url },
 * res: { statusCode }, responseTime, cache }, 'request completed')` writes,
 * put together directly. A stored page is answered in a few microseconds,
 * and pino's general path (serializers, a look at every field's type) took
 * about as long again.
 */
export function createLogger(options: LoggerOptions): { log: Logger; lines: BatchedLines; requestLine: RequestLineWriter } {
  const sink = options.sink ?? new StreamSink(1);
  const lines = new BatchedLines(sink, options);
  if (options.flushOnExit) process.on('exit', () => lines.close());
  // pino's own default bindings, spelt out so that requestLine writes the same.
  const base = { pid: process.pid, hostname: hostname() };
  const log = pino({ level: options.level, base }, lines);
  const bindings = `,${JSON.stringify(base).slice(1, -1)}`;
  // The line's fixed parts, put together once; the time's digits change at most once a millisecond.
  const head = `{"level":${INFO_LEVEL},"time":`;
  const afterTime = `${bindings},"reqId":`;
  let lastTime = -1;
  let lastTimeText = '';
  const requestLine: RequestLineWriter = (fields) => {
    const time = Date.now();
    if (time !== lastTime) {
      lastTime = time;
      lastTimeText = String(time);
    }
    lines.lastLevel = INFO_LEVEL;
    lines.write(
      `${head}${lastTimeText}${afterTime}${jsonString(fields.reqId)},"req":{"method":${jsonString(fields.method)},"url":${jsonString(fields.url)}},"res":{"statusCode":${fields.statusCode}},"responseTime":${fields.responseTime},"cache":${jsonString(fields.cache)},"msg":"request completed"}\n`,
    );
  };
  return { log, lines, requestLine };
}

/** Strings JSON writes as they are between quotes: printable ASCII but the quote and the backslash. */
const PLAIN_JSON_STRING = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;

/**
 * `JSON.stringify(text)`, quicker for the usual request id, method and
 * address, which need no escaping (JSON.stringify costs a short string
 * about as much as the rest of the line).
 */
export function jsonString(text: string): string {
  return PLAIN_JSON_STRING.test(text) ? `"${text}"` : JSON.stringify(text);
}

/** Levels at which each answered request is logged. */
const REQUEST_LEVELS: ReadonlySet<string> = new Set<Level>(['trace', 'debug', 'info']);

/** Whether a logger at `level` logs each answered request. */
export function logsRequests(level: string): boolean {
  return REQUEST_LEVELS.has(level);
}

/**
 * Request ids, `req-1`, `req-2`, … in base 36 as the framework makes them,
 * from one sequence for the requests the framework answers and those the page
 * cache answers before it, so that no two lines share an id. Wraps at 2³¹.
 */
export function requestIds(): () => string {
  let next = 0;
  return () => {
    next = (next + 1) & 0x7fffffff;
    return `req-${next.toString(36)}`;
  };
}
