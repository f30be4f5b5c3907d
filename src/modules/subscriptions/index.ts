/**
 * Visitors who follow the office by email: the form every listing shows, its
 * pages, the messages sent as items go live or events are called off, the
 * weekly digests, and the removal of addresses never confirmed.
 */
export { subscriptionsRoutes } from './subscriptions.routes.js';
export { SubscribeByEmail, subscribePath, type FollowPreset } from './subscriptions.views.js';
export {
  purgeUnconfirmed,
  announcePublished,
  sendWeeklyDigests,
  subscriptionSite,
  hashToken,
  CONFIRMATION_DAYS,
  type SubscriptionSite,
} from './subscriptions.service.js';
export { subscribersAdminRoutes } from './subscriptions.admin.js';
