import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { appForBlock, DEFAULT_NOW } from '../../../../test/helpers/build-test-app.js';
import { getPage, postForm, signedInForBlock } from '../../../../test/helpers/admin-session.js';
import { articleInput } from '../../../../test/helpers/editing.js';
import { html, text } from '../../../../test/helpers/html.js';
import { createArticle, getArticleForEditing, publishArticle } from '../../articles/articles.editing.js';

describe('a change to many items of a list at once', () => {
  const t = appForBlock();
  const editor = signedInForBlock(t, 'editor');
  const contributor = signedInForBlock(t, 'contributor');
  const ids: Record<string, number> = {};
  let topicId = 0;
  before(async () => {
    const as = { user: editor.user, now: DEFAULT_NOW };
    for (const title of ['First draft', 'Second draft', 'Already out']) {
      ids[title] = (await createArticle(t.db, as, articleInput({ en: { ...articleInput().en, title } }))).id;
    }
    await publishArticle(t.db, as, ids['Already out']!);
    const at = DEFAULT_NOW.toISOString();
    topicId = Number((await t.db.insertInto('topics').values({ slug: 'wages', created_at: at, updated_at: at }).returning('id').executeTakeFirstOrThrow()).id);
    await t.db.insertInto('topic_translations').values({ topic_id: topicId, lang: 'en', name: 'Wages', description: null }).execute();
  });

  const bulk = (session: typeof editor, fields: Record<string, string | string[]>) =>
    postForm(t.app, { url: '/admin/articles/bulk', session, fields: { back: '/admin/articles?status=draft', ...fields } });
  const auditCount = async () => (await t.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;

  test('the list has a checkbox for each item, labelled with its title', async () => {
    const doc = html((await getPage(t.app, '/admin/articles', editor)).body);
    const box = doc.querySelector(`input[name="ids"][value="${ids['First draft']}"]`);
    assert.ok(box);
    assert.match(text(doc.querySelector(`label[for="${box.getAttribute('id')}"]`)!), /First draft/);
  });

  test('the confirmation names every item chosen and changes nothing', async () => {
    const res = await bulk(editor, { ids: [String(ids['First draft']), String(ids['Second draft'])], action: 'publish' });
    assert.equal(res.statusCode, 200);
    const doc = html(res.body);
    assert.deepEqual(doc.querySelectorAll('.bulk-items li').map((li) => text(li)), ['First draft', 'Second draft']);
    assert.equal(text(doc.querySelector('h1')!), 'Publish: 2 items');
    assert.equal(doc.querySelector('input[name="confirmed"]')?.getAttribute('value'), 'yes');
    assert.equal((await getArticleForEditing(t.db, ids['First draft']!)).snapshot.status, 'draft');
  });

  test('the count on the confirmation agrees with its noun', async () => {
    const one = html((await bulk(editor, { ids: [String(ids['First draft'])], action: 'publish' })).body);
    assert.equal(text(one.querySelector('h1')!), 'Publish: 1 item');
    assert.match(one.querySelector('title')?.textContent ?? '', /^Publish: 1 item —/);
  });

  test('a choice missing or unknown shows the list again with a message, keeping what was chosen', async () => {
    const none = await bulk(editor, { action: 'publish' });
    assert.equal(none.statusCode, 422);
    assert.match(none.body, /Choose at least one item/);
    assert.equal(html(none.body).querySelector('select[name="action"] option[selected]')?.getAttribute('value'), 'publish');
    const unknown = await bulk(editor, { ids: [String(ids['First draft'])], action: 'explode' });
    assert.equal(unknown.statusCode, 422);
    assert.match(unknown.body, /Choose an action/);
    assert.equal(html(unknown.body).querySelector(`input[name="ids"][value="${ids['First draft']}"]`)?.getAttribute('checked'), '');
    const noTopic = await bulk(editor, { ids: [String(ids['First draft'])], action: 'add_topic', topic: '999999' });
    assert.equal(noTopic.statusCode, 422);
    assert.match(noTopic.body, /Choose the topic to add/);
  });

  test('a contributor is refused by name and nothing changes', async () => {
    const res = await bulk(contributor, { ids: [String(ids['First draft'])], action: 'publish', confirmed: 'yes' });
    assert.equal(res.statusCode, 200);
    assert.match(text(html(res.body).querySelector('section[aria-labelledby="bulk-refused"]')!), /First draft/);
    assert.equal((await getArticleForEditing(t.db, ids['First draft']!)).snapshot.status, 'draft');
  });

  test('confirmed, each item is changed through the service with its own revision and audit entry', async () => {
    const first = await getArticleForEditing(t.db, ids['First draft']!);
    const audits = Number(await auditCount());
    const res = await bulk(editor, { ids: [String(ids['First draft']), String(ids['Second draft'])], action: 'publish', confirmed: 'yes' });
    assert.equal(res.statusCode, 200);
    const after = await getArticleForEditing(t.db, ids['First draft']!);
    assert.equal(after.snapshot.status, 'published');
    assert.equal(after.revision, first.revision + 1);
    assert.equal((await getArticleForEditing(t.db, ids['Second draft']!)).snapshot.status, 'published');
    assert.equal(Number(await auditCount()), audits + 2);
  });

  test('adding a topic tags each item once', async () => {
    const res = await bulk(editor, { ids: [String(ids['Already out'])], action: 'add_topic', topic: String(topicId), confirmed: 'yes' });
    assert.equal(res.statusCode, 200);
    assert.deepEqual((await getArticleForEditing(t.db, ids['Already out']!)).snapshot.topics, [topicId]);
    const again = await getArticleForEditing(t.db, ids['Already out']!);
    await bulk(editor, { ids: [String(ids['Already out'])], action: 'add_topic', topic: String(topicId), confirmed: 'yes' });
    assert.equal((await getArticleForEditing(t.db, ids['Already out']!)).revision, again.revision);
  });

  test('unpublishing takes items off the site', async () => {
    await bulk(editor, { ids: [String(ids['Already out'])], action: 'unpublish', confirmed: 'yes' });
    assert.notEqual((await getArticleForEditing(t.db, ids['Already out']!)).snapshot.status, 'published');
  });
});
