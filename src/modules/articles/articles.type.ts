/**
 * Articles as a kind of content: their editing service and their form, as
 * every generic layer (the admin first) calls them.
 */
import type { ContentType } from '../content/index.js';
import type { ArticleSummaryRow } from './articles.editing.repository.js';
import {
  ARTICLE_CONTENT_FIELDS,
  ARTICLE_FIELD_ORDER,
  createArticle,
  deleteArticle,
  diffArticleRevisions,
  getArticleForEditing,
  listArticleRevisions,
  listArticlesForEditing,
  publishArticle,
  restoreArticleRevision,
  returnArticleToDraft,
  scheduleArticle,
  submitArticle,
  unpublishArticle,
  updateArticle,
  type ArticleSnapshot,
} from './articles.editing.js';
import { articleFormValues, newArticleFormValues, readArticleForm, validateArticleForm, type ArticleFormValues, type ArticleInput } from './articles.schemas.js';

/** The description of articles every kind-blind layer works from. */
export const articleType: ContentType<ArticleSnapshot, ArticleInput, ArticleFormValues, ArticleSummaryRow> = {
  kind: 'article',
  contentFields: ARTICLE_CONTENT_FIELDS,
  fieldOrder: ARTICLE_FIELD_ORDER,
  service: {
    list: listArticlesForEditing,
    get: getArticleForEditing,
    create: createArticle,
    update: updateArticle,
    submit: submitArticle,
    returnToDraft: returnArticleToDraft,
    publish: publishArticle,
    unpublish: unpublishArticle,
    schedule: scheduleArticle,
    delete: deleteArticle,
    listRevisions: listArticleRevisions,
    diffRevisions: diffArticleRevisions,
    restore: restoreArticleRevision,
  },
  form: {
    // An article's date is the day it is dated, not a time in a zone: the office's zone plays no part in its form.
    blank: (today) => newArticleFormValues(today),
    fromSnapshot: articleFormValues,
    read: readArticleForm,
    validate: (values) => validateArticleForm(values),
  },
};
