import { spawnSync, type SpawnSyncReturns } from 'node:child_process';

/** The project's folder, where the command line runs. */
export const PROJECT_ROOT = new URL('../..', import.meta.url).pathname;

/** Runs the command line (src/cli.ts through tsx) in the project's folder, with `env` as its environment. */
export function runCli(args: string[], env: NodeJS.ProcessEnv): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], { cwd: PROJECT_ROOT, encoding: 'utf8', env });
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
