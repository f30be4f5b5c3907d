/**
 * The language-independent entry points of the public site: `/` sends each
 * visitor to a language, `/language` records an explicit choice, and the old
 * unprefixed addresses move permanently to their English pages.
 */
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps.js';
import { cachePublicPage, noStore } from '../../shared/http/cache.js';
import { encodeLocation } from '../../shared/http/location.js';
import { articlePath, articlesPath, eventPath, eventsPath, homePath, isPathInLang } from '../../shared/http/paths.js';
import { messageKey, parseQuery, slugParams } from '../../shared/http/query.js';
import type { Lang } from './i18n.js';
import { languageCookie, languageForVisitor } from './language-choice.js';

/**
 * A day: long enough that browsers and proxies stop asking for old addresses,
 * short enough that a mistaken redirect does not stick for ever.
 */
const MOVED_MAX_AGE_SECONDS = 24 * 60 * 60;

const choiceQuery = z.object({
  to: z.enum(['en', 'vi'], messageKey('error.languageChoice')) satisfies z.ZodType<Lang>,
  // Anything but a path in the chosen language is ignored (see isPathInLang).
  next: z.string().optional().catch(undefined),
});

/** The query string of a URL, with its `?`, or "" (kept when an old address moves). */
function searchOf(url: string): string {
  const at = url.indexOf('?');
  return at < 0 ? '' : url.slice(at);
}

function movedTo(reply: FastifyReply, target: string): FastifyReply {
  return reply.header('cache-control', `public, max-age=${MOVED_MAX_AGE_SECONDS}`).redirect(encodeLocation(target), 301);
}

/** `/`, `/language` and the permanent redirects from the unprefixed addresses. */
export const languageRoutes: FastifyPluginAsync<AppDeps> = async (app, deps) => {
  const secureCookie = deps.config.PUBLIC_URL.startsWith('https:');

  // The answer depends on the cookie and on Accept-Language; caches must keep one per combination.
  app.get('/', async (request, reply) => {
    const lang = languageForVisitor({ cookie: request.headers.cookie, acceptLanguage: request.headers['accept-language'] });
    return cachePublicPage(reply).header('vary', 'Accept-Language, Cookie').redirect(homePath(lang), 302);
  });

  // The switcher's links come here: the only place the language cookie is set.
  app.get('/language', async (request, reply) => {
    const { to, next } = parseQuery(choiceQuery, request.query);
    // The path came decoded from the query string: it is encoded again for the Location header.
    const target = next !== undefined && isPathInLang(next, to) ? encodeLocation(next) : homePath(to);
    return noStore(reply).header('set-cookie', languageCookie(to, secureCookie)).redirect(target, 303);
  });

  app.get('/events', async (request, reply) => movedTo(reply, `${eventsPath('en')}${searchOf(request.url)}`));
  app.get('/events/:slug', async (request, reply) => {
    const { slug } = parseQuery(slugParams, request.params);
    return movedTo(reply, `${eventPath('en', slug)}${searchOf(request.url)}`);
  });
  app.get('/articles', async (request, reply) => movedTo(reply, `${articlesPath('en')}${searchOf(request.url)}`));
  app.get('/articles/:slug', async (request, reply) => {
    const { slug } = parseQuery(slugParams, request.params);
    return movedTo(reply, `${articlePath('en', slug)}${searchOf(request.url)}`);
  });
};
