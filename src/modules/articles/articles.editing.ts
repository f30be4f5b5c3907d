/**
 * Editing feature articles: the content service (content/content-service.ts)
 * over the articles' description (articles.type.ts), under the names callers
 * know. Articles have no steps of their own.
 */
import { contentFieldsOf, contentService, contentStore, fieldOrderOf, summaryLister, type ContentType, type Editable } from '../content/index.js';
import type { ArticleSummaryRow } from './articles.editing.repository.js';
import { articleFormValues, newArticleFormValues, readArticleForm, validateArticleForm, type ArticleFormValues, type ArticleInput } from './articles.schemas.js';
import { articleKind, type ArticleSnapshot } from './articles.type.js';

export type { ArticleSnapshot } from './articles.type.js';

export type EditableArticle = Editable<ArticleSnapshot>;

/** The fields the article form edits: restored by a restore, compared to detect a stale form. */
export const ARTICLE_CONTENT_FIELDS = contentFieldsOf(articleKind);

/** The order fields are compared in on the history page. */
export const ARTICLE_FIELD_ORDER = fieldOrderOf(articleKind);

/** How articles are stored, for the shared editing workflow (and the importer and generator). */
export const articleStore = contentStore(articleKind);

const service = contentService<ArticleSnapshot, ArticleInput, ArticleSummaryRow>(articleStore, {
  initial: {},
  summaries: summaryLister<ArticleSummaryRow>(articleKind),
});

// What content/content-service.ts says each does, named for articles.
export const { list: listArticlesForEditing, get: getArticleForEditing, create: createArticle, update: updateArticle, delete: deleteArticle } = service;
export const { submit: submitArticle, returnToDraft: returnArticleToDraft, publish: publishArticle, schedule: scheduleArticle, unpublish: unpublishArticle } = service;
export const { listRevisions: listArticleRevisions, getRevision: getArticleRevision, diffRevisions: diffArticleRevisions, restore: restoreArticleRevision } = service;
export const { recordDueLive: recordDueArticlesLive } = service;

/** Articles as every kind-blind layer (the admin first) calls them: their description, editing service and form. */
export const articleType: ContentType<ArticleSnapshot, ArticleInput, ArticleFormValues, ArticleSummaryRow> = {
  kind: articleKind.kind,
  texts: articleKind.texts,
  contentFields: ARTICLE_CONTENT_FIELDS,
  fieldOrder: ARTICLE_FIELD_ORDER,
  service,
  form: {
    // An article's date is the day it is dated, not a time in a zone: the office's zone plays no part in its form.
    blank: (today) => newArticleFormValues(today),
    fromSnapshot: articleFormValues,
    read: readArticleForm,
    validate: (values) => validateArticleForm(values),
  },
};
