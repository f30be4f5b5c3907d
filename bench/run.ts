/**
 * `npm run bench`: how fast Almanac serves its public pages, next to a bare
 * node:http server sending the same bytes (the most any Node server could do
 * on this machine) and a second one sending them under the same headers as
 * Almanac (what is left of the gap is Almanac's own work): with the page
 * cache on (with the request logging of `npm start`, and with logging off),
 * with it off (every request rendered), and, with `--baseline <dir>`, a
 * previous build with the cache off beside this one. Then the cached events
 * listing with a change committed every 2 s beside the load (every change
 * empties the cache), and the first visit of the popular pages after a
 * change, with them rendered again at once (as `npm start`) and without.
 *
 * For each page, runs of wrk alternate between the servers so that a noisy
 * neighbour hurts all alike; the median of the runs is reported. One wrk
 * thread by default: on a 2-core machine a second one takes the server's
 * core. All on 127.0.0.1, on a copy of the sample content in SQLite.
 *
 *   npm run bench                    the tables
 *   npm run bench -- --runs 5 --seconds 5 --connections 32
 *   npm run bench -- --warm 5           each server warms each page 5 s in each round before it is measured (3 by default)
 *   npm run bench -- --connections 4 --baseline ../almanac-previous   uncached pages at 4 connections, beside an earlier build
 *   npm run bench -- --baseline ../almanac-previous   a built checkout of an earlier version
 *   npm run bench -- --pages "events listing,event page"
 *   npm run bench -- --scale         listing, page and search latency at 1,000 and 100,000 items
 *   npm run bench -- --scale --postgres postgres://user@host/db   also on PostgreSQL (a database per size is created there)
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadEnv } from '../src/config/env.js';
import { contentDir, importListings, importSampleContent } from '../src/modules/importer/index.js';
import { openRuntime } from '../src/runtime.js';
import { fmt, getAnswer, median, pairedRatios, printTable, processCpuMs, serverHeaders, startAlmanac, startBare, startBareWithHeaders, formatSpread, roundsSpread, STEADY_SPREAD, wrk, type Answer, type Running, type WrkResult } from './lib.js';
import { runScale } from './scale.js';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    warm: { type: 'string', default: '3' },
    seconds: { type: 'string', default: '5' },
    connections: { type: 'string', default: '32' },
    threads: { type: 'string', default: '1' },
    baseline: { type: 'string' },
    pages: { type: 'string' },
    'skip-changes': { type: 'boolean', default: false },
    scale: { type: 'boolean', default: false },
    sizes: { type: 'string', default: '1000,100000' },
    postgres: { type: 'string', default: process.env.BENCH_POSTGRES_URL },
  },
});

const wrkOptions = { threads: Number(values.threads), connections: Number(values.connections), seconds: Number(values.seconds) };
/** The load at which the cached pages' target is set (`wrk -t1 -c32`); every server is measured at the one `--connections`. */
const CACHED_TARGET_CONNECTIONS = 32;
const runs = Number(values.runs);
/** How often a change is committed beside the load in the last table (the issue's measure). */
const CHANGE_EVERY_MS = 2000;
/** The logging of `npm start` (config/env.ts default). */
const DEFAULT_LOGGING = { LOG_LEVEL: 'info' };

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

/** The same sample content in a database of an earlier build, made by that build's own command line. */
function prepareBaselineDatabase(baseline: string, dir: string): string {
  const path = join(dir, 'baseline.sqlite');
  const run = spawnSync(process.execPath, ['dist/cli.js', 'seed'], {
    cwd: baseline,
    env: { ...process.env, SQLITE_PATH: path, SEED_ON_FIRST_START: 'false', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (run.status !== 0) throw new Error(`the baseline's seed exited with ${run.status}`);
  return path;
}

const ARTICLE_LINK = /href="(\/en\/articles\/[a-z0-9-]+)"/;

/**
 * The first article on the articles listing whose page shows related items
 * (its section of events sharing a topic or programme). The listing's first
 * article has no topics or programmes, so its page never looks for any.
 */
async function firstArticleWithRelated(base: string, listing: string): Promise<string> {
  for (const path of new Set(Array.from(listing.matchAll(new RegExp(ARTICLE_LINK, 'g')), (m) => m[1]!))) {
    const page = await (await fetch(`${base}${path}`)).text();
    if (page.includes('class="related related--')) return path;
  }
  throw new Error('no article on the articles listing shows related items');
}

/**
 * The pages measured: both listings, one event, two articles (the first on
 * the listing, and the first whose page has related items), a search and the
 * calendar feed.
 */
async function pagesToMeasure(base: string): Promise<{ label: string; path: string }[]> {
  const wanted = values.pages?.split(',').map((p) => p.trim());
  const wants = (label: string) => !wanted || wanted.includes(label);
  const events = await (await fetch(`${base}/en/events`)).text();
  const articles = await (await fetch(`${base}/en/articles`)).text();
  const event = /href="(\/en\/events\/[a-z0-9-]+)"/.exec(events)?.[1];
  const article = ARTICLE_LINK.exec(articles)?.[1];
  if (!event || !article) throw new Error('no event or article link on the listings');
  const all = [
    { label: 'events listing', path: '/en/events' },
    { label: 'articles listing', path: '/en/articles' },
    { label: 'event page', path: event },
    { label: 'article page', path: article },
    // Looked for only when measured: it reads article pages one by one.
    ...(wants('tagged article page') ? [{ label: 'tagged article page', path: await firstArticleWithRelated(base, articles) }] : []),
    { label: 'search', path: '/en/search?q=workers' },
    { label: 'calendar feed', path: '/en/events.ics' },
  ];
  return all.filter((p) => wants(p.label));
}

/**
 * Commits changes through the importer (as `almanac import` would, from a
 * process other than the server's): the first sample event's description,
 * with a new revision mark each time (so that every one is a change, whatever
 * the database held before).
 */
async function openChanger(sqlitePath: string): Promise<{ change(): Promise<void>; count(): number; close(): Promise<void> }> {
  const { handle, deps } = await openRuntime(loadEnv({ SQLITE_PATH: sqlitePath, SEED_ON_FIRST_START: 'false', LOG_LEVEL: 'warn' }));
  const seed = readFileSync(join(contentDir, 'seeds', 'events.en.txt'), 'utf8');
  // The first item of the page: its title line, its date line and its description.
  const item = /\n( {2}1\. .+\n\n {4}.+\n\n {4})(.+)\n/.exec(seed);
  const heading = /\n\n([A-Z][a-z]+ \d{4})\n/.exec(seed)?.[1];
  if (!item || !heading) throw new Error('the sample events page changed shape');
  let count = 0;
  return {
    async change() {
      const text = `Events and meetings\n\n${heading}\n\n${item[1]}${item[2]} (revision ${Date.now()}-${count})\n`;
      await importListings(deps.db, [{ file: 'bench-change.txt', text, kind: 'events' }], { now: deps.now() });
      count += 1;
    },
    count: () => count,
    close: () => handle.destroy(),
  };
}

/** Commits a change every CHANGE_EVERY_MS (openChanger). Returns a function that stops it and gives how many were made. */
async function changeEvery(sqlitePath: string): Promise<() => Promise<number>> {
  const changer = await openChanger(sqlitePath);
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      await new Promise((r) => setTimeout(r, CHANGE_EVERY_MS));
      if (stopped) break;
      await changer.change();
    }
  })();
  return async () => {
    stopped = true;
    await loop;
    await changer.close();
    return changer.count();
  };
}

/** The pages visited most in the first view after a change (firstViewsAfterChanges): the home page and both listings, in each language. */
const POPULAR_PATHS = ['/en', '/en/events', '/en/articles', '/vi', '/vi/events', '/vi/articles'];
/** How long after a change the first views come: past the server's look for other processes' writes (once a second) and its renders. */
const FIRST_VIEW_AFTER_MS = 2500;

/**
 * The first visit of each popular page after a change, with no other load:
 * the server started with `env`, each page visited three times, then
 * `changes` times a change committed from another process and, after
 * FIRST_VIEW_AFTER_MS, each page fetched once: the median time to its last
 * byte, and how many of those first views were answered from the store.
 */
async function firstViewsAfterChanges(
  start: () => Promise<Running>,
  sqlitePath: string,
  changes: number,
): Promise<{ ms: number; hits: number; views: number }> {
  const server = await start();
  const changer = await openChanger(sqlitePath);
  try {
    for (const path of POPULAR_PATHS) for (let i = 0; i < 3; i += 1) await (await fetch(`${server.url}${path}`)).arrayBuffer();
    const times: number[] = [];
    let hits = 0;
    for (let n = 0; n < changes; n += 1) {
      await changer.change();
      await new Promise((r) => setTimeout(r, FIRST_VIEW_AFTER_MS));
      for (const path of POPULAR_PATHS) {
        const started = performance.now();
        const res = await fetch(`${server.url}${path}`);
        await res.arrayBuffer();
        times.push(performance.now() - started);
        if (res.headers.get('x-cache') === 'HIT') hits += 1;
      }
    }
    return { ms: median(times), hits, views: times.length };
  } finally {
    await changer.close();
    await server.stop();
  }
}

type ServerName = 'bare' | 'bareHeaders' | 'on' | 'onQuiet' | 'off' | 'baseline';

/**
 * Each server warms each page this long before it is measured, in every
 * round (a started process is cold): an uncached server started afresh,
 * warmed 1 s, then measured 4 s five times, took 406, 366, 354, 356 and
 * 345 µs a request.
 */
const WARM_SECONDS = Number(values.warm);
if (!Number.isInteger(WARM_SECONDS) || WARM_SECONDS < 1) throw new Error(`--warm takes whole seconds, at least 1 (got ${values.warm})`);

/**
 * Starts `start`'s server, warms each of `paths` on it (the first answer
 * fills a cache; then WARM_SECONDS of load), and gives it to `measure`;
 * stops it after, whatever happens.
 *
 * Why each server is started afresh, and alone: on the benchmark's VM the
 * same server can cost a third more in one process than in another, for
 * the process's whole life, and that draw is made when it starts. Eight
 * identical bare servers started one after the other split into 16-17 µs
 * a request for the first four and 20-22 µs for the others; with all the
 * servers of a round running at once, Almanac's processes drew 24-27 µs in
 * most rounds, 17-21 µs in the others; started alone beside the benchmark
 * (three at most at once), they drew 19-20 µs every time. Servers kept for
 * a whole run would carry one draw into every round.
 */
async function measureAlone(
  start: () => Promise<Running>,
  started: (server: Promise<Running>) => Promise<Running>,
  stop: (server: Running) => Promise<void>,
  paths: string[],
  measure: (server: Running) => Promise<void>,
): Promise<void> {
  const server = await started(start());
  try {
    for (const path of paths) {
      await getAnswer(`${server.url}${path}`);
      await wrk(`${server.url}${path}`, { ...wrkOptions, seconds: WARM_SECONDS });
    }
    await measure(server);
  } finally {
    await stop(server);
  }
}

async function main(): Promise<void> {
  if (values.scale) {
    await runScale({ sizes: values.sizes.split(',').map(Number), wrk: wrkOptions, runs, postgresUrl: values.postgres });
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'almanac-bench-'));
  const servers: Running[] = [];
  const started = async (server: Promise<Running>) => {
    const running = await server;
    servers.push(running);
    return running;
  };
  const stop = async (server: Running) => {
    servers.splice(servers.indexOf(server), 1);
    await server.stop();
  };
  try {
    const sqlitePath = await prepareSampleDatabase(dir);
    const env = { SQLITE_PATH: sqlitePath, MEDIA_DIR: join(dir, 'media') };
    const baseline = values.baseline ? resolve(values.baseline) : undefined;
    const baselineEnv = baseline ? { PAGE_CACHE: 'off', ...DEFAULT_LOGGING, SQLITE_PATH: prepareBaselineDatabase(baseline, dir) } : undefined;
    const startOn = () => startAlmanac({ ...env, PAGE_CACHE: 'on', ...DEFAULT_LOGGING });
    const startOff = () => startAlmanac({ ...env, PAGE_CACHE: 'off', ...DEFAULT_LOGGING });

    // What the bare servers send, read from a cached and an uncached server started for it.
    const setupOn = await started(startOn());
    const setupOff = await started(startOff());
    const pages = await pagesToMeasure(setupOn.url);

    // The bare server sends exactly the bytes Almanac sends for each page.
    const bodies = new Map<string, { body: Buffer; type: string }>();
    for (const page of pages) {
      const res = await fetch(`${setupOff.url}${page.path}`);
      if (res.status !== 200) throw new Error(`${page.path} answered ${res.status}`);
      bodies.set(page.path, { body: Buffer.from(await res.arrayBuffer()), type: res.headers.get('content-type') ?? 'text/html' });
    }

    // The second bare server sends, for each page, one answer of the cached
    // server as it came: its bytes under its headers (the second answer, so
    // from the cache, as wrk gets them).
    const answers = new Map<string, Answer>();
    for (const page of pages) {
      await getAnswer(`${setupOn.url}${page.path}`);
      const answer = await getAnswer(`${setupOn.url}${page.path}`);
      if (answer.status !== 200) throw new Error(`${page.path} answered ${answer.status}`);
      // The bytes differ where a page names its own server (its canonical link, with the port); the sizes must not.
      if (answer.body.length !== bodies.get(page.path)!.body.length) console.error(`${page.label}: the cached answer's size differs from the uncached one's`);
      answers.set(page.path, answer);
    }
    await stop(setupOn);
    await stop(setupOff);

    const starters: [ServerName, () => Promise<Running>][] = [
      ['bare', () => startBare(bodies, dir)],
      ['bareHeaders', () => startBareWithHeaders(answers, dir)],
      ['on', startOn],
      ['onQuiet', () => startAlmanac({ ...env, PAGE_CACHE: 'on', LOG_LEVEL: 'silent' })],
      ['off', startOff],
    ];
    if (baseline && baselineEnv) starters.push(['baseline', () => startAlmanac({ ...env, ...baselineEnv }, baseline)]);
    const names = starters.map(([name]) => name);

    console.log(`wrk -t${wrkOptions.threads} -c${wrkOptions.connections} -d${wrkOptions.seconds}s --latency, median of ${runs} rounds; no Accept-Encoding (identity bodies)`);
    console.log(`cache on: request logging as npm start (LOG_LEVEL=info), and off (silent); cache off: LOG_LEVEL=info${values.baseline ? `; previous: ${values.baseline}, cache off` : ''}`);
    console.log(`each round starts each server afresh and alone, each in a process of its own (the bare ones too), in an order that turns from round to round, warms each page on it for ${WARM_SECONDS} s, measures every page, and stops it: on a VM a process's speed can be drawn when it starts`);
    const first = answers.get(pages[0]!.path)!;
    const firstHeaders = serverHeaders(first);
    const headerBytes = firstHeaders.reduce((n, [name, value]) => n + Buffer.byteLength(`${name}: ${value}\r\n`), 0);
    console.log('each ratio: the median of the rounds\' ratios (both servers measured in the same round), with their range in brackets');
    if (wrkOptions.connections !== CACHED_TARGET_CONNECTIONS) {
      console.log(`the cached pages' target is set at -c${CACHED_TARGET_CONNECTIONS}: this run's cached columns, at -c${wrkOptions.connections}, are not that measure`);
    }
    console.log(`bare: content-type and content-length; bare, same headers: those the cached server sent (for the ${pages[0]!.label}, ${firstHeaders.length} headers, ${headerBytes} bytes: ${firstHeaders.map(([name]) => name).join(', ')})\n`);

    const results = new Map<string, Partial<Record<ServerName, WrkResult[]>>>(pages.map((page) => [page.path, {}]));
    // The processor time each server spent a request in each run (Linux): a host whose speed drifts moves it far less than req/s.
    const cpus = new Map<string, Partial<Record<ServerName, number[]>>>(pages.map((page) => [page.path, {}]));
    // The order each round measured its servers in, to read each round's figures beside it.
    const startOrders: ServerName[][] = [];
    for (let run = 0; run < runs; run += 1) {
      // An order that turns from round to round: no server is always measured first, or last.
      const order = starters.map((_, i) => starters[(i + run) % starters.length]!);
      startOrders.push(order.map(([name]) => name));
      for (const [name, start] of order) {
        await measureAlone(start, started, stop, pages.map((page) => page.path), async (server) => {
          for (const page of pages) {
            const before = processCpuMs(server.pid);
            const result = await wrk(`${server.url}${page.path}`, wrkOptions);
            const after = processCpuMs(server.pid);
            (results.get(page.path)![name] ??= []).push(result);
            if (before !== undefined && after !== undefined && result.requests > 0) (cpus.get(page.path)![name] ??= []).push(((after - before) * 1000) / result.requests);
          }
        });
      }
      console.error(`round ${run + 1} of ${runs} measured`);
    }

    const rows: string[][] = [];
    const cpuRows: string[][] = [];
    for (const page of pages) {
      const pageResults = results.get(page.path)!;
      const cpu = cpus.get(page.path)!;
      const cpuUs = (name: ServerName) => (cpu[name]?.length === runs ? cpu[name] : undefined);
      const m = (name: ServerName) => {
        const list = pageResults[name] ?? [];
        return { rps: median(list.map((r) => r.rps)), p99: median(list.map((r) => r.p99ms)), errors: list.reduce((n, r) => n + r.errors, 0) };
      };
      // Each server's runs against another's of the same round (see pairedRatios).
      const vs = (name: ServerName, other: ServerName) => pairedRatios((pageResults[name] ?? []).map((r) => r.rps), (pageResults[other] ?? []).map((r) => r.rps));
      const [bare, bareHeaders, on, quiet, off] = [m('bare'), m('bareHeaders'), m('on'), m('onQuiet'), m('off')];
      const row = [
        page.label,
        `${(bodies.get(page.path)!.body.length / 1024).toFixed(0)} KB`,
        fmt.rps(bare.rps),
        fmt.rps(bareHeaders.rps),
        fmt.rps(on.rps),
        fmt.pairedPercent(vs('on', 'bare')),
        fmt.pairedPercent(vs('on', 'bareHeaders')),
        fmt.rps(quiet.rps),
        fmt.pairedPercent(vs('onQuiet', 'bare')),
        fmt.pairedPercent(vs('onQuiet', 'bareHeaders')),
        fmt.rps(off.rps),
        fmt.ms(off.p99),
        fmt.pairedPercent(vs('off', 'bare')),
      ];
      if (baseline) row.push(fmt.rps(m('baseline').rps), fmt.pairedTimes(vs('off', 'baseline')));
      // The same comparisons by processor time a request: the lesser time over the greater, so that each reads as the rate's ratio does.
      const cpuVs = (name: ServerName, other: ServerName) => {
        const [mine, theirs] = [cpuUs(name), cpuUs(other)];
        return mine && theirs ? pairedRatios(theirs, mine) : undefined;
      };
      const us = (name: ServerName) => (cpuUs(name) ? fmt.rps(median(cpuUs(name)!)) : '-');
      const percent = (r: ReturnType<typeof cpuVs>) => (r ? fmt.pairedPercent(r) : '-');
      const cpuRow = [page.label, us('bare'), us('bareHeaders'), us('on'), percent(cpuVs('on', 'bare')), percent(cpuVs('on', 'bareHeaders')), us('onQuiet'), percent(cpuVs('onQuiet', 'bare')), us('off')];
      if (baseline) {
        const times = cpuVs('off', 'baseline');
        cpuRow.push(us('baseline'), times ? fmt.pairedTimes(times) : '-');
      }
      cpuRows.push(cpuRow);
      rows.push(row);
      const errors = names.reduce((n, name) => n + m(name).errors, 0);
      if (errors > 0) console.error(`${page.label}: ${errors} errors or non-2xx answers during the runs`);
    }
    console.log('');
    const headers = [
      'page',
      'size',
      'bare req/s',
      'bare, same headers req/s',
      'cache on req/s',
      'vs bare',
      'vs bare, same headers',
      'on, no log req/s',
      'vs bare',
      'vs bare, same headers',
      'cache off req/s',
      'p99 ms',
      'vs bare',
    ];
    if (baseline) headers.push('previous, off req/s', 'off vs previous');
    printTable(headers, rows);
    if (cpuRows.some((row) => row.slice(1).some((cell) => cell !== '-'))) {
      console.log('\nProcessor time a request, µs (user and system, all the process\'s threads, from /proc; each server a process of its own), median of the runs; each ratio as above, the lesser time over the greater\n');
      const cpuHeaders = ['page', 'bare', 'bare, same headers', 'cache on', 'vs bare', 'vs bare, same headers', 'on, no log', 'vs bare', 'cache off'];
      if (baseline) cpuHeaders.push('previous, off', 'previous / off');
      printTable(cpuHeaders, cpuRows);
      // Each round's figures: a server that drew a slow process shows as one round apart from its others.
      console.log('\nProcessor time a request in each round, µs, and the order the round measured its servers in\n');
      const roundRows = startOrders.map((order, run) => [
        String(run + 1),
        ...pages.map((page) => names.map((name) => cpus.get(page.path)![name]?.[run]?.toFixed(0) ?? '-').join(' / ')),
        order.join(', '),
      ]);
      printTable(['round', ...pages.map((page) => `${page.label}: ${names.join(' / ')}`), 'order'], roundRows);
      // Rounds that disagree: each server runs the same code in every round, so a spread is the machine's doing.
      const limit = `${Math.round((STEADY_SPREAD - 1) * 100)} %`;
      const spreads = pages.flatMap((page) =>
        names.flatMap((name) => {
          const spread = roundsSpread(cpus.get(page.path)![name] ?? []);
          return spread ? [`${page.label}, ${name}: ${formatSpread(spread)}`] : [];
        }),
      );
      console.log(
        spreads.length === 0
          ? `\nevery server's rounds agreed within ${limit} on every page`
          : `\nrounds that disagreed by more than ${limit} (the same code ran in every round, so this is the machine's speed changing: read the ranges, or run again with more rounds):\n${spreads.map((line) => `  ${line}`).join('\n')}`,
      );
    }

    if (!values['skip-changes']) {
      // The cached events listing, with and without a change every 2 s beside the load, by turns.
      const on = await started(startOn());
      const url = `${on.url}/en/events`;
      await wrk(url, { ...wrkOptions, seconds: WARM_SECONDS });
      const quiet: WrkResult[] = [];
      const busy: WrkResult[] = [];
      let changes = 0;
      for (let run = 0; run < runs; run += 1) {
        quiet.push(await wrk(url, wrkOptions));
        const stopChanges = await changeEvery(sqlitePath);
        busy.push(await wrk(url, wrkOptions));
        changes += await stopChanges();
      }
      await stop(on);
      const p99 = (list: WrkResult[]) => median(list.map((r) => r.p99ms));
      console.log(`\nCached /en/events (logging as npm start), wrk -t${wrkOptions.threads} -c${wrkOptions.connections} -d${wrkOptions.seconds}s, median of ${runs}; ${changes} changes committed in all\n`);
      printTable(
        ['load', 'req/s', 'p50 ms', 'p99 ms', 'p99 vs no changes'],
        [
          ['no changes', fmt.rps(median(quiet.map((r) => r.rps))), fmt.ms(median(quiet.map((r) => r.p50ms))), fmt.ms(p99(quiet)), ''],
          [`a change every ${CHANGE_EVERY_MS / 1000} s`, fmt.rps(median(busy.map((r) => r.rps))), fmt.ms(median(busy.map((r) => r.p50ms))), fmt.ms(p99(busy)), `${(p99(busy) / p99(quiet)).toFixed(1)}×`],
        ],
      );

      // The first visit after a change, with and without the popular pages rendered again.
      const views = 5;
      const refreshed = await firstViewsAfterChanges(() => startAlmanac({ ...env, PAGE_CACHE: 'on', ...DEFAULT_LOGGING }), sqlitePath, views);
      const waited = await firstViewsAfterChanges(() => startAlmanac({ ...env, PAGE_CACHE: 'on', ...DEFAULT_LOGGING, PAGE_CACHE_REFRESH_PAGES: '0' }), sqlitePath, views);
      console.log(
        `\nThe first visit of each of ${POPULAR_PATHS.join(', ')} ${FIRST_VIEW_AFTER_MS / 1000} s after a change committed by another process, ${views} changes, no other load (time to the last byte, median)\n`,
      );
      printTable(
        ['server', 'first view ms', 'answered from the store'],
        [
          ['popular pages rendered again (npm start)', fmt.ms(refreshed.ms), `${refreshed.hits} of ${refreshed.views}`],
          ['PAGE_CACHE_REFRESH_PAGES=0', fmt.ms(waited.ms), `${waited.hits} of ${waited.views}`],
        ],
      );
    }
  } finally {
    for (const server of servers.reverse()) await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
