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
import { migrationProvider } from './migrations/index.js';

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
  /** SQLite restore: where the database it replaced was kept. */
  previous?: string;
}

/** Kysely's record of the migrations applied: present in every Almanac database. */
const MIGRATION_TABLE = 'kysely_migration';
/** Tables every Almanac database has had since its first release; a backup without one is something else. */
const EXPECTED_TABLES = ['events', 'event_translations', 'articles', 'article_translations', 'site_texts', 'users', 'sessions', 'audit_log'];

/**
 * Why a backup holding these tables and these applied migrations cannot be
 * restored by this version, or null when it can: it must be an Almanac
 * database (the migration table and the expected tables) whose migrations
 * this version all knows (an unknown one means a newer version made it).
 */
async function backupProblem(input: string, tables: ReadonlySet<string>, migrations: readonly string[]): Promise<string | null> {
  const missing = [MIGRATION_TABLE, ...EXPECTED_TABLES].filter((t) => !tables.has(t));
  if (missing.length > 0) {
    return `${input} is not an Almanac backup: it has no ${missing.join(', ')} table${missing.length > 1 ? 's' : ''}. Nothing was changed.`;
  }
  const known = new Set(Object.keys(await migrationProvider.getMigrations()));
  const unknown = migrations.filter((name) => !known.has(name));
  if (unknown.length > 0) {
    return (
      `${input} was made by a newer version of Almanac (its schema has ${unknown.join(', ')}, which this version does not know). ` +
      'Restore it with that version or a later one. Nothing was changed.'
    );
  }
  return null;
}

/** Checks an SQLite file before anything is replaced: readable, undamaged, an Almanac database this version knows. */
async function checkSqliteBackup(input: string): Promise<void> {
  const header = Buffer.alloc(16);
  const fd = openSync(input, 'r');
  try {
    readSync(fd, header, 0, 16, 0);
  } finally {
    closeSync(fd);
  }
  if (header.toString('latin1') !== SQLITE_HEADER) throw new BackupError(`${input} is not an SQLite database file, so it is not an Almanac backup. Nothing was changed.`);
  const backup = new SqliteDatabase(input, { readonly: true, fileMustExist: true });
  try {
    const check = backup.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new BackupError(`${input} is damaged (${String(check)}). Nothing was changed.`);
    const tables = new Set(backup.prepare("select name from sqlite_master where type = 'table'").pluck().all() as string[]);
    const migrations = tables.has(MIGRATION_TABLE) ? (backup.prepare(`select name from ${MIGRATION_TABLE}`).pluck().all() as string[]) : [];
    const problem = await backupProblem(input, tables, migrations);
    if (problem) throw new BackupError(problem);
  } finally {
    backup.close();
  }
}

/** Runs a command and returns what it wrote on stdout (pg_restore's listings). */
function output(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.once('error', (error: NodeJS.ErrnoException) => {
      reject(error.code === 'ENOENT' ? new BackupError(`${command} was not found: install the PostgreSQL client tools (Debian/Ubuntu: apt install postgresql-client).`) : error);
    });
    child.once('exit', (code) => (code === 0 ? resolvePromise(stdout) : reject(new BackupError(`${command} could not read the file (exit ${code}):\n${stderr.trim()}`))));
  });
}

/**
 * Checks a pg_dump file before pg_restore drops anything: its table of
 * contents names the expected tables, and its migration table's rows name
 * only migrations this version knows.
 */
async function checkPostgresBackup(input: string): Promise<void> {
  let listing: string;
  try {
    listing = await output('pg_restore', ['--list', input], process.env);
  } catch (error) {
    if (error instanceof BackupError && error.message.includes('could not read')) {
      throw new BackupError(`${input} is not a PostgreSQL backup made by "almanac backup" (pg_dump's custom format). Nothing was changed.`);
    }
    throw error;
  }
  // Lines such as "215; 1259 16390 TABLE public events postgres".
  const tables = new Set([...listing.matchAll(/^\d+; \d+ \d+ TABLE \S+ (\S+)/gm)].map((m) => m[1]!));
  let migrations: string[] = [];
  if (tables.has(MIGRATION_TABLE)) {
    const data = await output('pg_restore', ['--data-only', `--table=${MIGRATION_TABLE}`, '--file=-', input], process.env);
    // COPY … FROM stdin; then one row a line (name, tab, timestamp) until "\.".
    const copy = /^COPY \S+ \(([^)]*)\) FROM stdin;\n([\s\S]*?)^\\\.$/m.exec(data);
    if (copy) {
      const nameColumn = copy[1]!.split(',').map((c) => c.trim().replace(/"/g, '')).indexOf('name');
      migrations = copy[2]!.split('\n').filter((row) => row !== '').map((row) => row.split('\t')[nameColumn] ?? '');
    }
  }
  const problem = await backupProblem(input, tables, migrations);
  if (problem) throw new BackupError(problem);
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
 * Replaces the database's content with a backup made by backupDatabase,
 * after checking that it is an Almanac database this version can use (not
 * another SQLite file, not a backup from a newer version); a refused backup
 * changes nothing. SQLite: the database it replaces is first copied to
 * `<database>.before-restore`, and the backup is copied in as one
 * transaction, so a failure part-way leaves the old content. PostgreSQL:
 * pg_restore in one transaction. Stop the servers first, or at least expect
 * visitors to see the restored site at once. Migrations run afterwards (the
 * caller opens the runtime) in case the backup is from an older release.
 */
export async function restoreDatabase(target: BackupTarget, file: string): Promise<BackupReport> {
  const started = Date.now();
  const input = resolve(file);
  if (!existsSync(input)) throw new BackupError(`There is no backup at ${input}.`);
  if (target.databaseUrl) {
    await checkPostgresBackup(input);
    // --clean --if-exists drops what the backup holds before recreating it; one transaction: all or nothing.
    await run(
      'pg_restore',
      ['--clean', '--if-exists', '--no-owner', '--no-privileges', '--single-transaction', `--dbname=${target.databaseUrl}`, input],
      process.env,
    );
    return { file: input, bytes: statSync(input).size, milliseconds: Date.now() - started };
  }
  await checkSqliteBackup(input);
  const databasePath = resolve(target.sqlitePath);
  mkdirSync(dirname(databasePath), { recursive: true });
  let previous: string | undefined;
  if (existsSync(databasePath)) {
    // The database as it was, kept until the next restore: a wrong backup restored can be undone.
    previous = `${databasePath}.before-restore`;
    const partial = `${previous}.partial`;
    rmSync(partial, { force: true });
    const current = new SqliteDatabase(databasePath, { fileMustExist: true });
    try {
      await current.backup(partial);
    } finally {
      current.close();
    }
    renameSync(partial, previous);
  }
  const backup = new SqliteDatabase(input, { readonly: true, fileMustExist: true });
  try {
    // SQLite's backup copies every page in one write transaction on the database: all of it, or nothing.
    await backup.backup(databasePath);
  } finally {
    backup.close();
  }
  return { file: input, bytes: statSync(input).size, milliseconds: Date.now() - started, ...(previous ? { previous } : {}) };
}
