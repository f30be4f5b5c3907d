import type { FastifyPluginAsync } from 'fastify';
import { h } from 'preact';
import type { PublicRouteOptions } from '../../app-deps.js';
import { cachePublicPage } from '../../shared/http/cache.js';
import { sendPage, viewContext } from '../../shared/http/html.js';
import { articlePath } from '../../shared/http/paths.js';
import { parseQuery } from '../../shared/http/query.js';
import { itemPageRoute } from '../content/index.js';
import { articleListingQuery } from '../search/index.js';
import { getPublishedArticle, listArticlesPage } from './articles.service.js';
import { ArticlePage, ArticlesPage } from './articles.views.js';

/** Public article pages in one language: the listing by year (filtered by the query string) and one article. */
export const articlesRoutes: FastifyPluginAsync<PublicRouteOptions> = async (app, deps) => {
  app.get('/articles', async (request, reply) => {
    const { page, ...filters } = parseQuery(articleListingQuery, request.query);
    const ctx = viewContext(request, deps.lang);
    const listing = await listArticlesPage(deps.db, ctx.lang, deps.now(), page, filters);
    return sendPage(cachePublicPage(reply), h(ArticlesPage, { ctx, listing }));
  });

  itemPageRoute(app, deps, {
    route: '/articles/:slug',
    find: (d, slug, lang) => getPublishedArticle(d.db, slug, lang, d.now()),
    path: articlePath,
    related: 'toArticle',
    Page: ArticlePage,
  });
};
