/**
 * The articles an event's page shows: the newest few sharing one of its
 * topics or programmes. The app hands this to the events' pages, so events
 * import nothing of articles.
 */
import { relatedSection } from '../content/index.js';
import { listRelatedArticles } from './articles.service.js';
import { ArticleTeaserList } from './articles.views.js';

/** The related articles of an event's page, as links with their dates. */
export const relatedArticlesSection = relatedSection({
  kind: 'articles',
  heading: 'related.articles',
  find: (db, lang, sharing, { now }, limit) => listRelatedArticles(db, lang, now, sharing, limit),
  List: ({ ctx, rows }) => <ArticleTeaserList ctx={ctx} rows={rows} summaries={false} />,
});
