import type { FastifyPluginAsync } from 'fastify';
import { h } from 'preact';
import type { PublicRouteOptions } from '../../app-deps.js';
import { cachePublicPage } from '../../shared/http/cache.js';
import { sendPage, viewContext } from '../../shared/http/html.js';
import { articlePath } from '../../shared/http/paths.js';
import { parseQuery, slugParams } from '../../shared/http/query.js';
import { articleListingQuery } from '../search/index.js';
import { getArticlePage, listArticlesPage } from './articles.service.js';
import { ArticlePage, ArticlesPage } from './articles.views.js';

/** Public article pages in one language: the listing by year (filtered by the query string) and one article. */
export const articlesRoutes: FastifyPluginAsync<PublicRouteOptions> = async (app, deps) => {
  app.get('/articles', async (request, reply) => {
    const { page, ...filters } = parseQuery(articleListingQuery, request.query);
    const ctx = viewContext(request, deps.lang);
    const listing = await listArticlesPage(deps.db, ctx.lang, deps.now(), page, filters);
    return sendPage(cachePublicPage(reply), h(ArticlesPage, { ctx, listing }));
  });

  app.get('/articles/:slug', async (request, reply) => {
    const { slug } = parseQuery(slugParams, request.params);
    const ctx = viewContext(request, deps.lang);
    const { detail, sharing } = await getArticlePage(deps.db, slug, ctx.lang, deps.now());
    // Reached by its slug in another language, an old slug, or one from before its translation was published
    // or withdrawn. Moved for good, but cached briefly: publishing or withdrawing a translation turns it round.
    if (detail.slugs[deps.lang] !== slug) return cachePublicPage(reply).redirect(articlePath(deps.lang, detail.slugs[deps.lang]), 301);
    const related = await deps.related.toArticle(deps.db, ctx, sharing, deps.today(), deps.now());
    return sendPage(cachePublicPage(reply), h(ArticlePage, { ctx, detail, related }));
  });
};
