export { seriesAdminRoutes } from './series.admin.routes.js';
export { seriesRoutes } from './series.routes.js';
export { seriesLink } from './series-link.js';
export { seriesChoicesForEvents } from './series.service.js';
export { createSeries, updateSeries, getSeriesPage, getSeriesWithSessions, listSeries, sessionsOf, type SeriesInput, type SeriesText, type SeriesPage, type SeriesSession, type SeriesRow } from './series.service.js';
