import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { buildApp } from '../../app.js';
import { loadEnv, type Env } from '../../config/env.js';
import { migrateToLatest, openDatabase, type DatabaseHandle } from '../../db/database.js';
import { todayInZone } from '../dates/calendar-date.js';
import { DEFAULT_NOW } from '../../../test/helpers/build-test-app.js';
import { openTestDatabase, testDatabaseUrl, type TestDatabaseHandle } from '../../../test/helpers/test-database.js';
import { getPage, postForm, signIn } from '../../../test/helpers/admin-session.js';
import { formFields } from '../../../test/helpers/forms.js';
import { html, text } from '../../../test/helpers/html.js';
import { importSampleContent } from '../../modules/importer/index.js';
import { localContentChanges, postgresContentChanges, type ContentChanges } from './content-changes.js';

function appOn(handle: DatabaseHandle, config: Env, changes: ContentChanges): Promise<FastifyInstance> {
  return buildApp(
    { db: handle.db, dialect: handle.dialect, config, now: () => DEFAULT_NOW, today: () => todayInZone(config.OFFICE_TIME_ZONE, DEFAULT_NOW) },
    { contentChanges: changes },
  );
}

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
  let handleA: TestDatabaseHandle;
  let handleB: DatabaseHandle;
  let changesA: ReturnType<typeof postgresContentChanges>;
  let changesB: ReturnType<typeof postgresContentChanges>;
  let a: FastifyInstance;
  let b: FastifyInstance;
  let mediaDir: string;

  before(async () => {
    mediaDir = mkdtempSync(join(tmpdir(), 'almanac-media-'));
    const config = loadEnv({ NODE_ENV: 'test', SEED_ON_FIRST_START: 'false', MEDIA_DIR: mediaDir, DATABASE_URL: testDatabaseUrl! });
    handleA = await openTestDatabase();
    handleB = openDatabase({ databaseUrl: handleA.postgresUrl, postgresSchema: handleA.schema });
    await importSampleContent(handleA.db, DEFAULT_NOW);
    changesA = postgresContentChanges({ db: handleA.db, connectionString: handleA.postgresUrl!, schema: handleA.schema });
    changesB = postgresContentChanges({ db: handleB.db, connectionString: handleA.postgresUrl!, schema: handleB.schema });
    await Promise.all([changesA.ready(), changesB.ready()]);
    a = await appOn(handleA, config, changesA);
    b = await appOn(handleB, config, changesB);
  });
  after(async () => {
    await a.close();
    await b.close();
    await changesA.close();
    await changesB.close();
    await handleB.destroy();
    await handleA.destroy();
    rmSync(mediaDir, { recursive: true, force: true });
  });

  test('a page cached on B is fresh within a second after an edit saved on A', async () => {
    const editor = await signIn(a, handleA.db, 'editor');
    const row = await handleA.db.selectFrom('events').select(['id', 'slug']).where('status', '=', 'published').orderBy('id').executeTakeFirstOrThrow();
    const url = `/en/events/${row.slug}`;
    const before = await b.inject({ url });
    assert.equal(before.statusCode, 200);
    assert.equal((await b.inject({ url })).headers['x-cache'], 'HIT');

    const form = formFields((await getPage(a, `/admin/events/${row.id}`, editor)).body, 'form.edit-form');
    const saved = await postForm(a, { url: `/admin/events/${row.id}`, session: editor, fields: { ...form, en_title: 'Edited on instance A' } });
    assert.equal(saved.statusCode, 303);

    const took = await eventually(async () => text(html((await b.inject({ url })).body).querySelector('h1')) === 'Edited on instance A', 1000);
    assert.ok(took < 1000);
  });

  test('another site in another schema on the same database is not disturbed', async () => {
    const other = postgresContentChanges({ db: handleA.db, connectionString: handleA.postgresUrl!, schema: 'some_other_site' });
    await other.ready();
    let heard = 0;
    const stop = changesB.subscribe(() => (heard += 1));
    try {
      await other.announce('elsewhere');
      await changesA.announce('here');
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
    await b.inject({ url });
    assert.equal((await b.inject({ url })).headers['x-cache'], 'HIT');
    // Ends B's listening connection from the server side, as a database restart would.
    // (Only this file's instances listen in the test suite.)
    await sql`select pg_terminate_backend(pid) from pg_stat_activity where query = 'LISTEN almanac_content_changed' and pid <> pg_backend_pid()`.execute(handleA.db);
    await eventually(async () => !changesB.receiving, 2000);
    assert.equal((await b.inject({ url })).headers['x-cache'], undefined, 'not trusted while deaf');
    await eventually(async () => changesB.receiving && changesA.receiving, 5000);
    assert.equal((await b.inject({ url })).headers['x-cache'], 'MISS');
    assert.equal((await b.inject({ url })).headers['x-cache'], 'HIT');
  });
});
