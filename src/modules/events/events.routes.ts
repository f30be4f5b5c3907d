import type { FastifyPluginAsync } from 'fastify';
import type { PublicRouteOptions } from '../../app-deps.js';
import { cachePublicPage } from '../../shared/http/cache.js';
import { sendPage, viewContext } from '../../shared/http/html.js';
import { eventPath } from '../../shared/http/paths.js';
import { parseQuery } from '../../shared/http/query.js';
import { itemPageRoute } from '../content/index.js';
import { listingQuery } from '../search/index.js';
import { eventAround } from './event-around.js';
import { getPublishedEvent, listEventsPage } from './events.service.js';
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

  itemPageRoute(app, deps, {
    route: '/events/:slug',
    find: async (d, slug, lang) => {
      const detail = await getPublishedEvent(d.db, slug, lang, d.now());
      const own = { title: detail.title, textLang: detail.textLang, slug: detail.slugs[lang] };
      return { ...detail, around: await eventAround(d.db, detail.event, own, lang, d.today(), d.now(), d.seriesOf) };
    },
    path: eventPath,
    related: 'toEvent',
    Page: EventPage,
  });
};
