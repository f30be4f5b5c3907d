import type { FastifyPluginAsync } from 'fastify';
import type { PublicRouteOptions } from '../../app-deps.js';
import { cachePublicPage } from '../../shared/http/cache.js';
import { sendPage, viewContext } from '../../shared/http/html.js';
import { eventPath } from '../../shared/http/paths.js';
import { parseQuery, slugParams } from '../../shared/http/query.js';
import { listingQuery } from '../search/index.js';
import { getEventPage, listEventsPage } from './events.service.js';
import { EventPage, EventsPage } from './events.views.js';
import { h } from 'preact';

/** Public event pages in one language: the listing (filtered by the query string) and one event. */
export const eventsRoutes: FastifyPluginAsync<PublicRouteOptions> = async (app, deps) => {
  app.get('/events', async (request, reply) => {
    const { page, ...filters } = parseQuery(listingQuery, request.query);
    const ctx = viewContext(request, deps.lang);
    const listing = await listEventsPage(deps.db, ctx.lang, deps.today(), deps.now(), page, filters);
    return sendPage(cachePublicPage(reply), h(EventsPage, { ctx, listing }));
  });

  app.get('/events/:slug', async (request, reply) => {
    const { slug } = parseQuery(slugParams, request.params);
    const ctx = viewContext(request, deps.lang);
    const { detail, sharing } = await getEventPage(deps.db, slug, ctx.lang, deps.now());
    // Reached by its slug in another language, an old slug, or one from before its translation was published
    // or withdrawn. Moved for good, but cached briefly: publishing or withdrawing a translation turns it round.
    if (detail.slugs[deps.lang] !== slug) return cachePublicPage(reply).redirect(eventPath(deps.lang, detail.slugs[deps.lang]), 301);
    const related = await deps.related.toEvent(deps.db, ctx, sharing, deps.today(), deps.now());
    return sendPage(cachePublicPage(reply), h(EventPage, { ctx, detail, related }));
  });
};
