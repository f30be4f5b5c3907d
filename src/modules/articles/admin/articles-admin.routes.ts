/**
 * The admin's article pages, mounted by the admin shell at /admin/articles:
 * the content admin's pages, with the fields only articles have (the hero
 * image chosen from the library, the credit and the byline).
 */
import { articlePath } from '../../../shared/http/paths.js';
import { adminPagesOf, contentAdminRoutes, previewFrom, type ContentAdmin } from '../../content/index.js';
import { loadHeroChoices } from '../../media/index.js';
import { articleType, type ArticleSnapshot } from '../articles.editing.js';
import type { ArticleSummaryRow } from '../articles.editing.repository.js';
import { findArticleById } from '../articles.repository.js';
import type { ArticleFormValues, ArticleInput } from '../articles.schemas.js';
import { articleDetail } from '../articles.service.js';
import { ArticlePage } from '../articles.views.js';
import { ArticleDetailFields, type ArticleFormExtras } from './articles-admin.views.js';

/** Articles as the admin shows them. */
export const articlesAdmin: ContentAdmin<ArticleSnapshot, ArticleInput, ArticleFormValues, ArticleSummaryRow, ArticleFormExtras> = {
  type: articleType,
  ...adminPagesOf('articles'),
  dateColumn: { label: 'editing.field.published_on', value: (row) => row.published_on },
  DetailFields: ArticleDetailFields,
  publicPath: articlePath,
  preview: previewFrom(findArticleById, articleDetail, ArticlePage),
  // The library images offered as the hero.
  extras: loadHeroChoices,
};

/** The admin's article pages: list, new, edit, workflow steps, preview, history, restore, delete. */
export const articlesAdminRoutes = contentAdminRoutes(articlesAdmin);
