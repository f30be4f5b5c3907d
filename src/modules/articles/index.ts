export { articlesRoutes } from './articles.routes.js';
export { latestArticles, type ArticleListRow } from './articles.service.js';
export { ArticleTeaserList, articlePath } from './articles.views.js';
export * as articlesRepository from './articles.repository.js';
export { parseCredit, formatCredit, parseByline, formatByline, type PhotoCredit, type Byline } from './attribution.js';
