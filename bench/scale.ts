/**
 * `npm run bench -- --scale`: does the site slow down as the archive grows?
 * On SQLite and, given a PostgreSQL server (`--postgres <url>` or
 * BENCH_POSTGRES_URL), on PostgreSQL too, one table each.
 * For each size, a fresh database is filled with `almanac generate`
 * (half events, half articles; its throughput is reported), then Almanac is
 * started with the page cache off (so every request reaches the database)
 * and the listings, deep pages of them, one event, one article, a topic's
 * page, searches and the calendar feed are measured with wrk. Server memory (RSS) is read after
 * the runs, and again with the cache on after visiting every measured page.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { fmt, printTable, root, rssMb, startAlmanac, wrk, type WrkOptions } from './lib.js';

/** One request to a page taking longer than this is reported as no answer (the calendar feed of a huge archive). */
const PROBE_TIMEOUT_MS = 60_000;

/** Runs `almanac generate` as the command line would, on the database `env` names; returns items per second. */
function generate(env: Record<string, string>, events: number, articles: number): Promise<{ perSecond: number; seconds: number }> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const child = spawn(process.execPath, ['dist/cli.js', 'generate', '--events', String(events), '--articles', String(articles)], {
      cwd: root,
      env: { ...process.env, ...env, SEED_ON_FIRST_START: 'false', LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    child.once('exit', (code) => {
      if (code !== 0) return reject(new Error(`generate exited with ${code}: ${out}`));
      const perSecond = Number(/\((\d+) items\/s\)/.exec(out)?.[1]);
      resolve({ perSecond, seconds: (Date.now() - started) / 1000 });
    });
  });
}

async function firstLink(base: string, path: string, pattern: RegExp): Promise<string> {
  const body = await (await fetch(`${base}${path}`)).text();
  const found = pattern.exec(body)?.[1];
  if (!found) throw new Error(`no link on ${path}`);
  return found.replace(/&amp;/g, '&');
}

/** The number of pages of a listing, from its pager ("Page 1 of 25"), or 1. */
async function lastPage(base: string, path: string): Promise<number> {
  const body = await (await fetch(`${base}${path}`)).text();
  const status = /class="pager__status"[^>]*>([^<]*)</.exec(body)?.[1] ?? '';
  const numbers = [...status.matchAll(/\d+/g)].map((m) => Number(m[0]));
  return numbers.length ? Math.max(...numbers) : 1;
}

/** A database for one size: the settings that name it, and how to drop it. */
interface ScaleDatabase {
  env: Record<string, string>;
  /** After the fill: what the database needs before it is measured. */
  filled(): Promise<void>;
  drop(): Promise<void>;
}

/** A fresh PostgreSQL database on the server of `url`, named for this run, dropped afterwards. */
async function freshPostgres(url: string, size: number): Promise<ScaleDatabase> {
  const name = `almanac_scale_${process.pid}_${size}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${name}`);
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const target = new URL(url);
  target.pathname = `/${name}`;
  return {
    env: { DATABASE_URL: target.toString() },
    // What autovacuum would do within a minute or so of the fill, done before measuring rather
    // than during it: the planner's statistics (without them PostgreSQL plans search on a table it
    // believes empty: 0.5 s for "wages"), and the vacuum of the tables just filled and of the kept
    // counts updated once per item, which could otherwise start beside some runs' measures, and
    // until which the visibility map is unset (index-only scans then read the table too).
    filled: async () => {
      const client = new pg.Client({ connectionString: target.toString() });
      await client.connect();
      try {
        await client.query('vacuum (analyze)');
      } finally {
        await client.end();
      }
    },
    drop: async () => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`drop database if exists ${name} with (force)`);
      } finally {
        await client.end();
      }
    },
  };
}

/**
 * Measures every size on SQLite, then, with `postgresUrl` (a server where
 * this user may create databases), on PostgreSQL; prints a table for each.
 */
export async function runScale(options: { sizes: number[]; wrk: WrkOptions; postgresUrl?: string | undefined }): Promise<void> {
  await runScaleOn('SQLite', options, async (dir) => ({ env: { SQLITE_PATH: join(dir, 'scale.sqlite') }, filled: async () => {}, drop: async () => {} }));
  if (options.postgresUrl) {
    const url = options.postgresUrl;
    await runScaleOn('PostgreSQL', options, (_dir, size) => freshPostgres(url, size));
  } else {
    console.log('\nPostgreSQL not measured: give --postgres <url> (or BENCH_POSTGRES_URL), a server where this user may create databases.');
  }
}

async function runScaleOn(
  database: string,
  options: { sizes: number[]; wrk: WrkOptions },
  open: (dir: string, size: number) => Promise<ScaleDatabase>,
): Promise<void> {
  // Latency, not throughput: one connection, one request at a time. The server answers on one
  // thread, so with n connections each request would also wait for n - 1 others (p50 about n
  // times the cost of one request), which measures the queue rather than the page.
  const latencyWrk: WrkOptions = { ...options.wrk, connections: 1, threads: 1, seconds: Math.min(options.wrk.seconds, 3) };
  const rows: string[][] = [];
  // p50 of each page at the first size, to compare the larger sizes with it (cost should follow the page, not the archive).
  const firstP50 = new Map<string, number>();
  const summary: string[][] = [];
  for (const size of options.sizes) {
    const dir = mkdtempSync(join(tmpdir(), 'almanac-scale-'));
    const opened = await open(dir, size);
    try {
      const events = Math.ceil(size / 2);
      const articles = size - events;
      console.error(`${database}: generating ${size} items…`);
      const made = await generate(opened.env, events, articles);
      await opened.filled();
      const env = { ...opened.env, MEDIA_DIR: join(dir, 'media') };
      const off = await startAlmanac({ ...env, PAGE_CACHE: 'off' });
      try {
        const event = await firstLink(off.url, '/en/events', /href="(\/en\/events\/[a-z0-9-]+)"/);
        const article = await firstLink(off.url, '/en/articles', /href="(\/en\/articles\/[a-z0-9-]+)"/);
        const topic = await firstLink(off.url, '/en/topics', /href="(\/en\/topics\/[a-z0-9-]+)"/);
        const eventPages = await lastPage(off.url, '/en/events');
        const articlePages = await lastPage(off.url, '/en/articles');
        const targets = [
          ['events listing', '/en/events'],
          ['events, last page', `/en/events?page=${eventPages}`],
          ['articles listing', '/en/articles'],
          ['articles, last page', `/en/articles?page=${articlePages}`],
          ['event page', event],
          ['article page', article],
          ['topic page', topic],
          ['search "wages"', '/en/search?q=wages'],
          ['search "lao động" (vi)', '/vi/search?q=lao+%C4%91%E1%BB%99ng'],
          ['calendar feed', '/en/events.ics'],
        ] as const;
        for (const [label, path] of targets) {
          // wrk stops with requests still queued in the server (SQLite queries block its one thread):
          // let them drain, or the next page would be timed behind them.
          await fetch(`${off.url}/healthz`).then((r) => r.arrayBuffer());
          let bytes: number;
          const probeStarted = Date.now();
          try {
            const probe = await fetch(`${off.url}${path}`, { signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
            bytes = (await probe.arrayBuffer()).byteLength;
            if (probe.status !== 200) {
              rows.push([size.toLocaleString('en-US'), label, `HTTP ${probe.status}`, '', '', '', '', '']);
              continue;
            }
          } catch {
            rows.push([size.toLocaleString('en-US'), label, `no answer in ${PROBE_TIMEOUT_MS / 1000} s`, '', '', '', '', '']);
            continue;
          }
          // wrk gives up on a request after 2 s: a page slower than that is reported by its single time.
          if (Date.now() - probeStarted > 1500) {
            const ms = Date.now() - probeStarted;
            rows.push([size.toLocaleString('en-US'), label, `${(bytes / 1024).toFixed(0)} KB`, (1000 / ms).toFixed(2), fmt.ms(ms), '', '', 'single request']);
            continue;
          }
          const r = await wrk(`${off.url}${path}`, latencyWrk);
          const base = firstP50.get(label);
          if (base === undefined) firstP50.set(label, r.p50ms);
          const shownLabel = label.endsWith('last page') ? `${label} (${label.startsWith('events') ? eventPages : articlePages})` : label;
          rows.push([
            size.toLocaleString('en-US'),
            shownLabel,
            `${(bytes / 1024).toFixed(0)} KB`,
            fmt.rps(r.rps),
            fmt.ms(r.p50ms),
            fmt.ms(r.p99ms),
            base === undefined ? '' : `${(r.p50ms / base).toFixed(2)}×`,
            r.errors ? String(r.errors) : '',
          ]);
          console.error(`${database}, ${size}: measured ${label}`);
        }
        const offRss = await rssMb(off.pid);
        await off.stop();
        const on = await startAlmanac({ ...env, PAGE_CACHE: 'on' });
        try {
          for (const [, path] of targets) await fetch(`${on.url}${path}`).then((r) => r.arrayBuffer());
          const onRss = await rssMb(on.pid);
          summary.push([
            size.toLocaleString('en-US'),
            `${made.perSecond.toLocaleString('en-US')} items/s`,
            `${made.seconds.toFixed(1)} s`,
            offRss === undefined ? '-' : `${offRss.toFixed(0)} MB`,
            onRss === undefined ? '-' : `${onRss.toFixed(0)} MB`,
          ]);
        } finally {
          await on.stop();
        }
      } finally {
        await off.stop();
      }
    } finally {
      await opened.drop();
      rmSync(dir, { recursive: true, force: true });
    }
  }
  console.log(`\n${database}. Latency with the page cache off (every request reaches the database): wrk -t${latencyWrk.threads} -c${latencyWrk.connections} -d${latencyWrk.seconds}s\n`);
  printTable(['items', 'page', 'size', 'req/s', 'p50 ms', 'p99 ms', `p50 vs ${options.sizes[0]?.toLocaleString('en-US')}`, 'errors'], rows);
  console.log(`\n${database}. Generation (almanac generate, one transaction, search index included) and server memory\n`);
  printTable(['items', 'generate', 'wall time', 'RSS, cache off, after load', 'RSS, cache on, pages cached'], summary);
}
