import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import sharp from 'sharp';
import { appForBlock } from '../../../test/helpers/build-test-app.js';
import { jpegWithGps, pdfDocument } from '../../../test/helpers/images.js';
import { loadPicture, uploadMedia, type PictureImage } from './media.service.js';

describe('GET /media/…', () => {
  const t = appForBlock();
  let picture: PictureImage;
  let pdfPath: string;
  before(async () => {
    const deps = { db: t.db, config: t.config, now: () => new Date() };
    const { media } = await uploadMedia(deps, { data: await jpegWithGps(700, 400), originalName: 'a.jpg', altEn: 'A', accept: 'image', userId: null });
    const loaded = await loadPicture(t.db, media.id);
    assert.ok(loaded);
    picture = loaded;
    const doc = await uploadMedia(deps, { data: pdfDocument(), originalName: 'Agenda.pdf', accept: 'document', userId: null });
    pdfPath = `/media/${doc.media.path}`;
  });

  test('serves each variant with its type, nosniff and a year-long immutable cache', async () => {
    for (const [sources, type, format] of [
      [picture.avif, 'image/avif', 'heif'],
      [picture.webp, 'image/webp', 'webp'],
      [picture.fallback, 'image/jpeg', 'jpeg'],
    ] as const) {
      const source = sources[sources.length - 1];
      assert.ok(source);
      const res = await t.app.inject({ url: source.url });
      assert.equal(res.statusCode, 200, source.url);
      assert.equal(res.headers['content-type'], type);
      assert.equal(res.headers['x-content-type-options'], 'nosniff');
      assert.equal(res.headers['cache-control'], 'public, max-age=31536000, immutable');
      assert.equal(Number(res.headers['content-length']), res.rawPayload.length);
      const meta = await sharp(res.rawPayload).metadata();
      assert.equal(meta.format, format);
      assert.equal(meta.width, 700);
      assert.equal(meta.exif, undefined);
    }
  });

  test('serves a document as PDF', async () => {
    const res = await t.app.inject({ url: pdfPath });
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-type'], 'application/pdf');
    assert.ok(res.rawPayload.subarray(0, 5).equals(Buffer.from('%PDF-')));
  });

  test('HEAD answers with the headers only', async () => {
    const res = await t.app.inject({ method: 'HEAD', url: picture.webp[0]?.url ?? '' });
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-type'], 'image/webp');
    assert.equal(res.body, '');
  });

  test('unknown files are 404 and not cached for long', async () => {
    const res = await t.app.inject({ url: '/media/i/00/00000000000000000000000000000000.jpg' });
    assert.equal(res.statusCode, 404);
    assert.equal(res.headers['cache-control'], 'no-store');
    assert.equal((await t.app.inject({ url: '/media/potatoes.jpg' })).statusCode, 404);
  });

  test('no path leaves the media folder', async () => {
    const known = picture.fallback[0]?.url ?? '';
    const attempts = [
      '/media/../package.json',
      '/media/..%2f..%2fpackage.json',
      '/media/%2e%2e/%2e%2e/package.json',
      '/media/i/../../package.json',
      `/media/i/..%2F${known.split('/').slice(3).join('%2F')}`,
      '/media/d/00000000000000000000000000000000/..%2f..%2f..%2fetc%2fpasswd',
      '/media//etc/passwd',
      `${known}%00.html`,
      `${known.toUpperCase()}`,
      `${known}.tmp`,
    ];
    for (const url of attempts) {
      const res = await t.app.inject({ url });
      assert.ok(res.statusCode === 404 || res.statusCode === 400, `${url} answered ${res.statusCode}`);
      assert.doesNotMatch(res.body, /"name": "almanac"|root:/);
    }
  });
});
