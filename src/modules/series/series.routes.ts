import type { FastifyPluginAsync } from 'fastify';
import { h } from 'preact';
import type { PublicRouteOptions } from '../../app-deps.js';
import { cachePublicPage } from '../../shared/http/cache.js';
import { sendPage, viewContext } from '../../shared/http/html.js';
import { seriesPath } from '../../shared/http/paths.js';
import { parseQuery, slugParams } from '../../shared/http/query.js';
import { buildCalendar } from '../feeds/index.js';
import { translator } from '../i18n/index.js';
import { getSeriesPage } from './series.service.js';
import { SeriesPageView } from './series.views.js';

/** A series' page and its calendar, in one language. */
export const seriesRoutes: FastifyPluginAsync<PublicRouteOptions> = async (app, deps) => {
  const origin = deps.config.PUBLIC_URL.replace(/\/+$/, '');
  const t = translator(deps.lang);

  app.get('/series/:slug', async (request, reply) => {
    const { slug } = parseQuery(slugParams, request.params);
    const ctx = viewContext(request, deps.lang);
    const page = await getSeriesPage(deps.db, slug, ctx.lang, deps.today(), deps.now());
    return sendPage(cachePublicPage(reply), h(SeriesPageView, { ctx, page }));
  });

  app.get('/series/:slug/events.ics', async (request, reply) => {
    const { slug } = parseQuery(slugParams, request.params);
    const page = await getSeriesPage(deps.db, slug, deps.lang, deps.today(), deps.now());
    const body = buildCalendar(page.events, {
      lang: deps.lang,
      t,
      name: page.series.title,
      publicUrl: origin,
      pageUrl: `${origin}${seriesPath(deps.lang, page.series.slugs[deps.lang])}`,
    });
    return cachePublicPage(reply).type('text/calendar; charset=utf-8').send(body);
  });
};
