/**
 * `npm run bench`: how fast Almanac serves its public pages with the page
 * cache on and off, next to a bare node:http server sending the same bytes
 * (the most any Node server could do on this machine).
 *
 * For each page, runs of wrk alternate between the three servers (bare, cache
 * on, cache off) so that a noisy neighbour hurts all three alike; the median of
 * the runs is reported. All on 127.0.0.1, on a copy of the sample content in
 * SQLite (or the database named by BENCH_DATABASE_URL).
 *
 *   npm run bench                    the table
 *   npm run bench -- --runs 5 --seconds 5 --connections 32
 *   npm run bench -- --scale         listing, page and search latency at 1,000 and 100,000 items
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadEnv } from '../src/config/env.js';
import { importSampleContent } from '../src/modules/importer/index.js';
import { openRuntime } from '../src/runtime.js';
import { fmt, median, printTable, startAlmanac, startBare, wrk, type Running, type WrkResult } from './lib.js';
import { runScale } from './scale.js';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    seconds: { type: 'string', default: '5' },
    connections: { type: 'string', default: '32' },
    threads: { type: 'string', default: '2' },
    scale: { type: 'boolean', default: false },
    sizes: { type: 'string', default: '1000,100000' },
  },
});

const wrkOptions = { threads: Number(values.threads), connections: Number(values.connections), seconds: Number(values.seconds) };
const runs = Number(values.runs);

/** Opens a fresh SQLite file with the sample content; returns its path. */
async function prepareSampleDatabase(dir: string): Promise<string> {
  const path = join(dir, 'bench.sqlite');
  const { handle, deps } = await openRuntime(loadEnv({ SQLITE_PATH: path, SEED_ON_FIRST_START: 'false' }));
  try {
    await importSampleContent(deps.db, deps.now());
  } finally {
    await handle.destroy();
  }
  return path;
}

/** The pages measured: both listings, one event, one article, a search and the calendar feed. */
async function pagesToMeasure(base: string): Promise<{ label: string; path: string }[]> {
  const events = await (await fetch(`${base}/en/events`)).text();
  const articles = await (await fetch(`${base}/en/articles`)).text();
  const event = /href="(\/en\/events\/[a-z0-9-]+)"/.exec(events)?.[1];
  const article = /href="(\/en\/articles\/[a-z0-9-]+)"/.exec(articles)?.[1];
  if (!event || !article) throw new Error('no event or article link on the listings');
  return [
    { label: 'events listing', path: '/en/events' },
    { label: 'articles listing', path: '/en/articles' },
    { label: 'event page', path: event },
    { label: 'article page', path: article },
    { label: 'search', path: '/en/search?q=workers' },
    { label: 'calendar feed', path: '/en/events.ics' },
  ];
}

async function main(): Promise<void> {
  if (values.scale) {
    await runScale({ sizes: values.sizes.split(',').map(Number), wrk: wrkOptions });
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'almanac-bench-'));
  const servers: Running[] = [];
  try {
    const sqlitePath = await prepareSampleDatabase(dir);
    const env = { SQLITE_PATH: sqlitePath, MEDIA_DIR: join(dir, 'media') };
    const on = await startAlmanac({ ...env, PAGE_CACHE: 'on' });
    servers.push(on);
    const off = await startAlmanac({ ...env, PAGE_CACHE: 'off' });
    servers.push(off);
    const pages = await pagesToMeasure(on.url);

    // The bare server sends exactly the bytes Almanac sends for each page.
    const bodies = new Map<string, { body: Buffer; type: string }>();
    for (const page of pages) {
      const res = await fetch(`${off.url}${page.path}`);
      if (res.status !== 200) throw new Error(`${page.path} answered ${res.status}`);
      bodies.set(page.path, { body: Buffer.from(await res.arrayBuffer()), type: res.headers.get('content-type') ?? 'text/html' });
    }
    const bare = await startBare(bodies);
    servers.push(bare);

    console.log(`wrk -t${wrkOptions.threads} -c${wrkOptions.connections} -d${wrkOptions.seconds}s --latency, median of ${runs} alternating runs; no Accept-Encoding (identity bodies)\n`);
    const rows: string[][] = [];
    for (const page of pages) {
      const results: Record<'bare' | 'on' | 'off', WrkResult[]> = { bare: [], on: [], off: [] };
      for (let run = 0; run < runs; run += 1) {
        for (const [name, server] of [['bare', bare], ['on', on], ['off', off]] as const) {
          results[name].push(await wrk(`${server.url}${page.path}`, wrkOptions));
        }
      }
      const m = (name: 'bare' | 'on' | 'off') => ({
        rps: median(results[name].map((r) => r.rps)),
        p50: median(results[name].map((r) => r.p50ms)),
        p99: median(results[name].map((r) => r.p99ms)),
        errors: results[name].reduce((n, r) => n + r.errors, 0),
      });
      const [b, c, o] = [m('bare'), m('on'), m('off')];
      const size = `${(bodies.get(page.path)!.body.length / 1024).toFixed(0)} KB`;
      rows.push([
        page.label,
        size,
        fmt.rps(b.rps),
        fmt.ms(b.p50),
        fmt.ms(b.p99),
        fmt.rps(c.rps),
        fmt.ms(c.p50),
        fmt.ms(c.p99),
        fmt.ratio(c.rps / b.rps),
        fmt.rps(o.rps),
        fmt.ms(o.p50),
        fmt.ms(o.p99),
        fmt.ratio(o.rps / b.rps),
      ]);
      const errors = b.errors + c.errors + o.errors;
      if (errors > 0) console.error(`${page.label}: ${errors} errors or non-2xx answers during the runs`);
      console.error(`measured ${page.label}`);
    }
    console.log('');
    printTable(
      ['page', 'size', 'bare req/s', 'p50 ms', 'p99 ms', 'cache on req/s', 'p50 ms', 'p99 ms', 'vs bare', 'cache off req/s', 'p50 ms', 'p99 ms', 'vs bare'],
      rows,
    );
  } finally {
    for (const server of servers.reverse()) await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
