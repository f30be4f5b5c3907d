import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps.js';
import { cachePublicPage } from '../../shared/http/cache.js';
import { sendPage, viewContext } from '../../shared/http/html.js';
import { pageQuery, parseQuery } from '../../shared/http/query.js';
import { getPublishedEvent, listEventsPage } from './events.service.js';
import { EventPage, EventsPage } from './events.views.js';
import { h } from 'preact';

const slugParams = z.object({ slug: z.string().min(1).max(200) });

/** Public event pages: the listing and one event. */
export const eventsRoutes: FastifyPluginAsync<AppDeps> = async (app, deps) => {
  app.get('/events', async (request, reply) => {
    const { page } = parseQuery(pageQuery, request.query);
    const ctx = viewContext(request);
    const listing = await listEventsPage(deps.db, ctx.lang, deps.today(), page);
    return sendPage(cachePublicPage(reply), h(EventsPage, { ctx, listing }));
  });

  app.get('/events/:slug', async (request, reply) => {
    const { slug } = parseQuery(slugParams, request.params);
    const ctx = viewContext(request);
    const detail = await getPublishedEvent(deps.db, slug, ctx.lang);
    return sendPage(cachePublicPage(reply), h(EventPage, { ctx, detail }));
  });
};
