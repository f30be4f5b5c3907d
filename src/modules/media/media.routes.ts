import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../../app-deps.js';
import { NotFoundError } from '../../shared/errors.js';
import { absolutePath, CONTENT_TYPES, isStoredPath } from './media.storage.js';

/**
 * A stored file's name is its content hash, so its bytes never change: a
 * year is as long as caches keep anything, and "immutable" spares browsers
 * even the revalidation request.
 */
const MEDIA_CACHE_CONTROL = 'public, max-age=31536000, immutable';

/** Serves stored files at /media/… (language-independent, not under /en or /vi). */
export const mediaFilesRoutes: FastifyPluginAsync<AppDeps> = async (app, deps) => {
  app.get('/media/*', async (request, reply) => {
    const path = (request.params as { '*': string })['*'];
    // Only names the library itself makes are served: this rejects "..", encoded slashes and anything else.
    if (!isStoredPath(path)) throw new NotFoundError();
    const full = absolutePath(deps.config.MEDIA_DIR, path);
    let size: number;
    try {
      const info = await stat(full);
      if (!info.isFile()) throw new NotFoundError();
      size = info.size;
    } catch {
      throw new NotFoundError();
    }
    const extension = path.slice(path.lastIndexOf('.') + 1);
    return reply
      .header('cache-control', MEDIA_CACHE_CONTROL)
      .header('x-content-type-options', 'nosniff')
      .header('content-length', size)
      .type(CONTENT_TYPES[extension] ?? 'application/octet-stream')
      .send(createReadStream(full));
  });
};
