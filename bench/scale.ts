/**
 * `npm run bench -- --scale`: does the site slow down as the archive grows?
 * On SQLite and, given a PostgreSQL server (`--postgres <url>` or
 * BENCH_POSTGRES_URL), on PostgreSQL too, one table each.
 * For each size, a fresh database is filled with `almanac generate`
 * (half events, half articles; its throughput is reported), and Almanac is
 * started on it with the page cache off (so every request reaches the
 * database); all sizes are served at once. The listings, deep pages of them,
 * one event, one article, a topic's page, searches, the calendar feed, and
 * the pages of a topic that has one event and one article (rareTopic) are
 * measured with wrk, each page at every size by turns, `--runs` times, and
 * the medians reported. Server memory (RSS) is read after the runs, and
 * again with the cache on after visiting every measured page.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { openDatabase } from '../src/db/database.js';
import { fmt, printTable, root, rssMb, startAlmanac, wrk, type Running, type WrkOptions } from './lib.js';

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
export async function runScale(options: ScaleOptions): Promise<void> {
  await runScaleOn('SQLite', options, async (dir) => ({ env: { SQLITE_PATH: join(dir, 'scale.sqlite') }, filled: async () => {}, drop: async () => {} }));
  if (options.postgresUrl) {
    const url = options.postgresUrl;
    await runScaleOn('PostgreSQL', options, (_dir, size) => freshPostgres(url, size));
  } else {
    console.log('\nPostgreSQL not measured: give --postgres <url> (or BENCH_POSTGRES_URL), a server where this user may create databases.');
  }
}

export interface ScaleOptions {
  sizes: number[];
  wrk: WrkOptions;
  /** wrk runs of each page at each size, alternating between the sizes; the median is reported. */
  runs: number;
  postgresUrl?: string | undefined;
}

/** One size, filled and served with the page cache off, with the addresses measured on it. */
interface Served {
  size: number;
  dir: string;
  opened: ScaleDatabase;
  env: Record<string, string>;
  made: { perSecond: number; seconds: number };
  off: Running;
  eventPages: number;
  articlePages: number;
  paths: Map<string, string>;
}

const PAGE_LABELS = [
  'events listing',
  'events, last page',
  'articles listing',
  'articles, last page',
  'event page',
  'article page',
  'topic page',
  'search "wages"',
  'search "lao động" (vi)',
  'search "wages" within a topic',
  'search "lao động" within a topic (vi)',
  'search "wages" within a programme',
  'search, articles alone (no words)',
  'search, a topic alone (no words)',
  'search, a year alone (no words)',
  'calendar feed',
  'rare topic: event page',
  'rare topic: article page',
  'rare topic: topic page',
  'rare topic: search "wages"',
  'rare topic: API events',
] as const;

/** The topic of one event and one article alone, each of which has no other tag (rareTopic). */
const RARE_TOPIC = 'bench-rare-topic';

/**
 * A topic given to one ended event and one article of the generated archive,
 * each then tagged with it alone: the generated tags are spread evenly, so
 * without it no page would show a tag whose items are few, where a query
 * read from the items' side reads the whole archive to find them (an
 * event's related articles, a topic's page, the API's and search's topic
 * filters). The two are picked a tenth of the way into their listings.
 * Returns the addresses of the event and the article.
 */
async function rareTopic(env: Record<string, string>, size: number): Promise<{ event: string; article: string }> {
  const handle = openDatabase({ databaseUrl: env.DATABASE_URL, sqlitePath: env.SQLITE_PATH ?? '' });
  const db = handle.db;
  try {
    const stamp = new Date().toISOString();
    const today = stamp.slice(0, 10);
    const skip = Math.floor(size / 20);
    const event = await db
      .selectFrom('events')
      .select(['id', 'slug'])
      .where('status', '=', 'published')
      .where('recurrence_rule', 'is', null)
      .where(sql<string>`coalesce(end_date, start_date)`, '<', today)
      .orderBy('start_date', 'desc')
      .orderBy('id')
      .offset(skip)
      .limit(1)
      .executeTakeFirstOrThrow();
    const article = await db.selectFrom('articles').select(['id', 'slug']).where('status', '=', 'published').orderBy('published_on', 'desc').orderBy('id').offset(skip).limit(1).executeTakeFirstOrThrow();
    const topic = await db.insertInto('topics').values({ slug: RARE_TOPIC, created_at: stamp, updated_at: stamp }).returning('id').executeTakeFirstOrThrow();
    await db.insertInto('topic_translations').values([
      { topic_id: topic.id, lang: 'en', name: 'Rare topic' },
      { topic_id: topic.id, lang: 'vi', name: 'Chủ đề hiếm' },
    ]).execute();
    await db.deleteFrom('event_topics').where('event_id', '=', event.id).execute();
    await db.deleteFrom('event_programmes').where('event_id', '=', event.id).execute();
    await db.deleteFrom('article_topics').where('article_id', '=', article.id).execute();
    await db.deleteFrom('article_programmes').where('article_id', '=', article.id).execute();
    await db.insertInto('event_topics').values({ event_id: event.id, topic_id: topic.id }).execute();
    await db.insertInto('article_topics').values({ article_id: article.id, topic_id: topic.id }).execute();
    return { event: `/en/events/${event.slug}`, article: `/en/articles/${article.slug}` };
  } finally {
    await handle.destroy();
  }
}

/** Fills a database of `size` items and starts Almanac on it with the page cache off. */
async function serve(database: string, size: number, open: (dir: string, size: number) => Promise<ScaleDatabase>): Promise<Served> {
  const dir = mkdtempSync(join(tmpdir(), 'almanac-scale-'));
  const opened = await open(dir, size);
  const events = Math.ceil(size / 2);
  const articles = size - events;
  console.error(`${database}: generating ${size} items…`);
  const made = await generate(opened.env, events, articles);
  const rare = await rareTopic(opened.env, size);
  await opened.filled();
  const env = { ...opened.env, MEDIA_DIR: join(dir, 'media') };
  const off = await startAlmanac({ ...env, PAGE_CACHE: 'off' });
  const event = await firstLink(off.url, '/en/events', /href="(\/en\/events\/[a-z0-9-]+)"/);
  const article = await firstLink(off.url, '/en/articles', /href="(\/en\/articles\/[a-z0-9-]+)"/);
  const topic = await firstLink(off.url, '/en/topics', /href="(\/en\/topics\/[a-z0-9-]+)"/);
  const programme = await firstLink(off.url, '/en/topics', /href="(\/en\/programmes\/[a-z0-9-]+)"/);
  const [topicSlug, programmeSlug] = [topic.split('/').pop()!, programme.split('/').pop()!];
  const eventPages = await lastPage(off.url, '/en/events');
  const articlePages = await lastPage(off.url, '/en/articles');
  const paths = new Map<string, string>([
    ['events listing', '/en/events'],
    ['events, last page', `/en/events?page=${eventPages}`],
    ['articles listing', '/en/articles'],
    ['articles, last page', `/en/articles?page=${articlePages}`],
    ['event page', event],
    ['article page', article],
    ['topic page', topic],
    ['search "wages"', '/en/search?q=wages'],
    ['search "lao động" (vi)', '/vi/search?q=lao+%C4%91%E1%BB%99ng'],
    ['search "wages" within a topic', `/en/search?q=wages&topic=${topicSlug}`],
    ['search "lao động" within a topic (vi)', `/vi/search?q=lao+%C4%91%E1%BB%99ng&topic=${topicSlug}`],
    ['search "wages" within a programme', `/en/search?q=wages&programme=${programmeSlug}`],
    ['search, articles alone (no words)', '/en/search?kind=article'],
    ['search, a topic alone (no words)', `/en/search?topic=${topicSlug}`],
    // Two years before the generated archive's newest, well inside it at either size.
    ['search, a year alone (no words)', `/en/search?year=${new Date().getUTCFullYear() - 2}`],
    ['calendar feed', '/en/events.ics'],
    ['rare topic: event page', rare.event],
    ['rare topic: article page', rare.article],
    ['rare topic: topic page', `/en/topics/${RARE_TOPIC}`],
    ['rare topic: search "wages"', `/en/search?q=wages&topic=${RARE_TOPIC}`],
    ['rare topic: API events', `/api/v1/events?topic=${RARE_TOPIC}`],
  ]);
  return { size, dir, opened, env, made, off, eventPages, articlePages, paths };
}

/** The middle value (the mean of the two middle ones for an even count). */
function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * Every size is filled and served at once; then each page is measured at
 * every size by turns (the order reversed every other round), so that a
 * noisy moment of the machine, or of PostgreSQL beside it, falls on all
 * sizes alike rather than on whichever was measured then.
 */
async function runScaleOn(database: string, options: ScaleOptions, open: (dir: string, size: number) => Promise<ScaleDatabase>): Promise<void> {
  // Latency, not throughput: one connection, one request at a time. The server answers on one
  // thread, so with n connections each request would also wait for n - 1 others (p50 about n
  // times the cost of one request), which measures the queue rather than the page.
  const latencyWrk: WrkOptions = { ...options.wrk, connections: 1, threads: 1, seconds: Math.min(options.wrk.seconds, 3) };
  const runs = Math.max(1, options.runs);
  const served: Served[] = [];
  const rows = new Map<number, string[][]>(options.sizes.map((size) => [size, []]));
  const summary: string[][] = [];
  try {
    for (const size of options.sizes) served.push(await serve(database, size, open));
    for (const label of PAGE_LABELS) {
      // Each size's one request first: its status and size, and whether it is too slow for wrk.
      const measured: Served[] = [];
      for (const s of served) {
        const path = s.paths.get(label)!;
        const row = rows.get(s.size)!;
        // wrk stops with requests still queued in the server (SQLite queries block its one thread):
        // let them drain, or the next page would be timed behind them.
        await fetch(`${s.off.url}/healthz`).then((r) => r.arrayBuffer());
        const started = Date.now();
        try {
          const probe = await fetch(`${s.off.url}${path}`, { signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
          const bytes = (await probe.arrayBuffer()).byteLength;
          const ms = Date.now() - started;
          if (probe.status !== 200) row.push([s.size.toLocaleString('en-US'), label, `HTTP ${probe.status}`, '', '', '', '', '']);
          // wrk gives up on a request after 2 s: a page slower than that is reported by its single time.
          else if (ms > 1500) row.push([s.size.toLocaleString('en-US'), label, `${(bytes / 1024).toFixed(0)} KB`, (1000 / ms).toFixed(2), fmt.ms(ms), '', '', 'single request']);
          else {
            row.push([s.size.toLocaleString('en-US'), shownLabel(label, s), `${(bytes / 1024).toFixed(0)} KB`]);
            measured.push(s);
          }
        } catch {
          row.push([s.size.toLocaleString('en-US'), label, `no answer in ${PROBE_TIMEOUT_MS / 1000} s`, '', '', '', '', '']);
        }
      }
      const results = new Map<number, { rps: number[]; p50: number[]; p99: number[]; errors: number }>(measured.map((s) => [s.size, { rps: [], p50: [], p99: [], errors: 0 }]));
      for (let run = 0; run < runs; run += 1) {
        for (const s of run % 2 ? [...measured].reverse() : measured) {
          await fetch(`${s.off.url}/healthz`).then((r) => r.arrayBuffer());
          const r = await wrk(`${s.off.url}${s.paths.get(label)!}`, latencyWrk);
          const kept = results.get(s.size)!;
          kept.rps.push(r.rps);
          kept.p50.push(r.p50ms);
          kept.p99.push(r.p99ms);
          kept.errors += r.errors;
        }
      }
      const first = results.get(options.sizes[0]!);
      for (const s of measured) {
        const kept = results.get(s.size)!;
        const p50 = median(kept.p50);
        rows
          .get(s.size)!
          .at(-1)!
          .push(
            fmt.rps(median(kept.rps)),
            fmt.ms(p50),
            fmt.ms(median(kept.p99)),
            s.size === options.sizes[0] || !first ? '' : `${(p50 / median(first.p50)).toFixed(2)}×`,
            kept.errors ? String(kept.errors) : '',
          );
      }
      console.error(`${database}: measured ${label}`);
    }
    for (const s of served) {
      const offRss = await rssMb(s.off.pid);
      await s.off.stop();
      const on = await startAlmanac({ ...s.env, PAGE_CACHE: 'on' });
      try {
        for (const path of s.paths.values()) await fetch(`${on.url}${path}`).then((r) => r.arrayBuffer());
        const onRss = await rssMb(on.pid);
        summary.push([
          s.size.toLocaleString('en-US'),
          `${s.made.perSecond.toLocaleString('en-US')} items/s`,
          `${s.made.seconds.toFixed(1)} s`,
          offRss === undefined ? '-' : `${offRss.toFixed(0)} MB`,
          onRss === undefined ? '-' : `${onRss.toFixed(0)} MB`,
        ]);
      } finally {
        await on.stop();
      }
    }
  } finally {
    for (const s of served) {
      await s.off.stop();
      await s.opened.drop();
      rmSync(s.dir, { recursive: true, force: true });
    }
  }
  console.log(
    `\n${database}. Latency with the page cache off (every request reaches the database): wrk -t${latencyWrk.threads} -c${latencyWrk.connections} -d${latencyWrk.seconds}s, median of ${runs} runs alternating between the sizes\n`,
  );
  printTable(['items', 'page', 'size', 'req/s', 'p50 ms', 'p99 ms', `p50 vs ${options.sizes[0]?.toLocaleString('en-US')}`, 'errors'], [...rows.values()].flat());
  console.log(`\n${database}. Generation (almanac generate, one transaction, search index included) and server memory\n`);
  printTable(['items', 'generate', 'wall time', 'RSS, cache off, after load', 'RSS, cache on, pages cached'], summary);
}

/** A last page's label says which page it is. */
function shownLabel(label: string, s: Served): string {
  return label.endsWith('last page') ? `${label} (${label.startsWith('events') ? s.eventPages : s.articlePages})` : label;
}
