import type { FastifyReply } from 'fastify';

/**
 * Public pages may be kept by browsers and shared caches (a CDN, a proxy) for
 * a minute: short enough that an edit shows soon everywhere, long enough to
 * absorb bursts of visitors. The server's own page cache is emptied at once
 * on every edit; these values only bound how long copies *outside* it live.
 */
export const PUBLIC_PAGE_MAX_AGE_SECONDS = 60;

/**
 * After max-age a shared cache may go on answering with its copy for another
 * minute while it fetches a fresh one in the background, so no visitor waits
 * for the origin; an edit is therefore seen through a CDN within two minutes
 * at most. Revalidation is cheap: the ETag usually matches and the answer is
 * an empty 304.
 */
const STALE_WHILE_REVALIDATE_SECONDS = 60;

/** If the origin is down, a shared cache may keep serving its last copy for a day rather than an error. */
const STALE_IF_ERROR_SECONDS = 24 * 60 * 60;

/** The Cache-Control value of a public page that may be kept `maxAgeSeconds` (browsers and shared caches alike). */
export function publicCacheControl(maxAgeSeconds = PUBLIC_PAGE_MAX_AGE_SECONDS): string {
  const age = Math.max(0, Math.floor(maxAgeSeconds));
  return `public, max-age=${age}, s-maxage=${age}, stale-while-revalidate=${STALE_WHILE_REVALIDATE_SECONDS}, stale-if-error=${STALE_IF_ERROR_SECONDS}`;
}

/** Marks a response as a public page: the same for every visitor, kept by caches (and by the page cache). */
export function cachePublicPage(reply: FastifyReply): FastifyReply {
  return reply.header('cache-control', publicCacheControl());
}

export function noStore(reply: FastifyReply): FastifyReply {
  return reply.header('cache-control', 'no-store');
}
