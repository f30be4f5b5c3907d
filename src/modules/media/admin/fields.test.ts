import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { appForBlock } from '../../../../test/helpers/build-test-app.js';
import { html, text } from '../../../../test/helpers/html.js';
import { jpegWithGps } from '../../../../test/helpers/images.js';
import type { AdminViewContext } from '../../admin/index.js';
import { translator } from '../../i18n/index.js';
import { loadImageChoices, uploadMedia } from '../media.service.js';
import { MarkdownField, MarkdownPreviewButton } from './MarkdownField.js';
import { MediaPickerField } from './MediaPickerField.js';

const ctx: AdminViewContext = {
  lang: 'en',
  t: translator('en'),
  languageNames: { en: 'English', vi: 'Tiếng Việt' },
  siteName: 'Almanac',
  officeEmail: 'office@example.org',
  path: '/admin/articles/1',
  publicUrl: 'http://localhost',
  stylesheet: '/assets/site.css',
  adminStylesheet: '/assets/admin.css',
  user: { id: 1, email: 'e@example.org', name: 'E', role: 'editor', uiLang: 'en' },
  csrfToken: 'token',
  nav: [],
} as AdminViewContext;

describe('MarkdownField', () => {
  test('a textarea wired to the live preview, the current text already previewed, the script from /assets/', () => {
    const doc = html(renderToString(h(MarkdownField, { ctx, name: 'en_body', label: 'Body (English)', value: 'Hello **you**\n\n<script>x</script>', textLang: 'en', error: 'Too long' })));
    const area = doc.querySelector('textarea#field-en_body');
    assert.ok(area);
    assert.equal(area.getAttribute('name'), 'en_body');
    assert.equal(area.getAttribute('data-markdown-preview'), 'preview-en_body');
    assert.equal(area.getAttribute('data-preview-url'), '/admin/markdown/preview');
    assert.equal(area.getAttribute('aria-invalid'), 'true');
    assert.equal(area.getAttribute('aria-describedby'), 'hint-en_body error-en_body');
    assert.equal(text(area), 'Hello **you** <script>x</script>', 'the text is kept as typed');
    const panel = doc.querySelector('#preview-en_body');
    assert.ok(panel?.hasAttribute('hidden'), 'hidden until the script shows it');
    assert.equal(text(panel?.querySelector('[data-preview-output] strong')), 'you');
    assert.equal(panel?.querySelector('[data-preview-output] script'), null);
    const script = doc.querySelector('script');
    assert.equal(script?.getAttribute('type'), 'module');
    assert.match(script?.getAttribute('src') ?? '', /^\/assets\/markdown-preview\.[0-9a-f]{12}\.js$/);
    assert.equal(text(script), '', 'no inline script');
  });

  test('the Preview button posts the named fields to the preview, in a new tab', () => {
    const button = html(renderToString(h(MarkdownPreviewButton, { ctx, fields: ['en_body', 'vi_body'] }))).querySelector('button');
    assert.equal(button?.getAttribute('formaction'), '/admin/markdown/preview');
    assert.equal(button?.getAttribute('formtarget'), '_blank');
    assert.equal(button?.getAttribute('name'), '_preview');
    assert.equal(button?.getAttribute('value'), 'en_body,vi_body');
  });
});

describe('MediaPickerField', () => {
  const t = appForBlock();
  let ids: number[];
  before(async () => {
    const deps = { db: t.db, config: t.config, now: () => new Date('2026-11-23T00:00:00Z') };
    ids = [];
    for (const [i, alt] of ['First photo', 'Second photo'].entries()) {
      const { media } = await uploadMedia(deps, { data: await jpegWithGps(400 + i, 300), originalName: `${i}.jpg`, altEn: alt, accept: 'image', userId: null });
      ids.push(media.id);
    }
  });

  test('radio buttons for the recent images and none, the chosen one checked, and a link to upload', async () => {
    const choices = await loadImageChoices(t.db, ids[0]);
    const doc = html(renderToString(h(MediaPickerField, { ctx, name: 'hero_media_id', label: 'Hero image', value: String(ids[0]), choices, error: 'Choose an image' })));
    const radios = doc.querySelectorAll('input[type=radio][name=hero_media_id]');
    assert.deepEqual(radios.map((r) => r.getAttribute('value')).sort(), ['', String(ids[0]), String(ids[1])].sort());
    assert.deepEqual(radios.filter((r) => r.hasAttribute('checked')).map((r) => r.getAttribute('value')), [String(ids[0])]);
    assert.ok(doc.querySelectorAll('label img').every((img) => /^\/media\/i\/.+\.jpg$/.test(img.getAttribute('src') ?? '')));
    assert.deepEqual(doc.querySelectorAll('.media-picker__alt').map(text).sort(), ['First photo', 'Second photo']);
    assert.equal(text(doc.querySelector('.field-error')), 'Choose an image');
    const link = doc.querySelector('.media-picker__upload a');
    assert.equal(link?.getAttribute('href'), '/admin/media/new');
    assert.equal(link?.getAttribute('target'), '_blank');

    const none = html(renderToString(h(MediaPickerField, { ctx, name: 'hero_media_id', label: 'Hero image', value: null, choices })));
    assert.equal(none.querySelector('input[checked]')?.getAttribute('value'), '');
  });

  test('the preview script is served as an immutable JavaScript asset', async () => {
    const src = html(renderToString(h(MarkdownField, { ctx, name: 'b', label: 'B', value: '' }))).querySelector('script')?.getAttribute('src') ?? '';
    const res = await t.app.inject({ url: src });
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /^text\/javascript/);
    assert.equal(res.headers['cache-control'], 'public, max-age=31536000, immutable');
    assert.match(res.body, /data-markdown-preview/);
  });
});
