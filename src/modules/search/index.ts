export { reindexItem, rebuildIndex, indexNewItems, searchSite, type SearchHit, type SearchOutcome, type SearchRequest, type SearchFilters } from './search.service.js';
export { searchIndexFor, type SearchIndex } from './search-index.js';
export { searchRoutes } from './search.routes.js';
export { filterQuery, listingQuery, articleListingQuery, hasAnyFilter, filterParams, EVENT_TYPES, type FilterValues } from './filters.js';
export { FilterFields, ChosenFilters, ListingFilters, type FilterOptions } from './filter-views.js';
