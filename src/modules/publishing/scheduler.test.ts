import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import type { DatabaseHandle } from '../../db/database.js';
import { openTestDatabase } from '../../../test/helpers/test-database.js';
import type { AdminUser } from '../auth/index.js';
import { createPeople, articleInput, eventInput } from '../../../test/helpers/editing.js';
import { createArticle, listArticleRevisions, scheduleArticle } from '../articles/index.js';
import { createEvent, listEventRevisions, scheduleEvent } from '../events/index.js';
import { recordDueItems, startPublishScheduler } from './scheduler.js';

const NOW = new Date('2026-11-23T02:00:00.000Z');
const later = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);

function waitFor(check: () => Promise<boolean>, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  return new Promise((resolve, reject) => {
    const poll = () => {
      check().then(
        (done) => (done ? resolve() : Date.now() > deadline ? reject(new Error('timed out')) : setTimeout(poll, 5)),
        reject,
      );
    };
    poll();
  });
}

describe('the publication scheduler', () => {
  let handle: DatabaseHandle;
  let editor: AdminUser;
  beforeEach(async () => {
    handle = await openTestDatabase();
    ({ editor } = await createPeople(handle.db));
  });
  afterEach(() => handle.destroy());

  test('one pass records due events and articles, and only those', async () => {
    const ctx = { user: editor, now: NOW };
    const event = await createEvent(handle.db, ctx, eventInput());
    const article = await createArticle(handle.db, ctx, articleInput());
    const laterEvent = await createEvent(handle.db, ctx, eventInput());
    await scheduleEvent(handle.db, ctx, event.id, later(10));
    await scheduleArticle(handle.db, ctx, article.id, later(10));
    await scheduleEvent(handle.db, ctx, laterEvent.id, later(120));
    assert.deepEqual(await recordDueItems(handle.db, later(11)), { events: [event.id], articles: [article.id] });
    assert.deepEqual(await recordDueItems(handle.db, later(11)), { events: [], articles: [] });
  });

  test('the timer runs on its own, two instances record each item once, and stopping stops it', async () => {
    let now = NOW;
    const ctx = { user: editor, now: NOW };
    const event = await createEvent(handle.db, ctx, eventInput());
    const article = await createArticle(handle.db, ctx, articleInput());
    await scheduleEvent(handle.db, ctx, event.id, later(5));
    await scheduleArticle(handle.db, ctx, article.id, later(5));

    const logged: string[] = [];
    const log = { info: (_: object, msg: string) => logged.push(msg), error: (_: object, msg: string) => logged.push(`error: ${msg}`) };
    const one = startPublishScheduler({ db: handle.db, now: () => now }, { intervalMs: 5, log });
    const two = startPublishScheduler({ db: handle.db, now: () => now }, { intervalMs: 5, log });
    await new Promise((resolve) => setTimeout(resolve, 30));
    assert.equal((await listEventRevisions(handle.db, event.id))[0]?.action, 'schedule');

    now = later(6);
    await waitFor(async () => (await listArticleRevisions(handle.db, article.id))[0]?.action === 'went_live');
    await waitFor(async () => (await listEventRevisions(handle.db, event.id))[0]?.action === 'went_live');
    await Promise.all([one.stop(), two.stop()]);
    const wentLive = await handle.db.selectFrom('revisions').select('item_kind').where('action', '=', 'went_live').execute();
    assert.deepEqual(wentLive.map((r) => r.item_kind).sort(), ['article', 'event']);
    assert.ok(logged.includes('scheduled items went live'));
    assert.ok(!logged.some((m) => m.startsWith('error')));

    // Stopped: an item coming due later stays unrecorded.
    const next = await createEvent(handle.db, { user: editor, now }, eventInput());
    await scheduleEvent(handle.db, { user: editor, now }, next.id, later(7));
    now = later(8);
    await new Promise((resolve) => setTimeout(resolve, 30));
    assert.equal((await listEventRevisions(handle.db, next.id))[0]?.action, 'schedule');
  });

  test('a pass forgets autosaves older than 30 days and keeps the others', async () => {
    const row = (key: string, savedAt: Date) => ({ user_id: editor.id, item_kind: 'article' as const, item_key: key, base_revision: null, fields: '{}', saved_at: savedAt.toISOString() });
    await handle.db
      .insertInto('autosaves')
      .values([row('old', new Date(NOW.getTime() - 31 * 24 * 60 * 60_000)), row('recent', new Date(NOW.getTime() - 29 * 24 * 60 * 60_000))])
      .execute();
    const scheduler = startPublishScheduler({ db: handle.db, now: () => NOW }, { intervalMs: 60_000 });
    await scheduler.runOnce();
    await scheduler.stop();
    const kept = await handle.db.selectFrom('autosaves').select('item_key').execute();
    assert.deepEqual(kept.map((r) => r.item_key), ['recent']);
  });

  test('a failing pass is logged and the timer goes on', async () => {
    const errors: string[] = [];
    let calls = 0;
    const scheduler = startPublishScheduler(
      {
        db: handle.db,
        now: () => {
          calls += 1;
          if (calls === 1) throw new Error('clock unavailable');
          return NOW;
        },
      },
      { intervalMs: 5, log: { info: () => {}, error: (_: object, msg: string) => errors.push(msg) } },
    );
    await waitFor(async () => calls >= 3);
    await scheduler.stop();
    assert.deepEqual(errors, ['recording scheduled items failed']);
  });
});
