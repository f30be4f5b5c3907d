/**
 * After a change empties the cache, concurrent requests for the same page
 * wait for one render instead of each rendering it.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import Fastify, { type FastifyInstance } from 'fastify';
import { localContentChanges, type ContentChanges } from './content-changes.js';
import { PageStore, registerPageCache } from './page-cache.js';

const VISITORS = 8;

/** A promise and its resolve function (Promise.withResolvers is Node 22's). */
function gateOf(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

interface Site {
  app: FastifyInstance;
  changes: ContentChanges;
  /** How many times each path was rendered. */
  renders: Map<string, number>;
  /** Lets the renders waiting at the gate finish. */
  open(): void;
  /** Resolves once `n` renders in all have started. */
  started(n: number): Promise<void>;
}

/** An app whose pages wait at a gate while rendering, so that requests pile up behind the first. */
async function site(): Promise<Site> {
  const app = Fastify();
  const changes = localContentChanges();
  registerPageCache(app, {
    store: new PageStore(1024 * 1024),
    changes,
    now: () => new Date('2026-11-23T02:00:00Z'),
    nextTimeBoundary: async () => Number.MAX_SAFE_INTEGER,
    isSignedIn: () => false,
  });
  const renders = new Map<string, number>();
  let gate = gateOf();
  const waiting: { n: number; resolve: () => void }[] = [];
  let total = 0;
  let version = 0;
  app.get('/page', async (_request, reply) => {
    renders.set('/page', (renders.get('/page') ?? 0) + 1);
    total += 1;
    for (const w of waiting) if (total >= w.n) w.resolve();
    const seen = version;
    await gate.promise;
    return reply.header('cache-control', 'public, max-age=60').type('text/html').send(`<p>version ${seen}</p>`);
  });
  app.get('/missing', async (_request, reply) => {
    renders.set('/missing', (renders.get('/missing') ?? 0) + 1);
    total += 1;
    for (const w of waiting) if (total >= w.n) w.resolve();
    await gate.promise;
    return reply.code(404).header('cache-control', 'public, max-age=60').send('not here');
  });
  changes.subscribe(() => {
    version += 1;
  });
  await app.ready();
  return {
    app,
    changes,
    renders,
    open() {
      gate.resolve();
      gate = gateOf();
    },
    started: (n) =>
      new Promise((resolve) => {
        if (total >= n) resolve();
        else waiting.push({ n, resolve });
      }),
  };
}

/** Lets every request already sent reach its hooks. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('concurrent misses of one page', () => {
  test(`${VISITORS} visitors asking at once for a page not stored get one render`, async () => {
    const s = await site();
    const answers = Array.from({ length: VISITORS }, () => s.app.inject({ url: '/page', headers: { 'accept-encoding': 'gzip' } }));
    await s.started(1);
    await settle();
    s.open();
    const replies = await Promise.all(answers);
    assert.equal(s.renders.get('/page'), 1);
    for (const reply of replies) {
      assert.equal(reply.statusCode, 200);
      assert.equal(reply.headers['content-encoding'], 'gzip');
      assert.equal(reply.headers.etag, replies[0]!.headers.etag);
    }
    assert.deepEqual(replies.map((r) => r.headers['x-cache']).sort(), ['MISS', ...Array<string>(VISITORS - 1).fill('HIT')].sort());
    await s.app.close();
  });

  test('a visitor arriving after a change does not get the render begun before it', async () => {
    const s = await site();
    const before = s.app.inject({ url: '/page' });
    await s.started(1);
    await s.changes.announce('an edit');
    const after = s.app.inject({ url: '/page' });
    await s.started(2);
    s.open();
    assert.equal((await before).body, '<p>version 0</p>');
    assert.equal((await after).body, '<p>version 1</p>');
    assert.equal(s.renders.get('/page'), 2);
    await s.app.close();
  });

  test('when the first render cannot be shared (not a 200), those waiting render their own', async () => {
    const s = await site();
    const answers = Array.from({ length: 3 }, () => s.app.inject({ url: '/missing' }));
    await s.started(1);
    await settle();
    s.open();
    // The others were waiting behind the first; released, each renders, and is let through the gate.
    await s.started(3);
    s.open();
    const replies = await Promise.all(answers);
    for (const reply of replies) assert.equal(reply.statusCode, 404);
    assert.equal(s.renders.get('/missing'), 3);
    await s.app.close();
  });
});
