/**
 * The read transaction reads share within a turn of the event loop
 * (statement-cache.ts, CachingSqliteConnection): one snapshot for the turn's
 * reads, ended by the turn's end and by anything that is not a plain read,
 * so that writes, transactions, streams and other processes see and do what
 * they did before.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { afterEach, describe, test } from 'node:test';
import SqliteDatabase from 'better-sqlite3';
import { tempDirForBlock } from '../../test/helpers/temp-dir.js';
import { migrateToLatest, openDatabase, type DatabaseHandle } from './database.js';

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe("reads share one snapshot within a turn of the event loop", () => {
  let dir: string;
  let handle: DatabaseHandle | undefined;
  let other: SqliteDatabase.Database | undefined;
  tempDirForBlock('almanac-turn-read-', (path) => (dir = path));
  afterEach(async () => {
    other?.close();
    other = undefined;
    await handle?.destroy();
    handle = undefined;
  });

  /** The server's database on a new file, and a second connection to it, as another process would have. */
  async function open(name: string): Promise<{ h: DatabaseHandle; elsewhere: SqliteDatabase.Database }> {
    handle = openDatabase({ sqlitePath: join(dir, name) });
    await migrateToLatest(handle.db);
    other = new SqliteDatabase(join(dir, name));
    // Answers at once rather than waiting for a reader (better-sqlite3 waits 5 s by default).
    other.pragma('busy_timeout = 0');
    return { h: handle, elsewhere: other };
  }

  const keys = async (h: DatabaseHandle) => (await h.db.selectFrom('site_texts').select('key').orderBy('key').execute()).map((r) => r.key);
  const insertElsewhere = (db: SqliteDatabase.Database, key: string) =>
    db.prepare("insert into site_texts (key, lang, value, updated_at) values (?, 'en', 'x', '2026-01-01T00:00:00Z')").run(key);

  test("a commit made elsewhere during a turn is seen from the next turn's reads", async () => {
    const { h, elsewhere } = await open('snapshot.sqlite');
    assert.deepEqual(await keys(h), []);
    insertElsewhere(elsewhere, 'during.turn');
    assert.deepEqual(await keys(h), [], "the turn's reads see the database as at its first read");
    await nextTurn();
    assert.deepEqual(await keys(h), ['during.turn']);
  });

  test('the shared read ends with the turn: another process can then reset the log', async () => {
    const { h, elsewhere } = await open('checkpoint.sqlite');
    insertElsewhere(elsewhere, 'logged');
    await keys(h);
    // A reader holding a snapshot keeps the write-ahead log from being reset: the checkpoint reports "busy" (1).
    const checkpoint = () => (elsewhere.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[])[0]!.busy;
    assert.equal(checkpoint(), 1, 'the read is open during the turn');
    await nextTurn();
    assert.equal(checkpoint(), 0, 'and ended after it');
  });

  test("a write after a read in the same turn is committed at once, and the turn's next read sees it", async () => {
    const { h, elsewhere } = await open('write.sqlite');
    await keys(h);
    await h.db.insertInto('site_texts').values({ key: 'written', lang: 'en', value: 'x', updated_at: '2026-01-01T00:00:00Z' }).execute();
    assert.equal(elsewhere.prepare('select count(*) from site_texts').pluck().get(), 1, 'another connection sees the write in the same turn');
    assert.deepEqual(await keys(h), ['written']);
  });

  test('a transaction, and a streamed query, after a read in the same turn run as before', async () => {
    const { h, elsewhere } = await open('transaction.sqlite');
    await keys(h);
    await h.db.transaction().execute(async (trx) => {
      await trx.selectFrom('site_texts').selectAll().execute();
      await trx.insertInto('site_texts').values({ key: 'in.transaction', lang: 'en', value: 'x', updated_at: '2026-01-01T00:00:00Z' }).execute();
    });
    assert.deepEqual(await keys(h), ['in.transaction']);
    insertElsewhere(elsewhere, 'before.stream');
    const streamed: string[] = [];
    for await (const row of h.db.selectFrom('site_texts').select('key').orderBy('key').stream()) streamed.push(row.key);
    assert.deepEqual(streamed, ['before.stream', 'in.transaction'], 'a stream reads in a transaction of its own, from now');
    assert.deepEqual(await keys(h), ['before.stream', 'in.transaction']);
  });

  test('a failed write in a turn leaves the connection able to read and write', async () => {
    const { h } = await open('failed.sqlite');
    await keys(h);
    const row = { key: 'once', lang: 'en' as const, value: 'x', updated_at: '2026-01-01T00:00:00Z' };
    await h.db.insertInto('site_texts').values(row).execute();
    await assert.rejects(h.db.insertInto('site_texts').values(row).execute(), /UNIQUE/);
    assert.deepEqual(await keys(h), ['once']);
    await nextTurn();
    await h.db.insertInto('site_texts').values({ ...row, key: 'twice' }).execute();
    assert.deepEqual(await keys(h), ['once', 'twice']);
  });
});
