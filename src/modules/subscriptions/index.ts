/**
 * Visitors who follow the office by email: the form every listing shows, its
 * pages, the messages sent as items go live, and the removal of addresses
 * never confirmed.
 */
export { subscriptionsRoutes } from './subscriptions.routes.js';
export { SubscribeByEmail, subscribePath, type FollowPreset } from './subscriptions.views.js';
export { purgeUnconfirmed, announcePublished, hashToken, CONFIRMATION_DAYS } from './subscriptions.service.js';
export { subscribersAdminRoutes } from './subscriptions.admin.js';
