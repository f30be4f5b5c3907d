import assert from 'node:assert/strict';
import { test } from 'node:test';
import SqliteDatabase from 'better-sqlite3';
import { CompiledQuery } from 'kysely';
import { openDatabase } from './database.js';
import { CachingSqliteConnection, StatementCache, withCastLimits } from './statement-cache.js';

test('a query run again reuses its prepared statement, with the new values bound', async () => {
  const sqlite = new SqliteDatabase(':memory:');
  const cache = new StatementCache(sqlite);
  const connection = new CachingSqliteConnection(sqlite, cache);
  await connection.executeQuery(CompiledQuery.raw('create table t (n integer)'));
  const insert = (n: number) => connection.executeQuery(CompiledQuery.raw('insert into t (n) values (?)', [n]));
  const first = await insert(1);
  await insert(2);
  await insert(3);
  assert.equal(first.numAffectedRows, 1n);
  const read = await connection.executeQuery<{ n: number }>(CompiledQuery.raw('select n from t where n >= ? order by n', [2]));
  assert.deepEqual(read.rows, [{ n: 2 }, { n: 3 }]);
  // create, insert, select: three texts, three compilations for five queries.
  assert.equal(cache.prepared, 3);
  sqlite.close();
});

test('a kept statement that returns rows gives arrays, and the connection makes them the objects better-sqlite3 would', async () => {
  const sqlite = new SqliteDatabase(':memory:');
  const cache = new StatementCache(sqlite);
  const connection = new CachingSqliteConnection(sqlite, cache);
  sqlite.exec(`create table t (id integer primary key, name text, score real, data blob, note text)`);
  sqlite.prepare('insert into t (name, score, data, note) values (?, ?, ?, ?)').run('Hà Nội', 1.5, Buffer.from([1, 2]), null);
  sqlite.prepare('insert into t (name, score, data, note) values (?, ?, ?, ?)').run('Huế', -2, null, 'x');
  const queries = [
    'select * from t order by id',
    // Two columns of one name: the later value wins, as in better-sqlite3's own objects.
    "select id as a, name as a, 'kept' as b from t order by id",
    'select count(*) as n, max(score) as top from t',
    'select * from t where id > 99',
  ];
  for (const sql of queries) {
    const made = await connection.executeQuery(CompiledQuery.raw(sql));
    assert.deepEqual(made.rows, sqlite.prepare(sql).all(), sql);
  }
  const kept = cache.get('select * from t order by id');
  assert.deepEqual(kept.columns, ['id', 'name', 'score', 'data', 'note']);
  assert.ok(Array.isArray(kept.statement.all()[0]), 'the kept statement returns arrays');
  assert.equal(cache.get('insert into t (name) values (?)').columns, null, 'a statement without rows has no columns');
  sqlite.close();
});

test('the least recently used statement goes first when the cache is full', () => {
  const sqlite = new SqliteDatabase(':memory:');
  const cache = new StatementCache(sqlite, 2);
  cache.get('select 1');
  cache.get('select 2');
  cache.get('select 1');
  cache.get('select 3');
  assert.equal(cache.count, 2);
  cache.get('select 1');
  assert.equal(cache.prepared, 3, '"select 1" was used last and stayed');
  cache.get('select 2');
  assert.equal(cache.prepared, 4, '"select 2" had been dropped');
  sqlite.close();
});

test('a stream reads every row of a query that was also run whole', async () => {
  const { db, destroy } = openDatabase({ sqlitePath: ':memory:' });
  await db.schema.createTable('t').addColumn('n', 'integer').execute();
  await db.insertInto('t' as never).values([{ n: 1 }, { n: 2 }, { n: 3 }] as never).execute();
  const query = () => db.selectFrom('t' as never).select('n' as never).orderBy('n' as never);
  assert.equal((await query().execute()).length, 3);
  const seen: number[] = [];
  for await (const row of query().stream()) seen.push((row as { n: number }).n);
  assert.deepEqual(seen, [1, 2, 3]);
  assert.equal((await query().execute()).length, 3);
  await destroy();
});

test('a LIMIT or OFFSET given as a bare parameter is prepared cast, so that a new value does not make SQLite prepare the statement again', () => {
  assert.equal(withCastLimits('select * from t order by n limit ? offset ?'), 'select * from t order by n limit cast(? as integer) offset cast(? as integer)');
  assert.equal(withCastLimits('select * from (select n from t LIMIT\n?) as x limit 1'), 'select * from (select n from t LIMIT\ncast(? as integer)) as x limit 1');
  // Quoted text and names are not SQL, and a column named like the word is not a limit.
  assert.equal(withCastLimits(`select 'limit ?' as "offset ?", x.limit_days from x where a = ? limit ?`), `select 'limit ?' as "offset ?", x.limit_days from x where a = ? limit cast(? as integer)`);
  assert.equal(withCastLimits(`select 'it''s limit ?' limit ?`), `select 'it''s limit ?' limit cast(? as integer)`);
  assert.equal(withCastLimits('select n from t where n > ?'), 'select n from t where n > ?');
});

test('a kept statement with a LIMIT and OFFSET answers each run with its own values', async () => {
  const sqlite = new SqliteDatabase(':memory:');
  const cache = new StatementCache(sqlite);
  const connection = new CachingSqliteConnection(sqlite, cache);
  sqlite.exec('create table t (n integer)');
  const insert = sqlite.prepare('insert into t (n) values (?)');
  for (let n = 1; n <= 10; n++) insert.run(n);
  const page = async (limit: number, offset: number) =>
    (await connection.executeQuery<{ n: number }>(CompiledQuery.raw('select n from t order by n limit ? offset ?', [limit, offset]))).rows.map((r) => r.n);
  assert.deepEqual(await page(3, 0), [1, 2, 3]);
  assert.deepEqual(await page(2, 5), [6, 7]);
  assert.deepEqual(await page(20, 8), [9, 10]);
  assert.equal(cache.prepared, 1);
  assert.match(cache.get('select n from t order by n limit ? offset ?').statement.source, /limit cast\(\? as integer\) offset cast\(\? as integer\)/);
  sqlite.close();
});
