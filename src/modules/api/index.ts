/** The public read API (/api/v1, with its OpenAPI document) and its page for people (/en/api). */
export { apiRoutes, apiDocsRoutes } from './api.routes.js';
