import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps.js';
import { cachePublicPage } from '../../shared/http/cache.js';
import { NotFoundError } from '../../shared/errors.js';
import { parseQuery } from '../../shared/http/query.js';
import { searchPath, sitemapPath } from '../../shared/http/paths.js';
import { LANGS } from '../i18n/index.js';
import { listSitemapEntries } from './seo.service.js';
import { latest, sitemapIndexXml, SITEMAP_MAX_URLS, splitSitemap, urlsetXml } from './sitemap.js';

export interface SeoRouteOptions extends AppDeps {
  /** Addresses per sitemap file before it splits into an index (tests make it small). */
  maxSitemapUrls?: number;
}

const partParams = z.object({ part: z.coerce.number().int().min(1).max(100_000) });

/** `/robots.txt`, `/sitemap.xml` and its numbered parts: outside the language prefixes. */
export const seoRoutes: FastifyPluginAsync<SeoRouteOptions> = async (app, deps) => {
  const origin = deps.config.PUBLIC_URL.replace(/\/+$/, '');
  const maxUrls = deps.maxSitemapUrls ?? SITEMAP_MAX_URLS;

  app.get('/robots.txt', async (_request, reply) => {
    const lines = [
      'User-agent: *',
      // The editors' admin, and the language switch (a redirect that sets a cookie).
      'Disallow: /admin',
      'Disallow: /language',
      // Search result pages are endless combinations of one content, and are marked noindex.
      ...LANGS.map((lang) => `Disallow: ${searchPath(lang)}`),
      '',
      `Sitemap: ${origin}${sitemapPath()}`,
      '',
    ];
    return cachePublicPage(reply).type('text/plain; charset=utf-8').send(lines.join('\n'));
  });

  app.get('/sitemap.xml', async (_request, reply) => {
    const parts = splitSitemap(await listSitemapEntries(deps.db, origin, deps.now()), maxUrls);
    const body =
      parts.length === 1
        ? urlsetXml(parts[0]!)
        : sitemapIndexXml(parts.map((part, i) => ({ loc: `${origin}${sitemapPath(i + 1)}`, lastmod: latest(part) })));
    return cachePublicPage(reply).type('application/xml; charset=utf-8').send(body);
  });

  app.get('/sitemap-:part.xml', async (request, reply) => {
    const { part } = parseQuery(partParams, request.params);
    const parts = splitSitemap(await listSitemapEntries(deps.db, origin, deps.now()), maxUrls);
    // A site that fits in one file has no numbered parts.
    if (parts.length === 1 || part > parts.length) throw new NotFoundError();
    return cachePublicPage(reply).type('application/xml; charset=utf-8').send(urlsetXml(parts[part - 1]!));
  });
};
