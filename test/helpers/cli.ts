import { spawnSync, type SpawnSyncReturns } from 'node:child_process';

/** The project's folder, where the command line runs. */
export const PROJECT_ROOT = new URL('../..', import.meta.url).pathname;

/**
 * Node's arguments that start the command line (`cli`) or the server
 * (`server`): the build in dist/ when the test runner has just built it
 * (ALMANAC_TEST_BUILT=1, set by scripts/test.mjs), which is what production
 * runs and starts in half the time; else the sources through tsx, so that a
 * suite run on its own tests the sources as they are.
 */
export function entry(name: 'cli' | 'server'): string[] {
  return process.env.ALMANAC_TEST_BUILT === '1' ? [`dist/${name}.js`] : ['--import', 'tsx', `src/${name}.ts`];
}

/** Runs the command line (see `entry`) in the project's folder, with `env` as its environment. */
export function runCli(args: string[], env: NodeJS.ProcessEnv): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [...entry('cli'), ...args], { cwd: PROJECT_ROOT, encoding: 'utf8', env });
}

/**
 * `almanac(...args)` on the SQLite file at the path `sqlitePath()` gives
 * (read when it runs), logging nothing: its exit code and what it printed.
 */
export function almanacOn(sqlitePath: () => string): (...args: string[]) => { code: number | null; out: string; err: string } {
  return (...args) => {
    const run = runCli(args, { ...process.env, SQLITE_PATH: sqlitePath(), LOG_LEVEL: 'silent' });
    return { code: run.status, out: run.stdout, err: run.stderr };
  };
}
