/**
 * A fresh, migrated database for one test: in-memory SQLite by default, or,
 * when TEST_DATABASE_URL is set, a new PostgreSQL schema of its own (dropped
 * afterwards), so the same tests run on both databases and in parallel.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { migrateToLatest, openDatabase, type DatabaseHandle } from '../../src/db/database.js';

export const testDatabaseUrl = process.env.TEST_DATABASE_URL || undefined;

export async function openTestDatabase(): Promise<DatabaseHandle> {
  if (!testDatabaseUrl) {
    const handle = openDatabase({ sqlitePath: ':memory:' });
    await migrateToLatest(handle.db);
    return handle;
  }
  const schema = `test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: testDatabaseUrl });
  await admin.connect();
  try {
    await admin.query(`create schema ${schema}`);
  } finally {
    await admin.end();
  }
  const handle = openDatabase({ databaseUrl: testDatabaseUrl, postgresSchema: schema });
  await migrateToLatest(handle.db, schema);
  let destroyed = false;
  return {
    ...handle,
    async destroy() {
      if (destroyed) return;
      destroyed = true;
      await handle.destroy();
      const cleanup = new pg.Client({ connectionString: testDatabaseUrl });
      await cleanup.connect();
      try {
        await cleanup.query(`drop schema ${schema} cascade`);
      } finally {
        await cleanup.end();
      }
    },
  };
}
