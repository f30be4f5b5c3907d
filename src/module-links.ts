/**
 * What a module needs from another that it may not import, because the other
 * already imports it: handed over here, by the parts that start the app (the
 * server, the command line, the tests' databases), before any content changes.
 */
import { useContentIndexer } from './modules/content/index.js';
import { indexNewItems, reindexItem } from './modules/search/index.js';

/** Content's changes refresh the search index; search reads content's live rule, so content cannot import search. */
export function linkModules(): void {
  useContentIndexer({ reindexItem, indexNewItems });
}
