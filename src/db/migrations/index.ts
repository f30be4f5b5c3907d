/**
 * The migrations: every file of this folder whose name starts with its
 * timestamp (`2026-11-23T1400-create-languages.ts`), in the order of their
 * names, each known by its name without the extension, as the databases
 * record it. Read from the folder when they are needed, so a new migration is
 * its file alone; the same from the TypeScript sources and from dist/ (where
 * the files end in .js). Other files here (this one, portable.ts, tests) are
 * not migrations.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Migration, MigrationProvider } from 'kysely';

/** A migration's file: its timestamp and what it does, then .ts (sources) or .js (dist/); not a declaration or a test. */
const MIGRATION_FILE = /^(\d{4}-\d{2}-\d{2}T\d{4}-[a-z0-9-]+)\.(?:ts|js)$/;

/** The migrations in `folder`, by name, in the order of their names. */
export function migrationsIn(folder: string): MigrationProvider {
  return {
    async getMigrations() {
      const names = (await readdir(folder))
        .map((file) => [file, MIGRATION_FILE.exec(file)?.[1]] as const)
        .filter((entry): entry is readonly [string, string] => entry[1] !== undefined)
        .sort(([, a], [, b]) => (a < b ? -1 : a > b ? 1 : 0));
      const migrations: Record<string, Migration> = {};
      for (const [file, name] of names) {
        if (name in migrations) throw new Error(`Two files in ${folder} are migration ${name}.`);
        const loaded = (await import(pathToFileURL(join(folder, file)).href)) as Partial<Migration>;
        if (typeof loaded.up !== 'function') throw new Error(`Migration ${name} (${file}) has no up function.`);
        migrations[name] = loaded as Migration;
      }
      return migrations;
    },
  };
}

/** This folder's migrations: the application's. */
export const migrationProvider: MigrationProvider = migrationsIn(fileURLToPath(new URL('.', import.meta.url)));
