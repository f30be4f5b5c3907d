/**
 * Autosaves through the admin: the edit script's POST to …/autosave keeps
 * the form for the person typing and for no one else, refuses what no form
 * sends (422), never touches the item, its revisions or what visitors see,
 * and the edit page offers it back (restore fills the form on the server;
 * discard forgets it); saving clears it. On SQLite and PostgreSQL alike
 * (TEST_DATABASE_URL).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { appForBlock, DEFAULT_NOW } from '../../../../test/helpers/build-test-app.js';
import { getPage, postForm, postFromScript, signedInForBlock, type AdminSession } from '../../../../test/helpers/admin-session.js';
import { fieldsOf, formFields, newArticleFields, type FormFields } from '../../../../test/helpers/forms.js';
import { html, htmlPage, text } from '../../../../test/helpers/html.js';

const DAY_MS = 24 * 60 * 60 * 1000;

describe('autosaves of the edit forms', () => {
  const t = appForBlock();
  const editor = signedInForBlock(t, 'editor', { name: 'Lan Editor' });
  const other = signedInForBlock(t, 'editor', { name: 'Minh Editor' });
  const contributor = signedInForBlock(t, 'contributor');

  async function article(fields: FormFields = {}): Promise<number> {
    const res = await postForm(t.app, { url: '/admin/articles', session: editor, fields: newArticleFields(fields) });
    assert.equal(res.statusCode, 303);
    return Number(/\/admin\/articles\/(\d+)/.exec(String(res.headers.location))![1]);
  }

  /** The edit form's fields as the page shows them, with `changes`. */
  async function typed(id: number, session: AdminSession, changes: Record<string, string>): Promise<Record<string, string>> {
    const fields = formFields((await getPage(t.app, `/admin/articles/${id}`, session)).body, 'form#edit-form');
    const flat = Object.fromEntries(Object.entries(fields).map(([name, value]) => [name, Array.isArray(value) ? value[0]! : value]));
    return { ...flat, ...changes };
  }

  const rows = (id: number | 'new') => t.db.selectFrom('autosaves').selectAll().where('item_kind', '=', 'article').where('item_key', '=', String(id)).execute();
  const revisions = (id: number) => t.db.selectFrom('revisions').select('revision').where('item_kind', '=', 'article').where('item_id', '=', id).execute();

  test('anonymous is refused (401) and a post without the CSRF token too (403), keeping nothing', async () => {
    const id = await article();
    const anonymous = await t.app.inject({ method: 'POST', url: `/admin/articles/${id}/autosave`, headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' }, payload: 'en_title=x&revision=1' });
    assert.equal(anonymous.statusCode, 401);
    const forged = await postForm(t.app, { url: `/admin/articles/${id}/autosave`, session: editor, fields: { en_title: 'x', revision: '1' }, withoutCsrf: true, headers: { accept: 'application/json' } });
    assert.equal(forged.statusCode, 403);
    assert.equal((await rows(id)).length, 0);
  });

  test('the form is kept for the one typing, never over the item, its revisions or its public page', async () => {
    const id = await article();
    const publish = await postForm(t.app, { url: `/admin/articles/${id}/publish`, session: editor, fields: { revision: '1' } });
    assert.equal(publish.statusCode, 303);
    const [before] = await t.db.selectFrom('articles').select(['revision', 'updated_at']).where('id', '=', id).execute();
    const revisionCount = (await revisions(id)).length;
    let announced = 0;
    const stop = t.app.contentChanges.subscribe(() => (announced += 1));
    const res = await postFromScript(t.app, editor, `/admin/articles/${id}/autosave`, await typed(id, editor, { en_title: 'Coffee farms, typed and not saved' }));
    stop();
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(res.json(), { kept: true, savedAt: DEFAULT_NOW.toISOString() });
    assert.equal(announced, 0, 'nothing visitors see changed, so no change is announced');

    const kept = await rows(id);
    assert.equal(kept.length, 1);
    assert.equal(kept[0]!.user_id, editor.user.id);
    assert.equal(kept[0]!.base_revision, before!.revision);
    assert.equal((JSON.parse(kept[0]!.fields) as Record<string, string>).en_title, 'Coffee farms, typed and not saved');
    assert.equal('_csrf' in JSON.parse(kept[0]!.fields), false, 'the token is not kept');

    const [after] = await t.db.selectFrom('articles').select(['revision', 'updated_at']).where('id', '=', id).execute();
    assert.deepEqual(after, before);
    assert.equal((await revisions(id)).length, revisionCount);
    const title = await t.db.selectFrom('article_translations').select('title').where('article_id', '=', id).where('lang', '=', 'en').executeTakeFirstOrThrow();
    assert.equal(title.title, 'Coffee farms of Đắk Lắk');
    const slug = (await t.db.selectFrom('articles').select('slug').where('id', '=', id).executeTakeFirstOrThrow()).slug;
    const page = htmlPage(await t.app.inject(`/en/articles/${slug}`));
    assert.equal(text(page.querySelector('h1')), 'Coffee farms of Đắk Lắk');

    // Another editor opening the item is offered nothing: the autosave is the typist's own.
    const theirs = html((await getPage(t.app, `/admin/articles/${id}`, other)).body);
    assert.equal(theirs.querySelector('.autosave-notice'), null);
  });

  test('what no form sends is refused with 422 and keeps nothing: no field, a field far too long, a revision the item never had, too many ticks', async () => {
    const id = await article();
    const refused = async (fields: Record<string, string | string[]>, problem: string) => {
      const res = await postForm(t.app, { url: `/admin/articles/${id}/autosave`, session: editor, fields, headers: { accept: 'application/json' } });
      assert.equal(res.statusCode, 422, res.body);
      assert.equal((res.json() as { error: { problem: string } }).error.problem, problem);
    };
    await refused({ nonsense: 'x' }, 'empty');
    await refused({ revision: '1', en_body: 'x'.repeat(100_001) }, 'tooLong');
    await refused({ revision: '99', en_title: 'From the future' }, 'revision');
    await refused({ revision: 'one', en_title: 'Not a number' }, 'revision');
    await refused({ revision: '1', topics: Array.from({ length: 201 }, (_, n) => String(n + 1)) }, 'tooMany');
    // Sent as JSON, a field that is no text at all.
    const json = await t.app.inject({
      method: 'POST',
      url: `/admin/articles/${id}/autosave`,
      headers: { cookie: editor.cookie, 'x-csrf-token': editor.csrfToken, accept: 'application/json', 'content-type': 'application/json' },
      payload: JSON.stringify({ revision: '1', en_title: { $gt: '' } }),
    });
    assert.equal(json.statusCode, 422);
    assert.equal((json.json() as { error: { problem: string; field: string } }).error.field, 'en_title');
    // Asked by a browser rather than the edit script: the site's error page, not JSON.
    const page = await postForm(t.app, { url: `/admin/articles/${id}/autosave`, session: editor, fields: { nonsense: 'x' }, headers: { accept: 'text/html' } });
    assert.equal(page.statusCode, 422);
    assert.match(String(page.headers['content-type']), /^text\/html/);
    assert.match(page.body, /none of the fields of this form/);
    assert.equal((await rows(id)).length, 0);
    // A body over the size limit is refused before it is read.
    const huge = await postForm(t.app, { url: `/admin/articles/${id}/autosave`, session: editor, fields: { revision: '1', en_body: 'ă'.repeat(1_100_000) }, headers: { accept: 'application/json' } });
    assert.equal(huge.statusCode, 413);
    // An item that is not there: 404.
    const gone = await postForm(t.app, { url: '/admin/articles/999999/autosave', session: editor, fields: { revision: '1', en_title: 'x' }, headers: { accept: 'application/json' } });
    assert.equal(gone.statusCode, 404);
  });

  test('a contributor may not keep a form of an item they may not edit (403)', async () => {
    const id = await article();
    const res = await postFromScript(t.app, contributor, `/admin/articles/${id}/autosave`, { revision: '1', en_title: 'Mine now' });
    assert.equal(res.statusCode, 403);
    assert.equal((await rows(id)).length, 0);
  });

  test('the edit page offers the changes back; restoring fills the form without saving; saving clears them', async () => {
    const id = await article();
    await postFromScript(t.app, editor, `/admin/articles/${id}/autosave`, await typed(id, editor, { en_title: 'Coffee farms after the rain' }));
    const page = html((await getPage(t.app, `/admin/articles/${id}`, editor)).body);
    const notice = page.querySelector('.autosave-notice');
    assert.match(text(notice), /You have unsaved changes from 23 Nov 2026, 09:00\./);
    assert.equal(notice?.querySelector('a')?.getAttribute('href'), `/admin/articles/${id}?autosave=restore`);
    assert.equal(notice?.querySelector('form')?.getAttribute('action'), `/admin/articles/${id}/autosave/discard`);
    assert.equal(page.querySelector('#field-en_title')?.getAttribute('value'), 'Coffee farms of Đắk Lắk', 'the form shows what is saved until restored');
    assert.equal(page.querySelector('form#edit-form')?.getAttribute('data-autosave'), `/admin/articles/${id}/autosave`);
    assert.ok(page.querySelector('.action-bar [data-autosave-status][role=status][aria-live=polite]'));

    const restored = htmlPage(await getPage(t.app, `/admin/articles/${id}?autosave=restore`, editor));
    assert.equal(restored.querySelector('#field-en_title')?.getAttribute('value'), 'Coffee farms after the rain');
    assert.match(text(restored.querySelector('.autosave-notice')), /not saved yet/);
    assert.equal(restored.querySelector('form#edit-form')?.getAttribute('data-autosave-restored'), '');
    assert.equal((await revisions(id)).length, 1, 'restoring saves nothing');

    const save = await postForm(t.app, { url: `/admin/articles/${id}`, session: editor, fields: fieldsOf(restored.querySelector('form#edit-form')!) });
    assert.equal(save.statusCode, 303, save.body.slice(0, 500));
    assert.equal((await rows(id)).length, 0, 'saving clears the autosave');
    const saved = html((await getPage(t.app, `/admin/articles/${id}`, editor)).body);
    assert.equal(saved.querySelector('#field-en_title')?.getAttribute('value'), 'Coffee farms after the rain');
    assert.equal(saved.querySelector('.autosave-notice'), null);
  });

  test('discarding forgets the changes and says so; a restore asked for then finds nothing to restore', async () => {
    const id = await article();
    await postFromScript(t.app, editor, `/admin/articles/${id}/autosave`, await typed(id, editor, { en_summary: 'A summary never saved.' }));
    const discard = await postForm(t.app, { url: `/admin/articles/${id}/autosave/discard`, session: editor });
    assert.equal(discard.statusCode, 303);
    assert.equal(discard.headers.location, `/admin/articles/${id}?done=discarded`);
    assert.equal((await rows(id)).length, 0);
    const page = html((await getPage(t.app, String(discard.headers.location), editor)).body);
    assert.match(text(page.querySelector('.notice')), /Your unsaved changes were discarded\./);
    assert.equal(page.querySelector('.autosave-notice'), null);
    const restore = htmlPage(await getPage(t.app, `/admin/articles/${id}?autosave=restore`, editor));
    assert.match(text(restore), /There are no unsaved changes to restore/);
    assert.equal(restore.querySelector('#field-en_summary')?.textContent.trim(), 'Decent work on the plateau.');
  });

  test('typed back to what is saved, nothing is kept or offered', async () => {
    const id = await article();
    await postFromScript(t.app, editor, `/admin/articles/${id}/autosave`, await typed(id, editor, { en_title: 'Briefly different' }));
    assert.equal((await rows(id)).length, 1);
    const res = await postFromScript(t.app, editor, `/admin/articles/${id}/autosave`, await typed(id, editor, {}));
    assert.deepEqual(res.json(), { kept: false, savedAt: null });
    assert.equal((await rows(id)).length, 0);
  });

  test('changes begun before someone else saved are still offered, saying so, and saving them shows both versions', async () => {
    const id = await article();
    await postFromScript(t.app, editor, `/admin/articles/${id}/autosave`, await typed(id, editor, { en_title: 'Lan\'s title' }));
    t.setNow(new Date(DEFAULT_NOW.getTime() + 60 * 60 * 1000));
    try {
      const theirs = await postForm(t.app, { url: `/admin/articles/${id}`, session: other, fields: await typed(id, other, { en_title: 'Minh\'s title' }) });
      assert.equal(theirs.statusCode, 303);
      const page = html((await getPage(t.app, `/admin/articles/${id}`, editor)).body);
      assert.match(text(page.querySelector('.autosave-notice')), /Since then, Minh Editor saved this item \(23 Nov 2026, 10:00\)/);
      const restored = html((await getPage(t.app, `/admin/articles/${id}?autosave=restore`, editor)).body);
      const form = restored.querySelector('form#edit-form')!;
      assert.equal(form.querySelector('input[name=revision]')?.getAttribute('value'), '1', 'at the revision the changes began from');
      const save = await postForm(t.app, { url: `/admin/articles/${id}`, session: editor, fields: fieldsOf(form) });
      assert.equal(save.statusCode, 409, 'the conflict page, with both versions');
      assert.match(save.body, /Minh&#39;s title|Minh's title/);
    } finally {
      t.setNow(DEFAULT_NOW);
    }
  });

  test('a new item\'s form is kept too, offered on the new form, and creating the item clears it', async () => {
    const fields = { ...newArticleFields({ en_title: 'A story begun on Monday' }) } as Record<string, string>;
    const kept = await postFromScript(t.app, other, '/admin/articles/new/autosave', fields);
    assert.equal(kept.statusCode, 200, kept.body);
    const page = html((await getPage(t.app, '/admin/articles/new', other)).body);
    assert.equal(page.querySelector('.autosave-notice a')?.getAttribute('href'), '/admin/articles/new?autosave=restore');
    const restored = html((await getPage(t.app, '/admin/articles/new?autosave=restore', other)).body);
    const form = restored.querySelector('form#edit-form')!;
    assert.equal(form.querySelector('#field-en_title')?.getAttribute('value'), 'A story begun on Monday');
    const created = await postForm(t.app, { url: '/admin/articles', session: other, fields: fieldsOf(form) });
    assert.equal(created.statusCode, 303);
    assert.equal((await t.db.selectFrom('autosaves').select('item_key').where('user_id', '=', other.user.id).where('item_key', '=', 'new').execute()).length, 0);
  });

  test('deleting an item forgets every autosave of it; restoring one then answers 404', async () => {
    const id = await article();
    await postFromScript(t.app, editor, `/admin/articles/${id}/autosave`, await typed(id, editor, { en_title: 'About to go' }));
    await postFromScript(t.app, other, `/admin/articles/${id}/autosave`, await typed(id, other, { en_title: 'About to go too' }));
    assert.equal((await rows(id)).length, 2);
    const deleted = await postForm(t.app, { url: `/admin/articles/${id}/delete`, session: editor, fields: { revision: '1' } });
    assert.equal(deleted.statusCode, 303);
    assert.equal((await rows(id)).length, 0);
    assert.equal((await getPage(t.app, `/admin/articles/${id}?autosave=restore`, editor)).statusCode, 404);
    const discard = await postForm(t.app, { url: `/admin/articles/${id}/autosave/discard`, session: editor });
    assert.equal(discard.headers.location, '/admin/articles', 'discarding after the item went leads to the list');
  });

  test('an autosave older than 30 days is no longer offered, and the next one kept forgets it', async () => {
    const id = await article();
    await postFromScript(t.app, editor, `/admin/articles/${id}/autosave`, await typed(id, editor, { en_title: 'Written before the holiday' }));
    // Kept 31 days before the app's clock (a session would not last that long: the row is dated back instead).
    const longAgo = new Date(DEFAULT_NOW.getTime() - 31 * DAY_MS).toISOString();
    await t.db.updateTable('autosaves').set({ saved_at: longAgo }).where('item_kind', '=', 'article').where('item_key', '=', String(id)).execute();
    const page = html((await getPage(t.app, `/admin/articles/${id}`, editor)).body);
    assert.equal(page.querySelector('.autosave-notice'), null);
    const another = await article();
    await postFromScript(t.app, other, `/admin/articles/${another}/autosave`, await typed(another, other, { en_title: 'After the holiday' }));
    assert.equal((await rows(id)).length, 0, 'purged when another autosave was written');
    assert.equal((await rows(another)).length, 1);
  });
});
