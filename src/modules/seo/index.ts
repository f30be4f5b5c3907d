export { JsonLd, eventJsonLd, articleJsonLd } from './structured-data.js';
export { seoRoutes, type SeoRouteOptions } from './seo.routes.js';
export { listSitemapEntries } from './seo.service.js';
