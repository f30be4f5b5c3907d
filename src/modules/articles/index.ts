export { articlesRoutes } from './articles.routes.js';
export { latestArticles, visitorsArticleYears, type ArticleListRow } from './articles.service.js';
export { ArticleTeaserList } from './articles.views.js';
export * as articlesRepository from './articles.repository.js';
export { parseCredit, formatCredit, parseByline, formatByline, type PhotoCredit, type Byline } from './attribution.js';
export {
  getArticleForEditing,
  createArticle,
  updateArticle,
  submitArticle,
  returnArticleToDraft,
  publishArticle,
  scheduleArticle,
  unpublishArticle,
  deleteArticle,
  listArticleRevisions,
  getArticleRevision,
  diffArticleRevisions,
  restoreArticleRevision,
  recordDueArticlesLive,
  articleStore,
  type ArticleSnapshot,
  type EditableArticle,
} from './articles.editing.js';
export { getPublishedArticle, listArticlesFiltered, type ArticleDetail, type ArticleFilters } from './articles.service.js';
export { relatedArticlesSection } from './related.js';
export { listNewsArticles, type NewsArticle, type ArticleScope } from './news.service.js';
export { NewsFeedLinks, FollowNews } from './news-links.js';
export { creditText, bylineText } from './attribution.js';
export { articlesAdminRoutes } from './admin/articles-admin.routes.js';
export { articleKind } from './articles.type.js';
