/**
 * The server started as a process of its own (see cli.ts's `entry`),
 * for tests of what only a process shows: its standard output, signals and
 * exit code.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createServer } from 'node:net';
import { PROJECT_ROOT, entry } from './cli.js';

/** A port nobody is listening on right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export interface ServerProcess {
  child: ChildProcessWithoutNullStreams;
  /** What the process has written to standard output so far. */
  output(): string;
  /** Its exit code, once it has exited. */
  exited: Promise<number | null>;
}

/**
 * Starts the server with `env` and resolves once it says it is serving; a
 * server that does not within `timeoutMs`, or exits first, is a failure
 * that quotes what it wrote.
 */
export async function startServerProcess(env: NodeJS.ProcessEnv, timeoutMs = 30_000): Promise<ServerProcess> {
  const child = spawn(process.execPath, [...entry('server')], { cwd: PROJECT_ROOT, env });
  let output = '';
  let errors = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`not serving within ${timeoutMs / 1000} s:\n${output}\n${errors}`)), timeoutMs);
      const poll = setInterval(() => {
        if (output.includes('Almanac is serving')) {
          clearInterval(poll);
          clearTimeout(timer);
          resolve();
        }
      }, 20);
      void exited.then((code) => {
        clearInterval(poll);
        clearTimeout(timer);
        reject(new Error(`the server exited with ${code}:\n${output}\n${errors}`));
      });
    });
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return { child, output: () => output, exited };
}
