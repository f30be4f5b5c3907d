import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';
import { databaseForBlock } from '../../test/helpers/test-database.js';
import { localContentChanges } from '../shared/http/content-changes.js';
import { forgetRememberedReads, keptAnswerCount, rememberedRead, rememberReadsUntilChanged, type ChangeSignal } from './remembered-reads.js';

/** A read that counts how often it runs and answers the current `value`. */
function counter(initial: string) {
  const state = { value: initial, runs: 0 };
  return { state, read: () => Promise.resolve(`${state.value}`).finally(() => (state.runs += 1)) };
}

describe('reads remembered until content changes', () => {
  let db: Kysely<Database>;
  databaseForBlock((opened) => (db = opened));

  test('without a signal attached, every read runs', async () => {
    const { state, read } = counter('a');
    await rememberedRead(db, 'k', read);
    await rememberedRead(db, 'k', read);
    assert.equal(state.runs, 2);
  });

  test('with a signal: read once, then from memory, until a change is announced', async () => {
    const changes = localContentChanges();
    const stop = rememberReadsUntilChanged(db, changes);
    try {
      const { state, read } = counter('a');
      assert.equal(await rememberedRead(db, 'k', read), 'a');
      state.value = 'b';
      assert.equal(await rememberedRead(db, 'k', read), 'a');
      assert.equal(state.runs, 1);
      await changes.announce('saved');
      assert.equal(await rememberedRead(db, 'k', read), 'b');
      assert.equal(state.runs, 2);
      // Another key is its own answer.
      assert.equal(await rememberedRead(db, 'other', () => Promise.resolve('x')), 'x');
    } finally {
      stop();
    }
    // Stopped: nothing is kept any more.
    const { state, read } = counter('c');
    await rememberedRead(db, 'k', read);
    await rememberedRead(db, 'k', read);
    assert.equal(state.runs, 2);
  });

  test('an answer given a span is kept for requests inside it, and read again before it or once it ends', async () => {
    const changes = localContentChanges();
    const stop = rememberReadsUntilChanged(db, changes);
    try {
      const { state, read } = counter('a');
      assert.equal(await rememberedRead(db, 'k', read, { now: 100, until: 200 }), 'a');
      state.value = 'b';
      assert.equal(await rememberedRead(db, 'k', read, { now: 150, until: 200 }), 'a');
      assert.equal(await rememberedRead(db, 'k', read, { now: 199, until: 200 }), 'a');
      assert.equal(state.runs, 1);
      // At the end of its span it is read again, and kept for the span given then.
      assert.equal(await rememberedRead(db, 'k', read, { now: 200, until: 300 }), 'b');
      assert.equal(state.runs, 2);
      state.value = 'c';
      // An instant before the read that is kept (a clock set back) reads again.
      assert.equal(await rememberedRead(db, 'k', read, { now: 150, until: 300 }), 'c');
      assert.equal(state.runs, 3);
      // A change forgets it within its span.
      state.value = 'd';
      await changes.announce('saved');
      assert.equal(await rememberedRead(db, 'k', read, { now: 160, until: 300 }), 'd');
      assert.equal(state.runs, 4);
    } finally {
      stop();
    }
  });

  test("an answer for a day is read again on another day, and the other day's takes its place", async () => {
    const changes = localContentChanges();
    const stop = rememberReadsUntilChanged(db, changes);
    try {
      const { state, read } = counter('a');
      assert.equal(await rememberedRead(db, 'k', read, { now: 100, until: Infinity, on: '2026-11-23' }), 'a');
      state.value = 'b';
      assert.equal(await rememberedRead(db, 'k', read, { now: 101, until: Infinity, on: '2026-11-23' }), 'a', 'the same day: from memory');
      assert.equal(await rememberedRead(db, 'k', read, { now: 102, until: Infinity, on: '2026-11-24' }), 'b', 'the next day: read again');
      assert.equal(state.runs, 2);
      assert.equal(keptAnswerCount(db), 1, "the day before's answer is not kept beside it");
      state.value = 'c';
      assert.equal(await rememberedRead(db, 'k', read, { now: 103, until: Infinity, on: '2026-11-24' }), 'b');
      assert.equal(await rememberedRead(db, 'k', read, { now: 104, until: Infinity, on: '2026-11-23' }), 'c', 'the first day again: gone, read again');
      assert.equal(state.runs, 3);
    } finally {
      stop();
    }
  });

  test('a span found from the answer: kept until the instant the answer names', async () => {
    const changes = localContentChanges();
    const stop = rememberReadsUntilChanged(db, changes);
    try {
      let runs = 0;
      const next = { at: 500 };
      const read = () => Promise.resolve({ ...next }).finally(() => (runs += 1));
      const until = (answer: { at: number }) => answer.at;
      assert.equal((await rememberedRead(db, 'next', read, { now: 100, until })).at, 500);
      next.at = 900;
      assert.equal((await rememberedRead(db, 'next', read, { now: 499, until })).at, 500);
      assert.equal(runs, 1);
      assert.equal((await rememberedRead(db, 'next', read, { now: 500, until })).at, 900);
      assert.equal(runs, 2);
    } finally {
      stop();
    }
  });

  test('a read begun before a change answers only those who asked before it', async () => {
    const changes = localContentChanges();
    const stop = rememberReadsUntilChanged(db, changes);
    try {
      let finish!: (value: string) => void;
      const slow = rememberedRead(db, 'k', () => new Promise<string>((resolve) => (finish = resolve)));
      const sharing = rememberedRead(db, 'k', () => Promise.resolve('not asked'));
      await changes.announce('saved while reading');
      const after = rememberedRead(db, 'k', () => Promise.resolve('new'));
      finish('old');
      assert.equal(await slow, 'old');
      assert.equal(await sharing, 'old');
      assert.equal(await after, 'new');
      assert.equal(await rememberedRead(db, 'k', () => Promise.resolve('not asked')), 'new');
    } finally {
      stop();
    }
  });

  test('a failed read is not kept', async () => {
    const changes = localContentChanges();
    const stop = rememberReadsUntilChanged(db, changes);
    try {
      await assert.rejects(rememberedRead(db, 'k', () => Promise.reject(new Error('database closed'))), /database closed/);
      assert.equal(await rememberedRead(db, 'k', () => Promise.resolve('fine')), 'fine');
    } finally {
      stop();
    }
  });

  test('inside a transaction nothing is read from memory or kept', async () => {
    const changes = localContentChanges();
    const stop = rememberReadsUntilChanged(db, changes);
    try {
      await rememberedRead(db, 'k', () => Promise.resolve('committed'));
      await db.transaction().execute(async (trx) => {
        assert.equal(await rememberedRead(trx, 'k', () => Promise.resolve('uncommitted')), 'uncommitted');
        // Forgetting from inside a transaction waits for the writer's announcement.
        forgetRememberedReads(trx);
      });
      assert.equal(await rememberedRead(db, 'k', () => Promise.resolve('not asked')), 'committed');
      forgetRememberedReads(db);
      assert.equal(await rememberedRead(db, 'k', () => Promise.resolve('read again')), 'read again');
    } finally {
      stop();
    }
  });

  test('while the signal is not receiving, every read runs; a change found by poll() forgets first', async () => {
    let receiving = true;
    let pending = false;
    const listeners = new Set<(reason: string) => void>();
    const signal: ChangeSignal = {
      subscribe(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      get receiving() {
        return receiving;
      },
      poll() {
        if (!pending) return;
        pending = false;
        for (const listener of listeners) listener('another process wrote');
      },
    };
    const stop = rememberReadsUntilChanged(db, signal);
    try {
      await rememberedRead(db, 'k', () => Promise.resolve('kept'));
      receiving = false;
      assert.equal(await rememberedRead(db, 'k', () => Promise.resolve('deaf')), 'deaf');
      receiving = true;
      assert.equal(await rememberedRead(db, 'k', () => Promise.resolve('not asked')), 'kept');
      pending = true;
      assert.equal(await rememberedRead(db, 'k', () => Promise.resolve('after poll')), 'after poll');
    } finally {
      stop();
    }
  });

  test('two signals on one database: either forgets, and stopping one leaves the other', async () => {
    const one = localContentChanges();
    const two = localContentChanges();
    const stopOne = rememberReadsUntilChanged(db, one);
    const stopTwo = rememberReadsUntilChanged(db, two);
    try {
      await rememberedRead(db, 'k', () => Promise.resolve('a'));
      await two.announce('saved');
      assert.equal(await rememberedRead(db, 'k', () => Promise.resolve('b')), 'b');
      stopOne();
      assert.equal(await rememberedRead(db, 'k', () => Promise.resolve('c')), 'c');
      assert.equal(await rememberedRead(db, 'k', () => Promise.resolve('not asked')), 'c');
      await two.announce('saved');
      assert.equal(await rememberedRead(db, 'k', () => Promise.resolve('d')), 'd');
    } finally {
      stopOne();
      stopTwo();
    }
  });
});
