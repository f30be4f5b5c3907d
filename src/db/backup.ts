/**
 * Backups of the whole database, and restoring one (`almanac backup <file>`,
 * `almanac restore <file>`).
 *
 * SQLite: SQLite's online backup API copies the database page by page while
 * the server goes on serving and writing (a consistent snapshot, WAL
 * included); restoring copies the file back the same way, under SQLite's
 * locks, so servers on the file see the restored content on their next query.
 *
 * PostgreSQL: pg_dump (custom format: compressed, restorable selectively) and
 * pg_restore, which must be installed (the postgresql-client package, of the
 * server's major version or newer). Without them there is nothing portable
 * to fall back on, and the command says so.
 */
import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SqliteDatabase from 'better-sqlite3';

export class BackupError extends Error {
  override name = 'BackupError';
}

export interface BackupTarget {
  /** postgres://… or undefined for SQLite. */
  databaseUrl?: string | undefined;
  sqlitePath: string;
}

export interface BackupReport {
  file: string;
  bytes: number;
  milliseconds: number;
}

/** SQLite's first 16 bytes, to refuse restoring something else over the database. */
const SQLITE_HEADER = 'SQLite format 3\u0000';

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'pipe'], env });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') {
        reject(
          new BackupError(
            `${command} was not found. Backups of PostgreSQL use ${command} from the PostgreSQL client tools: ` +
              `install them (Debian/Ubuntu: apt install postgresql-client; the same major version as the server or newer), ` +
              `or rely on your database provider's backups.`,
          ),
        );
      } else reject(error);
    });
    child.once('exit', (code) => (code === 0 ? resolvePromise() : reject(new BackupError(`${command} failed (exit ${code}):\n${stderr.trim()}`))));
  });
}

/** Writes a backup of the database to `file` (replaced if it exists, only once the backup is complete). */
export async function backupDatabase(target: BackupTarget, file: string): Promise<BackupReport> {
  const started = Date.now();
  const out = resolve(file);
  mkdirSync(dirname(out), { recursive: true });
  const partial = `${out}.partial`;
  rmSync(partial, { force: true });
  try {
    if (target.databaseUrl) {
      // The password stays in the URL, passed as an argument only to pg_dump itself.
      await run('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', `--file=${partial}`, `--dbname=${target.databaseUrl}`], process.env);
    } else {
      if (!existsSync(target.sqlitePath)) throw new BackupError(`There is no database at ${target.sqlitePath}.`);
      const source = new SqliteDatabase(target.sqlitePath, { fileMustExist: true });
      try {
        await source.backup(partial);
      } finally {
        source.close();
      }
    }
    renameSync(partial, out);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
  return { file: out, bytes: statSync(out).size, milliseconds: Date.now() - started };
}

/**
 * Replaces the database's content with a backup made by backupDatabase.
 * Stop the servers first, or at least expect visitors to see the restored
 * site at once. Migrations run afterwards (the caller opens the runtime) in
 * case the backup is from an older release.
 */
export async function restoreDatabase(target: BackupTarget, file: string): Promise<BackupReport> {
  const started = Date.now();
  const input = resolve(file);
  if (!existsSync(input)) throw new BackupError(`There is no backup at ${input}.`);
  if (target.databaseUrl) {
    // --clean --if-exists drops what the backup holds before recreating it; one transaction: all or nothing.
    await run(
      'pg_restore',
      ['--clean', '--if-exists', '--no-owner', '--no-privileges', '--single-transaction', `--dbname=${target.databaseUrl}`, input],
      process.env,
    );
  } else {
    const header = Buffer.alloc(16);
    const fd = openSync(input, 'r');
    try {
      readSync(fd, header, 0, 16, 0);
    } finally {
      closeSync(fd);
    }
    if (header.toString('latin1') !== SQLITE_HEADER) throw new BackupError(`${input} is not an SQLite database.`);
    const backup = new SqliteDatabase(input, { readonly: true, fileMustExist: true });
    try {
      const check = backup.pragma('integrity_check', { simple: true });
      if (check !== 'ok') throw new BackupError(`${input} is damaged: ${String(check)}`);
      mkdirSync(dirname(resolve(target.sqlitePath)), { recursive: true });
      await backup.backup(target.sqlitePath);
    } finally {
      backup.close();
    }
  }
  return { file: input, bytes: statSync(input).size, milliseconds: Date.now() - started };
}
