import type { FastifyReply } from 'fastify';

/**
 * Public pages may be kept by browsers and proxies for a minute: short enough
 * that an edit shows soon, long enough to absorb bursts of visitors.
 */
const PUBLIC_PAGE_MAX_AGE_SECONDS = 60;

export function cachePublicPage(reply: FastifyReply): FastifyReply {
  return reply.header('cache-control', `public, max-age=${PUBLIC_PAGE_MAX_AGE_SECONDS}`);
}

export function noStore(reply: FastifyReply): FastifyReply {
  return reply.header('cache-control', 'no-store');
}
