/**
 * Writers on one SQLite file: the server, an import, a second server. A write
 * transaction waits for the one holding the file, without holding up the
 * event loop, and gives up with a recognisable error only after its wait.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, test } from 'node:test';
import { sql } from 'kysely';
import { tempDirForBlock } from '../../test/helpers/temp-dir.js';
import { DatabaseBusyError, isDatabaseBusy, isUniqueViolation, migrateToLatest, openDatabase, SQLITE_CACHE_KB, type DatabaseHandle } from './database.js';

/**
 * Another process that takes the file's write lock, says so on stdout, holds
 * it for `holdMs` (writing a row of its own), then commits and exits.
 */
function holdWriteLock(path: string, holdMs: number): Promise<ChildProcess & { done: Promise<number | null> }> {
  const script = `
    const Database = require('better-sqlite3');
    const db = new Database(${JSON.stringify(path)});
    db.pragma('busy_timeout = 5000');
    db.exec('begin immediate');
    db.prepare("insert into site_texts (key, lang, value, updated_at) values ('other.process', 'en', 'held', '2026-01-01T00:00:00Z')").run();
    process.stdout.write('locked\\n');
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ${holdMs});
    db.exec('commit');
    db.close();
  `;
  const child = spawn(process.execPath, ['-e', script], { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'inherit'] });
  const done = new Promise<number | null>((resolve) => child.once('exit', resolve));
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('locked')) resolve(Object.assign(child, { done }));
    });
    child.once('exit', (code) => reject(new Error(`the locking process ended early (${code})`)));
  });
}

describe('write transactions on a shared SQLite file', () => {
  let dir: string;
  let handle: DatabaseHandle | undefined;
  tempDirForBlock('almanac-writers-', (path) => (dir = path));
  afterEach(async () => {
    await handle?.destroy();
    handle = undefined;
  });

  async function open(name: string, writeWaitMs?: number): Promise<DatabaseHandle> {
    handle = openDatabase({ sqlitePath: join(dir, name), ...(writeWaitMs ? { writeWaitMs } : {}) });
    await migrateToLatest(handle.db);
    return handle;
  }

  /**
   * Opens `name` (a save there waiting at most `writeWaitMs`), has another
   * process hold its write lock for `holdMs`, and meanwhile runs `write`,
   * counting the timer ticks that run while it waits. The other process must
   * then have ended well.
   */
  async function writeWhileHeld(name: string, holdMs: number, write: (h: DatabaseHandle) => Promise<void>, writeWaitMs?: number): Promise<{ h: DatabaseHandle; ticks: number }> {
    const h = await open(name, writeWaitMs);
    const other = await holdWriteLock(join(dir, name), holdMs);
    let ticks = 0;
    const timer = setInterval(() => (ticks += 1), 20);
    try {
      await write(h);
    } finally {
      clearInterval(timer);
    }
    assert.equal(await other.done, 0);
    return { h, ticks };
  }

  /** A save's shape: read what is stored, then write. */
  async function readThenWrite(h: DatabaseHandle, key: string): Promise<void> {
    await h.db.transaction().execute(async (trx) => {
      await trx.selectFrom('site_texts').selectAll().execute();
      await trx.insertInto('site_texts').values({ key, lang: 'en', value: 'saved', updated_at: '2026-01-01T00:00:00Z' }).execute();
    });
  }

  test('a save waits for another process holding the file, and the server answers meanwhile', async () => {
    let waited = 0;
    const { h, ticks } = await writeWhileHeld('wait.sqlite', 700, async (db) => {
      const started = Date.now();
      await readThenWrite(db, 'this.process');
      waited = Date.now() - started;
    });
    assert.ok(waited >= 400, `the save waited for the other writer (${waited} ms)`);
    // The wait is a sleep between tries, not SQLite blocking the thread.
    assert.ok(ticks >= 2, `timers ran while the save waited (${ticks} ticks)`);
    const keys = (await h.db.selectFrom('site_texts').select('key').execute()).map((r) => r.key).sort();
    assert.deepEqual(keys, ['other.process', 'this.process']);
  });

  test('two processes saving into one file at the same time: every save succeeds', async () => {
    const path = join(dir, 'two.sqlite');
    await open('two.sqlite');
    const saves = 150;
    const run = (name: string) =>
      new Promise<{ saved: number; failures: string[] }>((resolvePromise, reject) => {
        const child = spawn(process.execPath, ['--import', 'tsx', 'test/fixtures/concurrent-saves.ts', path, name, String(saves)], { stdio: ['ignore', 'pipe', 'inherit'] });
        let out = '';
        child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
        child.once('exit', (code) => (code === 0 ? resolvePromise(JSON.parse(out) as { saved: number; failures: string[] }) : reject(new Error(`exit ${code}`))));
      });
    const [a, b] = await Promise.all([run('a'), run('b')]);
    assert.deepEqual([a.failures, b.failures], [[], []]);
    assert.equal(a.saved + b.saved, 2 * saves);
    const rows = await handle!.db.selectFrom('site_texts').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    assert.equal(Number(rows.n), 2 * saves);
  });

  test('a single write outside a transaction waits the same way', async () => {
    const { h, ticks } = await writeWhileHeld('single.sqlite', 500, async (db) => {
      await db.db.insertInto('site_texts').values({ key: 'this.process', lang: 'en', value: 'saved', updated_at: '2026-01-01T00:00:00Z' }).execute();
    });
    assert.ok(ticks >= 2, `timers ran while the write waited (${ticks} ticks)`);
    assert.equal((await h.db.selectFrom('site_texts').select('key').execute()).length, 2);
  });

  test('a save that cannot get the file within its wait fails with DatabaseBusyError, leaving nothing half-written', async () => {
    const { h, ticks } = await writeWhileHeld(
      'busy.sqlite',
      1500,
      (db) =>
        assert.rejects(readThenWrite(db, 'this.process'), (error: unknown) => {
          assert.ok(error instanceof DatabaseBusyError, `a DatabaseBusyError, not ${String(error)}`);
          assert.ok(isDatabaseBusy(error));
          return true;
        }),
      400,
    );
    assert.ok(ticks >= 2, `timers ran while the save waited (${ticks} ticks)`);
    const keys = (await h.db.selectFrom('site_texts').select('key').execute()).map((r) => r.key);
    assert.deepEqual(keys, ['other.process']);
    // The connection is usable again once the file is free.
    await readThenWrite(h, 'this.process');
  });

  test('SQLite keeps temporary tables (sorts over a union) in memory, not in a file', async () => {
    const h = await open('temp-store.sqlite');
    const { rows } = await sql<{ temp_store: number }>`pragma temp_store`.execute(h.db);
    assert.equal(rows[0]?.temp_store, 2, 'temp_store = MEMORY');
  });

  test("SQLite keeps at most SQLITE_CACHE_KB of the file's pages in memory, not the 16 MB its build allows", async () => {
    const h = await open('cache-size.sqlite');
    const { rows } = await sql<{ cache_size: number }>`pragma cache_size`.execute(h.db);
    assert.equal(rows[0]?.cache_size, -SQLITE_CACHE_KB);
    assert.ok(SQLITE_CACHE_KB < 16_000);
  });

  test('isDatabaseBusy knows busy and lock errors of both databases, and nothing else', () => {
    const coded = (code: string) => Object.assign(new Error(code), { code });
    for (const code of ['SQLITE_BUSY', 'SQLITE_BUSY_SNAPSHOT', 'SQLITE_LOCKED', '40001', '40P01', '55P03']) assert.ok(isDatabaseBusy(coded(code)), code);
    for (const code of ['SQLITE_CONSTRAINT_UNIQUE', '23505', 'ENOENT']) assert.ok(!isDatabaseBusy(coded(code)), code);
    assert.ok(!isDatabaseBusy(new Error('database is locked')));
    assert.ok(!isDatabaseBusy(undefined));
  });

  test('isUniqueViolation knows a unique index refusing a row on both databases, and nothing else', () => {
    const coded = (code: string) => Object.assign(new Error(code), { code });
    for (const code of ['SQLITE_CONSTRAINT_UNIQUE', '23505']) assert.ok(isUniqueViolation(coded(code)), code);
    for (const code of ['SQLITE_CONSTRAINT_NOTNULL', 'SQLITE_BUSY', '23503', '40001']) assert.ok(!isUniqueViolation(coded(code)), code);
    assert.ok(!isUniqueViolation(new Error('UNIQUE constraint failed: users.email')));
    assert.ok(!isUniqueViolation(undefined));
  });
});
