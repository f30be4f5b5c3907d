export { getSettings, updateSettings, settingsSchema, DEFAULT_SETTINGS, type Settings, type SettingKey } from './settings.service.js';
export { findSiteText, upsertSiteText } from './site-texts.service.js';
export type { SiteTextKey } from './site-texts.repository.js';
