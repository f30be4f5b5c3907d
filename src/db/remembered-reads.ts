/**
 * Reads kept in memory until content changes. A few answers are read by
 * nearly every public page and change only when someone saves: the site
 * settings, the site's own texts, the lists of topics and programmes. A
 * profile of the uncached events listing put four of its six statements on
 * them. Each is kept here per database (the Kysely instance the app was
 * built on) and forgotten whenever the "content changed" signal is heard,
 * the same signal that empties the page cache (shared/http/content-changes.ts):
 * an editor's save announces before its answer is sent, another instance's
 * arrives by LISTEN/NOTIFY (PostgreSQL), another process's commit is noticed
 * by `poll()` (SQLite), asked on every read here as the page cache asks
 * before every lookup.
 *
 * Nothing is kept for a database no signal was attached to (the command
 * line, a test's bare database): those read the database every time. Nor
 * inside a transaction, which may see its own uncommitted writes. Nor while
 * the signal is not `receiving` (PostgreSQL, its LISTEN connection lost): a
 * change made elsewhere could go unheard.
 *
 * An answer that also changes with the clock (what visitors may see at an
 * instant: content's rememberedLiveRead) is kept for the span its caller
 * gives (HoldsUntil), and read again outside it. One that depends on the day
 * names the day as `on`: a request on another day reads again, and its answer
 * takes the place of the old one, so that a day's answers do not pile up.
 *
 * What is kept is the promise of the first read: requests arriving while it
 * runs share it, and a change forgets it at once, so a read that began
 * before a change can serve only requests that began before it too.
 */
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

/** What of the "content changed" signal is needed here (shared/http/content-changes.ts offers it). */
export interface ChangeSignal {
  subscribe(listener: (reason: string) => void): () => void;
  /** While false, changes made elsewhere may go unheard: nothing is served from memory. */
  readonly receiving: boolean;
  /** Looks for commits by other processes (SQLite); cheap, asked before every read. */
  poll(): void;
}

/** A kept answer, the instants (epoch ms) between which it holds (always, unless the read gave a span), and what it is for. */
interface Kept {
  answer: Promise<unknown>;
  from: number;
  until: number;
  on: string | undefined;
}

interface Memory {
  signals: Set<ChangeSignal>;
  answers: Map<string, Kept>;
}

/**
 * For an answer that changes with the clock as well as with writes: `now`,
 * the instant of the request asking (epoch ms), and `until`, the first
 * instant it no longer holds, given beforehand or found from the answer. The
 * answer is kept for requests from `now` until then; a request outside that
 * span reads again. While the read runs, an `until` found from the answer is
 * not yet known, and requests share it whatever their instant. `on`, when
 * given, is what else the answer is for (the office's day): a request on
 * another reads again, and its answer replaces this one under the same key.
 */
export interface HoldsUntil<T> {
  now: number;
  until: number | ((answer: T) => number);
  on?: string;
}

const memories = new WeakMap<Kysely<Database>, Memory>();

/**
 * Keeps the remembered reads of `db` until `changes` announces a change.
 * Returns the function that stops (the app calls it when it closes); with
 * several signals on one database (two apps in one process), any of them
 * forgets everything.
 */
export function rememberReadsUntilChanged(db: Kysely<Database>, changes: ChangeSignal): () => void {
  let memory = memories.get(db);
  if (!memory) {
    memory = { signals: new Set(), answers: new Map() };
    memories.set(db, memory);
  }
  const answers = memory.answers;
  memory.signals.add(changes);
  const unsubscribe = changes.subscribe(() => answers.clear());
  const kept = memory;
  return () => {
    unsubscribe();
    kept.signals.delete(changes);
    answers.clear();
    if (kept.signals.size === 0 && memories.get(db) === kept) memories.delete(db);
  };
}

/**
 * The answer of `read` under `key`, from memory when `db` keeps it (see
 * above), else read now and kept when it may be. A failed read is not kept.
 * The answer is shared by every caller until the next change: callers must
 * not change it (the settings and taxonomy modules freeze what they keep).
 */
export function rememberedRead<T>(db: Kysely<Database>, key: string, read: () => Promise<T>, holds?: HoldsUntil<T>): Promise<T> {
  const memory = db.isTransaction ? undefined : memories.get(db);
  if (!memory) return read();
  for (const signal of memory.signals) {
    // A commit elsewhere found by poll() empties `answers` before the lookup below.
    signal.poll();
    if (!signal.receiving) return read();
  }
  const now = holds?.now ?? 0;
  const kept = memory.answers.get(key);
  if (kept && kept.on === holds?.on && kept.from <= now && now < kept.until) return kept.answer as Promise<T>;
  const answer = read();
  const until = holds?.until;
  const entry: Kept = { answer, from: now, until: typeof until === 'number' ? until : Infinity, on: holds?.on };
  memory.answers.set(key, entry);
  if (typeof until === 'function') {
    answer.then(
      (value) => {
        entry.until = until(value);
      },
      () => {},
    );
  }
  answer.catch(() => {
    if (memory.answers.get(key) === entry) memory.answers.delete(key);
  });
  return answer;
}

/** How many answers `db` keeps now (for tests: what the memory holds stays bounded). */
export function keptAnswerCount(db: Kysely<Database>): number {
  return memories.get(db)?.answers.size ?? 0;
}

/**
 * Forgets what `db` keeps, for a write that has just committed outside a
 * transaction. A write inside one is forgotten by the announcement its
 * writer makes after the commit; dropping earlier would let a read refill
 * the memory with the value the commit is about to replace.
 */
export function forgetRememberedReads(db: Kysely<Database>): void {
  if (db.isTransaction) return;
  memories.get(db)?.answers.clear();
}
