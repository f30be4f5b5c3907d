import type { FastifyPluginAsync } from 'fastify';
import { h } from 'preact';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps.js';
import { cachePublicPage } from '../../shared/http/cache.js';
import { sendPage, viewContext } from '../../shared/http/html.js';
import { pageQuery, parseQuery } from '../../shared/http/query.js';
import { getPublishedArticle, listArticlesPage } from './articles.service.js';
import { ArticlePage, ArticlesPage } from './articles.views.js';

const slugParams = z.object({ slug: z.string().min(1).max(200) });

/** Public article pages: the listing by year and one article. */
export const articlesRoutes: FastifyPluginAsync<AppDeps> = async (app, deps) => {
  app.get('/articles', async (request, reply) => {
    const { page } = parseQuery(pageQuery, request.query);
    const ctx = viewContext(request);
    const listing = await listArticlesPage(deps.db, ctx.lang, page);
    return sendPage(cachePublicPage(reply), h(ArticlesPage, { ctx, listing }));
  });

  app.get('/articles/:slug', async (request, reply) => {
    const { slug } = parseQuery(slugParams, request.params);
    const ctx = viewContext(request);
    const detail = await getPublishedArticle(deps.db, slug, ctx.lang);
    return sendPage(cachePublicPage(reply), h(ArticlePage, { ctx, detail }));
  });
};
