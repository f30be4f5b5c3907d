/**
 * Saving while another writer holds the SQLite file (an import, a second
 * server): the save waits and succeeds, or the form comes back with the text
 * typed and a message to save again. The text is never lost to an error page.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import SqliteDatabase from 'better-sqlite3';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../../app.js';
import { loadEnv } from '../../../config/env.js';
import { migrateToLatest, openDatabase, type DatabaseHandle } from '../../../db/database.js';
import { todayInZone } from '../../../shared/dates/calendar-date.js';
import { postForm, signIn, type AdminSession } from '../../../../test/helpers/admin-session.js';
import { DEFAULT_NOW } from '../../../../test/helpers/build-test-app.js';
import { formFields, newEventFields } from '../../../../test/helpers/forms.js';
import { html, text } from '../../../../test/helpers/html.js';
import { en } from '../../i18n/messages/en.js';
import { vi } from '../../i18n/messages/vi.js';

/** How long a save may wait here: short, so that a lock held longer is quick to test. */
const WAIT_MS = 300;

const TYPED = 'Text typed by the editor while the import ran – Hà Nội';

function eventFields(fields: Record<string, string> = {}): Record<string, string> {
  return newEventFields({ en_description: TYPED, ...fields });
}

function articleFields(fields: Record<string, string> = {}): Record<string, string> {
  return { en_title: 'Decent work in the Mekong delta', en_summary: TYPED, en_body: TYPED, published_on: '2026-11-20', ...fields };
}

describe('saving while another writer holds the database', () => {
  let dir: string;
  let handle: DatabaseHandle;
  let app: FastifyInstance;
  let editor: AdminSession;
  /** Another connection to the same file, standing in for an import or a second server. */
  let other: SqliteDatabase.Database;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'almanac-busy-'));
    const sqlitePath = join(dir, 'site.sqlite');
    handle = openDatabase({ sqlitePath, writeWaitMs: WAIT_MS });
    await migrateToLatest(handle.db);
    const config = loadEnv({ NODE_ENV: 'test', SEED_ON_FIRST_START: 'false', SQLITE_PATH: sqlitePath, MEDIA_DIR: join(dir, 'media') });
    app = await buildApp({ db: handle.db, dialect: 'sqlite', config, now: () => DEFAULT_NOW, today: () => todayInZone(config.OFFICE_TIME_ZONE, DEFAULT_NOW) });
    await app.ready();
    editor = await signIn(app, handle.db, 'editor');
    other = new SqliteDatabase(sqlitePath);
  });
  after(async () => {
    if (other.inTransaction) other.exec('rollback');
    other.close();
    await app.close();
    await handle.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Holds the write lock from now until `release` is called (or for `ms`). */
  function holdLock(ms?: number): { release(): void } {
    other.exec('begin immediate');
    other.prepare("insert into site_texts (key, lang, value, updated_at) values ('held', 'en', 'x', '2026-01-01T00:00:00Z') on conflict do nothing").run();
    const release = () => {
      if (other.inTransaction) other.exec('commit');
    };
    if (ms !== undefined) setTimeout(release, ms);
    return { release };
  }

  async function createEvent(): Promise<{ id: number; revision: string }> {
    const res = await postForm(app, { url: '/admin/events', session: editor, fields: eventFields({ en_description: 'First text.' }) });
    assert.equal(res.statusCode, 303, res.body.slice(0, 300));
    const id = Number(/\/admin\/events\/(\d+)/.exec(String(res.headers.location))![1]);
    const page = await app.inject({ url: `/admin/events/${id}`, headers: { cookie: editor.cookie } });
    return { id, revision: String(formFields(page.body, 'form.edit-form').revision) };
  }

  test('a new event saved while another writer holds the file for less than the wait is saved', async () => {
    holdLock(WAIT_MS / 3);
    const res = await postForm(app, { url: '/admin/events', session: editor, fields: eventFields() });
    assert.equal(res.statusCode, 303, res.body.slice(0, 300));
  });

  test('an event edit that cannot get the file comes back as the form with the text typed and a message to save again', async () => {
    const { id, revision } = await createEvent();
    const lock = holdLock();
    try {
      const res = await postForm(app, { url: `/admin/events/${id}`, session: editor, fields: eventFields({ revision }) });
      assert.equal(res.statusCode, 503);
      assert.match(String(res.headers['retry-after']), /^\d+$/);
      const doc = html(res.body);
      assert.equal(text(doc.querySelector('textarea[name=en_description]')), TYPED);
      assert.ok(res.body.includes(en['editing.error.busy']), 'the busy message is shown');
      // The form still saves over the version it was loaded from.
      assert.equal(formFields(res.body, 'form.edit-form').revision, revision);
      assert.ok(!/at \S+\.(ts|js):\d+/.test(res.body), 'no stack trace');
    } finally {
      lock.release();
    }
    // Saved again once the file is free, the text is stored.
    const res = await postForm(app, { url: `/admin/events/${id}`, session: editor, fields: eventFields({ revision }) });
    assert.equal(res.statusCode, 303, res.body.slice(0, 300));
    const stored = await handle.db.selectFrom('event_translations').select('description').where('event_id', '=', id).where('lang', '=', 'en').executeTakeFirstOrThrow();
    assert.equal(stored.description, TYPED);
  });

  test('the message exists in both languages', () => {
    assert.ok(vi['editing.error.busy'] && vi['editing.error.busy'] !== en['editing.error.busy']);
    assert.ok(vi['editing.error.saveFailed'] && vi['editing.error.saveFailed'] !== en['editing.error.saveFailed']);
  });

  test('a new event and a new or edited article that cannot get the file come back with the text typed', async () => {
    const lock = holdLock();
    try {
      const newEvent = await postForm(app, { url: '/admin/events', session: editor, fields: eventFields() });
      assert.equal(newEvent.statusCode, 503);
      assert.equal(text(html(newEvent.body).querySelector('textarea[name=en_description]')), TYPED);
      assert.ok(newEvent.body.includes(en['editing.error.busy']));

      const newArticle = await postForm(app, { url: '/admin/articles', session: editor, fields: articleFields() });
      assert.equal(newArticle.statusCode, 503, newArticle.body.slice(0, 300));
      assert.equal(text(html(newArticle.body).querySelector('textarea[name=en_body]')), TYPED);
      assert.ok(newArticle.body.includes(en['editing.error.busy']));
    } finally {
      lock.release();
    }
    const created = await postForm(app, { url: '/admin/articles', session: editor, fields: articleFields({ en_body: 'First.' }) });
    assert.equal(created.statusCode, 303, created.body.slice(0, 300));
    const id = Number(/\/admin\/articles\/(\d+)/.exec(String(created.headers.location))![1]);
    const page = await app.inject({ url: `/admin/articles/${id}`, headers: { cookie: editor.cookie } });
    const revision = String(formFields(page.body, 'form.edit-form').revision);
    const second = holdLock();
    try {
      const res = await postForm(app, { url: `/admin/articles/${id}`, session: editor, fields: articleFields({ revision }) });
      assert.equal(res.statusCode, 503);
      assert.equal(text(html(res.body).querySelector('textarea[name=en_body]')), TYPED);
      assert.ok(res.body.includes(en['editing.error.busy']));
    } finally {
      second.release();
    }
  });

  test('a workflow step (publish) that cannot get the file answers 503 "try again in a moment", not 500', async () => {
    const { id, revision } = await createEvent();
    const lock = holdLock();
    try {
      const res = await postForm(app, { url: `/admin/events/${id}/publish`, session: editor, fields: { revision } });
      assert.equal(res.statusCode, 503);
      assert.match(String(res.headers['retry-after']), /^\d+$/);
      assert.ok(res.body.includes(en['admin.error.serverBody']));
    } finally {
      lock.release();
    }
    const res = await postForm(app, { url: `/admin/events/${id}/publish`, session: editor, fields: { revision } });
    assert.equal(res.statusCode, 303);
  });

  test('any other failure of a save also keeps the text, with a message that it was not saved', async () => {
    const { id, revision } = await createEvent();
    other.exec("create trigger refuse_event_updates before update on events begin select raise(abort, 'refused for the test'); end");
    try {
      const res = await postForm(app, { url: `/admin/events/${id}`, session: editor, fields: eventFields({ revision }) });
      assert.equal(res.statusCode, 500);
      assert.equal(text(html(res.body).querySelector('textarea[name=en_description]')), TYPED);
      assert.ok(res.body.includes(en['editing.error.saveFailed']));
      assert.ok(!res.body.includes('refused for the test'), 'the database error itself is not shown');
    } finally {
      other.exec('drop trigger refuse_event_updates');
    }
  });
});
