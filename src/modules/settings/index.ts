export { getSettings, updateSettings, settingsSchema, DEFAULT_SETTINGS, type Settings, type SettingKey } from './settings.service.js';
export { findSiteText, upsertSiteText, type SiteTextKey } from './site-texts.repository.js';
