export { translator, catalogue, isMessageKey, LANGS, DEFAULT_LANG, type Translate, type MessageKey, type Lang } from './i18n.js';
export { languageRoutes } from './i18n.routes.js';
export { preferredLang, chosenLang, languageForVisitor, languageCookie, LANG_COOKIE } from './language-choice.js';
export { uniqueSlug } from './translation-slugs.js';
export {
  markTranslationCurrent,
  translationStatus,
  sourceChangedSinceTranslation,
  englishChangesSinceTranslation,
  listTranslationTodos,
  snapshotOf,
  parseSnapshot,
  changesSince,
  type TranslatableKind,
  type TranslationState,
  type TranslationStatusReport,
  type TranslationTodo,
  type TranslationTodoOptions,
  type FieldChange,
  type Snapshot,
} from './translation-tracking.js';
export { translatableFields, useTranslatableFields, updateTranslationPublishing } from './translations.repository.js';
