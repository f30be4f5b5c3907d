/**
 * The page cache: public pages (HTML, feeds, calendars, the sitemap) kept in
 * memory once rendered, per URL, already compressed with brotli and gzip, and
 * served with a strong ETag (304 when the visitor already has it).
 *
 * What may be stored is decided by the page itself: only a 200 answer to a GET
 * that the route marked public (`cachePublicPage`), setting no cookie and not
 * varying by request headers. Signed-in editors (a session cookie) and /admin
 * never touch it. Each language has its own URLs (/en/…, /vi/…), so the URL is
 * the key; `/` (which picks a language from the request) is a redirect and
 * never stored.
 *
 * Freshness: every content change empties it (the `ContentChanges` signal),
 * and so does the clock reaching the next instant at which pages change
 * without a write: a scheduled publication, or midnight in the office's time
 * zone ("upcoming" and "past" move). A page rendered while a change was being
 * announced is not stored (a generation number is compared).
 *
 * No stampede: right after a change empties it, many visitors ask for the
 * same pages at once. The first request for a page renders it; others for
 * the same page arriving meanwhile (and after no further change) wait for
 * that render and are answered with its result (`InFlightRenders`), so a
 * page is rendered once however many ask for it.
 *
 * Nor a slow first view: the store counts the requests each page answers,
 * and when it is emptied it names the most requested ones (`popular`), which
 * are rendered again at once, one after the other, before visitors ask for
 * them (`registerPageCache`, `refreshPages`). A visitor who asks for one while
 * it is being rendered waits for that render, as above.
 */
import { createHash, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlibConstants, gzip } from 'node:zlib';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ContentChanges } from './content-changes.js';
import { PUBLIC_PAGE_MAX_AGE_SECONDS, publicCacheControl } from './cache.js';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/**
 * Brotli quality 5: about as small as gzip -9 plus a quarter, in a few
 * milliseconds for a large page. 11 would save a few percent more at
 * fifty times the CPU, paid again after every edit.
 */
const BROTLI_QUALITY = 5;
/** gzip's usual default: the point after which more effort hardly shrinks HTML. */
const GZIP_LEVEL = 6;

/** No single page may take more than this share of the cache, or one huge feed could push out everything else. */
const MAX_ENTRY_SHARE = 1 / 8;

/**
 * Bookkeeping per entry (key, headers, the six header lists of its usual
 * answers, map slot), counted with the bodies so that many tiny pages cannot
 * overrun the budget.
 */
const ENTRY_OVERHEAD_BYTES = 1536;

export type Encoding = 'br' | 'gzip' | 'identity';

interface Variant {
  body: Buffer;
  etag: string;
}

/**
 * The header lists (name, value, name, value, …) of a stored page's usual
 * answers, one pair per encoding: a 200 and a 304, from the cache ("HIT"),
 * with the full max-age, the connection kept. Put together once, when the
 * page is stored, so that answering it builds nothing (see `storedAnswer`).
 */
type UsualAnswers = Readonly<Record<Encoding, readonly [ok: readonly string[], notModified: readonly string[]]>>;

export interface CachedPage {
  headers: ReadonlyArray<readonly [string, string]>;
  variants: Readonly<Record<Encoding, Variant>>;
  bytes: number;
  usual: UsualAnswers;
  /** Requests it answered from the store, and those its address had before the last time the store was emptied (PageStore). */
  hits: number;
}

/** Headers not kept with a page: they are about one response, or set again for every response. */
const UNSTORED_HEADERS = new Set(['content-length', 'content-encoding', 'etag', 'vary', 'cache-control', 'set-cookie', 'date', 'connection', 'transfer-encoding', 'keep-alive', 'x-cache']);

/**
 * How the requests counted for a page before the store was emptied weigh
 * against those counted after: halved at every emptying, so that what
 * visitors asked for before a run of changes still counts, less and less.
 */
const CARRIED_SHARE = 0.5;

/** The store: an LRU bounded by bytes, with a generation bumped on every clear. */
export class PageStore {
  private readonly pages = new Map<string, CachedPage>();
  /** The most requested addresses when the store was last emptied, with their weight (requests, halved), most requested first. */
  private carried = new Map<string, number>();
  private readonly clearedListeners: ((popular: readonly string[]) => void)[] = [];
  /** The key last stored or looked up: already the most recently used, it needs no moving. */
  private newest: string | undefined;
  private used = 0;
  /** Bumped on every clear; a page rendered under an older generation is not stored. */
  generation = 0;
  /** Epoch ms at which everything must go (next scheduled publication or day change); undefined until looked up. */
  private validUntil: number | undefined;
  private boundaryLookup: Promise<void> | undefined;

  /** `popularSize`: how many of the most requested addresses are kept across an emptying, and named to the listeners. */
  constructor(
    readonly maxBytes: number,
    readonly popularSize = 0,
  ) {}

  /** Calls `listener` after every emptying with the most requested addresses, most requested first (none when popularSize is 0). */
  onCleared(listener: (popular: readonly string[]) => void): void {
    this.clearedListeners.push(listener);
  }

  /** Whether a page is stored under `key` (not counted as a request, nor moved in the LRU). */
  has(key: string): boolean {
    return this.pages.has(key);
  }

  get size(): number {
    return this.pages.size;
  }

  get bytes(): number {
    return this.used;
  }

  get maxEntryBytes(): number {
    return Math.floor(this.maxBytes * MAX_ENTRY_SHARE);
  }

  /** Forgets every page; remembers which were the most requested, and names them to the listeners. */
  clear(): void {
    this.generation += 1;
    this.carried = this.mostRequested();
    this.pages.clear();
    this.newest = undefined;
    this.used = 0;
    this.validUntil = undefined;
    this.boundaryLookup = undefined;
    const popular = [...this.carried.keys()];
    for (const listener of this.clearedListeners) listener(popular);
  }

  /**
   * The popularSize addresses with the most requests, counting each stored
   * page's and, for an address not stored again since the last emptying (no
   * one asked for it, or a change came first), what it carried then; their
   * weights halved.
   */
  private mostRequested(): Map<string, number> {
    if (this.popularSize === 0) return new Map();
    const weights = new Map<string, number>();
    for (const [key, page] of this.pages) weights.set(key, page.hits);
    for (const [key, weight] of this.carried) if (!weights.has(key)) weights.set(key, weight);
    const ranked = [...weights].filter(([, weight]) => weight > 0).sort(([, a], [, b]) => b - a);
    return new Map(ranked.slice(0, this.popularSize).map(([key, weight]) => [key, weight * CARRIED_SHARE]));
  }

  /** Empties the store if the clock has reached its time boundary. */
  private expire(nowMs: number): void {
    if (this.validUntil !== undefined && nowMs >= this.validUntil) this.clear();
  }

  /** The page stored under `key`, now most recently used. */
  get(key: string, nowMs: number): CachedPage | undefined {
    this.expire(nowMs);
    const page = this.pages.get(key);
    if (!page) return undefined;
    page.hits += 1;
    if (key !== this.newest) {
      this.pages.delete(key);
      this.pages.set(key, page);
      this.newest = key;
    }
    return page;
  }

  /** Makes sure the time boundary of the current generation is known (one lookup per generation). */
  ensureBoundary(lookup: () => Promise<number>): Promise<void> {
    if (this.validUntil !== undefined) return Promise.resolve();
    if (!this.boundaryLookup) {
      const generation = this.generation;
      const pending = lookup().then(
        (until) => {
          if (this.generation === generation) this.validUntil = until;
        },
        () => {
          // Unknown boundary: nothing is stored until a later lookup succeeds.
          if (this.boundaryLookup === pending) this.boundaryLookup = undefined;
        },
      );
      this.boundaryLookup = pending;
    }
    return this.boundaryLookup;
  }

  /** Seconds from `nowMs` to the time boundary (a large number when none is known). */
  secondsLeft(nowMs: number): number {
    return this.validUntil === undefined ? Number.POSITIVE_INFINITY : Math.max(0, (this.validUntil - nowMs) / 1000);
  }

  /**
   * Stores a page rendered under `generation`; refused (false) when a change
   * came in since, the boundary is unknown or passed, or it is too large.
   */
  set(key: string, page: CachedPage, generation: number, nowMs: number): boolean {
    this.expire(nowMs);
    if (generation !== this.generation || this.validUntil === undefined) return false;
    if (page.bytes > this.maxEntryBytes) return false;
    const old = this.pages.get(key);
    if (old) {
      this.used -= old.bytes;
      this.pages.delete(key);
    }
    // The page's address keeps the requests it had (the page it replaces, or what it carried over an emptying).
    page.hits += old ? old.hits : (this.carried.get(key) ?? 0);
    this.pages.set(key, page);
    this.newest = key;
    this.used += page.bytes;
    for (const [oldestKey, oldest] of this.pages) {
      if (this.used <= this.maxBytes) break;
      this.pages.delete(oldestKey);
      this.used -= oldest.bytes;
    }
    return true;
  }
}

interface InFlight {
  generation: number;
  page: Promise<CachedPage | undefined>;
  settle(page: CachedPage | undefined): void;
}

/**
 * Renders under way, by page key: the first request for a missing page
 * renders it; the next ones for the same key, under the same generation,
 * wait for its result. A render that cannot be shared (not a public 200, an
 * error, a client gone) gives undefined, and those waiting render their own.
 */
export class InFlightRenders {
  private readonly renders = new Map<string, InFlight>();

  get size(): number {
    return this.renders.size;
  }

  /** The render of `key` already under way in `generation`, if any. */
  pending(key: string, generation: number): Promise<CachedPage | undefined> | undefined {
    const render = this.renders.get(key);
    return render && render.generation === generation ? render.page : undefined;
  }

  /** Starts a render of `key`; returns its settle function (call it once, with the page or undefined). */
  start(key: string, generation: number): (page: CachedPage | undefined) => void {
    let resolve!: (page: CachedPage | undefined) => void;
    const render: InFlight = {
      generation,
      page: new Promise((r) => (resolve = r)),
      settle: (page) => {
        if (this.renders.get(key) === render) this.renders.delete(key);
        resolve(page);
      },
    };
    this.renders.set(key, render);
    return render.settle;
  }
}

/** Builds a stored page from a rendered body: hashes it and compresses it both ways. */
export async function makePage(body: Buffer, headers: ReadonlyArray<readonly [string, string]>, key: string): Promise<CachedPage> {
  const [br, gz] = await Promise.all([
    brotli(body, {
      params: {
        [zlibConstants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
        [zlibConstants.BROTLI_PARAM_SIZE_HINT]: body.length,
        [zlibConstants.BROTLI_PARAM_MODE]: zlibConstants.BROTLI_MODE_TEXT,
      },
    }),
    gzipAsync(body, { level: GZIP_LEVEL }),
  ]);
  // Strong validators: the same bytes give the same tag on every instance; each encoding is a different representation.
  const hash = createHash('sha256').update(body).digest('base64url').slice(0, 27);
  const headerBytes = headers.reduce((n, [k, v]) => n + k.length + v.length, 0);
  const variants: Record<Encoding, Variant> = {
    identity: { body, etag: `"${hash}"` },
    br: { body: br, etag: `"${hash}-br"` },
    gzip: { body: gz, etag: `"${hash}-gz"` },
  };
  const usualFor = (encoding: Encoding) =>
    [
      buildAnswerHeaders(headers, encoding, variants[encoding], false, FULL_CACHE_CONTROL, 'HIT', false),
      buildAnswerHeaders(headers, encoding, variants[encoding], true, FULL_CACHE_CONTROL, 'HIT', false),
    ] as const;
  return {
    headers,
    variants,
    bytes: body.length + br.length + gz.length + headerBytes + key.length + ENTRY_OVERHEAD_BYTES,
    usual: { identity: usualFor('identity'), br: usualFor('br'), gzip: usualFor('gzip') },
    hits: 0,
  };
}

/** Accept-Encoding values already read: browsers send a handful of different ones. */
const encodingChoices = new Map<string, Encoding>();
/** At most this many remembered; past it, the memory starts again (a client may send anything). */
const MAX_ENCODING_CHOICES = 64;

/**
 * The encoding to send for an Accept-Encoding header: brotli, else gzip,
 * else none; `q=0` refuses one, `*` accepts any not named.
 */
export function chooseEncoding(header: string | undefined): Encoding {
  if (!header) return 'identity';
  let choice = encodingChoices.get(header);
  if (choice === undefined) {
    choice = readAcceptEncoding(header);
    if (encodingChoices.size >= MAX_ENCODING_CHOICES) encodingChoices.clear();
    encodingChoices.set(header, choice);
  }
  return choice;
}

function readAcceptEncoding(header: string): Encoding {
  const weights = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name = '', ...params] = part.split(';');
    let q = 1;
    for (const param of params) {
      const m = /^\s*q\s*=\s*([\d.]+)\s*$/.exec(param);
      if (m) q = Number(m[1]);
    }
    if (Number.isFinite(q)) weights.set(name.trim().toLowerCase(), q);
  }
  const weight = (name: string) => weights.get(name) ?? weights.get('*') ?? 0;
  const br = weight('br');
  const gz = Math.max(weight('gzip'), weights.get('x-gzip') ?? 0);
  if (br > 0 && br >= gz) return 'br';
  if (gz > 0) return 'gzip';
  return 'identity';
}

/** Whether If-None-Match names `etag` (weak comparison, as RFC 9110 asks for If-None-Match). */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  return ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

export interface PageCacheOptions {
  store: PageStore;
  changes: ContentChanges;
  /** The app's clock. */
  now: () => Date;
  /** The next instant (epoch ms) after `now` at which pages change without a write. */
  nextTimeBoundary: (now: Date) => Promise<number>;
  /** Whether the request comes from a signed-in editor (never served from, nor stored in, the cache). */
  isSignedIn: (request: { headers: IncomingHttpHeaders }) => boolean;
  /** Whether the server is shutting down (answers then ask keep-alive clients to close the connection). */
  closing?: () => boolean;
}

interface RequestCacheState {
  hit: boolean;
  key: string;
  generation: number;
  /** This request renders the page for others waiting for it: called once with the page, or undefined. */
  settle?: ((page: CachedPage | undefined) => void) | undefined;
  /** The cache's own request, rendering a popular page again after an emptying (refreshPages): not a visitor's, and not logged as one. */
  refresh?: boolean;
}

/** How often the cache looks for other processes' writes while no request comes (registerPageCache). */
export const IDLE_LOOK_MS = 1000;

/** The header that marks the cache's own requests (refreshPages), with a value no visitor can know. */
const REFRESH_HEADER = 'x-almanac-refresh';

declare module 'fastify' {
  interface FastifyRequest {
    pageCache?: RequestCacheState | undefined;
  }
}

/** The Cache-Control of nearly every answer: no time boundary within the max-age. */
const FULL_CACHE_CONTROL = publicCacheControl(PUBLIC_PAGE_MAX_AGE_SECONDS);

function cacheControl(store: PageStore, nowMs: number): string {
  // Never let an outside cache keep a page past the moment a scheduled item appears.
  const seconds = Math.floor(store.secondsLeft(nowMs));
  return seconds >= PUBLIC_PAGE_MAX_AGE_SECONDS ? FULL_CACHE_CONTROL : publicCacheControl(seconds);
}

/**
 * The headers of a stored page's answer, as a list for `writeHead`: the
 * page's own (without its content type on a 304), then the cache's.
 */
function buildAnswerHeaders(
  pageHeaders: ReadonlyArray<readonly [string, string]>,
  encoding: Encoding,
  variant: Variant,
  notModified: boolean,
  control: string,
  state: 'HIT' | 'MISS',
  closing: boolean,
): string[] {
  const list: string[] = [];
  for (const [name, value] of pageHeaders) {
    if (notModified && name === 'content-type') continue;
    list.push(name, value);
  }
  list.push('cache-control', control, 'vary', 'Accept-Encoding', 'etag', variant.etag, 'x-cache', state);
  if (closing) list.push('connection', 'close');
  if (notModified) return list;
  if (encoding !== 'identity') list.push('content-encoding', encoding);
  list.push('content-length', String(variant.body.length));
  return list;
}

/** What a stored page answers to one request: a 200 (body left out for HEAD) or an empty 304. */
interface StoredAnswer {
  status: 200 | 304;
  /** Name, value, name, value, … (shared between answers: never changed). */
  headers: readonly string[];
  body: Buffer | undefined;
}

function storedAnswer(
  method: string,
  requestHeaders: IncomingHttpHeaders,
  store: PageStore,
  page: CachedPage,
  nowMs: number,
  state: 'HIT' | 'MISS',
  closing: boolean,
): StoredAnswer {
  const encoding = chooseEncoding(requestHeaders['accept-encoding']);
  const variant = page.variants[encoding];
  const notModified = etagMatches(requestHeaders['if-none-match'], variant.etag);
  const control = cacheControl(store, nowMs);
  // The usual answer's headers were put together when the page was stored.
  const headers =
    control === FULL_CACHE_CONTROL && state === 'HIT' && !closing
      ? page.usual[encoding][notModified ? 1 : 0]
      : buildAnswerHeaders(page.headers, encoding, variant, notModified, control, state, closing);
  if (notModified) return { status: 304, headers, body: undefined };
  return { status: 200, headers, body: method === 'HEAD' ? undefined : variant.body };
}

/** The header list as a record (the framework's reply takes headers one by one). */
function headerRecord(list: readonly string[]): Record<string, string> {
  const record: Record<string, string> = {};
  for (let i = 0; i < list.length; i += 2) record[list[i]!] = list[i + 1]!;
  return record;
}

function writeAnswer(res: ServerResponse, answer: StoredAnswer): void {
  // A list, not a record: node:http reads it in order, with no look at the keys of an object.
  res.writeHead(answer.status, answer.headers as string[]);
  if (answer.body) res.end(answer.body);
  else res.end();
}

/**
 * Whether a response may be stored: a public 200 for everyone, no cookie,
 * nothing varying by request. A page written as a stream (a calendar) is
 * stored too: its bytes are gathered here, since the cache keeps them whole.
 */
function storable(reply: FastifyReply, payload: unknown): payload is string | Buffer | Readable {
  if (reply.statusCode !== 200) return false;
  if (typeof payload !== 'string' && !Buffer.isBuffer(payload) && !(payload instanceof Readable)) return false;
  const control = String(reply.getHeader('cache-control') ?? '');
  if (!/^public\b/.test(control) || control.includes('immutable')) return false;
  if (reply.hasHeader('set-cookie') || reply.hasHeader('vary') || reply.hasHeader('content-encoding')) return false;
  return true;
}

/**
 * The stored page that may answer a request, if any: a GET or HEAD outside
 * /admin from a visitor who is not signed in, while this instance hears every
 * change. Undefined means the app answers.
 */
function storedPageFor(method: string, url: string, request: { headers: IncomingHttpHeaders }, options: PageCacheOptions, nowMs: number): CachedPage | undefined {
  const { store, changes } = options;
  if ((method !== 'GET' && method !== 'HEAD') || url.startsWith('/admin')) return undefined;
  if (options.isSignedIn(request)) return undefined;
  // Writes by other processes (SQLite) become visible here, before the lookup.
  changes.poll();
  // Not hearing other instances: a change may have gone unheard, so nothing stored is trusted.
  if (!changes.receiving) {
    if (store.size > 0) store.clear();
    return undefined;
  }
  return store.get(url, nowMs);
}

/**
 * The front door: answers requests that a stored page can answer before the
 * framework sees them (no routing, no request objects, no hooks), and tells
 * the caller to pass the others on. `log` is called for each answer.
 */
export function pageCacheFrontDoor(
  options: PageCacheOptions,
  log: (req: IncomingMessage, status: number, startedAt: number) => void,
): (req: IncomingMessage, res: ServerResponse) => boolean {
  return (req, res) => {
    const startedAt = performance.now();
    const nowMs = options.now().getTime();
    const method = req.method ?? 'GET';
    const page = storedPageFor(method, req.url ?? '/', req, options, nowMs);
    if (!page) return false;
    const answer = storedAnswer(method, req.headers, options.store, page, nowMs, 'HIT', options.closing?.() ?? false);
    writeAnswer(res, answer);
    log(req, answer.status, startedAt);
    return true;
  };
}

/** Registers the cache's hooks on the app (at its root, after the headers every response gets). */
export function registerPageCache(app: FastifyInstance, options: PageCacheOptions): void {
  const { store, changes } = options;
  const renders = new InFlightRenders();
  const unsubscribe = changes.subscribe(() => store.clear());
  const refreshToken = randomBytes(18).toString('base64url');
  let closed = false;
  let refreshing: Promise<void> = Promise.resolve();
  store.onCleared((popular) => {
    if (popular.length === 0 || closed) return;
    const generation = store.generation;
    // Each round after the one before; one that failed does not stop the next.
    refreshing = refreshing
      .then(() => refreshPages(popular, generation))
      .catch((error: unknown) => app.log.warn({ err: error }, 'the popular pages were not rendered again after a change'));
  });
  // A write by another process (an import from the command line, on SQLite) is noticed by the next request that
  // polls; with pages to render again, it is also looked for while no one asks, so that they need not wait for a visitor.
  const looking = store.popularSize > 0 ? setInterval(() => changes.poll(), IDLE_LOOK_MS) : undefined;
  looking?.unref();
  app.addHook('onClose', async () => {
    closed = true;
    clearInterval(looking);
    unsubscribe();
    await refreshing;
  });
  app.decorateRequest('pageCache', undefined);

  /**
   * Renders again, one after the other, the most requested pages of the
   * store just emptied under `generation`, as a visitor's request would
   * (through the app, so that each is stored, and visitors who ask for it
   * meanwhile wait for it). One page a turn of the event loop, so that
   * visitors' requests go between them; stopped by the next emptying (which
   * starts its own) or by the app closing. A page that fails to render is
   * left for the next visitor who asks for it.
   */
  async function refreshPages(popular: readonly string[], generation: number): Promise<void> {
    for (const key of popular) {
      await new Promise((resolve) => setImmediate(resolve));
      if (closed || store.generation !== generation || !changes.receiving) return;
      if (store.has(key) || renders.pending(key, generation)) continue;
      try {
        await app.inject({ method: 'GET', url: key, headers: { [REFRESH_HEADER]: refreshToken } });
      } catch (error) {
        app.log.warn({ err: error, url: key }, 'a popular page could not be rendered again after a change');
      }
    }
  }

  // Requests that reach the app (inject, or a page the front door did not have when it came in).
  app.addHook('onRequest', async (request, reply) => {
    const nowMs = options.now().getTime();
    const key = request.url;
    const page = storedPageFor(request.method, key, request, options, nowMs);
    if (page) {
      request.pageCache = { hit: true, key, generation: store.generation };
      // Everything the page needs was stored with it: the reply's hooks are skipped (Fastify still logs).
      reply.hijack();
      writeAnswer(reply.raw, storedAnswer(request.method, request.headers, store, page, nowMs, 'HIT', options.closing?.() ?? false));
      return;
    }
    if ((request.method !== 'GET' && request.method !== 'HEAD') || key.startsWith('/admin') || options.isSignedIn(request) || !changes.receiving) return;
    const generation = store.generation;
    // HEAD is answered from a stored page (or one being rendered), but never fills the store.
    if (request.method === 'GET') await store.ensureBoundary(() => options.nextTimeBoundary(options.now()));
    // The same page is being rendered for another visitor since the last change: wait for it.
    const pending = renders.pending(key, generation);
    if (pending) {
      const shared = await pending;
      if (shared) {
        request.pageCache = { hit: true, key, generation };
        reply.hijack();
        writeAnswer(reply.raw, storedAnswer(request.method, request.headers, store, shared, options.now().getTime(), 'HIT', options.closing?.() ?? false));
        return;
      }
    }
    if (request.method !== 'GET') return;
    // After a render that could not be shared, those that waited for it render their own, each.
    request.pageCache = {
      hit: false,
      key,
      generation,
      settle: pending ? undefined : renders.start(key, generation),
      refresh: request.headers[REFRESH_HEADER] === refreshToken,
    };
  });

  // A render that ended without a page to share (an error, a page not stored, a client gone) lets the waiting render their own.
  const release = async (request: FastifyRequest) => {
    const state = request.pageCache;
    if (state?.settle) {
      state.settle(undefined);
      state.settle = undefined;
    }
  };
  app.addHook('onResponse', release);
  app.addHook('onRequestAbort', release);

  app.addHook('onSend', async (request, reply, payload) => {
    const state = request.pageCache;
    if (!state || state.hit || !storable(reply, payload)) return payload;
    const settle = state.settle;
    state.settle = undefined;
    const headers: [string, string][] = [];
    for (const [name, value] of Object.entries(reply.getHeaders())) {
      if (value === undefined || UNSTORED_HEADERS.has(name)) continue;
      headers.push([name, Array.isArray(value) ? value.join(', ') : String(value)]);
    }
    let page: CachedPage;
    try {
      const bytes = Buffer.isBuffer(payload) ? payload : Buffer.from(payload instanceof Readable ? await text(payload) : payload);
      page = await makePage(bytes, headers, state.key);
    } catch (error) {
      settle?.(undefined);
      throw error;
    }
    const nowMs = options.now().getTime();
    // A visitor's request that rendered the page is its first; the cache's own is none.
    if (!state.refresh) page.hits = 1;
    store.set(state.key, page, state.generation, nowMs);
    settle?.(page);
    // The first visitor gets exactly what the next ones will: same encoding, same validators.
    const answer = storedAnswer(request.method, request.headers, store, page, nowMs, 'MISS', false);
    // Fastify counts the length of what is returned; a shutdown's connection header is set by its own hook.
    for (const [name, value] of Object.entries(headerRecord(answer.headers))) if (name !== 'content-length') reply.header(name, value);
    if (answer.status === 304) reply.removeHeader('content-type');
    reply.code(answer.status);
    return answer.body ?? '';
  });
}
