import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import Fastify, { type FastifyInstance } from 'fastify';
import { multipartBody } from '../../../../test/helpers/multipart.js';
import { readUploadForm, registerUploadParsing } from './upload-form.js';

describe('readUploadForm', () => {
  let app: FastifyInstance;
  before(async () => {
    app = Fastify();
    await registerUploadParsing(app, 1000);
    app.post('/upload', async (request) => {
      const form = await readUploadForm(request);
      return { fields: form.fields, file: form.file && { size: form.file.data.length, name: form.file.filename, truncated: form.file.truncated } };
    });
    await app.ready();
  });
  after(() => app.close());

  test('reads the fields and the file', async () => {
    const res = await app.inject({ method: 'POST', url: '/upload', ...multipartBody({ altEn: 'Two people', credit: '© ILO 2024' }, { filename: 'a.jpg', data: Buffer.alloc(600, 1) }) });
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.json(), { fields: { altEn: 'Two people', credit: '© ILO 2024' }, file: { size: 600, name: 'a.jpg', truncated: false } });
  });

  test('a file over the limit is cut off and marked, the fields are still read', async () => {
    const res = await app.inject({ method: 'POST', url: '/upload', ...multipartBody({ altEn: 'Kept' }, { filename: 'big.jpg', data: Buffer.alloc(5000, 1) }) });
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.json(), { fields: { altEn: 'Kept' }, file: { size: 1000, name: 'big.jpg', truncated: true } });
  });

  test('an empty file input is no file', async () => {
    const res = await app.inject({ method: 'POST', url: '/upload', ...multipartBody({ altEn: 'x' }, { filename: '', data: Buffer.alloc(0) }) });
    assert.deepEqual(res.json(), { fields: { altEn: 'x' } });
  });

  test('a second file is refused', async () => {
    const body = multipartBody({}, { filename: 'a.jpg', data: Buffer.alloc(10) });
    const boundary = body.headers['content-type']!.split('boundary=')[1]!;
    const extra = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="b.jpg"\r\n\r\nxx\r\n`);
    const payload = Buffer.concat([body.payload.subarray(0, body.payload.length - `--${boundary}--\r\n`.length), extra, Buffer.from(`--${boundary}--\r\n`)]);
    const res = await app.inject({ method: 'POST', url: '/upload', headers: body.headers, payload });
    assert.equal(res.statusCode, 413);
  });
});
