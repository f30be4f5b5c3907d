/**
 * The server's log: JSON lines (pino) on standard output, written in batches.
 *
 * Every answered request is logged, and a cached page is served in a few
 * microseconds: writing each line with a system call of its own cost more
 * than serving the page. Lines are therefore gathered and written together,
 * once LOG_BATCH_BYTES have gathered, and at the latest LOG_FLUSH_INTERVAL_MS
 * after they were logged; a warning or an error is written before the
 * logger returns, with the lines kept before it (it may be the last line
 * before an exit), or, while an earlier batch is still being written, right
 * after that batch: lines never come out of order. Nothing is lost on a stop: a stopping server waits until
 * the log is written (`whenWritten`), and the process writes what is left
 * when it exits (`process.exit`, an uncaught exception). Only a process
 * killed outright (SIGKILL, the kernel out of memory) loses its last second
 * of lines.
 *
 * The batches are written asynchronously (pino's own destination, which
 * copes with partial writes, a busy pipe and a reader gone), as pino's
 * default destination wrote each line: a log reader that falls behind never
 * holds up the server. What waits to be written is bounded
 * (LOG_MAX_PENDING_BYTES); past that, batches of lines are dropped and counted.
 */
import { hostname } from 'node:os';
import pino, { type Level, type LevelWithSilent, type Logger } from 'pino';

/** pino's level numbers: info; warn and above are written at once. */
const INFO_LEVEL = 30;
const WARN_LEVEL = 40;

/**
 * Write once this many bytes of lines have gathered (about 250 request
 * lines). Each write wakes one of libuv's threads and comes back to the
 * server as a callback: with batches of 16 KB this cost a cached page a
 * tenth of its time under load; 64 KB still fits a pipe's buffer at once.
 */
export const LOG_BATCH_BYTES = 64 * 1024;
/** The longest a line waits before it is written. */
export const LOG_FLUSH_INTERVAL_MS = 1000;

/** At most this much log waits for a slow reader; later batches are dropped until it catches up. */
export const LOG_MAX_PENDING_BYTES = 8 * 1024 * 1024;

/** Where the batches go: standard output by default (StreamSink). A chunk handed over is the sink's to keep. */
export interface LogSink {
  write(chunk: Buffer): unknown;
  /** Calls `done` once everything handed to the sink is written. */
  whenWritten?(done: () => void): void;
  /** Writes `chunk` before returning (a warning or an error; the process exiting). */
  writeSync?(chunk: Buffer): void;
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
  /** Batches dropped because too much was waiting for the reader. */
  dropped = 0;

  constructor(fd: number, maxPendingBytes = LOG_MAX_PENDING_BYTES) {
    // Bytes, not text: the batches are encoded as the lines are kept.
    this.#out = pino.destination({ dest: fd, sync: false, maxLength: maxPendingBytes, contentMode: 'buffer' });
    this.#outNow = pino.destination({ dest: fd, sync: true, contentMode: 'buffer' });
    this.#out.on('write', (n: number) => {
      this.#written += n;
      this.#settle();
    });
    this.#out.on('drop', (data: Buffer) => {
      this.dropped += 1;
      this.#handed -= data.length;
      this.#settle();
    });
    // A reader gone (EPIPE) is handled by the destination itself; nobody waits for a log that cannot be written.
    this.#out.on('error', (error: Error) => {
      if (!this.#failed) process.stderr.write(`The log could not be written: ${error.message}\n`);
      this.#failed = true;
      this.#settle();
    });
  }

  write(chunk: Buffer): void {
    this.#handed += chunk.length;
    this.#out.write(chunk as unknown as string);
  }

  whenWritten(done: () => void): void {
    this.#waiting.push(done);
    this.#settle();
  }

  /**
   * Writes `chunk` before returning when nothing handed earlier is still
   * waiting to be written. Otherwise it goes after that, asynchronously: a
   * batch being written cannot be waited for here, and a line written past
   * it would come out before the lines logged before it. The process's exit
   * writes it in any case (`flushSync`).
   */
  writeSync(chunk: Buffer): void {
    if (this.#failed) return;
    if (this.#written < this.#handed) this.write(chunk);
    else this.#outNow.write(chunk as unknown as string);
  }

  flushSync(): void {
    if (!this.#failed) this.#out.flushSync();
  }

  #settle(): void {
    if (this.#waiting.length > 0 && (this.#failed || this.#written >= this.#handed)) for (const done of this.#waiting.splice(0)) done();
  }
}

/**
 * Lines recorded as a few values and put into words later, many at a time
 * (BatchedLines.defer): the request line of a stored page. Put into words
 * one at a time, between answers, each line took a stored page 3-4 µs of
 * its 35-40 µs of processor time (the code and the batch's bytes no longer
 * in the processor's caches after each answer), against 0.3-0.6 µs in a
 * loop; recording its values takes a small part of that.
 */
export interface DeferredLines {
  /** How many lines are recorded and not yet put into words. */
  readonly count: number;
  /** Puts every recorded line into the batch (`reserve`, `commit`), oldest first, and forgets them. */
  writeAll(): void;
}

/** Recorded lines are put into words once this many have gathered, or before anything else is written. */
export const DEFERRED_LINES = 64;

export interface BatchOptions {
  batchBytes?: number;
  flushIntervalMs?: number;
}

/**
 * A pino destination that keeps lines, encoded, and writes them to `sink` in
 * batches (see above). `flush` writes what is kept; `close` also stops the
 * timer.
 *
 * Lines are encoded into one buffer as they come, rather than kept as
 * strings and joined: a request line put together from a dozen pieces is a
 * tree of strings, and walking those trees at the join, then encoding the
 * joined text, cost a stored page more than the line's own work. The
 * request line is written straight into the buffer (`reserve`, `commit`).
 */
export class BatchedLines {
  readonly #buffer: Buffer;
  #end = 0;
  #count = 0;
  readonly #sink: LogSink;
  /** Lines recorded, to be put into words before anything else is written (`defer`). */
  #deferred: DeferredLines | undefined;
  #writingDeferred = false;
  /** Lines of at most this many bytes are kept; a batch is written once it holds as many. */
  readonly batchBytes: number;
  readonly #timer: NodeJS.Timeout;
  #closed = false;
  /** pino tells the level of each line before writing it (see pino's "metadata" destinations). */
  readonly [pino.symbols.needsMetadataGsym] = true;
  lastLevel = 0;

  constructor(sink: LogSink, options: BatchOptions = {}) {
    this.#sink = sink;
    this.batchBytes = options.batchBytes ?? LOG_BATCH_BYTES;
    // Room for a full batch and one more kept line, the longest kept.
    this.#buffer = Buffer.allocUnsafeSlow(2 * this.batchBytes);
    // Lines logged in a quiet moment still come out within the interval; the timer never keeps the process alive.
    this.#timer = setInterval(() => this.flush(), options.flushIntervalMs ?? LOG_FLUSH_INTERVAL_MS);
    this.#timer.unref();
  }

  /** Lines kept, not yet written. */
  get pending(): number {
    return this.#count + (this.#deferred?.count ?? 0);
  }

  /**
   * Takes lines recorded by `source` (see DeferredLines): they are put into
   * words, in order, before any other line is kept and before a batch is
   * written, so they come out where they would have.
   */
  defer(source: DeferredLines): void {
    this.#deferred = source;
  }

  /** `source` has recorded a line: written now after close, put into words once DEFERRED_LINES have gathered. */
  recorded(): void {
    if (this.#closed) this.#handOver();
    else if (this.#deferred !== undefined && this.#deferred.count >= DEFERRED_LINES) this.#writeDeferred();
  }

  /** Puts the recorded lines into words, as info lines; the level of the line being logged is kept for it. */
  #writeDeferred(): void {
    if (this.#deferred === undefined || this.#deferred.count === 0 || this.#writingDeferred) return;
    const level = this.lastLevel;
    this.#writingDeferred = true;
    try {
      this.lastLevel = INFO_LEVEL;
      this.#deferred.writeAll();
    } finally {
      this.#writingDeferred = false;
      this.lastLevel = level;
    }
  }

  /** A line from pino. One longer than a batch is written on its own, after those kept. */
  write(line: string): void {
    this.#writeDeferred();
    // At most three bytes a UTF-16 unit; the exact length only when that bound does not fit.
    if (3 * line.length > this.#buffer.length - this.#end) {
      const bytes = Buffer.byteLength(line);
      if (bytes > this.batchBytes) {
        if (this.#urgent()) {
          this.#handOver();
          if (this.#sink.writeSync) this.#sink.writeSync(Buffer.from(line));
          else this.#sink.write(Buffer.from(line));
        } else {
          this.flush();
          this.#sink.write(Buffer.from(line));
        }
        return;
      }
      this.reserve(bytes);
    }
    this.commit(this.#end + this.#buffer.write(line, this.#end));
  }

  /**
   * Where a line of at most `bytes` (no more than `batchBytes`) is to be
   * written in `buffer`; `commit` with the offset after it keeps it.
   */
  reserve(bytes: number): number {
    if (this.#end + bytes > this.#buffer.length) this.flush();
    return this.#end;
  }

  /** The buffer `reserve` points into. */
  get buffer(): Buffer {
    return this.#buffer;
  }

  /** Keeps the line written from the reserved offset to `end`, and writes the batch if it is due. */
  commit(end: number): void {
    this.#end = end;
    this.#count += 1;
    // A warning or an error goes out before the server goes on (it may be the last line before an exit); so does everything after close.
    if (this.#urgent()) this.#handOver();
    else if (end >= this.batchBytes) this.flush();
  }

  /** Whether lines must be out before the logger returns: a warning or an error, or the process exiting. */
  #urgent(): boolean {
    return this.lastLevel >= WARN_LEVEL || this.#closed;
  }

  /**
   * What is kept, copied out for the sink to keep until it is written (a
   * copy of its exact length: what waits for a slow reader is what it
   * counts), or undefined when nothing is. The buffer is used again.
   */
  #take(): Buffer | undefined {
    if (this.#end === 0) return undefined;
    const chunk = Buffer.from(this.#buffer.subarray(0, this.#end));
    this.#end = 0;
    this.#count = 0;
    return chunk;
  }

  /** Writes the kept lines before returning when the sink can, else as a batch. */
  #handOver(): void {
    if (!this.#sink.writeSync) return this.flush();
    this.#writeDeferred();
    const chunk = this.#take();
    if (chunk) this.#sink.writeSync(chunk);
  }

  /**
   * Hands every kept line to the sink now, in one write (pino's
   * `logger.flush(done)` calls this); `done` is called once the sink has
   * written it.
   */
  flush(done?: (error?: Error) => void): void {
    this.#writeDeferred();
    const chunk = this.#take();
    if (chunk) this.#sink.write(chunk);
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
    this.#writeDeferred();
    this.#sink.flushSync?.();
    this.#handOver();
    this.#closed = true;
  }
}

/** What the line of an answered request says (the framework's `request completed` line, plus how the cache answered). */
export interface RequestLineFields {
  /** The id, or its number from `requestIds().next()`. */
  reqId: string | number;
  method: string;
  url: string;
  statusCode: number;
  /** Milliseconds. */
  responseTime: number;
  /** The page cache's answer, for a request it answered; none for a request the framework answered. */
  cache?: 'HIT';
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

/** `bytes` at `at` in `buffer`; the offset after them. */
function putBytes(buffer: Buffer, at: number, bytes: Buffer): number {
  buffer.set(bytes, at);
  return at + bytes.length;
}

/** `text`'s bytes at `at` in `buffer`, for text known to be ASCII; the offset after them. */
function putAscii(buffer: Buffer, at: number, text: string): number {
  for (let i = 0; i < text.length; i += 1) buffer[at + i] = text.charCodeAt(i);
  return at + text.length;
}

/** `jsonString(text)` at `at` in `buffer`, in UTF-8; the offset after it. Room for 6 bytes a character and the quotes. */
function putJsonString(buffer: Buffer, at: number, text: string): number {
  buffer[at] = QUOTE;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    // Anything but printable ASCII other than the quote and the backslash: JSON.stringify decides.
    if (code < 0x20 || code > 0x7e || code === QUOTE || code === BACKSLASH) return at + buffer.write(JSON.stringify(text), at);
    buffer[at + 1 + i] = code;
  }
  buffer[at + 1 + text.length] = QUOTE;
  return at + text.length + 2;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * A pino logger writing JSON lines in batches, with the destination that
 * keeps them, and `requestLine`, which writes the line of an answered request
 * (by the page cache, with its `cache`, or by the framework, without): the
 * very line `log.info({ reqId, req: { method, url }, res: { statusCode },
 * responseTime, cache }, 'request completed')` writes, with the response
 * time to the microsecond and the time it was logged at, put together
 * directly in the batch's bytes. A stored page is answered in a few
 * microseconds, and pino's general path (serializers, a look at every
 * field's type) took about as long again; so did writing the response time
 * with all its digits. An uncached article page spent 14-28 µs of its 200
 * µs on its line through pino. The line is recorded as its values and put
 * into words with the next lines (see DeferredLines).
 */
export function createLogger(options: LoggerOptions): { log: Logger; lines: BatchedLines; requestLine: RequestLineWriter } {
  const sink = options.sink ?? new StreamSink(1);
  const lines = new BatchedLines(sink, options);
  if (options.flushOnExit) process.on('exit', () => lines.close());
  // pino's own default bindings, spelt out so that the request lines say the same.
  const base = { pid: process.pid, hostname: hostname() };
  const log = pino({ level: options.level, base }, lines);
  const recorded = new RecordedRequestLines(lines, base);
  lines.defer(recorded);
  return { log, lines, requestLine: (fields) => recorded.record(fields) };
}

/**
 * Request lines as their values (times and numbers in typed arrays, the
 * strings by reference), put into words in the batch's bytes when the batch
 * asks (DeferredLines).
 */
class RecordedRequestLines implements DeferredLines {
  count = 0;
  readonly #times = new Float64Array(DEFERRED_LINES);
  readonly #tooks = new Float64Array(DEFERRED_LINES);
  readonly #statuses = new Uint16Array(DEFERRED_LINES);
  readonly #ids: (string | number)[] = new Array<string | number>(DEFERRED_LINES).fill(0);
  readonly #methods: string[] = new Array<string>(DEFERRED_LINES).fill('');
  readonly #urls: string[] = new Array<string>(DEFERRED_LINES).fill('');
  readonly #caches: (string | undefined)[] = new Array<string | undefined>(DEFERRED_LINES).fill(undefined);
  readonly #lines: BatchedLines;
  // The line's fixed parts, encoded once, and joined around the values most lines have (a GET, a 200, a hit).
  readonly #head = `{"level":${INFO_LEVEL},"time":`;
  readonly #afterTime: string;
  readonly #beforeMethod = Buffer.from(',"req":{"method":');
  readonly #beforeUrl = Buffer.from(',"url":');
  readonly #getMethod = Buffer.from(',"req":{"method":"GET","url":');
  readonly #beforeStatus = Buffer.from('},"res":{"statusCode":');
  readonly #beforeTime = Buffer.from('},"responseTime":');
  readonly #okStatus = Buffer.from('},"res":{"statusCode":200},"responseTime":');
  readonly #beforeCache = Buffer.from(',"cache":');
  readonly #tail = Buffer.from(',"msg":"request completed"}\n');
  readonly #hitTail = Buffer.from(',"cache":"HIT","msg":"request completed"}\n');
  /** The most bytes a line's fixed parts and numbers take (the host name may be other than ASCII). */
  readonly #fixedBytes: number;
  // Everything before the request id, encoded again when the millisecond changes.
  #lastTime = -1;
  #lastTimeText = '';
  #untilId = Buffer.alloc(0);

  constructor(lines: BatchedLines, base: { pid: number; hostname: string }) {
    this.#lines = lines;
    this.#afterTime = `,${JSON.stringify(base).slice(1, -1)},"reqId":`;
    this.#fixedBytes =
      Buffer.byteLength(this.#head) + 20 + Buffer.byteLength(this.#afterTime) + this.#beforeMethod.length + this.#beforeUrl.length + this.#beforeStatus.length + 20 + this.#beforeTime.length + 30 + this.#beforeCache.length + this.#tail.length + 8;
  }

  record(fields: RequestLineFields): void {
    const i = this.count;
    this.#times[i] = Date.now();
    this.#tooks[i] = fields.responseTime;
    this.#statuses[i] = fields.statusCode;
    this.#ids[i] = fields.reqId;
    this.#methods[i] = fields.method;
    this.#urls[i] = fields.url;
    this.#caches[i] = fields.cache;
    this.count = i + 1;
    this.#lines.recorded();
  }

  writeAll(): void {
    const n = this.count;
    // Counted first: a line that fills the batch has it written, and the batch asks for no more.
    this.count = 0;
    for (let i = 0; i < n; i += 1) {
      this.#write(i);
      // The address, the one value that may be long, is not kept alive once its line is written.
      this.#urls[i] = '';
    }
  }

  #write(i: number): void {
    const lines = this.#lines;
    const time = this.#times[i]!;
    if (time !== this.#lastTime) {
      this.#lastTime = time;
      this.#lastTimeText = String(time);
      this.#untilId = Buffer.from(`${this.#head}${this.#lastTimeText}${this.#afterTime}`);
    }
    const id = this.#ids[i]!;
    const reqId = typeof id === 'number' ? requestIdText(id) : id;
    const method = this.#methods[i]!;
    const url = this.#urls[i]!;
    const statusCode = this.#statuses[i]!;
    const cache = this.#caches[i];
    const most = this.#fixedBytes + 6 * (reqId.length + method.length + url.length + (cache?.length ?? 0));
    // The shortest digits of a time rounded to the microsecond, which come quickly.
    const took = String(Math.round(this.#tooks[i]! * 1000) / 1000);
    if (most > lines.batchBytes) {
      lines.write(
        `${this.#head}${this.#lastTimeText}${this.#afterTime}${jsonString(reqId)},"req":{"method":${jsonString(method)},"url":${jsonString(url)}},"res":{"statusCode":${statusCode}},"responseTime":${took}${cache === undefined ? '' : `,"cache":${jsonString(cache)}`},"msg":"request completed"}\n`,
      );
      return;
    }
    const start = lines.reserve(most);
    const buffer = lines.buffer;
    let at = putJsonString(buffer, putBytes(buffer, start, this.#untilId), reqId);
    at = method === 'GET' ? putBytes(buffer, at, this.#getMethod) : putBytes(buffer, putJsonString(buffer, putBytes(buffer, at, this.#beforeMethod), method), this.#beforeUrl);
    at = putJsonString(buffer, at, url);
    at =
      statusCode === 200 ? putBytes(buffer, at, this.#okStatus) : putBytes(buffer, putAscii(buffer, putBytes(buffer, at, this.#beforeStatus), String(statusCode)), this.#beforeTime);
    at = putAscii(buffer, at, took);
    at =
      cache === undefined
        ? putBytes(buffer, at, this.#tail)
        : cache === 'HIT'
          ? putBytes(buffer, at, this.#hitTail)
          : putBytes(buffer, putJsonString(buffer, putBytes(buffer, at, this.#beforeCache), cache), this.#tail);
    lines.commit(at);
  }
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
 * cache answers before it, so that no two lines share an id. `next` gives the
 * number, which a request line takes as it is (it becomes text only when the
 * line is put into words); `nextText` the id. Wraps at 2³¹.
 */
export function requestIds(): { next(): number; nextText(): string } {
  let last = 0;
  const next = () => (last = (last + 1) & 0x7fffffff);
  return { next, nextText: () => requestIdText(next()) };
}

/** The request id numbered `n`. */
export function requestIdText(n: number): string {
  return `req-${n.toString(36)}`;
}
