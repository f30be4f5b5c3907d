/**
 * Migrations are read from their folder: a file named with its timestamp is a
 * migration, known by its name without the extension, run in the order of
 * the names; nothing else in the folder is.
 */
import assert from 'node:assert/strict';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { Migrator, sql, type Kysely } from 'kysely';
import { openDatabase } from '../database.js';
import { tempDirForBlock } from '../../../test/helpers/temp-dir.js';
import { migrationProvider, migrationsIn } from './index.js';

/** A migration file that records its name in `steps` when it runs. */
function migrationFile(name: string): string {
  return [
    'export async function up(db) {',
    `  await db.insertInto('steps').values({ name: '${name}' }).execute();`,
    '}',
    '',
  ].join('\n');
}

describe('migrations listed from a folder', () => {
  let folder = '';
  tempDirForBlock('almanac-migrations-', (path) => {
    folder = path;
  });

  test('a new file is picked up, in the order of the names, and the other files are not migrations', async () => {
    // Compiled migrations are ES modules, as dist/ is under the project's package.json.
    writeFileSync(join(folder, 'package.json'), JSON.stringify({ type: 'module' }));
    writeFileSync(join(folder, '2026-01-02T0900-add-second.js'), migrationFile('second'));
    writeFileSync(join(folder, '2026-01-01T0900-create-first.js'), migrationFile('first'));
    for (const other of ['index.js', 'portable.js', 'first.test.js', '2026-01-01T0900-create-first.js.map', '2026-01-01T0900-create-first.d.ts']) {
      writeFileSync(join(folder, other), 'throw new Error("not a migration");\n');
    }
    const provider = migrationsIn(folder);
    assert.deepEqual(Object.keys(await provider.getMigrations()), ['2026-01-01T0900-create-first', '2026-01-02T0900-add-second']);

    const handle = openDatabase({ sqlitePath: ':memory:' });
    const db = handle.db as unknown as Kysely<{ steps: { name: string } }>;
    try {
      await sql`create table steps (name text not null)`.execute(db);
      const migrator = new Migrator({ db, provider });
      assert.equal((await migrator.migrateToLatest()).error, undefined);

      // A file added later, with a later timestamp, is the one run next.
      writeFileSync(join(folder, '2026-01-03T0900-add-third.js'), migrationFile('third'));
      const result = await migrator.migrateToLatest();
      assert.equal(result.error, undefined);
      assert.deepEqual(result.results?.map((r) => [r.migrationName, r.status]), [['2026-01-03T0900-add-third', 'Success']]);
      const steps = await db.selectFrom('steps').select('name').execute();
      assert.deepEqual(steps.map((s) => s.name), ['first', 'second', 'third']);
    } finally {
      await handle.destroy();
    }
  });

  test("the application's migrations are the timestamped files beside the list, each with its up function, in order", async () => {
    const here = fileURLToPath(new URL('.', import.meta.url));
    const files = readdirSync(here).filter((file) => /^\d{4}-\d{2}-\d{2}T\d{4}-.+\.ts$/.test(file));
    const migrations = await migrationProvider.getMigrations();
    const names = Object.keys(migrations);
    assert.deepEqual(names, files.map((file) => file.replace(/\.ts$/, '')).sort());
    // The name a database records is the file's name without its extension, as it always was.
    assert.equal(names[0], '2026-11-23T1400-create-languages');
    assert.ok(!names.some((name) => name.includes('.') || name === 'index' || name === 'portable'));
    for (const name of names) assert.equal(typeof migrations[name]?.up, 'function', name);
  });
});
