import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import sharp from 'sharp';
import { appForBlock, type TestApp } from '../../../../test/helpers/build-test-app.js';
import { signedInForBlock, type AdminSession } from '../../../../test/helpers/admin-session.js';
import { html, text } from '../../../../test/helpers/html.js';
import { jpegWithGps } from '../../../../test/helpers/images.js';
import { multipartBody, type MultipartFile } from '../../../../test/helpers/multipart.js';
import { imageWork } from '../media.processing.js';

async function upload(t: TestApp, session: AdminSession, fields: Record<string, string>, file: MultipartFile): Promise<LightMyRequestResponse> {
  const body = multipartBody(fields, file);
  return t.app.inject({
    method: 'POST',
    url: `/admin/media?_csrf=${encodeURIComponent(session.csrfToken)}`,
    headers: { ...body.headers, cookie: session.cookie },
    payload: body.payload,
  });
}

describe('uploads that would take the server memory', () => {
  const t = appForBlock();
  const editor = signedInForBlock(t, 'editor');
  const vietnamese = signedInForBlock(t, 'editor', { uiLang: 'vi' });

  test('a small PNG declaring 49000 × 1000 pixels: 422 with the limit by the file field, the typed text kept, nothing stored', async () => {
    const png = await sharp({ create: { width: 49_000, height: 1_000, channels: 3, background: '#ffffff' } }).png({ compressionLevel: 9 }).toBuffer();
    assert.ok(png.length < 200_000, `the file is small (${png.length} bytes)`);
    const res = await upload(t, editor, { altEn: 'A very wide banner', credit: 'ILO/Someone 2025' }, { filename: 'banner.png', data: png });
    assert.equal(res.statusCode, 422);
    const doc = html(res.body);
    assert.equal(text(doc.querySelector('#error-file')), 'This image has too many pixels (more than 40 megapixels). Make it smaller and upload it again.');
    assert.equal(doc.querySelector('input[name="altEn"]')?.getAttribute('value'), 'A very wide banner');
    assert.equal(doc.querySelector('input[name="credit"]')?.getAttribute('value'), 'ILO/Someone 2025');
    assert.equal(await t.db.selectFrom('media').select('id').executeTakeFirst(), undefined);

    const vi = await upload(t, vietnamese, { altEn: 'Banner' }, { filename: 'banner.png', data: png });
    assert.equal(vi.statusCode, 422);
    assert.equal(text(html(vi.body).querySelector('#error-file')), 'Ảnh này có quá nhiều điểm ảnh (hơn 40 megapixel). Hãy thu nhỏ ảnh rồi tải lên lại.');
  });

  test('several images sent at once are decoded one at a time, and all are stored', async () => {
    imageWork.resetPeaks();
    const images = await Promise.all([0, 1, 2, 3].map((i) => jpegWithGps(400 + i * 10, 300)));
    const results = await Promise.all(images.map((data, i) => upload(t, editor, { altEn: `Photo ${i}` }, { filename: `p${i}.jpg`, data })));
    assert.deepEqual(results.map((r) => r.statusCode), [303, 303, 303, 303]);
    const stats = imageWork.stats();
    assert.equal(stats.peakRunning, 1, 'never two images at once');
    assert.ok(stats.peakWaiting >= 1, `the uploads really overlapped (${stats.peakWaiting} waited at most)`);
    assert.deepEqual([stats.running, stats.waiting], [0, 0]);
    const stored = await t.db.selectFrom('media').select('width').orderBy('width').execute();
    assert.deepEqual(stored.map((r) => r.width), [400, 410, 420, 430]);
  });
});
