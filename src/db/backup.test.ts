import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import pg from 'pg';
import { importSampleContent } from '../modules/importer/index.js';
import { testDatabaseUrl } from '../../test/helpers/test-database.js';
import { BackupError, backupDatabase, restoreDatabase } from './backup.js';
import { migrateToLatest, openDatabase, type DatabaseHandle } from './database.js';

const NOW = new Date('2026-11-23T02:00:00Z');

async function eventCount(handle: DatabaseHandle): Promise<number> {
  return Number((await handle.db.selectFrom('events').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
}

describe('backup and restore', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'almanac-backup-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('SQLite: a backup taken while the database is open restores the content removed after it', async () => {
    const sqlitePath = join(dir, 'site.sqlite');
    const handle = openDatabase({ sqlitePath });
    try {
      await migrateToLatest(handle.db);
      await importSampleContent(handle.db, NOW);
      const before = await eventCount(handle);
      assert.ok(before > 0);
      const report = await backupDatabase({ sqlitePath }, join(dir, 'backups', 'site.backup'));
      assert.ok(report.bytes > 0);

      await handle.db.deleteFrom('event_translations').execute();
      await handle.db.deleteFrom('event_topics').execute();
      await handle.db.deleteFrom('event_programmes').execute();
      await handle.db.deleteFrom('event_attachments').execute();
      await handle.db.deleteFrom('events').execute();
      assert.equal(await eventCount(handle), 0);

      await restoreDatabase({ sqlitePath }, report.file);
      // The connection that stayed open sees the restored content.
      assert.equal(await eventCount(handle), before);
    } finally {
      await handle.destroy();
    }
  });

  test('SQLite: refuses to restore a file that is not a database, and leaves the database alone', async () => {
    const sqlitePath = join(dir, 'other.sqlite');
    const handle = openDatabase({ sqlitePath });
    await migrateToLatest(handle.db);
    await importSampleContent(handle.db, NOW);
    const before = await eventCount(handle);
    const junk = join(dir, 'junk.backup');
    writeFileSync(junk, 'not a database at all, just text');
    await assert.rejects(restoreDatabase({ sqlitePath }, junk), BackupError);
    await assert.rejects(restoreDatabase({ sqlitePath }, join(dir, 'missing.backup')), BackupError);
    assert.equal(await eventCount(handle), before);
    await handle.destroy();
  });

  test('PostgreSQL: pg_dump and pg_restore round trip', { skip: testDatabaseUrl ? false : 'needs TEST_DATABASE_URL' }, async () => {
    // A database of its own: restoring cleans what the backup holds, and must not touch other tests' schemas.
    const name = `almanac_backup_${process.pid}`;
    const admin = new pg.Client({ connectionString: testDatabaseUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${name}`);
    await admin.query(`create database ${name}`);
    const url = new URL(testDatabaseUrl!);
    url.pathname = `/${name}`;
    const databaseUrl = url.toString();
    const handle = openDatabase({ databaseUrl });
    try {
      await migrateToLatest(handle.db);
      await importSampleContent(handle.db, NOW);
      const before = await eventCount(handle);
      const report = await backupDatabase({ databaseUrl, sqlitePath: '' }, join(dir, 'pg.backup'));
      await handle.db.deleteFrom('event_translations').execute();
      await handle.db.deleteFrom('event_topics').execute();
      await handle.db.deleteFrom('event_programmes').execute();
      await handle.db.deleteFrom('event_attachments').execute();
      await handle.db.deleteFrom('events').execute();
      await handle.destroy();
      await restoreDatabase({ databaseUrl, sqlitePath: '' }, report.file);
      const reopened = openDatabase({ databaseUrl });
      try {
        assert.equal(await eventCount(reopened), before);
      } finally {
        await reopened.destroy();
      }
    } finally {
      await handle.destroy().catch(() => {});
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  });
});
