export { startPublishScheduler, recordDueItems, SCHEDULER_INTERVAL_MS, type PublishScheduler, type DueItemsRecorded } from './scheduler.js';
export { nextPageChangeByClock, nextMidnight } from './page-changes.js';
