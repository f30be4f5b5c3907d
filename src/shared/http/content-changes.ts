/**
 * The one "content changed" signal. Everything that changes what visitors
 * see (a save in the admin, an import, the publication timer) announces it
 * here after its transaction has committed, and whatever keeps copies of
 * public pages (the page cache) listens.
 *
 * With SQLite every writer in this process announces directly; writers in
 * other processes (an `almanac import` run beside the server) are noticed
 * through SQLite's `data_version`, which moves when another connection
 * commits. With PostgreSQL an announcement is also sent with NOTIFY on one
 * channel, and every instance LISTENs on a dedicated connection of its own, so
 * several servers on one database forget their copies within moments.
 */
import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import type { Database } from '../../db/schema.js';

/** Why listeners are called: a change, or (PostgreSQL) a gap during which changes elsewhere may have been missed. */
export type ContentChangeReason = string;

export interface ContentChanges {
  /** Tells every listener, here and (PostgreSQL) in other instances, that content changed. Call after commit. */
  announce(reason: ContentChangeReason): Promise<void>;
  /** Calls `listener` on every change; returns a function that stops it. */
  subscribe(listener: (reason: ContentChangeReason) => void): () => void;
  /**
   * Whether announcements from elsewhere are being received. While false a
   * cache must not serve what it holds: a change may go unheard.
   */
  readonly receiving: boolean;
  /** Looks for changes made by other processes that cannot announce (SQLite); cheap enough for every request. */
  poll(): void;
  /** Stops listening. */
  close(): Promise<void>;
}

class Listeners {
  private readonly set = new Set<(reason: ContentChangeReason) => void>();
  add(listener: (reason: ContentChangeReason) => void): () => void {
    this.set.add(listener);
    return () => this.set.delete(listener);
  }
  emit(reason: ContentChangeReason): void {
    for (const listener of this.set) listener(reason);
  }
}

/**
 * How often, at most, `poll()` asks SQLite whether another process wrote.
 * The page cache polls before every lookup; asking every time was a fifth of
 * the CPU time of answering a stored page. A write by another process (an
 * import from the command line) clears the cache within this time; writes
 * through this process announce themselves at once.
 */
export const EXTERNAL_POLL_INTERVAL_MS = 100;

/**
 * The signal within one process. `externalVersion`, when given, is read by
 * `poll()` (at most every `pollIntervalMs` of `clock`, a monotonic clock in
 * ms): a number that moves when another process commits (SQLite's
 * `PRAGMA data_version`).
 */
export function localContentChanges(
  options: { externalVersion?: (() => number) | undefined; pollIntervalMs?: number; clock?: () => number } = {},
): ContentChanges {
  const listeners = new Listeners();
  const { externalVersion, pollIntervalMs = EXTERNAL_POLL_INTERVAL_MS, clock = () => performance.now() } = options;
  let seen = externalVersion?.();
  let polledAt = clock();
  return {
    announce(reason) {
      listeners.emit(reason);
      return Promise.resolve();
    },
    subscribe: (listener) => listeners.add(listener),
    receiving: true,
    poll() {
      if (!externalVersion) return;
      const now = clock();
      if (now - polledAt < pollIntervalMs) return;
      polledAt = now;
      const version = externalVersion();
      if (version !== seen) {
        seen = version;
        listeners.emit('another process wrote to the database');
      }
    },
    close: () => Promise.resolve(),
  };
}

/** The NOTIFY channel. One for every Almanac on the database; the payload names the schema. */
export const CONTENT_CHANNEL = 'almanac_content_changed';

/** First wait before reconnecting a lost LISTEN connection; doubled after each failure. */
const RECONNECT_FIRST_DELAY_MS = 250;
/** Longest wait between attempts: a restarted database is noticed within seconds. */
const RECONNECT_MAX_DELAY_MS = 5_000;

export interface PostgresContentChangesOptions {
  /** For NOTIFY (sent after the change's own transaction, on any pooled connection). */
  db: Kysely<Database>;
  /** For the dedicated LISTEN connection. */
  connectionString: string;
  /** The schema this site lives in, when not the default: other schemas' announcements are ignored. */
  schema?: string | undefined;
  log?: { info(obj: object, msg: string): void; warn(obj: object, msg: string): void } | undefined;
}

interface Announcement {
  /** Schema. */
  s: string;
  /** The announcing instance, which has already told its own listeners. */
  o: string;
  /** Reason. */
  r: string;
}

export interface PostgresContentChanges extends ContentChanges {
  /** Resolves once the first LISTEN is in place (start-up and tests wait for it). */
  ready(): Promise<void>;
}

/** The signal across instances on PostgreSQL: NOTIFY out, LISTEN in, reconnecting when the connection drops. */
export function postgresContentChanges(options: PostgresContentChangesOptions): PostgresContentChanges {
  const listeners = new Listeners();
  const instance = randomUUID();
  const schema = options.schema ?? '';
  let client: pg.Client | undefined;
  let receiving = false;
  let closed = false;
  let delay = RECONNECT_FIRST_DELAY_MS;
  let retry: NodeJS.Timeout | undefined;
  let resolveReady!: () => void;
  const readyPromise = new Promise<void>((resolve) => (resolveReady = resolve));

  const lost = (error: unknown) => {
    if (closed) return;
    const wasReceiving = receiving;
    receiving = false;
    const old = client;
    client = undefined;
    old?.removeAllListeners();
    // An 'error' listener stays so that a late error from the dead connection cannot crash the process.
    old?.on('error', () => {});
    void old?.end().catch(() => {});
    if (wasReceiving) {
      options.log?.warn({ err: error }, 'lost the content-change connection; reconnecting');
      listeners.emit('stopped hearing other instances');
    }
    if (!retry) {
      retry = setTimeout(() => {
        retry = undefined;
        void connect();
      }, delay);
      retry.unref();
      delay = Math.min(delay * 2, RECONNECT_MAX_DELAY_MS);
    }
  };

  const connect = async () => {
    if (closed) return;
    const next = new pg.Client({ connectionString: options.connectionString });
    client = next;
    next.on('error', lost);
    next.on('end', () => lost(new Error('connection ended')));
    next.on('notification', (message) => {
      if (message.channel !== CONTENT_CHANNEL || !message.payload) return;
      let announcement: Announcement;
      try {
        announcement = JSON.parse(message.payload) as Announcement;
      } catch {
        return;
      }
      if (announcement.s !== schema || announcement.o === instance) return;
      listeners.emit(announcement.r);
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${CONTENT_CHANNEL}`);
    } catch (error) {
      if (client === next) lost(error);
      return;
    }
    if (closed || client !== next) {
      await next.end().catch(() => {});
      return;
    }
    const reconnected = delay !== RECONNECT_FIRST_DELAY_MS;
    receiving = true;
    delay = RECONNECT_FIRST_DELAY_MS;
    resolveReady();
    // Whatever changed while nobody listened is unknown: everything counts as changed.
    if (reconnected) {
      options.log?.info({}, 'content-change connection restored');
      listeners.emit('heard other instances again');
    }
  };
  void connect();

  return {
    async announce(reason) {
      listeners.emit(reason);
      const payload: Announcement = { s: schema, o: instance, r: reason.slice(0, 200) };
      try {
        await sql`select pg_notify(${CONTENT_CHANNEL}, ${JSON.stringify(payload)})`.execute(options.db);
      } catch (error) {
        options.log?.warn({ err: error }, 'could not tell other instances that content changed');
      }
    },
    subscribe: (listener) => listeners.add(listener),
    get receiving() {
      return receiving;
    },
    poll() {},
    ready: () => readyPromise,
    async close() {
      closed = true;
      receiving = false;
      if (retry) clearTimeout(retry);
      const last = client;
      client = undefined;
      last?.removeAllListeners();
      last?.on('error', () => {});
      await last?.end().catch(() => {});
    },
  };
}

/**
 * Tells the instances serving this database that content changed, from a
 * process that serves nothing itself (the command line). On SQLite the
 * servers notice the commit by themselves.
 */
export async function announceToServers(db: Kysely<Database>, dialect: 'sqlite' | 'postgres', schema: string | undefined, reason: string): Promise<void> {
  if (dialect !== 'postgres') return;
  const payload: Announcement = { s: schema ?? '', o: 'command-line', r: reason };
  await sql`select pg_notify(${CONTENT_CHANNEL}, ${JSON.stringify(payload)})`.execute(db);
}
