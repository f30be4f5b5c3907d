/** The admin pieces events and articles share: form fields, the publishing panel, history, conflict. */
export { InputField, TextAreaField, SelectField, CheckboxField, CheckboxGroup, LanguageFieldset } from './fields.js';
export { WorkflowPanel, StateTag, availableSteps, stepPath, type StepName } from './workflow.views.js';
export { HistoryPage, DiffTable, actionLabel, type HistoryPageProps } from './history.views.js';
export { ConflictComparison } from './conflict.views.js';
export { formatInstant, fieldLabel } from './format.js';
export { idParam, parseListQuery, previewQuery, parseScheduleInput, listUserNames, PreviewBanner, unsavedForm } from './routes-support.js';
export { DoneNotice, doneOf, ConflictIntro, ItemLinks, TranslationState, DONE_KEYS, type Done, type ConflictInfo } from './page-parts.js';
export { workPanel } from './dashboard.panel.js';
export { contentAdminRoutes } from './content-admin.routes.js';
export { adminPagesOf } from './admin-pages.js';
export {
  itemAdminPath,
  previewFrom,
  LIST_FILTERS,
  type ListFilter,
  type ContentAdmin,
  type KindFieldsProps,
  type SaveIntent,
  type ExtraStep,
} from './content-admin.views.js';
