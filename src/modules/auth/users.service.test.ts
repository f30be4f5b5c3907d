import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import pg from 'pg';
import { createTestUser } from '../../../test/helpers/admin-session.js';
import { openTestDatabase, type TestDatabaseHandle } from '../../../test/helpers/test-database.js';
import { ValidationError } from '../../shared/errors.js';
import { changeRole, disableUser } from './users.service.js';

const NOW = new Date('2026-12-04T09:00:00Z');

/**
 * On PostgreSQL, holds a SHARE lock on `users` (reads go on, writes wait) while
 * `work` starts, until every transaction it started is waiting: behind this
 * lock, or behind one of them. So both sides have read what they will decide
 * on before either writes, the moment a race needs. On SQLite every write
 * transaction already takes the database's write lock first; the work runs as is.
 */
async function whileUsersAreReadOnly<T>(handle: TestDatabaseHandle, waiting: number, work: () => Promise<T>): Promise<T> {
  if (handle.dialect !== 'postgres') return work();
  const client = new pg.Client({ connectionString: handle.postgresUrl, ...(handle.schema ? { options: `-c search_path=${handle.schema}` } : {}) });
  await client.connect();
  try {
    await client.query('begin');
    await client.query('lock table users in share mode');
    const running = work();
    // Absorbs a rejection until it is awaited below, after the lock is released.
    running.catch(() => undefined);
    const deadline = Date.now() + 5000;
    for (;;) {
      const { rows } = await client.query<{ n: string }>(
        // pg_locks, not pg_stat_activity: the latter is a snapshot taken once per transaction.
        `with recursive waiting(pid) as (select distinct pid from pg_locks where not granted),
         blocked(pid) as (
           select pid from waiting where pg_backend_pid() = any(pg_blocking_pids(pid))
           union
           select w.pid from waiting w join blocked b on b.pid = any(pg_blocking_pids(w.pid))
         ) select count(*) as n from blocked`,
      );
      if (Number(rows[0]?.n) >= waiting) break;
      if (Date.now() > deadline) throw new Error(`only ${rows[0]?.n} of ${waiting} transactions reached the lock`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await client.query('commit');
    return await running;
  } finally {
    await client.end();
  }
}

function refusedWith(result: PromiseSettledResult<unknown>, field: string, key: string): boolean {
  return result.status === 'rejected' && result.reason instanceof ValidationError && result.reason.fields[field] === key;
}

describe('the last administrator, under concurrent changes', () => {
  let handle: TestDatabaseHandle;
  before(async () => {
    handle = await openTestDatabase();
  });
  after(() => handle.destroy());

  /** Each test starts with two admins of its own: those of earlier tests are disabled. */
  async function retireEarlierAdmins(): Promise<void> {
    await handle.db.updateTable('users').set({ disabled_at: NOW.toISOString() }).where('role', '=', 'admin').execute();
  }

  async function enabledAdmins(): Promise<number> {
    const rows = await handle.db.selectFrom('users').select('id').where('role', '=', 'admin').where('disabled_at', 'is', null).execute();
    return rows.length;
  }

  test('two admins demoting each other at the same moment: one administrator remains, the other change is refused', async () => {
    await retireEarlierAdmins();
    const a = await createTestUser(handle.db, { role: 'admin' });
    const b = await createTestUser(handle.db, { role: 'admin' });
    const results = await whileUsersAreReadOnly(handle, 2, () =>
      Promise.allSettled([changeRole(handle.db, b.id, 'editor', { userId: a.id }, NOW), changeRole(handle.db, a.id, 'editor', { userId: b.id }, NOW)]),
    );
    assert.equal(await enabledAdmins(), 1);
    assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1, 'one demotion happens');
    assert.equal(results.filter((r) => refusedWith(r, 'role', 'admin.users.lastAdminRole')).length, 1, 'the other is refused as the last administrator');
  });

  test('two admins disabling each other at the same moment: one administrator remains', async () => {
    await retireEarlierAdmins();
    const a = await createTestUser(handle.db, { role: 'admin' });
    const b = await createTestUser(handle.db, { role: 'admin' });
    const results = await whileUsersAreReadOnly(handle, 2, () =>
      Promise.allSettled([disableUser(handle.db, b.id, { userId: a.id }, NOW), disableUser(handle.db, a.id, { userId: b.id }, NOW)]),
    );
    assert.equal(await enabledAdmins(), 1);
    assert.equal(results.filter((r) => refusedWith(r, 'account', 'admin.users.lastAdminDisable')).length, 1);
  });

  test('one demoting while the other disables: one administrator remains', async () => {
    await retireEarlierAdmins();
    const a = await createTestUser(handle.db, { role: 'admin' });
    const b = await createTestUser(handle.db, { role: 'admin' });
    const results = await whileUsersAreReadOnly(handle, 2, () =>
      Promise.allSettled([changeRole(handle.db, b.id, 'contributor', { userId: a.id }, NOW), disableUser(handle.db, a.id, { userId: b.id }, NOW)]),
    );
    assert.equal(await enabledAdmins(), 1);
    assert.equal(results.filter((r) => r.status === 'rejected').length, 1);
  });
});
