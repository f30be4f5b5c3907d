/**
 * Pieces the benchmarks share: starting Almanac as a separate process on a
 * prepared database, bare node:http servers for comparison, running wrk and
 * reading its numbers, and printing a table.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { get as httpGet } from 'node:http';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createServer as createNetServer } from 'node:net';

export const root = new URL('..', import.meta.url).pathname;

/** A port nobody listens on right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createNetServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export interface Running {
  url: string;
  pid: number | undefined;
  stop(): Promise<void>;
}

/** `npm start`'s command line, from package.json so the two agree. */
const START_WORDS: string[] = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { scripts: { start: string } }).scripts.start.split(/\s+/);

/** The memory budget `npm start` gives the server (see docs/deployment.md, "Memory"). */
const SERVER_NODE_FLAGS: string[] = START_WORDS.filter((word) => word.startsWith('--max-'));

/** The environment `npm start` sets before the command (MALLOC_ARENA_MAX). */
const SERVER_START_ENV: Record<string, string> = Object.fromEntries(
  START_WORDS.filter((word) => /^[A-Z_]+=/.test(word)).map((word) => [word.slice(0, word.indexOf('=')), word.slice(word.indexOf('=') + 1)]),
);

/**
 * Starts the built server (`dist/server.js`, as `npm start` does, with its
 * flags) with `env`, and waits until it answers /readyz. `cwd` runs another
 * built checkout (a previous version, to compare with).
 */
export async function startAlmanac(env: Record<string, string>, cwd = root): Promise<Running> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [...SERVER_NODE_FLAGS, 'dist/server.js'], {
    cwd,
    env: {
      ...process.env,
      ...SERVER_START_ENV,
      HOST: '127.0.0.1',
      PORT: String(port),
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      SEED_ON_FIRST_START: 'false',
      // Per-request log lines would measure the terminal, not the server.
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  // Its standard error, but for the first-administrator link a server on a fresh copy prints at each start.
  child.stderr!.on('data', (chunk: Buffer) => {
    if (!chunk.toString('utf8').includes('No admin account exists yet')) process.stderr.write(chunk);
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Almanac exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/readyz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error('Almanac did not start within 60 s');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    pid: child.pid,
    stop: () => stopChild(child),
  };
}

/** What a bare server answers for a path: its headers, in order, and its bytes. */
interface BarePage {
  headers: [name: string, value: string][];
  body: Buffer;
}

/**
 * A bare node:http server in a process of its own (`bench/bare-server.mjs`,
 * plain node, nothing else loaded), answering each path with its page; its
 * pages are written to a file in `dir`. A process of its own, like each
 * Almanac: on the benchmark's VM a process's speed is set when it starts
 * (see measureAlone in run.ts), so each server must be a process that can be
 * started again.
 */
async function startBareProcess(name: string, pages: Map<string, BarePage>, dir: string): Promise<Running> {
  const file = join(dir, `${name}.json`);
  const json: Record<string, { headers: [string, string][]; body: string }> = {};
  for (const [path, page] of pages) json[path] = { headers: page.headers, body: page.body.toString('base64') };
  writeFileSync(file, JSON.stringify(json));
  const child = spawn(process.execPath, [join(root, 'bench', 'bare-server.mjs'), file], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      if (out.includes('\n')) resolve(Number(out.trim()));
    });
    child.once('exit', (code) => reject(new Error(`the bare server exited with ${code}`)));
  });
  return { url: `http://127.0.0.1:${port}`, pid: child.pid, stop: () => stopChild(child) };
}

/** Stops a server's process: SIGTERM, then SIGKILL if it has not gone within 5 s. */
function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const kill = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** A plain node:http server answering each path with fixed bytes and content type: the floor for any Node server. */
export function startBare(pages: Map<string, { body: Buffer; type: string }>, dir: string): Promise<Running> {
  const bare = new Map<string, BarePage>();
  for (const [path, page] of pages) {
    bare.set(path, { headers: [['content-type', page.type], ['content-length', String(page.body.length)]], body: page.body });
  }
  return startBareProcess('bare', bare, dir);
}

/** An answer as a server sent it: its status, its headers as sent (names as written, in order), and its bytes. */
export interface Answer {
  status: number;
  headers: [name: string, value: string][];
  body: Buffer;
}

/**
 * Asks for `url` as wrk does (no Accept-Encoding, so the bytes are those wrk
 * gets) and keeps the answer as it came, headers included; fetch() would add
 * Accept-Encoding and hide what was sent.
 */
export function getAnswer(url: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    httpGet(url, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.once('error', reject);
      res.once('end', () => {
        const headers: [string, string][] = [];
        for (let i = 0; i < res.rawHeaders.length; i += 2) headers.push([res.rawHeaders[i]!, res.rawHeaders[i + 1]!]);
        resolve({ status: res.statusCode ?? 0, headers, body: Buffer.concat(chunks) });
      });
    }).once('error', reject);
  });
}

/** The headers Node's server adds to every answer by itself: another server sending them again would send them twice. */
const NODE_OWN_HEADERS = new Set(['date', 'connection', 'keep-alive']);

/** The headers of an answer that its server chose to send: all but those Node adds by itself. */
export function serverHeaders(answer: Answer): [name: string, value: string][] {
  return answer.headers.filter(([name]) => !NODE_OWN_HEADERS.has(name.toLowerCase()));
}

/**
 * A plain node:http server answering each path with an answer Almanac sent:
 * the same bytes under the same headers, names and values (all but those
 * Node adds itself). Beside startBare's floor, it shows what the headers
 * alone cost, so that what is left of the gap is Almanac's own work.
 */
export function startBareWithHeaders(pages: Map<string, Answer>, dir: string): Promise<Running> {
  const bare = new Map<string, BarePage>();
  for (const [path, answer] of pages) bare.set(path, { headers: serverHeaders(answer), body: answer.body });
  return startBareProcess('bare-same-headers', bare, dir);
}

/** Resident memory of a process in MB, from /proc (Linux). */
export async function rssMb(pid: number | undefined): Promise<number | undefined> {
  if (pid === undefined) return undefined;
  try {
    const { readFile } = await import('node:fs/promises');
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const kb = /VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1];
    return kb ? Number(kb) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

export interface WrkResult {
  rps: number;
  /** Requests answered in the run. */
  requests: number;
  p50ms: number;
  p99ms: number;
  errors: number;
}

function toMs(value: string, unit: string): number {
  const n = Number(value);
  if (unit === 'us') return n / 1000;
  if (unit === 's') return n * 1000;
  if (unit === 'm') return n * 60_000;
  return n;
}

/** Reads wrk's --latency report. */
export function parseWrk(output: string): WrkResult {
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(output)?.[1]);
  const pct = (p: string) => {
    const m = new RegExp(`^\\s+${p}%\\s+([\\d.]+)(us|ms|s|m)\\s*$`, 'm').exec(output);
    return m ? toMs(m[1]!, m[2]!) : Number.NaN;
  };
  const non2xx = Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(output)?.[1] ?? 0);
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(output);
  const errors = non2xx + (socket ? socket.slice(1).reduce((n, v) => n + Number(v), 0) : 0);
  const requests = Number(/^\s*(\d+) requests in /m.exec(output)?.[1]);
  if (!Number.isFinite(rps) || !Number.isFinite(requests)) throw new Error(`could not read wrk's output:\n${output}`);
  return { rps, requests, p50ms: pct('50'), p99ms: pct('99'), errors };
}

/**
 * The processor time a process has used, user and system, in clock ticks,
 * from its line in /proc/<pid>/stat (fields 14 and 15, counted after the
 * command's name, which may hold spaces and brackets).
 */
export function cpuTicksOf(statLine: string): number {
  const fields = statLine.slice(statLine.lastIndexOf(')') + 2).split(' ');
  // Fields from the third (state) on: utime is the 14th of the line, the 12th here.
  const ticks = Number(fields[11]) + Number(fields[12]);
  if (!Number.isFinite(ticks)) throw new Error(`not a /proc/<pid>/stat line: ${statLine.slice(0, 80)}`);
  return ticks;
}

/** Clock ticks a second (USER_HZ), as /proc counts processor time. */
const TICKS_PER_SECOND = (() => {
  const found = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout?.trim());
  return Number.isFinite(found) && found > 0 ? found : 100;
})();

/** A process's processor time so far in ms, on Linux; undefined elsewhere or once it has gone. */
export function processCpuMs(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    return (cpuTicksOf(readFileSync(`/proc/${pid}/stat`, 'utf8')) * 1000) / TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}

export interface WrkOptions {
  threads: number;
  connections: number;
  seconds: number;
  headers?: Record<string, string>;
}

/** Runs wrk against one URL. */
export function wrk(url: string, options: WrkOptions): Promise<WrkResult> {
  const args = [`-t${options.threads}`, `-c${options.connections}`, `-d${options.seconds}s`, '--latency'];
  for (const [name, value] of Object.entries(options.headers ?? {})) args.push('-H', `${name}: ${value}`);
  args.push(url);
  return new Promise((resolve, reject) => {
    const child = spawn(process.env.WRK ?? 'wrk', args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    child.once('error', (error) => reject(new Error(`cannot run wrk (${error.message}); install it or set WRK`)));
    child.once('exit', (code) => {
      if (code !== 0) return reject(new Error(`wrk exited with ${code}:\n${out}`));
      try {
        resolve(parseWrk(out));
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
  });
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * The ratios of runs measured side by side, `a[i] / b[i]` for the i-th run of
 * each, with their median and range. On a shared machine both servers' speed
 * drifts from one run to the next (by a third within a few minutes on the
 * benchmark's VM); a ratio taken within one run cancels most of that drift,
 * which the ratio of the two medians does not, and the range shows what is
 * left.
 */
export function pairedRatios(a: readonly number[], b: readonly number[]): { median: number; min: number; max: number } {
  if (a.length === 0 || a.length !== b.length) throw new Error(`pairedRatios needs runs in pairs (${a.length} and ${b.length})`);
  const ratios = a.map((x, i) => x / b[i]!);
  return { median: median(ratios), min: Math.min(...ratios), max: Math.max(...ratios) };
}

/** How far a server's time a request may drift between rounds before the benchmark says so: 15 %. */
export const STEADY_SPREAD = 1.15;

/**
 * A server's rounds on one page, when they disagree: its quickest and
 * slowest processor time a request, if the slowest took more than `limit`
 * times the quickest (else undefined; rounds with no reading are left out).
 * Each server runs the same code in every round, so a spread is the
 * machine's doing: the host's speed changing, or a process drawing a slow
 * one (see "twenty-first round" in bench/README.md). The run's ratios spread
 * with it, and the ranges in brackets are then the figures to read.
 */
export function roundsSpread(micros: readonly number[], limit = STEADY_SPREAD): { least: number; most: number } | undefined {
  const times = micros.filter((t) => Number.isFinite(t) && t > 0);
  if (times.length < 2) return undefined;
  const [least, most] = [Math.min(...times), Math.max(...times)];
  return most > least * limit ? { least, most } : undefined;
}

/** A spread as the benchmark prints it: `49-76 µs (1.55×)`. */
export function formatSpread({ least, most }: { least: number; most: number }): string {
  return `${least.toFixed(0)}-${most.toFixed(0)} µs (${(most / least).toFixed(2)}×)`;
}

/** Prints rows as an aligned text table (Markdown-compatible). */
export function printTable(headers: string[], rows: string[][]): void {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  console.log(line(headers));
  console.log(`|${widths.map((w, i) => (i === 0 ? `:${'-'.repeat(w + 1)}` : `${'-'.repeat(w + 1)}:`)).join('|')}|`);
  for (const row of rows) console.log(line(row));
}

export const fmt = {
  rps: (n: number) => Math.round(n).toLocaleString('en-US'),
  ms: (n: number) => (Number.isFinite(n) ? (n < 10 ? n.toFixed(2) : n.toFixed(1)) : '-'),
  ratio: (n: number) => `${(n * 100).toFixed(0)}%`,
  /** A paired ratio as a percentage, with its range over the runs: `81% (74-86)`. */
  pairedPercent: ({ median: m, min, max }: { median: number; min: number; max: number }) => `${(m * 100).toFixed(0)}% (${(min * 100).toFixed(0)}-${(max * 100).toFixed(0)})`,
  /** A paired ratio as a factor, with its range over the runs: `4.41× (4.02-4.73)`. */
  pairedTimes: ({ median: m, min, max }: { median: number; min: number; max: number }) => `${m.toFixed(2)}× (${min.toFixed(2)}-${max.toFixed(2)})`,
};
