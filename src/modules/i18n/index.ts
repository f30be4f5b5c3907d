export { translator, catalogue, LANGS, DEFAULT_LANG, type Translate, type MessageKey, type Lang } from './i18n.js';
