export { JsonLd, absoluteUrl, defaultImage, headline, office, type JsonObject } from './structured-data.js';
export { seoRoutes, type SeoRouteOptions } from './seo.routes.js';
export { listSitemapEntries } from './seo.service.js';
