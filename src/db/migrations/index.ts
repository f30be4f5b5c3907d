/**
 * The list of migrations, in order. Listed statically (not read from the
 * folder) so that they run the same from TypeScript sources and from dist/.
 */
import type { Migration, MigrationProvider } from 'kysely';
import * as createLanguages from './2026-11-23T1400-create-languages.js';
import * as createTaxonomy from './2026-11-23T1410-create-taxonomy.js';
import * as createEvents from './2026-11-23T1420-create-events.js';
import * as createArticles from './2026-11-23T1430-create-articles.js';
import * as createSiteTexts from './2026-11-23T1440-create-site-texts.js';
import * as addTranslationPublishing from './2026-11-23T1500-add-translation-publishing.js';
import * as backfillTranslationSlugs from './2026-11-23T1505-backfill-translation-slugs.js';
import * as backfillTranslationStatus from './2026-11-23T1506-backfill-translation-status.js';
import * as backfillTranslationSources from './2026-11-23T1507-backfill-translation-sources.js';
import * as createSettings from './2026-11-23T1510-create-settings.js';
import * as createUsers from './2026-11-23T1520-create-users.js';
import * as createSessions from './2026-11-23T1521-create-sessions.js';
import * as createAuditLog from './2026-11-23T1522-create-audit-log.js';
import * as createLoginAttempts from './2026-11-23T1523-create-login-attempts.js';
import * as createSetupTokens from './2026-11-23T1524-create-setup-tokens.js';
import * as createRevisions from './2026-11-23T1540-create-revisions.js';
import * as createSlugRedirects from './2026-11-23T1545-create-slug-redirects.js';
import * as addAuthorsToContent from './2026-11-23T1550-add-authors-to-content.js';
import * as indexPublishAt from './2026-11-23T1555-index-publish-at.js';
import * as createMedia from './2026-11-23T1600-create-media.js';
import * as createEventAttachments from './2026-11-23T1605-create-event-attachments.js';
import * as addArticleHeroMedia from './2026-11-23T1610-add-article-hero-media.js';
import * as createSearchDocuments from './2026-11-23T1620-create-search-documents.js';
import * as indexTranslationStatusAndTermLinks from './2026-11-24T0900-index-translation-status-and-term-links.js';
import * as indexListingColumns from './2026-11-24T0910-index-listing-columns.js';
import * as indexArticleListing from './2026-12-02T1000-index-article-listing.js';
import * as addEventLastDay from './2026-12-02T1010-add-event-last-day.js';
import * as countItemsByStatus from './2026-12-03T0900-count-items-by-status.js';
import * as addRenderedTextHtml from './2026-12-04T1230-add-rendered-text-html.js';
import * as addRevisionActor from './2026-12-04T1540-add-revision-actor.js';
import * as indexTranslationSlugs from './2026-12-04T1545-index-translation-slugs.js';
import * as clearOneDayEndDates from './2026-12-04T1600-clear-one-day-end-dates.js';
import * as addEventHeroMedia from './2026-12-04T1630-add-event-hero-media.js';
import * as createOutgoingMail from './2026-12-04T1700-create-outgoing-mail.js';
import * as createAccountLinks from './2026-12-04T1710-create-account-links.js';
import * as addUserEditorialNotices from './2026-12-04T1720-add-user-editorial-notices.js';
import * as addSearchDocumentFilters from './2026-12-04T1800-add-search-document-filters.js';
import * as backfillSearchDocumentFilters from './2026-12-04T1805-backfill-search-document-filters.js';
import * as createContentVersions from './2026-12-04T1810-create-content-versions.js';
import * as createSubscribers from './2026-12-04T1830-create-subscribers.js';
import * as createSeriesAndRecurrence from './2026-12-04T2040-create-series-and-recurrence.js';
import * as addSubscriberDigestTimes from './2026-12-04T2045-add-subscriber-digest-times.js';
import * as addEventStatusReasons from './2026-12-04T2100-add-event-status-reasons.js';

const migrations: Record<string, Migration> = {
  '2026-11-23T1400-create-languages': createLanguages,
  '2026-11-23T1410-create-taxonomy': createTaxonomy,
  '2026-11-23T1420-create-events': createEvents,
  '2026-11-23T1430-create-articles': createArticles,
  '2026-11-23T1440-create-site-texts': createSiteTexts,
  '2026-11-23T1500-add-translation-publishing': addTranslationPublishing,
  '2026-11-23T1505-backfill-translation-slugs': backfillTranslationSlugs,
  '2026-11-23T1506-backfill-translation-status': backfillTranslationStatus,
  '2026-11-23T1507-backfill-translation-sources': backfillTranslationSources,
  '2026-11-23T1510-create-settings': createSettings,
  '2026-11-23T1520-create-users': createUsers,
  '2026-11-23T1521-create-sessions': createSessions,
  '2026-11-23T1522-create-audit-log': createAuditLog,
  '2026-11-23T1523-create-login-attempts': createLoginAttempts,
  '2026-11-23T1524-create-setup-tokens': createSetupTokens,
  '2026-11-23T1540-create-revisions': createRevisions,
  '2026-11-23T1545-create-slug-redirects': createSlugRedirects,
  '2026-11-23T1550-add-authors-to-content': addAuthorsToContent,
  '2026-11-23T1555-index-publish-at': indexPublishAt,
  '2026-11-23T1600-create-media': createMedia,
  '2026-11-23T1605-create-event-attachments': createEventAttachments,
  '2026-11-23T1610-add-article-hero-media': addArticleHeroMedia,
  '2026-11-23T1620-create-search-documents': createSearchDocuments,
  '2026-11-24T0900-index-translation-status-and-term-links': indexTranslationStatusAndTermLinks,
  '2026-11-24T0910-index-listing-columns': indexListingColumns,
  '2026-12-02T1000-index-article-listing': indexArticleListing,
  '2026-12-02T1010-add-event-last-day': addEventLastDay,
  '2026-12-03T0900-count-items-by-status': countItemsByStatus,
  '2026-12-04T1230-add-rendered-text-html': addRenderedTextHtml,
  '2026-12-04T1540-add-revision-actor': addRevisionActor,
  '2026-12-04T1545-index-translation-slugs': indexTranslationSlugs,
  '2026-12-04T1600-clear-one-day-end-dates': clearOneDayEndDates,
  '2026-12-04T1630-add-event-hero-media': addEventHeroMedia,
  '2026-12-04T1700-create-outgoing-mail': createOutgoingMail,
  '2026-12-04T1710-create-account-links': createAccountLinks,
  '2026-12-04T1720-add-user-editorial-notices': addUserEditorialNotices,
  '2026-12-04T1800-add-search-document-filters': addSearchDocumentFilters,
  '2026-12-04T1805-backfill-search-document-filters': backfillSearchDocumentFilters,
  '2026-12-04T1810-create-content-versions': createContentVersions,
  '2026-12-04T1830-create-subscribers': createSubscribers,
  '2026-12-04T2040-create-series-and-recurrence': createSeriesAndRecurrence,
  '2026-12-04T2045-add-subscriber-digest-times': addSubscriberDigestTimes,
  '2026-12-04T2100-add-event-status-reasons': addEventStatusReasons,
};

export const migrationProvider: MigrationProvider = {
  async getMigrations() {
    return migrations;
  },
};
