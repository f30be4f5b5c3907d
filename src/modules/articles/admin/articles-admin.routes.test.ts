import assert from 'node:assert/strict';
import { beforeEach, describe, test } from 'node:test';
import { appForBlock, DEFAULT_NOW } from '../../../../test/helpers/build-test-app.js';
import { getPage, postForm, signedInForBlock, type AdminSession } from '../../../../test/helpers/admin-session.js';
import { formFields, newArticleFields } from '../../../../test/helpers/forms.js';
import { html, text } from '../../../../test/helpers/html.js';
import { uploadToLibrary } from '../../../../test/helpers/media-library.js';
import { articlePath } from '../../../shared/http/paths.js';

describe('admin article pages', () => {
  const t = appForBlock();
  const editor = signedInForBlock(t, 'editor');
  const otherEditor = signedInForBlock(t, 'editor');
  const contributor = signedInForBlock(t, 'contributor');
  beforeEach(() => t.setNow(DEFAULT_NOW));

  async function create(session: AdminSession, fields: Record<string, string | string[]> = {}): Promise<number> {
    const res = await postForm(t.app, { url: '/admin/articles', session, fields: newArticleFields(fields) });
    assert.equal(res.statusCode, 303, res.body.slice(0, 300));
    const match = /^\/admin\/articles\/(\d+)\?done=created$/.exec(String(res.headers.location));
    assert.ok(match);
    return Number(match[1]);
  }

  async function slugOf(id: number): Promise<string> {
    return (await t.db.selectFrom('articles').select('slug').where('id', '=', id).executeTakeFirstOrThrow()).slug;
  }

  test('anonymous visitors are sent to sign in; their posts are refused', async () => {
    assert.equal((await getPage(t.app, '/admin/articles')).statusCode, 303);
    assert.equal((await getPage(t.app, '/admin/articles/new')).statusCode, 303);
    assert.equal((await postForm(t.app, { url: '/admin/articles', fields: newArticleFields() })).statusCode, 401);
  });

  test('a refused article form keeps everything typed, each message next to its field', async () => {
    const fields = newArticleFields({ en_title: '', credit_year: '24', byline_name: '', en_body: 'Body with <script>alert(1)</script>' });
    const res = await postForm(t.app, { url: '/admin/articles', session: editor, fields });
    assert.equal(res.statusCode, 422);
    const doc = html(res.body);
    assert.equal(text(doc.querySelector('#error-en_title')), 'This field is required.');
    assert.equal(text(doc.querySelector('#error-credit_year')), 'Enter a year with four digits, for example 2024.');
    assert.equal(text(doc.querySelector('#error-byline_name')), "A byline needs the author's name.");
    const kept = formFields(res.body, 'form.edit-form');
    assert.equal(kept.en_body, 'Body with <script>alert(1)</script>');
    assert.equal(kept.credit_photographer, 'Nguyen Hai Dat');
    assert.equal(kept.byline_kind, 'by');
    assert.equal(doc.querySelectorAll('script:not([src])').length, 0, 'no inline script');
  });

  test('creating, then a contributor may not publish while an editor may', async () => {
    const id = await create(contributor);
    assert.equal((await postForm(t.app, { url: `/admin/articles/${id}/publish`, session: contributor })).statusCode, 403);
    assert.equal((await postForm(t.app, { url: `/admin/articles/${id}/schedule`, session: contributor, fields: { publish_at: '2026-12-01T09:00' } })).statusCode, 403);
    assert.equal((await postForm(t.app, { url: `/admin/articles/${id}/submit`, session: contributor })).statusCode, 303);
    assert.equal((await postForm(t.app, { url: `/admin/articles/${id}/publish`, session: editor })).statusCode, 303);
    const page = await getPage(t.app, articlePath('en', await slugOf(id)));
    assert.equal(page.statusCode, 200);
    const doc = html(page.body);
    assert.equal(text(doc.querySelector('h1')), 'Coffee farms of Đắk Lắk');
    assert.equal(text(doc.querySelector('strong')), 'Workers');
  });

  test('unknown articles are not found', async () => {
    assert.equal((await getPage(t.app, '/admin/articles/424242', editor)).statusCode, 404);
    assert.equal((await getPage(t.app, '/admin/articles/x1', editor)).statusCode, 404);
  });

  test('two tabs: the second save is refused with both versions, its text kept', async () => {
    const id = await create(editor);
    const tabA = formFields((await getPage(t.app, `/admin/articles/${id}`, editor)).body, 'form.edit-form');
    const tabB = formFields((await getPage(t.app, `/admin/articles/${id}`, otherEditor)).body, 'form.edit-form');
    assert.equal((await postForm(t.app, { url: `/admin/articles/${id}`, session: editor, fields: { ...tabA, en_summary: 'First tab.' } })).statusCode, 303);
    const second = await postForm(t.app, { url: `/admin/articles/${id}`, session: otherEditor, fields: { ...tabB, en_summary: 'Second tab.' } });
    assert.equal(second.statusCode, 409);
    const row = html(second.body)
      .querySelectorAll('.conflict-table tbody tr')
      .map((tr) => tr.querySelectorAll('th, td').map(text))
      .find((cells) => cells[0] === 'Summary (English)');
    assert.deepEqual(row, ['Summary (English)', 'First tab.', 'Second tab.']);
    assert.equal(formFields(second.body, 'form.edit-form').en_summary, 'Second tab.');
  });

  test('a scheduled article appears on the public listing at its time', async () => {
    const id = await create(editor, { en_title: 'A story for tomorrow' });
    const res = await postForm(t.app, { url: `/admin/articles/${id}/schedule`, session: editor, fields: { revision: '1', publish_at: '2026-11-24T07:00' } });
    assert.equal(res.statusCode, 303);
    t.setNow(new Date('2026-11-23T23:59:00Z'));
    assert.doesNotMatch((await getPage(t.app, '/en/articles')).body, /A story for tomorrow/);
    t.setNow(new Date('2026-11-24T00:00:00Z'));
    assert.match((await getPage(t.app, '/en/articles')).body, /A story for tomorrow/);
  });

  test('the preview renders the Markdown body of a draft, and history restores an older text', async () => {
    const id = await create(editor, { en_title: 'Preview me' });
    const preview = await getPage(t.app, `/admin/articles/${id}/preview`, editor);
    assert.equal(preview.statusCode, 200);
    const doc = html(preview.body);
    assert.ok(doc.querySelector('.preview-banner'));
    assert.equal(text(doc.querySelector('em')), 'safety');
    const form = formFields((await getPage(t.app, `/admin/articles/${id}`, editor)).body, 'form.edit-form');
    await postForm(t.app, { url: `/admin/articles/${id}`, session: editor, fields: { ...form, en_body: 'A rewritten body.' } });
    const history = await getPage(t.app, `/admin/articles/${id}/history`, editor);
    assert.equal(history.statusCode, 200);
    assert.ok(html(history.body).querySelector('.diff-table ins'));
    const restored = await postForm(t.app, { url: `/admin/articles/${id}/restore`, session: editor, fields: formFields(history.body, 'form#restore-1') });
    assert.equal(restored.statusCode, 303);
    const body = formFields((await getPage(t.app, `/admin/articles/${id}`, editor)).body, 'form.edit-form').en_body;
    assert.equal(body, 'Harvest time.\n\n**Workers** speak about *safety*.');
  });

  test('a hero uploaded to the library with its credit is chosen on the form and shown as a responsive picture', async () => {
    const mediaId = await uploadToLibrary(t.app, editor);

    // The new article form offers it.
    const form = html((await getPage(t.app, '/admin/articles/new', editor)).body);
    const choice = form.querySelector(`input[name=hero_media_id][value="${mediaId}"]`);
    assert.ok(choice, 'the library image is offered as the hero');
    assert.equal(text(form.querySelector(`label[for="hero_media_id-${mediaId}"]`)), 'Pickers at the coffee harvest');

    const id = await create(editor, { hero_media_id: mediaId, credit_holder: '', credit_photographer: '', credit_year: '', vi_title: 'Mùa cà phê', vi_status: 'published' });
    assert.equal(formFields((await getPage(t.app, `/admin/articles/${id}`, editor)).body, 'form.edit-form').hero_media_id, mediaId);
    assert.equal((await postForm(t.app, { url: `/admin/articles/${id}/publish`, session: editor })).statusCode, 303);

    const page = html((await getPage(t.app, articlePath('en', await slugOf(id)))).body);
    const picture = page.querySelector('figure.hero picture');
    assert.ok(picture, 'the hero is a <picture>');
    const sources = picture.querySelectorAll('source').map((s) => s.getAttribute('type'));
    assert.deepEqual(sources, ['image/avif', 'image/webp']);
    const srcset = picture.querySelector('source')?.getAttribute('srcset') ?? '';
    assert.ok(srcset.split(',').length >= 3, `several widths: ${srcset}`);
    const img = picture.querySelector('img');
    assert.equal(img?.getAttribute('alt'), 'Pickers at the coffee harvest');
    assert.ok(img?.getAttribute('width') && img.getAttribute('height'), 'width and height against layout shift');
    assert.equal(text(page.querySelector('figure.hero figcaption')), '© ILO/Nguyen Hai Dat 2024');
    const viSlug = (await t.db.selectFrom('article_translations').select('slug').where('article_id', '=', id).where('lang', '=', 'vi').executeTakeFirstOrThrow()).slug!;
    const vi = html((await getPage(t.app, articlePath('vi', viSlug))).body);
    assert.equal(vi.querySelector('figure.hero img')?.getAttribute('alt'), 'Người hái cà phê');
  });

  test('the hero: a library image and an address together, or an image gone from the library, are refused with the form kept', async () => {
    const both = await postForm(t.app, { url: '/admin/articles', session: editor, fields: newArticleFields({ hero_media_id: '1', hero_image_path: 'https://example.org/a.jpg', en_hero_alt: 'A field' }) });
    assert.equal(both.statusCode, 422);
    assert.equal(text(html(both.body).querySelector('#error-hero_image_path')), 'Choose an image from the library or give an address, not both.');
    assert.equal(formFields(both.body, 'form.edit-form').hero_image_path, 'https://example.org/a.jpg');

    const gone = await postForm(t.app, { url: '/admin/articles', session: editor, fields: newArticleFields({ hero_media_id: '987654' }) });
    assert.equal(gone.statusCode, 422);
    assert.equal(text(html(gone.body).querySelector('#error-hero_media_id')), 'This image is no longer in the library. Choose another one.');
    assert.equal(formFields(gone.body, 'form.edit-form').en_title, 'Coffee farms of Đắk Lắk');

    const odd = await postForm(t.app, { url: '/admin/articles', session: editor, fields: newArticleFields({ hero_media_id: 'abc' }) });
    assert.equal(odd.statusCode, 422);
  });
});
