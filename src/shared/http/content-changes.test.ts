import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { sql } from 'kysely';
import { migrateToLatest, openDatabase } from '../../db/database.js';
import { DEFAULT_NOW } from '../../../test/helpers/build-test-app.js';
import { testDatabaseUrl } from '../../../test/helpers/test-database.js';
import { twoInstancesForBlock } from '../../../test/helpers/two-instances.js';
import { getPage, postForm, signIn } from '../../../test/helpers/admin-session.js';
import { formFields } from '../../../test/helpers/forms.js';
import { html, text } from '../../../test/helpers/html.js';
import { importSampleContent } from '../../modules/importer/index.js';
import { localContentChanges, postgresContentChanges } from './content-changes.js';

async function eventually(check: () => Promise<boolean>, ms: number): Promise<number> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > ms) throw new Error(`not within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return Date.now() - started;
}

describe('the content-changed signal', () => {
  test('within a process: every subscriber hears each announcement until it unsubscribes', async () => {
    const changes = localContentChanges();
    const heard: string[] = [];
    const stop = changes.subscribe((reason) => heard.push(reason));
    await changes.announce('one');
    stop();
    await changes.announce('two');
    assert.deepEqual(heard, ['one']);
  });

  test('SQLite: a commit by another connection (another process) is noticed by poll() within its interval, our own writes are not', async (t) => {
    if (testDatabaseUrl) return t.skip('SQLite only');
    const dir = mkdtempSync(join(tmpdir(), 'almanac-changes-'));
    const path = join(dir, 'shared.sqlite');
    const server = openDatabase({ sqlitePath: path });
    await migrateToLatest(server.db);
    const other = openDatabase({ sqlitePath: path });
    try {
      let clock = 0;
      const changes = localContentChanges({ externalVersion: server.dataVersion, pollIntervalMs: 100, clock: () => clock });
      let heard = 0;
      changes.subscribe(() => (heard += 1));
      clock = 100;
      changes.poll();
      await server.db.insertInto('settings').values({ key: 'x', value: '1' }).execute();
      clock = 200;
      changes.poll();
      assert.equal(heard, 0, 'own write: announced by the writer, not by poll');
      await other.db.insertInto('settings').values({ key: 'y', value: '1' }).execute();
      clock = 250;
      changes.poll();
      assert.equal(heard, 0, 'asked at most every 100 ms');
      clock = 300;
      changes.poll();
      assert.equal(heard, 1);
      clock = 400;
      changes.poll();
      assert.equal(heard, 1);
    } finally {
      await other.destroy();
      await server.destroy();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('two instances on one PostgreSQL database', { skip: testDatabaseUrl ? false : 'needs TEST_DATABASE_URL' }, () => {
  const two = twoInstancesForBlock({ seed: (db) => importSampleContent(db, DEFAULT_NOW) });

  test('a page cached on B is fresh within a second after an edit saved on A', async () => {
    const editor = await signIn(two.a, two.handleA.db, 'editor');
    const row = await two.handleA.db.selectFrom('events').select(['id', 'slug']).where('status', '=', 'published').orderBy('id').executeTakeFirstOrThrow();
    const url = `/en/events/${row.slug}`;
    const before = await two.b.inject({ url });
    assert.equal(before.statusCode, 200);
    assert.equal((await two.b.inject({ url })).headers['x-cache'], 'HIT');

    const form = formFields((await getPage(two.a, `/admin/events/${row.id}`, editor)).body, 'form.edit-form');
    const saved = await postForm(two.a, { url: `/admin/events/${row.id}`, session: editor, fields: { ...form, en_title: 'Edited on instance A' } });
    assert.equal(saved.statusCode, 303);

    const took = await eventually(async () => text(html((await two.b.inject({ url })).body).querySelector('h1')) === 'Edited on instance A', 1000);
    assert.ok(took < 1000);
  });

  test('another site in another schema on the same database is not disturbed', async () => {
    const other = postgresContentChanges({ db: two.handleA.db, connectionString: two.handleA.postgresUrl!, schema: 'some_other_site' });
    await other.ready();
    let heard = 0;
    const stop = two.changesB.subscribe(() => (heard += 1));
    try {
      await other.announce('elsewhere');
      await two.changesA.announce('here');
      await eventually(async () => heard > 0, 1000);
      await new Promise((resolve) => setTimeout(resolve, 100));
      assert.equal(heard, 1);
    } finally {
      stop();
      await other.close();
    }
  });

  test('a lost LISTEN connection: nothing is served from memory until it is back, then all is renewed', async () => {
    const url = '/en/articles';
    await two.b.inject({ url });
    assert.equal((await two.b.inject({ url })).headers['x-cache'], 'HIT');
    // Ends B's listening connection from the server side, as a database restart would.
    // Only the listeners on this test's own database: other test files' instances
    // listen on databases of their own at the same time.
    await sql`select pg_terminate_backend(pid) from pg_stat_activity where query = 'LISTEN almanac_content_changed' and datname = current_database() and pid <> pg_backend_pid()`.execute(two.handleA.db);
    await eventually(async () => !two.changesB.receiving, 2000);
    assert.equal((await two.b.inject({ url })).headers['x-cache'], undefined, 'not trusted while deaf');
    await eventually(async () => two.changesB.receiving && two.changesA.receiving, 5000);
    assert.equal((await two.b.inject({ url })).headers['x-cache'], 'MISS');
    assert.equal((await two.b.inject({ url })).headers['x-cache'], 'HIT');
  });
});

describe('two instances on one PostgreSQL database, rendering popular pages again', { skip: testDatabaseUrl ? false : 'needs TEST_DATABASE_URL' }, () => {
  const two = twoInstancesForBlock({ seed: (db) => importSampleContent(db, DEFAULT_NOW), env: { PAGE_CACHE_REFRESH_PAGES: '1' } });

  test("an edit saved on A renders B's most requested page again, with the edit, before anyone asks B", async () => {
    const editor = await signIn(two.a, two.handleA.db, 'editor');
    const row = await two.handleA.db.selectFrom('events').select(['id', 'slug']).where('status', '=', 'published').orderBy('id').executeTakeFirstOrThrow();
    const url = `/en/events/${row.slug}`;
    for (let i = 0; i < 3; i += 1) await two.b.inject({ url });
    await two.b.inject({ url: '/en/articles' });

    const generation = two.b.pageStore!.generation;
    const form = formFields((await getPage(two.a, `/admin/events/${row.id}`, editor)).body, 'form.edit-form');
    const saved = await postForm(two.a, { url: `/admin/events/${row.id}`, session: editor, fields: { ...form, en_title: 'Edited on instance A, shown on B' } });
    assert.equal(saved.statusCode, 303);

    await eventually(async () => two.b.pageStore!.generation > generation && two.b.pageStore!.has(url), 5000);
    const page = await two.b.inject({ url });
    assert.equal(page.headers['x-cache'], 'HIT', 'stored again on B with no request to B');
    assert.equal(text(html(page.body).querySelector('h1')), 'Edited on instance A, shown on B');
    assert.equal(two.b.pageStore!.has('/en/articles'), false, 'only the most requested');
  });
});
