import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import sharp from 'sharp';
import { appForBlock, type TestApp } from '../../../../test/helpers/build-test-app.js';
import { getPage, postForm, postFromScript, signIn, signedInForBlock, type AdminSession } from '../../../../test/helpers/admin-session.js';
import { createArticle, createEvent } from '../../../../test/helpers/factories.js';
import { html, text } from '../../../../test/helpers/html.js';
import { fakeImage, jpegWithGps, pdfDocument, pngWithAlpha } from '../../../../test/helpers/images.js';
import { multipartBody, type MultipartFile } from '../../../../test/helpers/multipart.js';

/** Posts a multipart form as a browser would, the CSRF token in the action's query string. */
async function upload(
  t: TestApp,
  url: string,
  session: AdminSession | undefined,
  fields: Record<string, string>,
  file?: MultipartFile,
  options: { csrf?: boolean } = {},
): Promise<LightMyRequestResponse> {
  const body = multipartBody(fields, file);
  const withCsrf = session && options.csrf !== false ? `${url}${url.includes('?') ? '&' : '?'}_csrf=${encodeURIComponent(session.csrfToken)}` : url;
  return t.app.inject({ method: 'POST', url: withCsrf, headers: { ...body.headers, ...(session ? { cookie: session.cookie } : {}) }, payload: body.payload });
}

function fieldError(res: LightMyRequestResponse, name: string): string {
  return text(html(res.body).querySelector(`#error-${name}`));
}

function inputValue(res: LightMyRequestResponse, name: string): string | undefined {
  return html(res.body).querySelector(`input[name="${name}"]`)?.getAttribute('value');
}

function idFromLocation(res: LightMyRequestResponse): number {
  const m = /^\/admin\/media\/(\d+)\?notice=/.exec(String(res.headers.location));
  assert.ok(m, `redirected to an item: ${String(res.headers.location)}`);
  return Number(m[1]);
}

describe('/admin/media', () => {
  const t = appForBlock({ env: { MEDIA_MAX_BYTES: '300000' } });
  const editor = signedInForBlock(t, 'editor');
  const contributor = signedInForBlock(t, 'contributor');
  const admin = signedInForBlock(t, 'admin');

  test('nobody signed in: pages send to the sign-in form, uploads get 401 and store nothing', async () => {
    for (const url of ['/admin/media', '/admin/media/new', '/admin/media/1', '/admin/media/events/1/attachments']) {
      const res = await getPage(t.app, url);
      assert.equal(res.statusCode, 303, url);
      assert.match(String(res.headers.location), /^\/admin\/login\?next=/);
    }
    const res = await upload(t, '/admin/media', undefined, { altEn: 'x' }, { filename: 'a.jpg', data: await jpegWithGps(100, 100) });
    assert.equal(res.statusCode, 401);
    assert.equal(await t.db.selectFrom('media').select('id').executeTakeFirst(), undefined);
    assert.equal((await postForm(t.app, { url: '/admin/markdown/preview', fields: { text: 'x' } })).statusCode, 401);
  });

  test('an upload without the CSRF token is refused before it is read', async () => {
    const res = await upload(t, '/admin/media', editor, { altEn: 'x' }, { filename: 'a.jpg', data: await jpegWithGps(100, 100) }, { csrf: false });
    assert.equal(res.statusCode, 403);
    assert.equal(await t.db.selectFrom('media').select('id').executeTakeFirst(), undefined);
  });

  test('the upload form: multipart, the token in its action, a file input for images and PDFs', async () => {
    const res = await getPage(t.app, '/admin/media/new', contributor);
    assert.equal(res.statusCode, 200);
    const form = html(res.body).querySelector('form[enctype="multipart/form-data"]');
    assert.ok(form);
    assert.equal(form.getAttribute('action'), `/admin/media?_csrf=${encodeURIComponent(contributor.csrfToken)}`);
    assert.match(form.querySelector('input[type=file]')?.getAttribute('accept') ?? '', /image\/avif.*application\/pdf/);
    assert.match(text(html(res.body).querySelector('.lead')), /293 KB/, 'the limit is stated');
  });

  test('a text file named .jpg is refused by its bytes: 422, the typed text kept', async () => {
    const res = await upload(t, '/admin/media', editor, { altEn: 'Fake & "quoted"', altVi: 'Ảnh giả', credit: 'ILO/Someone 2023' }, { filename: 'photo.jpg', contentType: 'image/jpeg', data: fakeImage() });
    assert.equal(res.statusCode, 422);
    assert.match(fieldError(res, 'file'), /not a JPEG, PNG, WebP or AVIF image or a PDF/);
    assert.equal(inputValue(res, 'altEn'), 'Fake & "quoted"');
    assert.equal(inputValue(res, 'altVi'), 'Ảnh giả');
    assert.equal(inputValue(res, 'credit'), 'ILO/Someone 2023');
    assert.ok(html(res.body).querySelector('.error-summary a[href="#field-file"]'));
    assert.match(text(html(res.body).querySelector('#hint-file')), /choose it again/);
  });

  test('too large: 422 with the limit in the message, the typed text kept', async () => {
    const big = await sharp({ create: { width: 1200, height: 1200, channels: 3, background: '#000', noise: { type: 'gaussian', mean: 128, sigma: 60 } } })
      .jpeg({ quality: 100 })
      .toBuffer();
    assert.ok(big.length > 300000, `the test image is large enough (${big.length})`);
    const res = await upload(t, '/admin/media', editor, { altEn: 'Noise', credit: '' }, { filename: 'big.jpg', data: big });
    assert.equal(res.statusCode, 422);
    assert.equal(fieldError(res, 'file'), 'This file is too large. Files can be at most 293 KB.');
    assert.equal(inputValue(res, 'altEn'), 'Noise');
  });

  test('an image without alt text: 422, message next to the field, credit kept; in Vietnamese for a Vietnamese interface', async () => {
    const res = await upload(t, '/admin/media', editor, { altEn: '  ', credit: '© ILO/Nguyen Hai Dat 2024' }, { filename: 'a.jpg', data: await jpegWithGps(300, 200) });
    assert.equal(res.statusCode, 422);
    assert.equal(fieldError(res, 'altEn'), 'Describe the image in English for people who cannot see it.');
    assert.equal(inputValue(res, 'credit'), '© ILO/Nguyen Hai Dat 2024');
    assert.ok(html(res.body).querySelector('#field-altEn[aria-invalid=true]'));

    const vi = await signIn(t.app, t.db, 'editor', { uiLang: 'vi' });
    const viRes = await upload(t, '/admin/media', vi, { altEn: '' }, { filename: 'a.jpg', data: await jpegWithGps(300, 200) });
    assert.equal(viRes.statusCode, 422);
    assert.equal(fieldError(viRes, 'altEn'), 'Hãy mô tả ảnh bằng tiếng Anh cho những người không nhìn thấy ảnh.');
    assert.equal(await t.db.selectFrom('media').select('id').executeTakeFirst(), undefined, 'nothing stored');
  });

  test('a contributor uploads an image: stored, variants served, shown in the library; the same file again is found', async () => {
    const data = await jpegWithGps(900, 600);
    const res = await upload(t, '/admin/media', contributor, { altEn: 'Rice fields in Lao Cai', altVi: 'Ruộng lúa ở Lào Cai', credit: 'ILO/Le Van A 2025' }, { filename: 'rice.jpg', data });
    assert.equal(res.statusCode, 303);
    const id = idFromLocation(res);
    assert.match(String(res.headers.location), /notice=uploaded/);

    const page = await getPage(t.app, String(res.headers.location), contributor);
    assert.equal(page.statusCode, 200);
    const doc = html(page.body);
    assert.equal(text(doc.querySelector('h1')), 'rice.jpg');
    assert.equal(text(doc.querySelector('.notice')), 'The file was uploaded.');
    assert.equal(doc.querySelector('picture img')?.getAttribute('alt'), 'Rice fields in Lao Cai');
    assert.equal(inputValue(page, 'credit'), '© ILO/Le Van A 2025');
    assert.equal(doc.querySelector('form[action$="/delete"]'), null, 'a contributor is not offered deleting');

    // Every size in every format is served, without the camera's metadata.
    const urls = [...doc.querySelectorAll('picture source'), doc.querySelector('picture img')!].flatMap((el) =>
      (el.getAttribute('srcset') ?? '').split(', ').map((s) => s.split(' ')[0]!),
    );
    assert.equal(urls.length, 9, '320, 640, 900 × AVIF, WebP, JPEG');
    for (const url of urls) {
      const file = await t.app.inject({ url });
      assert.equal(file.statusCode, 200, url);
      assert.equal(file.headers['cache-control'], 'public, max-age=31536000, immutable');
      assert.equal((await sharp(file.rawPayload).metadata()).exif, undefined);
    }

    const library = html((await getPage(t.app, '/admin/media', contributor)).body);
    assert.ok(library.querySelectorAll('.media-card__name').map(text).includes('rice.jpg'));
    assert.ok(library.querySelectorAll('.admin-nav a').some((a) => a.getAttribute('href') === '/admin/media'));

    const again = await upload(t, '/admin/media', editor, { altEn: 'Same picture' }, { filename: 'copy.jpg', data });
    assert.equal(again.statusCode, 303);
    assert.equal(idFromLocation(again), id);
    assert.match(String(again.headers.location), /notice=existing/);
  });

  test('a PDF goes in the library without alt text', async () => {
    const res = await upload(t, '/admin/media', editor, {}, { filename: 'Concept note.pdf', data: pdfDocument('Library PDF') });
    assert.equal(res.statusCode, 303);
    const page = html((await getPage(t.app, `/admin/media/${idFromLocation(res)}`, editor)).body);
    assert.equal(text(page.querySelector('h1')), 'Concept note.pdf');
    assert.match(page.querySelector('.facts a')?.getAttribute('href') ?? '', /^\/media\/d\/[0-9a-f]{32}\/concept-note\.pdf$/);
  });

  test('search and paging', async () => {
    await upload(t, '/admin/media', editor, { altEn: 'Searchable harbour at dawn' }, { filename: 'harbour.png', data: await pngWithAlpha(120, 80) });
    const found = html((await getPage(t.app, '/admin/media?q=harbour', editor)).body);
    assert.deepEqual(found.querySelectorAll('.media-card__name').map(text), ['harbour.png']);
    const none = html((await getPage(t.app, '/admin/media?q=nothing-like-this', editor)).body);
    assert.equal(text(none.querySelector('[role=status]')), 'No file matches your search.');
    const documents = html((await getPage(t.app, '/admin/media?kind=document', editor)).body);
    assert.ok(documents.querySelectorAll('.media-card__name').map(text).every((n) => n.endsWith('.pdf')));
    assert.equal((await getPage(t.app, '/admin/media?page=99', editor)).statusCode, 404);
    assert.equal((await getPage(t.app, '/admin/media?page=zero', editor)).statusCode, 400);
  });

  test('editing alt text and credit: 422 with the text kept, then saved', async () => {
    const res = await upload(t, '/admin/media', contributor, { altEn: 'Before' }, { filename: 'edit.jpg', data: await jpegWithGps(200, 120) });
    const id = idFromLocation(res);
    const bad = await postForm(t.app, { url: `/admin/media/${id}`, session: contributor, fields: { altEn: '', altVi: 'Giữ lại', credit: '1999' } });
    assert.equal(bad.statusCode, 422);
    assert.match(fieldError(bad, 'altEn'), /Describe the image/);
    assert.match(fieldError(bad, 'credit'), /© ILO\/Nguyen Hai Dat 2024/);
    assert.equal(inputValue(bad, 'altVi'), 'Giữ lại');
    const ok = await postForm(t.app, { url: `/admin/media/${id}`, session: contributor, fields: { altEn: 'After', altVi: '', credit: 'UNDP 2022' } });
    assert.equal(ok.statusCode, 303);
    assert.equal(ok.headers.location, `/admin/media/${id}?notice=saved`);
    const row = await t.db.selectFrom('media').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    assert.deepEqual([row.alt_en, row.alt_vi, row.credit_holder, row.credit_year], ['After', null, 'UNDP', 2022]);
  });

  test('a contributor may change alt text and credit only of an image unused or used by their own drafts alone', async () => {
    const image = async (name: string, width: number) =>
      idFromLocation(await upload(t, '/admin/media', contributor, { altEn: `${name} as uploaded` }, { filename: `${name}.jpg`, data: await jpegWithGps(width, 100) }));
    const published = await image('published-hero', 301);
    const scheduled = await image('scheduled-hero', 302);
    const ownDraft = await image('own-draft-hero', 303);
    const othersDraft = await image('others-draft-hero', 304);
    const hero = async (mediaId: number, status: 'published' | 'draft', createdBy: number | null, publishAt: string | null = null) => {
      const article = await createArticle(t.db, { title: `Story using ${mediaId}`, status });
      await t.db.updateTable('articles').set({ hero_media_id: mediaId, created_by: createdBy, publish_at: publishAt }).where('id', '=', article.id).execute();
    };
    await hero(published, 'published', null);
    await hero(scheduled, 'published', contributor.user.id, '2099-01-01T00:00:00.000Z');
    await hero(ownDraft, 'draft', contributor.user.id);
    await hero(othersDraft, 'draft', editor.user.id);
    const fields = { altEn: 'Changed without review', altVi: 'Đổi mà không ai duyệt', credit: '© ILO/Someone Else 2025' };
    const altOf = async (id: number) => (await t.db.selectFrom('media').select('alt_en').where('id', '=', id).executeTakeFirstOrThrow()).alt_en;

    for (const id of [published, scheduled, othersDraft]) {
      const refused = await postForm(t.app, { url: `/admin/media/${id}`, session: contributor, fields });
      assert.equal(refused.statusCode, 403, `media ${id}`);
      assert.equal(await altOf(id), id === published ? 'published-hero as uploaded' : id === scheduled ? 'scheduled-hero as uploaded' : 'others-draft-hero as uploaded');
      const doc = html(refused.body);
      assert.match(text(doc.querySelector('.notice--error')), /Not saved.*an editor/);
      assert.equal(doc.querySelector(`form[action="/admin/media/${id}"]`), null, 'no form that would be refused again');
      assert.deepEqual(doc.querySelectorAll('.media-details-locked dd').map(text), [fields.altEn, fields.altVi, fields.credit], 'what was typed is kept, to pass on');

      const page = html((await getPage(t.app, `/admin/media/${id}`, contributor)).body);
      assert.equal(page.querySelector(`form[action="/admin/media/${id}"]`), null);
      assert.match(text(page.querySelector('.media-details-locked')), /Only an editor/);
    }

    const own = await postForm(t.app, { url: `/admin/media/${ownDraft}`, session: contributor, fields });
    assert.equal(own.statusCode, 303, 'an image used only by the contributor\'s own draft stays theirs to describe');
    assert.equal(await altOf(ownDraft), fields.altEn);

    const byEditor = await postForm(t.app, { url: `/admin/media/${published}`, session: editor, fields });
    assert.equal(byEditor.statusCode, 303);
    assert.equal(await altOf(published), fields.altEn);
    const editorPage = html((await getPage(t.app, `/admin/media/${scheduled}`, editor)).body);
    assert.ok(editorPage.querySelector(`form[action="/admin/media/${scheduled}"]`), 'editors get the form');
  });

  test('deleting: contributors may not; an image in use is refused with a clear message; an unused one goes', async () => {
    const used = idFromLocation(await upload(t, '/admin/media', editor, { altEn: 'Hero' }, { filename: 'hero.jpg', data: await jpegWithGps(210, 120) }));
    const unused = idFromLocation(await upload(t, '/admin/media', editor, { altEn: 'Spare' }, { filename: 'spare.jpg', data: await jpegWithGps(220, 120) }));
    const article = await createArticle(t.db, { title: 'Story with a hero' });
    await t.db.updateTable('articles').set({ hero_media_id: used }).where('id', '=', article.id).execute();

    assert.equal((await postForm(t.app, { url: `/admin/media/${unused}/delete`, session: contributor })).statusCode, 403);

    const refused = await postForm(t.app, { url: `/admin/media/${used}/delete`, session: editor });
    assert.equal(refused.statusCode, 409);
    const doc = html(refused.body);
    assert.match(text(doc.querySelector('.notice--error')), /in use/);
    assert.deepEqual(doc.querySelectorAll('.media-usage li').map(text), ['Hero image of the article “Story with a hero”']);
    assert.ok(await t.db.selectFrom('media').select('id').where('id', '=', used).executeTakeFirst());

    const page = html((await getPage(t.app, `/admin/media/${unused}`, editor)).body);
    assert.ok(page.querySelector(`form[action="/admin/media/${unused}/delete"] input[name=_csrf]`));
    const gone = await postForm(t.app, { url: `/admin/media/${unused}/delete`, session: admin });
    assert.equal(gone.statusCode, 303);
    assert.equal(gone.headers.location, '/admin/media?notice=deleted');
    assert.equal((await getPage(t.app, `/admin/media/${unused}`, editor)).statusCode, 404);

    const log = await t.db.selectFrom('audit_log').select(['action', 'user_id']).where('action', '=', 'media.delete').execute();
    assert.deepEqual(log, [{ action: 'media.delete', user_id: admin.user.id }]);
  });

  test('unknown and malformed ids are 404', async () => {
    for (const url of ['/admin/media/999999', '/admin/media/abc', '/admin/media/0', '/admin/media/events/999999/attachments']) {
      assert.equal((await getPage(t.app, url, editor)).statusCode, 404, url);
    }
  });
});

describe('/admin/media/events/:id/attachments', () => {
  const t = appForBlock();
  const editor = signedInForBlock(t, 'editor');
  const contributor = signedInForBlock(t, 'contributor');

  test('upload a PDF with labels, reorder, relabel, attach from the library, remove; listed on the public page', async () => {
    const event = await createEvent(t.db, { slug: 'forum', title: 'Labour forum' });
    const path = `/admin/media/events/${event.id}/attachments`;

    const page = await getPage(t.app, `${path}?back=/admin/events/${event.id}`, editor);
    assert.equal(page.statusCode, 200);
    assert.equal(text(html(page.body).querySelector('h1')), 'Documents of “Labour forum”');
    assert.equal(html(page.body).querySelector('.breadcrumb a')?.getAttribute('href'), `/admin/events/${event.id}`);

    // Missing label and wrong type: both reported, nothing stored.
    const bad = await upload(t, `${path}/upload`, editor, { labelEn: '', labelVi: 'Chương trình' }, { filename: 'agenda.pdf', data: await jpegWithGps(50, 50) });
    assert.equal(bad.statusCode, 422);
    assert.match(fieldError(bad, 'file'), /not a PDF/);
    assert.match(fieldError(bad, 'labelEn'), /label in English/);
    assert.equal(inputValue(bad, 'labelVi'), 'Chương trình');
    assert.equal(await t.db.selectFrom('media').select('id').executeTakeFirst(), undefined);

    const ok = await upload(t, `${path}/upload`, editor, { labelEn: 'Agenda', labelVi: 'Chương trình' }, { filename: 'agenda.pdf', data: pdfDocument('Agenda') });
    assert.equal(ok.statusCode, 303);
    assert.equal(ok.headers.location, `${path}?notice=attached`);
    const second = await upload(t, `${path}/upload`, editor, { labelEn: 'Concept note' }, { filename: 'note.pdf', data: pdfDocument('Note') });
    assert.equal(second.statusCode, 303);

    const noteId = (await t.db.selectFrom('media').select('id').where('original_name', '=', 'note.pdf').executeTakeFirstOrThrow()).id;
    const move = await postForm(t.app, { url: `${path}/${noteId}/move`, session: editor, fields: { direction: 'up' } });
    assert.equal(move.statusCode, 303);
    const relabelBad = await postForm(t.app, { url: `${path}/${noteId}`, session: editor, fields: { labelEn: '', labelVi: 'Ghi chú' } });
    assert.equal(relabelBad.statusCode, 422);
    assert.equal(inputValue(relabelBad, 'labelVi'), 'Ghi chú');
    assert.equal((await postForm(t.app, { url: `${path}/${noteId}`, session: editor, fields: { labelEn: 'Concept note (final)', labelVi: '' } })).statusCode, 303);

    // A PDF already in the library.
    const libraryPdf = await upload(t, '/admin/media', editor, {}, { filename: 'report.pdf', data: pdfDocument('Report') });
    const reportId = idFromLocation(libraryPdf);
    const missingLabel = await postForm(t.app, { url: path, session: editor, fields: { mediaId: String(reportId), labelEn: '' } });
    assert.equal(missingLabel.statusCode, 422);
    assert.equal(await postForm(t.app, { url: path, session: editor, fields: { mediaId: String(reportId), labelEn: 'Report' } }).then((r) => r.statusCode), 303);

    const list = html((await getPage(t.app, path, editor)).body);
    assert.deepEqual(list.querySelectorAll('.attachment-admin input[name=labelEn]').map((i) => i.getAttribute('value')), ['Concept note (final)', 'Agenda', 'Report']);
    // Each document's label fields and the upload form's have ids of their own, and each label names its own field.
    const ids = list.querySelectorAll('[id]').map((el) => el.id);
    assert.deepEqual(ids.filter((id, i) => ids.indexOf(id) !== i), []);
    for (const form of list.querySelectorAll('form')) {
      for (const label of form.querySelectorAll('label')) assert.ok(form.querySelector(`[id="${label.getAttribute('for')}"]`), `label for ${label.getAttribute('for')} is in its form`);
    }

    const agendaId = (await t.db.selectFrom('media').select('id').where('original_name', '=', 'agenda.pdf').executeTakeFirstOrThrow()).id;
    assert.equal((await postForm(t.app, { url: `${path}/${agendaId}/remove`, session: editor })).statusCode, 303);

    const publicPage = html((await t.app.inject({ url: '/en/events/forum' })).body);
    assert.deepEqual(publicPage.querySelectorAll('.attachments a').map(text), ['Concept note (final)', 'Report']);
    assert.match(text(publicPage.querySelector('.attachment-size')), /^\(PDF, \d+ B\)$/);

    const actions = (await t.db.selectFrom('audit_log').select('action').where('subject_kind', '=', 'event').orderBy('id').execute()).map((r) => r.action);
    assert.deepEqual(actions, ['event.attach', 'event.attach', 'event.reorder_attachments', 'event.relabel_attachment', 'event.attach', 'event.detach']);
  });

  test("contributors manage documents of their own drafts only", async () => {
    const own = await createEvent(t.db, { title: 'My draft', status: 'draft' });
    await t.db.updateTable('events').set({ created_by: contributor.user.id }).where('id', '=', own.id).execute();
    const other = await createEvent(t.db, { title: 'Published', status: 'published' });

    assert.equal((await getPage(t.app, `/admin/media/events/${own.id}/attachments`, contributor)).statusCode, 200);
    const ok = await upload(t, `/admin/media/events/${own.id}/attachments/upload`, contributor, { labelEn: 'Agenda' }, { filename: 'a.pdf', data: pdfDocument('Contributor') });
    assert.equal(ok.statusCode, 303);

    assert.equal((await getPage(t.app, `/admin/media/events/${other.id}/attachments`, contributor)).statusCode, 403);
    const refused = await upload(t, `/admin/media/events/${other.id}/attachments/upload`, contributor, { labelEn: 'Agenda' }, { filename: 'b.pdf', data: pdfDocument('Refused') });
    assert.equal(refused.statusCode, 403);
    assert.equal(await t.db.selectFrom('media').select('id').where('original_name', '=', 'b.pdf').executeTakeFirst(), undefined);
  });
});

describe('POST /admin/markdown/preview', () => {
  const t = appForBlock();
  const contributor = signedInForBlock(t, 'contributor');

  test('the live preview: JSON with sanitized HTML, the token in a header', async () => {
    const res = await postFromScript(t.app, contributor, '/admin/markdown/preview', { text: '**Hi** [x](javascript:alert(1)) <script>alert(2)</script>' });
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['cache-control'], 'no-store');
    const { html: out } = res.json() as { html: string };
    assert.equal(out, '<p><strong>Hi</strong> <a>x</a> &lt;script&gt;alert(2)&lt;/script&gt;</p>');
  });

  test('without the token: 403', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/admin/markdown/preview',
      headers: { cookie: contributor.cookie, accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'text=hi',
    });
    assert.equal(res.statusCode, 403);
  });

  test('the Preview button: the whole form posted, each named Markdown field on a page', async () => {
    const res = await postForm(t.app, {
      url: '/admin/markdown/preview',
      session: contributor,
      fields: { title: 'ignored', en_body: '## Heading\n\nText with <img src=x onerror=alert(1)>', vi_body: '', _preview: 'en_body,vi_body' },
    });
    assert.equal(res.statusCode, 200);
    const doc = html(res.body);
    assert.deepEqual(doc.querySelectorAll('.markdown-preview--page > h2').map(text), ['English', 'Vietnamese']);
    const body = doc.querySelector('.article-body[lang=en]');
    assert.equal(text(body?.querySelector('h2')), 'Heading');
    assert.equal(body?.querySelector('img'), null);
    assert.equal(text(doc.querySelector('.markdown-preview .muted')), 'There is no text to preview.');
    assert.equal(doc.querySelectorAll('script:not([src])').length, 0);
  });
});
