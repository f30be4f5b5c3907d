import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import SqliteDatabase from 'better-sqlite3';
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

  /** A database with the sample content, and a backup of it; `change` alters the backup before the test restores it. */
  async function siteAndBackup(name: string, change?: (backup: SqliteDatabase.Database) => void) {
    const sqlitePath = join(dir, `${name}.sqlite`);
    const handle = openDatabase({ sqlitePath });
    await migrateToLatest(handle.db);
    await importSampleContent(handle.db, NOW);
    const report = await backupDatabase({ sqlitePath }, join(dir, `${name}.backup`));
    if (change) {
      const backup = new SqliteDatabase(report.file);
      change(backup);
      backup.close();
    }
    return { sqlitePath, handle, backupFile: report.file, events: await eventCount(handle) };
  }

  test('SQLite: refuses an SQLite file that is not an Almanac backup (a single table x), and leaves the database alone', async () => {
    const { sqlitePath, handle, events } = await siteAndBackup('foreign');
    try {
      const foreign = join(dir, 'x.sqlite');
      const other = new SqliteDatabase(foreign);
      other.exec('create table x (a integer)');
      other.close();
      await assert.rejects(restoreDatabase({ sqlitePath }, foreign), (error: unknown) => {
        assert.ok(error instanceof BackupError);
        assert.match(error.message, /not an Almanac backup/);
        return true;
      });
      assert.equal(await eventCount(handle), events);
      assert.ok((await handle.db.selectFrom('users').selectAll().execute()) !== undefined);
    } finally {
      await handle.destroy();
    }
  });

  test('SQLite: refuses an Almanac backup missing one of its tables', async () => {
    const { sqlitePath, handle, backupFile, events } = await siteAndBackup('missing-table', (b) => b.exec('drop table users'));
    try {
      await assert.rejects(restoreDatabase({ sqlitePath }, backupFile), /not an Almanac backup.*users/s);
      assert.equal(await eventCount(handle), events);
    } finally {
      await handle.destroy();
    }
  });

  test('SQLite: refuses a backup from a newer version, naming the migration this version does not know', async () => {
    const { sqlitePath, handle, backupFile, events } = await siteAndBackup('newer', (b) =>
      b.prepare("insert into kysely_migration (name, timestamp) values ('2099-01-01T0000-create-hovercraft', '2099-01-01T00:00:00Z')").run(),
    );
    try {
      await assert.rejects(restoreDatabase({ sqlitePath }, backupFile), /newer version of Almanac.*2099-01-01T0000-create-hovercraft/s);
      assert.equal(await eventCount(handle), events);
    } finally {
      await handle.destroy();
    }
  });

  test('SQLite: a text file is "not an SQLite database file"', async () => {
    const { sqlitePath, handle } = await siteAndBackup('text');
    try {
      const junk = join(dir, 'notes.txt');
      writeFileSync(junk, 'Events and meetings\n');
      await assert.rejects(restoreDatabase({ sqlitePath }, junk), /is not an SQLite database file/);
    } finally {
      await handle.destroy();
    }
  });

  test('SQLite: a restore keeps the database it replaced beside it until the next restore', async () => {
    const { sqlitePath, handle, backupFile, events } = await siteAndBackup('keeps');
    try {
      await handle.db.deleteFrom('site_texts').execute();
      await handle.db.insertInto('site_texts').values({ key: 'only.before', lang: 'en', value: 'before the restore', updated_at: NOW.toISOString() }).execute();
      const report = await restoreDatabase({ sqlitePath }, backupFile);
      assert.equal(await eventCount(handle), events);
      assert.ok(report.previous, 'the report names the copy of the previous database');
      const previous = new SqliteDatabase(report.previous, { readonly: true });
      try {
        assert.deepEqual(previous.prepare('select key from site_texts').pluck().all(), ['only.before']);
      } finally {
        previous.close();
      }
    } finally {
      await handle.destroy();
    }
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

  test('PostgreSQL: refuses a dump that is not an Almanac backup, or from a newer version, before dropping anything', { skip: testDatabaseUrl ? false : 'needs TEST_DATABASE_URL' }, async () => {
    const admin = new pg.Client({ connectionString: testDatabaseUrl });
    await admin.connect();
    const names = { site: `almanac_site_${process.pid}`, foreign: `almanac_foreign_${process.pid}` };
    const urlOf = (name: string) => {
      const url = new URL(testDatabaseUrl!);
      url.pathname = `/${name}`;
      return url.toString();
    };
    for (const name of Object.values(names)) {
      await admin.query(`drop database if exists ${name}`);
      await admin.query(`create database ${name}`);
    }
    const site = openDatabase({ databaseUrl: urlOf(names.site) });
    try {
      await migrateToLatest(site.db);
      await importSampleContent(site.db, NOW);
      const before = await eventCount(site);

      const foreign = new pg.Client({ connectionString: urlOf(names.foreign) });
      await foreign.connect();
      await foreign.query('create table x (a integer)');
      await foreign.end();
      const foreignBackup = await backupDatabase({ databaseUrl: urlOf(names.foreign), sqlitePath: '' }, join(dir, 'foreign-pg.backup'));
      await assert.rejects(restoreDatabase({ databaseUrl: urlOf(names.site), sqlitePath: '' }, foreignBackup.file), /not an Almanac backup/);

      const junk = join(dir, 'junk-pg.backup');
      writeFileSync(junk, 'not a dump');
      await assert.rejects(restoreDatabase({ databaseUrl: urlOf(names.site), sqlitePath: '' }, junk), /not a PostgreSQL backup/);

      await site.db.insertInto('kysely_migration' as never).values({ name: '2099-01-01T0000-create-hovercraft', timestamp: '2099-01-01T00:00:00Z' } as never).execute();
      const newer = await backupDatabase({ databaseUrl: urlOf(names.site), sqlitePath: '' }, join(dir, 'newer-pg.backup'));
      await site.db.deleteFrom('kysely_migration' as never).where('name' as never, '=', '2099-01-01T0000-create-hovercraft' as never).execute();
      await assert.rejects(restoreDatabase({ databaseUrl: urlOf(names.site), sqlitePath: '' }, newer.file), /newer version of Almanac.*hovercraft/s);

      assert.equal(await eventCount(site), before);
    } finally {
      await site.destroy();
      for (const name of Object.values(names)) await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  });
});
