/**
 * What events and articles share in the editing workflow: permissions, the
 * "live" condition of public queries, revisions and their differences, slugs
 * and their redirects, form helpers, and what follows every change.
 */
export { countLive, isLive, nextScheduledPublication, rememberedLiveRead, shownTranslationStatuses } from './live.js';
export { shownSlug, shownColumn, shownLang, shownTexts, shownText, type ShownText } from './shown-text.js';
export { publicRows, choosesAll, oneTagAsShared, type PublicTables, type ItemsQuery, type SharedLive, type TagFilters, type TagName, type TextChoice } from './public.repository.js';
export { keptItemPage, type ItemPageRead } from './item-page.repository.js';
export { StaleEditError } from './stale-edit-error.js';
export { purgeAutosaves, AUTOSAVE_MAX_AGE_DAYS } from './autosaves.js';
export { visitorsTextChoice } from './text-choice.js';
export { relatedSection, sharingOf, type RelatedItems, type RelatedAt } from './related.js';
export { itemPageRoute, type ItemPage, type ItemPageProps } from './item-page.js';
export * from './form-fields.js';
export { isSlug, uniqueSlugFromTitle, recordSlugChange, SLUG_PATTERN, MAX_SLUG_LENGTH } from './slugs.js';
export * as slugRedirects from './slugs.repository.js';
export * as revisionsRepository from './revisions.repository.js';
export {
  afterContentChange,
  ContentChangeBatch,
  useContentIndexer,
  useContentListener,
  type ContentChange,
  type ContentIndexer,
  type ContentListener,
} from './effects.js';
export { createItemAsCommand, saveItemAsCommand, createItemsAsCommand, type CommandContext } from './command-editing.js';
export { flattenSnapshot, changedFields, diffFlatSnapshots, pick, type FlatSnapshot, type FieldDiff } from './snapshots.js';
export { workflowState, WorkflowError, type RevisionAction, type EditContext, type WorkflowState } from './workflow.js';
export {
  getEditable,
  createItem,
  saveItem,
  takeStep,
  publicationSteps,
  scheduleStep,
  deleteItem,
  listRevisions,
  getRevision,
  diffRevisions,
  restoreRevision,
  recordDueItemsLive,
  isLiveAt,
  type BaseSnapshot,
  type Editable,
  type ContentStore,
  type ContentInput,
  type Step,
  type RevisionSummary,
  type RevisionDiff,
} from './editing.js';
export {
  contentStore,
  summaryLister,
  contentFieldsOf,
  fieldOrderOf,
  type ContentKindDescription,
  type ContentOf,
  type SnapshotOf,
  type InputOf,
} from './content-store.js';
export { contentService, type ContentService, type SummaryLister } from './content-service.js';
export { useContentKinds } from './kinds.js';
export { kindForm, type CrossFieldCheck } from './kind-form.js';
export {
  textField,
  textRules,
  textNames,
  emptyText,
  pickText,
  wordsIn,
  type DeclaredWords,
  type TextField,
  type TextFields,
  type TextFieldOptions,
  type TextOf,
  type TextColumnsOf,
  type TextRulesOf,
} from './translated-texts.js';
export { editingRows, type EditingRows, type KindTables, type ItemTags, type SummaryFilter } from './editing.repository.js';
export type {
  ContentType,
  ContentTypeInput,
  ContentTypeFormValues,
  ContentFormResult,
  ContentSummaryRow,
  ContentListFilter,
  ContentStepRun,
  ContentSave,
} from './content-type.js';
// The admin pages every kind shares, and the pieces a kind's own fields are built from.
export {
  contentAdminRoutes,
  adminPagesOf,
  previewFrom,
  workPanel,
  InputField,
  TextAreaField,
  SelectField,
  CheckboxField,
  type ContentAdmin,
  type KindFieldsProps,
} from './admin/index.js';
