import type { FastifyPluginAsync } from 'fastify';
import { h } from 'preact';
import type { PublicRouteOptions } from '../../app-deps.js';
import { cachePublicPage } from '../../shared/http/cache.js';
import { sendPage, viewContext } from '../../shared/http/html.js';
import { topicsPath } from '../../shared/http/paths.js';
import { parseQuery, slugParams } from '../../shared/http/query.js';
import type { TermKind } from '../taxonomy/index.js';
import { getTermPage, listTerms } from './topics.service.js';
import { TermPageView, TermsIndexPage } from './topics.views.js';

/** Topic and programme pages in one language, and the index of both. */
export const topicsRoutes: FastifyPluginAsync<PublicRouteOptions> = async (app, deps) => {
  app.get('/topics', async (request, reply) => {
    const ctx = viewContext(request, deps.lang);
    const terms = await listTerms(deps.db, ctx.lang);
    return sendPage(cachePublicPage(reply), h(TermsIndexPage, { ctx, ...terms }));
  });

  // Topics and programmes share one index page; its programmes section has its own anchor.
  app.get('/programmes', async (_request, reply) => cachePublicPage(reply).redirect(`${topicsPath(deps.lang)}#programmes`, 301));

  const termPage = (kind: TermKind) =>
    app.get(`/${kind}s/:slug`, async (request, reply) => {
      const { slug } = parseQuery(slugParams, request.params);
      const ctx = viewContext(request, deps.lang);
      const page = await getTermPage(deps.db, kind, slug, ctx.lang, deps.today(), deps.now());
      return sendPage(cachePublicPage(reply), h(TermPageView, { ctx, page }));
    });
  termPage('topic');
  termPage('programme');
};
