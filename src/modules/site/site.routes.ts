import type { FastifyPluginAsync } from 'fastify';
import { h } from 'preact';
import type { PublicRouteOptions } from '../../app-deps.js';
import { cachePublicPage } from '../../shared/http/cache.js';
import { sendPage, viewContext } from '../../shared/http/html.js';
import { latestArticles } from '../articles/index.js';
import { eventsAtAGlance } from '../events/index.js';
import { HomePage } from './home.views.js';

/** The home page of one language (`/en`, `/vi`). */
export const siteRoutes: FastifyPluginAsync<PublicRouteOptions> = async (app, deps) => {
  app.get('/', async (request, reply) => {
    const ctx = viewContext(request, deps.lang);
    const now = deps.now();
    const [events, articles] = await Promise.all([
      eventsAtAGlance(deps.db, ctx.lang, deps.today(), now),
      latestArticles(deps.db, ctx.lang, now),
    ]);
    return sendPage(cachePublicPage(reply), h(HomePage, { ctx, ...events, articles }));
  });
};
