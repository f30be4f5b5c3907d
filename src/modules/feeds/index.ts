export { feedsRoutes } from './feeds.routes.js';
export { buildCalendar, eventUid, type CalendarOptions } from './calendar.js';
export { buildNewsFeed, articleEntryId, publicationInstant, NEWS_FEED_LENGTH, type NewsFeedOptions } from './news.js';
