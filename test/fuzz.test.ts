/**
 * Hostile input on every route: each public route signed out and signed in,
 * each admin route as a contributor, an editor, an administrator and signed
 * out, with values no form would send (very long strings, control
 * characters, lone surrogates, invalid UTF-8 in the address, deep Markdown,
 * odd dates, huge numbers, arrays and objects where text is expected, path
 * traversal, unknown ids, missing or wrong CSRF tokens).
 *
 * The routes are read from Fastify as they are added, so a route added later
 * is fuzzed too. The values come from fast-check with a fixed seed
 * (FUZZ_SEED), and their number is fixed (FUZZ_RUNS per route and role), so a
 * run is repeatable and bounded. Every answer must be below 500, show no
 * stack trace or other insides of the server, and a refused request (4xx)
 * must leave every table as it was. The slowest answers are reported, not
 * judged: how fast a page is belongs to `npm run bench`, and a time limit
 * here failed on a loaded machine (1,007 ms for an editor's save beside the
 * browser journeys) with nothing wrong.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import type { LightMyRequestResponse, RouteOptions } from 'fastify';
import { sql } from 'kysely';
import { buildTestApp, type TestApp } from './helpers/build-test-app.js';
import { signIn, type AdminSession } from './helpers/admin-session.js';
import { createArticle, createEvent } from './helpers/factories.js';
import { html } from './helpers/html.js';
import { jpegWithGps, pdfDocument } from './helpers/images.js';
import { multipartBody } from './helpers/multipart.js';
import { testDatabaseUrl } from './helpers/test-database.js';

const SEED = Number(process.env.FUZZ_SEED) || 20261204;
/** Requests per route and role: enough to try every kind of value over the routes, in 20-30 s on either database on its own. */
const RUNS = Number(process.env.FUZZ_RUNS) || 4;
/** How many of the slowest answers the run reports. */
const SLOWEST_SHOWN = 5;

type Role = 'anonymous' | 'contributor' | 'editor' | 'admin';
const ROLES: readonly Role[] = ['anonymous', 'contributor', 'editor', 'admin'];

/** PostgreSQL: the sequence that marks writes (writeMark), and the name of its trigger function and triggers. */
const WRITE_MARK = 'fuzz_write_mark';

/** `text` as an SQL string literal. */
const quoteLiteral = (text: string): string => `'${text.replaceAll("'", "''")}'`;

/** Tables a refused request may change by design: failed sign-ins are counted, to slow down guessing. */
const CHANGED_BY_REFUSALS = new Set(['login_attempts']);

/** Strings that have broken, or could break, something somewhere. */
const NASTY: readonly string[] = [
  '',
  ' ',
  '0',
  '-1',
  '1.5',
  '1e308',
  '9'.repeat(400),
  'NaN',
  'Infinity',
  '0x1f',
  'null',
  'undefined',
  'true',
  '[]',
  '{}',
  '\u0000',
  'a\u000bb',
  '\u0085\u2028\u2029',
  '\ufeff',
  '\u202eevil',
  '\ud800',
  'x\udfffy',
  '😀'.repeat(50),
  'Hội thảo quốc gia',
  '../../../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '/admin',
  '/vi/ā ñ',
  '/en/events?q=ệ',
  '/admin/events/1?x=ā',
  '//evil.example/x',
  'https://evil.example/',
  'javascript:alert(1)',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "' OR 1=1 --",
  '%',
  '_',
  '%00',
  // The inputs that stalled or broke pages before (deep nesting; emphasis that took quadratic time).
  '> '.repeat(9999) + 'x',
  '_a'.repeat(50_000),
  '> '.repeat(3000) + 'x',
  '- '.repeat(3000),
  '_a'.repeat(5000),
  '*'.repeat(5000),
  '['.repeat(3000) + ']'.repeat(3000),
  'x'.repeat(20_000),
  '2026-02-30',
  '2026-13-01',
  '0000-00-00',
  '9999-12-31',
  '-000001-01-01',
  '2026-11-23T25:61',
  '2000-01-01',
  '3999-12-31',
  '1900-01-01T00:00',
  '23:59',
  '24:00',
  'America/New_York',
  'Mars/Olympus',
  'en',
  'vi',
  'fr',
  'admin',
  'editor',
  'contributor',
  'published',
  'draft',
  'scheduled',
  'up',
  'down',
];

/** Address pieces sent as they are: invalid percent-escapes and UTF-8 that is not. */
const RAW_URL_PIECES: readonly string[] = ['%', '%zz', '%C3%28', '%FF%FE', '%ED%A0%80', '%E0%80%AF', '%00', '%2e%2e%2f%2e%2e%2f', '..%2F..%2F', '%C0%AE%C0%AE/'];

const nastyChar = fc.constantFrom('\u0000', '\u0008', '\u000b', '\u001f', '\u007f', '\u0085', '\u00a0', '\u2028', '\ud800', '\udc00', '>', '-', '*', '_', '[', ']', '(', ')', '`', '#', '\n', '\r', ' ', 'a', 'ệ', '&', '<', '"', "'", '\\', '/', '%');
/** One hostile text. */
const hostileText: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...NASTY) },
  { weight: 2, arbitrary: fc.string({ unit: nastyChar, maxLength: 300 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 100 }) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...NASTY), fc.constantFrom(...NASTY)).map(([a, b]) => a + b) },
);

/** A value for a body field: mostly text; sometimes what a JSON client could send instead. */
type FieldValue = string | string[] | number | boolean | null | Record<string, unknown>;
const hostileField: fc.Arbitrary<FieldValue> = fc.oneof(
  { weight: 6, arbitrary: hostileText },
  { weight: 1, arbitrary: fc.array(hostileText, { minLength: 2, maxLength: 3 }) },
  { weight: 1, arbitrary: fc.constantFrom<FieldValue>(1e308, -1, 0, true, null, { $gt: '' }, { toString: 'x' }) },
);

/** Percent-encodes any string (a lone surrogate as U+FFFD, as Buffer writes it). */
function encode(value: string): string {
  return Array.from(Buffer.from(value, 'utf8'), (byte) => {
    const char = String.fromCharCode(byte);
    return /[A-Za-z0-9\-._~]/.test(char) ? char : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }).join('');
}

/** A small deterministic generator, so that every choice below comes from the seed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface SeenForm {
  role: Role;
  action: string;
  fields: string[];
  multipart: boolean;
}

/** Filled into every field of every form: the inputs that broke or stalled pages, and their kin. */
const FORM_VALUES: readonly (string | string[])[] = [
  '> '.repeat(9999) + 'x',
  '_a'.repeat(50_000),
  '- '.repeat(3000),
  '\u0000\u0001\u0008\u000b\u000c\u001f\u007f\u0080\u0085\u009f\ufffe',
  'x\ud800y\udfffz',
  'x'.repeat(20_000),
  '9'.repeat(400),
  ['2000-01-01', '3999-12-31'],
];

interface Route {
  method: 'GET' | 'POST';
  url: string;
}

/** Nothing of the server's insides: stack frames, error classes, module paths. */
const INTERNALS = [
  /\n\s+at [^\n]*:\d+:\d+/,
  /\bat [\w.$<>]+ \((?:file:|node:|\/)/,
  /node_modules/,
  /\/work\/|\/src\/[\w/-]+\.(?:ts|tsx|js)/,
  /\b(?:TypeError|RangeError|ReferenceError|SyntaxError|SqliteError|DatabaseError|AggregateError)\b/,
  /\bError: /,
  /"stack"\s*:/,
  /\bERR_[A-Z_]{4,}\b/,
  /\bFST_[A-Z_]+\b/,
];

function describeRequest(method: string, url: string, role: Role, body: string | undefined): string {
  const cut = (s: string) => (s.length > 300 ? `${s.slice(0, 300)}… (${s.length} chars)` : s);
  return `${role} ${method} ${cut(url)}${body === undefined ? '' : `\n  body: ${cut(JSON.stringify(body))}`}`;
}

describe(`fuzzing every route (seed ${SEED}, ${RUNS} runs per route and role)`, () => {
  let t: TestApp;
  const routes: Route[] = [];
  const sessions = new Map<Role, AdminSession | undefined>();
  /** Real values for path parameters, so that hostile bodies reach real forms, not only 404s. */
  const known: Record<string, string[]> = { id: [], slug: [], mediaId: [], eventId: [], part: ['1', 'events-1', 'articles-1', 'pages'] };
  /** Field and query names seen in the pages' forms and links. */
  const names = new Set<string>(['q', 'page', 'year', 'topic', 'programme', 'type', 'kind', 'next', 'to', 'back', 'notice', 'done', 'token', 'lang', 'text', 'title', 'description', 'email', 'password']);
  let tables: string[] = [];

  before(async () => {
    t = await buildTestApp({
      seed: true,
      appOptions: {
        onRoute: (route: RouteOptions) => {
          for (const method of [route.method].flat() as string[]) {
            if (method === 'GET' || method === 'POST') routes.push({ method, url: route.url });
          }
        },
      },
    });
    sessions.set('anonymous', undefined);
    for (const role of ['contributor', 'editor', 'admin'] as const) sessions.set(role, await signIn(t.app, t.db, role));
    const editor = sessions.get('editor')!;

    // Something of each kind to point at: the seed's items, a draft of each kind, an image and a document.
    const event = await createEvent(t.db, { title: 'Fuzz event', status: 'draft' });
    const article = await createArticle(t.db, { title: 'Fuzz article', status: 'draft' });
    for (const [file, fields] of [
      [{ filename: 'photo.jpg', data: await jpegWithGps(120, 80) }, { altEn: 'A photo' }],
      [{ filename: 'agenda.pdf', data: pdfDocument() }, {}],
    ] as const) {
      const body = multipartBody(fields, file);
      await t.app.inject({ method: 'POST', url: `/admin/media?_csrf=${encodeURIComponent(editor.csrfToken)}`, headers: { ...body.headers, cookie: editor.cookie }, payload: body.payload });
    }
    const ids = async (table: 'events' | 'articles' | 'media' | 'users') =>
      (await t.db.selectFrom(table).select('id').orderBy('id').limit(3).execute()).map((r) => String(r.id));
    known.id = [...new Set([String(event.id), String(article.id), ...(await ids('events')), ...(await ids('articles')), ...(await ids('media')), ...(await ids('users'))])];
    known.eventId = [String(event.id), ...(await ids('events'))];
    known.mediaId = await ids('media');
    const slugs = await sql<{ slug: string }>`select slug from event_translations union select slug from article_translations union select slug from topics union select slug from programmes`.execute(t.db);
    known.slug = [event.slug, article.slug, ...slugs.rows.slice(0, 6).map((r) => r.slug)];
    const media = await t.db.selectFrom('media_variants').select('path').limit(1).execute();
    known['*'] = media.map((m) => m.path);

    // Every table of this database (later ones included), for the before-and-after comparison.
    // On PostgreSQL only the schema in use counts (a test of a migration works in a schema of its own).
    const schema = testDatabaseUrl ? (await sql<{ s: string }>`select current_schema() as s`.execute(t.db)).rows[0]?.s : undefined;
    tables = (await t.db.introspection.getTables())
      .filter((table) => !table.isView && !table.name.startsWith('kysely_') && !CHANGED_BY_REFUSALS.has(table.name))
      .filter((table) => schema === undefined || table.schema === schema)
      .map((table) => table.name)
      .sort();
    if (schema !== undefined) {
      // The write mark on PostgreSQL (writeMark, below): a sequence that every statement writing to one of those tables moves.
      const mark = `${schema}.${WRITE_MARK}`;
      await sql`create sequence ${sql.table(mark)}`.execute(t.db);
      await sql`create function ${sql.table(`${mark}_moves`)}() returns trigger language plpgsql as ${sql.lit(`begin perform nextval(${quoteLiteral(mark)}); return null; end`)}`.execute(t.db);
      for (const table of tables) {
        await sql`create trigger ${sql.id(`${WRITE_MARK}_moves`)} after insert or update or delete or truncate on ${sql.table(`${schema}.${table}`)} for each statement execute function ${sql.table(`${mark}_moves`)}()`.execute(t.db);
      }
    }
  });
  after(() => t?.close());

  /** A digest of every row of every table. */
  async function digest(): Promise<string> {
    const hash = createHash('sha256');
    for (const table of tables) {
      const rows = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(t.db);
      const lines = rows.rows.map((row) => JSON.stringify(row, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value))).sort();
      hash.update(`${table}\n${lines.join('\n')}\n`);
    }
    return hash.digest('hex');
  }

  /**
   * A mark that moves whenever a row of the database is written, read in one statement: the digest
   * is read again only when it moved (reading every row after each request was three quarters of
   * this test's time). SQLite (one connection, to a database in memory): how many rows its
   * statements have changed since it opened. PostgreSQL: a sequence that a trigger on every
   * compared table moves after each statement that inserts, updates, deletes or truncates
   * (`before`, above). A sequence moves at once for every connection and is not rolled back, so
   * a write of any of the app's connections moves it, even one whose transaction is then undone (the
   * digest, read again, then shows nothing changed). Each table's row count and newest row version,
   * read before, took 6 ms a request here, 20 of the test's 46 s.
   */
  async function writeMark(): Promise<string> {
    if (!testDatabaseUrl) return JSON.stringify((await sql`select total_changes() as n`.execute(t.db)).rows);
    return JSON.stringify((await sql`select last_value, is_called from ${sql.table(WRITE_MARK)}`.execute(t.db)).rows);
  }

  /** The forms each role was shown, by role and action, with their fields' names. */
  const forms = new Map<string, SeenForm>();

  function harvest(res: LightMyRequestResponse, role?: Role): void {
    if (!String(res.headers['content-type']).startsWith('text/html')) return;
    const doc = html(res.body);
    for (const field of doc.querySelectorAll('input[name], textarea[name], select[name]')) names.add(field.getAttribute('name')!);
    if (!role) return;
    for (const form of doc.querySelectorAll('form')) {
      const action = form.getAttribute('action');
      if (!action || (form.getAttribute('method') ?? 'get').toLowerCase() !== 'post') continue;
      const inputs = form.querySelectorAll('input[name], textarea[name], select[name]');
      const typed = inputs.filter((el) => el.tagName !== 'INPUT' || !['hidden', 'submit', 'checkbox', 'radio', 'file'].includes(el.getAttribute('type') ?? 'text'));
      if (typed.length === 0) continue;
      const fields = [...new Set(inputs.map((el) => el.getAttribute('name')!).filter((name) => name !== '_csrf'))];
      forms.set(`${role} ${action}`, { role, action, fields, multipart: form.getAttribute('enctype') === 'multipart/form-data' });
    }
  }

  // The time limit guards against a hang. On its own this takes about 20-30 s, but the PostgreSQL
  // pass runs beside the browser journeys on two cores, where it once took more than 300 s (before the write mark).
  test('every route answers hostile input with a page, showing nothing of the server, changing nothing when it refuses', { timeout: 600_000 }, async (context) => {
    assert.ok(routes.length > 100, `the routes were collected (${routes.length})`);
    assert.ok(tables.length > 20, `the tables were listed (${tables.join(', ')})`);
    const next = random(SEED);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
    const texts = fc.sample(hostileText, { seed: SEED, numRuns: 4000 });
    const fields = fc.sample(hostileField, { seed: SEED + 1, numRuns: 4000 });
    let textAt = 0;
    let fieldAt = 0;
    const text = () => texts[textAt++ % texts.length]!;
    const field = () => fields[fieldAt++ % fields.length]!;
    const failures: string[] = [];
    const slowest: { ms: number; what: string }[] = [];
    const statuses = new Map<number, number>();
    let requests = 0;
    if (testDatabaseUrl) {
      const unmoved = await writeMark();
      await sql`delete from ${sql.table(tables[0]!)} where false`.execute(t.db);
      assert.notEqual(await writeMark(), unmoved, 'a statement that writes to a compared table moves the write mark');
    }
    let mark = await writeMark();
    let before = await digest();

    /** A path parameter: a real value, or a hostile one, encoded or raw. */
    function param(name: string): string {
      const real = known[name] ?? [];
      const roll = next();
      if (real.length > 0 && roll < 0.45) return encode(pick(real));
      if (roll < 0.6) return pick(RAW_URL_PIECES);
      if (roll < 0.7) return pick(['0', '-1', '999999999', '9'.repeat(30), '1e3', '1.0', 'abc']);
      return encode(text());
    }

    function urlFor(route: Route, role: Role): string {
      let path = route.url.replace(/:(\w+)/g, (_m, name: string) => param(name));
      if (path.endsWith('*')) path = path.slice(0, -1) + (next() < 0.5 && known['*']!.length ? pick(known['*']!) : pick(['../../package.json', '..%2F..%2Fpackage.json', 'i/../../../etc/passwd', pick(RAW_URL_PIECES), encode(text())]));
      const query: string[] = [];
      const count = Math.floor(next() * 4);
      const nameList = [...names];
      for (let i = 0; i < count; i += 1) {
        const key = next() < 0.85 ? pick(nameList) : text();
        const value = next() < 0.15 ? pick(RAW_URL_PIECES) : encode(text());
        query.push(`${encode(key)}=${value}`);
        // The same name twice: an array where a string is expected.
        if (next() < 0.15) query.push(`${encode(key)}=${encode(text())}`);
      }
      const session = sessions.get(role);
      if (session && route.method === 'POST' && next() < 0.5) query.push(`_csrf=${encodeURIComponent(session.csrfToken)}`);
      return query.length ? `${path}?${query.join('&')}` : path;
    }

    function bodyFor(role: Role): { headers: Record<string, string>; payload: string | Buffer; shown: string } {
      const session = sessions.get(role);
      const nameList = [...names];
      const chosen: Record<string, FieldValue> = {};
      const count = 1 + Math.floor(next() * 6);
      for (let i = 0; i < count; i += 1) chosen[next() < 0.9 ? pick(nameList) : text()] = field();
      const csrf = next();
      if (session && csrf < 0.8) chosen._csrf = session.csrfToken;
      else if (session && csrf < 0.9) chosen._csrf = text();
      const kind = next();
      if (kind < 0.2) {
        const payload = JSON.stringify(chosen);
        return { headers: { 'content-type': 'application/json' }, payload, shown: payload };
      }
      if (kind < 0.27) {
        const textFields = Object.fromEntries(Object.entries(chosen).map(([k, v]) => [k.replace(/["\r\n]/g, ''), typeof v === 'string' ? v : JSON.stringify(v)]));
        const body = multipartBody(textFields, next() < 0.5 ? { filename: text().replace(/["\r\n]/g, ''), data: Buffer.from(text()) } : undefined);
        // Sometimes cut off in the middle.
        const payload = next() < 0.3 ? body.payload.subarray(0, Math.floor(body.payload.length / 2)) : body.payload;
        return { headers: body.headers, payload, shown: `multipart ${JSON.stringify(textFields).slice(0, 300)}` };
      }
      const pairs: string[] = [];
      for (const [name, value] of Object.entries(chosen)) {
        for (const v of Array.isArray(value) ? value : [value]) {
          pairs.push(`${encode(name)}=${typeof v === 'string' ? (next() < 0.05 ? pick(RAW_URL_PIECES) : encode(v)) : encode(JSON.stringify(v) ?? '')}`);
        }
      }
      const payload = pairs.join('&');
      return { headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload, shown: payload };
    }

    async function send(route: Route, role: Role, url: string, body?: ReturnType<typeof bodyFor>): Promise<void> {
      const session = sessions.get(role);
      const started = performance.now();
      const accept = next() < 0.9 ? 'text/html' : 'application/json';
      const res = await t.app.inject({
        method: route.method,
        url,
        headers: { accept, ...(session ? { cookie: session.cookie } : {}), ...body?.headers },
        ...(body ? { payload: body.payload } : {}),
      });
      const ms = performance.now() - started;
      requests += 1;
      statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
      const what = describeRequest(route.method, url, role, body?.shown);
      if (res.statusCode >= 500) failures.push(`${res.statusCode} for ${what}\n  answer: ${res.body.slice(0, 300)}`);
      slowest.push({ ms, what });
      slowest.sort((a, b) => b.ms - a.ms).splice(SLOWEST_SHOWN);
      // A person's browser is always answered with one of the site's pages, never the framework's JSON;
      // the read API is for programs, and answers every refusal as problem details whatever is asked.
      const type = String(res.headers['content-type']);
      const refusalType = new URL(url, 'http://localhost').pathname.startsWith('/api/v1/') ? 'application/problem+json' : 'text/html';
      if ((accept === 'text/html' || refusalType !== 'text/html') && res.statusCode >= 400 && !type.startsWith(refusalType)) {
        failures.push(`${res.statusCode} as ${type} for ${what}\n  answer: ${res.body.slice(0, 300)}`);
      }
      const internal = INTERNALS.find((pattern) => pattern.test(res.body));
      if (internal) failures.push(`the answer shows ${internal} for ${what}\n  answer: ${res.body.slice(0, 300)}`);
      const moved = await writeMark();
      const after = moved === mark ? before : await digest();
      mark = moved;
      if (res.statusCode >= 400 && after !== before) failures.push(`a refused request (${res.statusCode}) changed the database: ${what}`);
      before = after;
      harvest(res, firstPass ? role : undefined);
      // A request that signed the session out (or disabled its account) leaves the role signed out; sign in again.
      if (session && (res.statusCode === 401 || String(res.headers.location ?? '').startsWith('/admin/login'))) {
        const check = await t.app.inject({ url: '/admin', headers: { cookie: session.cookie } });
        if (check.statusCode !== 200) {
          sessions.set(role, await signIn(t.app, t.db, role as Exclude<Role, 'anonymous'>));
          mark = await writeMark();
          before = await digest();
        }
      }
    }

    // First, every GET route with real values, to learn the names the forms use.
    let firstPass = true;
    for (const role of ROLES) {
      for (const route of routes.filter((r) => r.method === 'GET')) {
        const url = route.url.replace(/:(\w+)/g, (_m, name: string) => encode(known[name]?.[0] ?? '1')).replace(/\*$/, known['*']?.[0] ?? '');
        await send(route, role, url);
      }
    }
    firstPass = false;

    // Then every form each role was shown, every field filled with each of the worst values.
    for (const form of [...forms.values()].sort((a, b) => a.action.localeCompare(b.action) || a.role.localeCompare(b.role))) {
      const session = sessions.get(form.role);
      for (const value of FORM_VALUES) {
        const values = Object.fromEntries(form.fields.map((name) => [name, value]));
        let body: ReturnType<typeof bodyFor>;
        if (form.multipart) {
          const multipart = multipartBody(Object.fromEntries(form.fields.map((name) => [name, [value].flat().join(' ')])));
          body = { headers: multipart.headers, payload: multipart.payload, shown: `multipart, every field ${JSON.stringify(value).slice(0, 60)}` };
        } else {
          const params = new URLSearchParams();
          for (const [name, v] of Object.entries(values)) for (const one of [v].flat()) params.append(name, one);
          if (session) params.set('_csrf', session.csrfToken);
          body = { headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: params.toString(), shown: `every field ${JSON.stringify(value).slice(0, 60)}` };
        }
        await send({ method: 'POST', url: form.action }, form.role, form.action, body);
      }
    }

    for (const route of routes) {
      // Public pages differ only between signed out and signed in (which skips the page cache).
      const roles = route.url.startsWith('/admin') ? ROLES : (['anonymous', 'editor'] as const);
      for (const role of roles) {
        for (let run = 0; run < RUNS; run += 1) {
          await send(route, role, urlFor(route, role), route.method === 'POST' ? bodyFor(role) : undefined);
        }
      }
    }

    context.diagnostic(`${requests} requests; answers: ${[...statuses].sort(([a], [b]) => a - b).map(([status, n]) => `${status} × ${n}`).join(', ')}`);
    context.diagnostic(`slowest answers: ${slowest.map((s) => `${Math.round(s.ms)} ms for ${s.what.split('\n')[0]!.slice(0, 80)}`).join('; ')}`);
    assert.ok(requests >= routes.length * RUNS, `every route was tried ${RUNS} times (${requests} requests)`);
    assert.deepEqual(failures.slice(0, 40), [], `${failures.length} failures in ${requests} requests (seed ${SEED})`);
  });
});
