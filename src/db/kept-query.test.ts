import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';
import { KEPT_SHAPES, keptQuery } from './kept-query.js';
import { databaseForBlock } from '../../test/helpers/test-database.js';

describe('queries kept compiled', () => {
  let db: Kysely<Database>;
  databaseForBlock((opened) => (db = opened));

  test('built once per shape, each run binds its own values and reads what the built query reads', async () => {
    await db
      .insertInto('settings')
      .values(['a', 'b', 'c', 'd'].map((key, i) => ({ key, value: String(i) })))
      .execute();
    let builds = 0;
    const query = keptQuery<{ keys: string[]; after: string }, 'asc' | 'desc', { key: string }>((kdb, v, order) => {
      builds += 1;
      return kdb.selectFrom('settings').select('key').where('key', 'in', v.keys).where('key', '>', v.after).orderBy('key', order);
    });
    const keys = async (order: 'asc' | 'desc', keys: string[], after: string) => (await query(db, `${order}` as const, { keys, after })).rows.map((r) => r.key);
    assert.deepEqual(await keys('asc', ['a', 'b', 'c'], ''), ['a', 'b', 'c']);
    assert.deepEqual(await keys('asc', ['b', 'c', 'd'], 'b'), ['c', 'd']);
    assert.deepEqual(await keys('desc', ['a', 'c', 'd'], 'a'), ['d', 'c']);
    assert.equal(builds, 2, 'one build for each order');
  });

  test('the least recently used shapes are dropped beyond KEPT_SHAPES, and built again when asked for', async () => {
    let builds = 0;
    const query = keptQuery<{ keys: string[] }, string, { key: string }>((kdb, v) => {
      builds += 1;
      return kdb.selectFrom('settings').select('key').where('key', 'in', v.keys);
    });
    const ask = (length: number) => query(db, String(length), { keys: Array.from({ length }, (_, i) => `k${i}`) });
    for (let length = 1; length <= KEPT_SHAPES + 1; length += 1) await ask(length);
    assert.equal(builds, KEPT_SHAPES + 1);
    await ask(KEPT_SHAPES + 1);
    assert.equal(builds, KEPT_SHAPES + 1, 'the newest shape is kept');
    await ask(1);
    assert.equal(builds, KEPT_SHAPES + 2, 'the oldest shape was dropped and is built again');
  });

  test('a value the builder uses in its own code, not as a bound value, is refused at the first build', async () => {
    const query = keptQuery<{ key: string }, '', { key: string }>((kdb, v) =>
      kdb.selectFrom('settings').select('key').where('key', '=', v.key === 'a' ? 'a' : 'b'),
    );
    await assert.rejects(async () => query(db, '', { key: 'a' }), /does not bind its value "key"/);
  });
});
