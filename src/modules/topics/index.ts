export { topicsRoutes } from './topics.routes.js';
export { getTermPage, listTerms, type TermPage } from './topics.service.js';
