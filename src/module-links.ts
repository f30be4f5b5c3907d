/**
 * What a module needs from another that it may not import, because the other
 * already imports it: handed over here, by the parts that start the app (the
 * server, the command line, the tests' databases), before any content changes.
 */
import type { Env } from './config/env.js';
import { articleKind } from './modules/articles/index.js';
import { eventKind } from './modules/events/index.js';
import { useContentIndexer, useContentKinds, useContentListener } from './modules/content/index.js';
import { sessionsAfterContentChange, useSeriesChoices } from './modules/events/index.js';
import { editorialNotices, mailSite } from './modules/mail/index.js';
import { indexNewItems, reindexItem } from './modules/search/index.js';
import { seriesChoicesForEvents } from './modules/series/index.js';

/**
 * Content's changes refresh the search index; search reads content's live
 * rule, so content cannot import search. With the settings (the server and
 * the app have them), changes also queue the editorial notices by email,
 * which need the site's name and address for their links.
 */
export function linkModules(config?: Pick<Env, 'SITE_NAME' | 'PUBLIC_URL'>): void {
  useContentIndexer({ reindexItem, indexNewItems });
  // The kinds' declared texts: their labels for pages showing several kinds, their fields for translation tracking.
  useContentKinds(eventKind, articleKind);
  // The event form offers the series; series reads events, so events cannot import it.
  useSeriesChoices(seriesChoicesForEvents);
  // An event's session rows follow its rule; content cannot import events, which imports it.
  useContentListener('event-sessions', sessionsAfterContentChange);
  if (config) useContentListener('editorial-notices', editorialNotices(mailSite(config)));
}
