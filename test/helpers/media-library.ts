/** Putting an image in the media library through the admin's upload form, as an editor does. */
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import type { AdminSession } from './admin-session.js';
import { jpegWithGps } from './images.js';
import { multipartBody } from './multipart.js';

/** The upload form's text fields for a photo of the coffee harvest: alt text in both languages and a credit. */
export const HARVEST_PHOTO = { altEn: 'Pickers at the coffee harvest', altVi: 'Người hái cà phê', credit: 'ILO/Nguyen Hai Dat 2024' };

/**
 * Uploads a 1600×900 JPEG to the library as `session` with the form's text
 * `fields`; the new item's id, as the form fields that choose it carry it.
 */
export async function uploadToLibrary(app: FastifyInstance, session: Pick<AdminSession, 'cookie' | 'csrfToken'>, fields: Record<string, string> = HARVEST_PHOTO): Promise<string> {
  const body = multipartBody(fields, { filename: 'harvest.jpg', contentType: 'image/jpeg', data: await jpegWithGps(1600, 900) });
  const uploaded = await app.inject({
    method: 'POST',
    url: `/admin/media?_csrf=${encodeURIComponent(session.csrfToken)}`,
    headers: { ...body.headers, cookie: session.cookie },
    payload: body.payload,
  });
  assert.equal(uploaded.statusCode, 303, uploaded.body.slice(0, 300));
  const mediaId = /^\/admin\/media\/(\d+)\?/.exec(String(uploaded.headers.location))?.[1];
  assert.ok(mediaId, `redirected to the new item: ${String(uploaded.headers.location)}`);
  return mediaId;
}
