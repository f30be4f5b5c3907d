export { seriesRoutes } from './series.routes.js';
export { createSeries, updateSeries, getSeriesPage, sessionsOf, type SeriesInput, type SeriesText, type SeriesPage, type SeriesSession } from './series.service.js';
