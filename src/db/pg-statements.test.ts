/**
 * On PostgreSQL the kept queries run as statements prepared under their
 * names (pg-statements.ts); other statements are sent unnamed; and a kept
 * statement whose table changed its columns still answers.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.js';
import { KEPT_SHAPES, keptQuery, keptStatementName } from './kept-query.js';
import { databaseForBlock, testDatabaseUrl } from '../../test/helpers/test-database.js';

// A table of the test's own, which the schema's types do not know.
type LooseDb = Kysely<Record<string, Record<string, unknown>>>;
const loose = (db: Kysely<Database>): LooseDb => db as unknown as LooseDb;

describe('kept queries as prepared statements on PostgreSQL', { skip: testDatabaseUrl ? false : 'needs TEST_DATABASE_URL' }, () => {
  let db: Kysely<Database>;
  databaseForBlock((opened) => (db = opened));
  const warnings: string[] = [];
  const onWarning = (warning: Error) => warnings.push(warning.message);
  before(() => process.on('warning', onWarning));
  after(() => process.off('warning', onWarning));

  /** The text of each statement prepared under a name on the connection `conn`. */
  async function prepared(conn: Kysely<Database>): Promise<string[]> {
    const { rows } = await sql<{ statement: string }>`select statement from pg_prepared_statements`.execute(conn);
    return rows.map((row) => row.statement);
  }

  test('a kept query is prepared once under its name on a connection, and each run binds its own values', async () => {
    await db
      .insertInto('settings')
      .values(['alpha', 'beta', 'gamma'].map((key, i) => ({ key, value: String(i) })))
      .execute();
    const query = keptQuery<{ key: string }, 'one', { value: string }>((kdb, v) => kdb.selectFrom('settings').select('value').where('key', '=', v.key));
    await db.connection().execute(async (conn) => {
      assert.deepEqual((await query(conn, 'one', { key: 'alpha' })).rows, [{ value: '0' }]);
      assert.deepEqual((await query(conn, 'one', { key: 'gamma' })).rows, [{ value: '2' }]);
      const compiled = db.selectFrom('settings').select('value').where('key', '=', 'x').compile();
      assert.ok(keptStatementName(compiled.sql)?.startsWith('kept_'));
      assert.deepEqual(
        (await prepared(conn)).filter((statement) => statement === compiled.sql),
        [compiled.sql],
        'prepared once, under one name',
      );
      // Any other statement is sent unnamed.
      await db.selectFrom('settings').select('key').where('value', '=', '1').execute();
      await conn.selectFrom('settings').select('key').where('value', '=', '1').execute();
      assert.ok(!(await prepared(conn)).some((statement) => statement.includes('where "value" =')));
    });
  });

  test('no statement is compiled just in time: the connections of both pools have JIT off', async () => {
    const jit = async (conn: Kysely<Database>) => (await sql<{ jit: string }>`show jit`.execute(conn)).rows[0]?.jit;
    // An unnamed statement (the first pool) and one sent with a kept query's connection.
    assert.equal(await jit(db), 'off');
    const query = keptQuery<{ key: string }, 'jit', { value: string }>((kdb, v) => kdb.selectFrom('settings').select('value').where('key', '=', v.key));
    await db.connection().execute(async (conn) => {
      await query(conn, 'jit', { key: 'alpha' });
      assert.equal(await jit(conn), 'off');
    });
  });

  /** How often the prepared statement `text` was run with its generic plan and with a plan made for its values, on `conn`. */
  async function plansOf(conn: Kysely<Database>, text: string): Promise<{ generic: number; custom: number }> {
    const { rows } = await sql<{ generic_plans: string; custom_plans: string }>`select generic_plans, custom_plans from pg_prepared_statements where statement = ${text}`.execute(conn);
    assert.equal(rows.length, 1, 'prepared once');
    return { generic: Number(rows[0]!.generic_plans), custom: Number(rows[0]!.custom_plans) };
  }

  test('a kept statement runs its generic plan from its first run; other statements are planned as the server says', async () => {
    await db.insertInto('settings').values({ key: 'planned', value: 'yes' }).execute();
    const query = keptQuery<{ key: string }, 'one', { value: string }>((kdb, v) => kdb.selectFrom('settings').select('value').where('key', '>=', v.key).where('key', '<=', v.key));
    const text = db.selectFrom('settings').select('value').where('key', '>=', 'x').where('key', '<=', 'x').compile().sql;
    await db.connection().execute(async (conn) => {
      const serverSetting = (await sql<{ plan_cache_mode: string }>`show plan_cache_mode`.execute(conn)).rows[0]!.plan_cache_mode;
      for (let i = 0; i < 3; i += 1) assert.deepEqual((await query(conn, 'one', { key: 'planned' })).rows, [{ value: 'yes' }]);
      assert.deepEqual(await plansOf(conn, text), { generic: 3, custom: 0 });
      // An unnamed statement after it: the server's setting again.
      assert.equal((await sql<{ plan_cache_mode: string }>`show plan_cache_mode`.execute(conn)).rows[0]!.plan_cache_mode, serverSetting);
      assert.deepEqual((await query(conn, 'one', { key: 'planned' })).rows, [{ value: 'yes' }]);
      assert.deepEqual(await plansOf(conn, text), { generic: 4, custom: 0 });

      // A rollback undoes the setting made in its transaction: the next kept statement sets it again.
      await sql`begin`.execute(conn);
      assert.deepEqual((await query(conn, 'one', { key: 'planned' })).rows, [{ value: 'yes' }]);
      await sql`rollback`.execute(conn);
      assert.deepEqual((await query(conn, 'one', { key: 'planned' })).rows, [{ value: 'yes' }]);
      assert.deepEqual(await plansOf(conn, text), { generic: 6, custom: 0 });

      // So does a failed transaction's end.
      await sql`begin`.execute(conn);
      await query(conn, 'one', { key: 'planned' });
      await assert.rejects(sql`select 1 / 0`.execute(conn));
      await sql`rollback`.execute(conn);
      assert.equal((await sql<{ plan_cache_mode: string }>`show plan_cache_mode`.execute(conn)).rows[0]!.plan_cache_mode, serverSetting);
      await query(conn, 'one', { key: 'planned' });
      assert.deepEqual(await plansOf(conn, text), { generic: 8, custom: 0 });
    });
    // Each switch is answered before the statement is sent (pg warns, once a process, of a query sent while another runs).
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(warnings.filter((message) => /already executing a query/.test(message)), []);
  });

  test('a transaction that fails after a kept statement is rolled back, and its connection goes back to the pool usable', async () => {
    const keptValue = keptQuery<{ n: number }, 'one', { q: number }>((kdb, v) => ({ compile: () => sql<{ q: number }>`select 12 / ${v.n} as q`.compile(kdb) }));
    await assert.rejects(
      db.transaction().execute(async (trx) => {
        assert.deepEqual((await keptValue(trx, 'one', { n: 4 })).rows, [{ q: 3 }]);
        // Fails where the connection plans generically: the rollback then must not wait on a switch back, which fails too.
        await keptValue(trx, 'one', { n: 0 });
      }),
      /division by zero/,
    );
    // The pool hands out the connection released last first: each of these would meet an aborted transaction.
    for (let i = 0; i < 3; i += 1) {
      assert.deepEqual((await sql<{ one: number }>`select 1 as one`.execute(db)).rows, [{ one: 1 }]);
      assert.deepEqual((await keptValue(db, 'one', { n: 6 })).rows, [{ q: 2 }]);
    }
  });

  test('kept statements and the others run on connections of their own setting, without switching one', async () => {
    type Setting = { mode: string; pid: number };
    const read = (who: string) => sql<Setting>`select current_setting('plan_cache_mode') as mode, pg_backend_pid() as pid, ${sql.lit(who)} as who`;
    // The same statement but for its text: a statement is kept by its text.
    const kept = keptQuery<Record<string, never>, 'setting', Setting>((kdb) => ({ compile: () => read('kept').compile(kdb) }));
    const setting = read('other');
    const serverSetting = (await setting.execute(db)).rows[0]!.mode;
    assert.notEqual(serverSetting, 'force_generic_plan');
    const keptPids = new Set<number>();
    const otherPids = new Set<number>();
    // Alternating, and some at once, as a page's statements come.
    for (let i = 0; i < 10; i += 1) {
      const [fromKept, fromOther] = await Promise.all([kept(db, 'setting', {}), setting.execute(db)]);
      for (const row of fromKept.rows) {
        assert.equal(row.mode, 'force_generic_plan');
        keptPids.add(row.pid);
      }
      for (const row of fromOther.rows) {
        assert.equal(row.mode, serverSetting);
        otherPids.add(row.pid);
      }
    }
    assert.deepEqual([...keptPids].filter((pid) => otherPids.has(pid)), [], 'no connection ran both kinds');
  });

  test('a shape no longer kept is no longer named', async () => {
    let first = '';
    const query = keptQuery<{ n: number }, string, unknown>((kdb, v, shape) => {
      const built = kdb.selectFrom('settings').select(sql<number>`${v.n}`.as(`n_${shape.replace(' ', '_')}`));
      if (shape === 'shape 0') first = built.compile().sql;
      return built;
    });
    await query(db, 'shape 0', { n: 1 });
    assert.ok(keptStatementName(first));
    for (let i = 1; i <= KEPT_SHAPES; i += 1) await query(db, `shape ${i}`, { n: i });
    assert.equal(keptStatementName(first), undefined);
  });

  test("a kept statement still answers once its table's columns change, with the new column", async () => {
    await sql`create table kept_probe (id integer primary key, a text not null)`.execute(db);
    await sql`insert into kept_probe (id, a) values (1, 'one')`.execute(db);
    const query = keptQuery<{ id: number }, 'all', Record<string, unknown>>((kdb, v) => loose(kdb).selectFrom('kept_probe').selectAll().where('id', '=', v.id));
    await db.connection().execute(async (conn) => {
      assert.deepEqual((await query(conn, 'all', { id: 1 })).rows, [{ id: 1, a: 'one' }]);
      // As another instance's migration would, between two runs on this connection.
      await sql`alter table kept_probe add column b text not null default 'new'`.execute(db);
      assert.deepEqual((await query(conn, 'all', { id: 1 })).rows, [{ id: 1, a: 'one', b: 'new' }]);
      assert.deepEqual((await query(conn, 'all', { id: 1 })).rows, [{ id: 1, a: 'one', b: 'new' }]);
    });
  });
});
