/**
 * Publishing or scheduling an item whose Vietnamese text is filled in but a
 * draft asks first, on a page of its own (no script needed): Publish both
 * publishes the Vietnamese text in the same revision, Publish English only
 * leaves it a draft. Items without such a text are published at once, as
 * before.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { appForBlock } from '../../../../test/helpers/build-test-app.js';
import { getPage, postForm, signedInForBlock } from '../../../../test/helpers/admin-session.js';
import { fieldsOf, newArticleFields } from '../../../../test/helpers/forms.js';
import { html, htmlPage, text } from '../../../../test/helpers/html.js';

const VI = { vi_title: 'Những nông trại cà phê ở Đắk Lắk', vi_summary: 'Việc làm bền vững trên cao nguyên.', vi_status: 'draft' };

describe('publishing with a Vietnamese text still a draft', () => {
  const t = appForBlock();
  const editor = signedInForBlock(t, 'editor');
  const contributor = signedInForBlock(t, 'contributor');

  async function article(fields: Record<string, string> = VI): Promise<number> {
    const res = await postForm(t.app, { url: '/admin/articles', session: editor, fields: newArticleFields(fields) });
    assert.equal(res.statusCode, 303, res.body.slice(0, 300));
    return Number(/\/admin\/articles\/(\d+)/.exec(String(res.headers.location))![1]);
  }

  const stored = (id: number) =>
    Promise.all([
      t.db.selectFrom('articles').select(['status', 'revision', 'publish_at', 'slug']).where('id', '=', id).executeTakeFirstOrThrow(),
      t.db.selectFrom('article_translations').select(['status', 'slug']).where('article_id', '=', id).where('lang', '=', 'vi').executeTakeFirstOrThrow(),
    ]);

  test('Publish now asks first, on a page with both choices, and changes nothing yet', async () => {
    const id = await article();
    const page = htmlPage(await postForm(t.app, { url: `/admin/articles/${id}/publish`, session: editor, fields: { revision: '1' } }));
    assert.equal(text(page.querySelector('h1')), 'Publish the Vietnamese text too?');
    assert.match(text(page.querySelector('main')), /Những nông trại cà phê ở Đắk Lắk/);
    const form = page.querySelector('form.confirm-form')!;
    assert.equal(form.getAttribute('action'), `/admin/articles/${id}/publish`);
    assert.equal(form.querySelector('input[name=revision]')?.getAttribute('value'), '1');
    const buttons = form.querySelectorAll('button[name=vietnamese]').map((b) => [b.getAttribute('value'), text(b)]);
    assert.deepEqual(buttons, [
      ['both', 'Publish both'],
      ['english', 'Publish English only'],
    ]);
    const [item, vi] = await stored(id);
    assert.equal(item.status, 'draft');
    assert.equal(vi.status, 'draft');
  });

  test('Publish both publishes the Vietnamese text with the item, in one revision, and the Vietnamese page shows it', async () => {
    const id = await article();
    const asked = html((await postForm(t.app, { url: `/admin/articles/${id}/publish`, session: editor, fields: { revision: '1' } })).body);
    const fields = { ...fieldsOf(asked.querySelector('form.confirm-form')!), vietnamese: 'both' };
    const res = await postForm(t.app, { url: `/admin/articles/${id}/publish`, session: editor, fields });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, `/admin/articles/${id}?done=published`);
    const [item, vi] = await stored(id);
    assert.equal(item.status, 'published');
    assert.equal(item.revision, 2);
    assert.equal(vi.status, 'published');
    const revision = await t.db.selectFrom('revisions').select(['action', 'changes']).where('item_kind', '=', 'article').where('item_id', '=', id).where('revision', '=', 2).executeTakeFirstOrThrow();
    assert.equal(revision.action, 'publish');
    assert.ok((JSON.parse(revision.changes) as string[]).includes('vi.status'));
    const page = htmlPage(await t.app.inject(`/vi/articles/${vi.slug}`));
    assert.equal(text(page.querySelector('h1')), VI.vi_title);
  });

  test('Publish English only leaves the Vietnamese text a draft: the Vietnamese page shows the English', async () => {
    const id = await article();
    const res = await postForm(t.app, { url: `/admin/articles/${id}/publish`, session: editor, fields: { revision: '1', vietnamese: 'english' } });
    assert.equal(res.statusCode, 303);
    const [item, vi] = await stored(id);
    assert.equal(item.status, 'published');
    assert.equal(vi.status, 'draft');
    const page = htmlPage(await t.app.inject(`/vi/articles/${item.slug}`));
    assert.equal(text(page.querySelector('h1')), 'Coffee farms of Đắk Lắk');
  });

  test('without a Vietnamese text, or with one already published, Publish now publishes at once', async () => {
    for (const fields of [{}, { ...VI, vi_status: 'published' }]) {
      const id = await article(fields);
      const res = await postForm(t.app, { url: `/admin/articles/${id}/publish`, session: editor, fields: { revision: '1' } });
      assert.equal(res.statusCode, 303);
      const item = await t.db.selectFrom('articles').select('status').where('id', '=', id).executeTakeFirstOrThrow();
      assert.equal(item.status, 'published');
    }
  });

  test('scheduling asks too, keeping the time, and Schedule both schedules the Vietnamese text with the item', async () => {
    const id = await article();
    const asked = htmlPage(await postForm(t.app, { url: `/admin/articles/${id}/schedule`, session: editor, fields: { revision: '1', publish_at: '2026-12-01T09:00' } }));
    assert.match(text(asked.querySelector('main')), /It will be published on 1 Dec 2026, 09:00 \(Asia\/Ho_Chi_Minh\)\./);
    const form = asked.querySelector('form.confirm-form')!;
    assert.equal(form.getAttribute('action'), `/admin/articles/${id}/schedule`);
    assert.equal(form.querySelector('input[name=publish_at]')?.getAttribute('value'), '2026-12-01T09:00');
    assert.deepEqual(
      form.querySelectorAll('button').map((b) => text(b)),
      ['Schedule both', 'Schedule English only'],
    );
    const res = await postForm(t.app, { url: `/admin/articles/${id}/schedule`, session: editor, fields: { ...fieldsOf(form), vietnamese: 'both' } });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, `/admin/articles/${id}?done=scheduled`);
    const [item, vi] = await stored(id);
    assert.equal(item.publish_at, '2026-12-01T02:00:00.000Z');
    assert.equal(vi.status, 'published');
  });

  test('a time already past is refused on the edit page as before, without asking', async () => {
    const id = await article();
    const res = await postForm(t.app, { url: `/admin/articles/${id}/schedule`, session: editor, fields: { revision: '1', publish_at: '2020-01-01T09:00' } });
    assert.equal(res.statusCode, 422);
    assert.equal(html(res.body).querySelector('form.confirm-form'), null);
    assert.equal((await stored(id))[0].status, 'draft');
  });

  test('someone who may not publish is refused (403), not asked', async () => {
    const own = await postForm(t.app, { url: '/admin/articles', session: contributor, fields: newArticleFields(VI) });
    const id = Number(/\/admin\/articles\/(\d+)/.exec(String(own.headers.location))![1]);
    const res = await postForm(t.app, { url: `/admin/articles/${id}/publish`, session: contributor, fields: { revision: '1' } });
    assert.equal(res.statusCode, 403);
    assert.equal((await getPage(t.app, `/admin/articles/${id}`, contributor)).statusCode, 200);
  });
});
