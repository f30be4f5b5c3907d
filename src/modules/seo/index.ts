export { JsonLd, absoluteUrl, defaultImage, headline, imageObject, office, type ImageCredit, type ImageDescription, type JsonObject } from './structured-data.js';
export { seoRoutes, type SeoRouteOptions } from './seo.routes.js';
export { listSitemapEntries } from './seo.service.js';
