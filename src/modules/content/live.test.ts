/**
 * Public pages through HTTP: an item appears exactly when it goes live,
 * and an old slug answers with a permanent redirect to the current one.
 */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { appForBlock, DEFAULT_NOW } from '../../../test/helpers/build-test-app.js';
import type { AdminUser } from '../auth/index.js';
import { createPeople, articleInput, eventInput } from '../../../test/helpers/editing.js';
import { html, text } from '../../../test/helpers/html.js';
import { assertRedirects } from '../../../test/helpers/redirects.js';
import { createArticle, publishArticle, scheduleArticle, updateArticle } from '../articles/articles.editing.js';
import { articlePath, eventPath } from '../../shared/http/paths.js';
import { createEvent, publishEvent, scheduleEvent, updateEvent } from '../events/events.editing.js';

const at = (minutes: number) => new Date(DEFAULT_NOW.getTime() + minutes * 60_000);
let ctx: { user: AdminUser; now: Date };

describe('visitors see scheduled items from their time on', () => {
  const t = appForBlock();
  let eventSlug: string;
  let articleSlug: string;
  before(async () => {
    ctx = { user: (await createPeople(t.db)).editor, now: DEFAULT_NOW };
    const event = await createEvent(t.db, ctx, eventInput({ en: { ...eventInput().en, title: 'Scheduled forum' } }));
    await scheduleEvent(t.db, ctx, event.id, at(60));
    eventSlug = event.snapshot.slug;
    const article = await createArticle(t.db, ctx, articleInput({ en: { ...articleInput().en, title: 'Scheduled story' } }));
    await scheduleArticle(t.db, ctx, article.id, at(60));
    articleSlug = article.snapshot.slug;
  });

  test('before the time: not on the pages, not in the lists, not on the home page', async () => {
    t.setNow(at(59));
    assert.equal((await t.app.inject({ url: eventPath('en', eventSlug) })).statusCode, 404);
    assert.equal((await t.app.inject({ url: articlePath('en', articleSlug) })).statusCode, 404);
    assert.doesNotMatch((await t.app.inject({ url: '/en/events' })).body, /Scheduled forum/);
    assert.doesNotMatch((await t.app.inject({ url: '/en/articles' })).body, /Scheduled story/);
    const home = (await t.app.inject({ url: '/en' })).body;
    assert.doesNotMatch(home, /Scheduled forum|Scheduled story/);
  });

  test('at the time: everywhere, with no scheduler having run', async () => {
    t.setNow(at(60));
    const page = await t.app.inject({ url: eventPath('en', eventSlug) });
    assert.equal(page.statusCode, 200);
    assert.equal(text(html(page.body).querySelector('h1')), 'Scheduled forum');
    assert.equal((await t.app.inject({ url: articlePath('en', articleSlug) })).statusCode, 200);
    assert.match((await t.app.inject({ url: '/en/events' })).body, /Scheduled forum/);
    assert.match((await t.app.inject({ url: '/en/articles' })).body, /Scheduled story/);
    assert.match((await t.app.inject({ url: '/en' })).body, /Scheduled forum/);
  });
});

describe('a changed slug redirects permanently', () => {
  const t = appForBlock();
  before(async () => {
    ctx = { user: (await createPeople(t.db)).editor, now: DEFAULT_NOW };
  });

  test('the old event address answers 301 to the new one', async () => {
    const event = await createEvent(t.db, ctx, eventInput());
    await publishEvent(t.db, ctx, event.id);
    await updateEvent(t.db, ctx, event.id, eventInput({ slug: 'dak-lak-forum' }), 2);
    await assertRedirects(t.app, [[eventPath('en', 'workshop-in-dak-lak'), eventPath('en', 'dak-lak-forum')]]);
    assert.equal((await t.app.inject({ url: eventPath('en', 'dak-lak-forum') })).statusCode, 200);
    assert.equal((await t.app.inject({ url: eventPath('en', 'never-existed') })).statusCode, 404);
  });

  test('an old Vietnamese address answers 301 to the current Vietnamese one', async () => {
    const vi = { title: 'Diễn đàn Đắk Lắk', summary: null, description: null, venue: null, city: null, slug: null, status: 'published' as const };
    const event = await createEvent(t.db, ctx, eventInput({ en: { ...eventInput().en, title: 'Forum in Dak Lak' }, vi }));
    await publishEvent(t.db, ctx, event.id);
    await updateEvent(t.db, ctx, event.id, eventInput({ en: { ...eventInput().en, title: 'Forum in Dak Lak' }, slug: event.snapshot.slug, vi: { ...vi, slug: 'dien-dan-tay-nguyen' } }), 2);
    await assertRedirects(t.app, [[eventPath('vi', 'dien-dan-dak-lak'), eventPath('vi', 'dien-dan-tay-nguyen')]]);
    const page = await t.app.inject({ url: eventPath('vi', 'dien-dan-tay-nguyen') });
    assert.equal(text(html(page.body).querySelector('h1')), 'Diễn đàn Đắk Lắk');
  });

  test('the old article address answers 301 to the new one', async () => {
    const article = await createArticle(t.db, ctx, articleInput());
    await publishArticle(t.db, ctx, article.id);
    await updateArticle(t.db, ctx, article.id, articleInput({ slug: 'coffee-harvest' }), 2);
    await assertRedirects(t.app, [[articlePath('en', 'coffee-farms-of-dak-lak'), articlePath('en', 'coffee-harvest')]]);
  });
});
