export { siteRoutes } from './site.routes.js';
export { findSiteText, upsertSiteText, type SiteTextKey } from './site-texts.repository.js';
