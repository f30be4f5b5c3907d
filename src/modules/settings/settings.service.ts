/**
 * Site settings that editors change while the site runs (the admin settings
 * page edits them). Each has a default, so an empty table is a working site;
 * every value is validated on the way in and again on the way out.
 */
import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema.js';
import { forgetRememberedReads, rememberedRead } from '../../db/remembered-reads.js';
import { ValidationError } from '../../shared/errors.js';
import * as repo from './settings.repository.js';

type Db = Kysely<Database> | Transaction<Database>;

/** Every setting, its allowed values and its default. */
export const settingsSchema = z.object({
  /**
   * What a Vietnamese listing does with an item whose Vietnamese text is
   * missing or not published: 'fallback' lists it in English marked as not yet
   * translated; 'omit' leaves it out. Its own page answers in either case.
   */
  untranslated: z.enum(['fallback', 'omit']).default('fallback'),
});

export type Settings = z.infer<typeof settingsSchema>;
export type SettingKey = keyof Settings;

/** The settings as they are when nobody has changed anything. */
export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze(settingsSchema.parse({}));

const keys = Object.keys(settingsSchema.shape) as SettingKey[];

/**
 * The current settings, each key at its default when unset. A stored value
 * that is no longer valid (an option since removed) also reads as the
 * default rather than breaking every page. Nearly every page asks: the
 * answer is kept in memory until content changes (db/remembered-reads.ts),
 * frozen, as every caller shares it.
 */
export function getSettings(db: Db): Promise<Readonly<Settings>> {
  return rememberedRead(db, 'settings', () => readSettings(db));
}

async function readSettings(db: Db): Promise<Readonly<Settings>> {
  const stored: Record<string, unknown> = {};
  for (const row of await repo.listSettingRows(db)) {
    if (!keys.includes(row.key as SettingKey)) continue;
    try {
      stored[row.key] = JSON.parse(row.value);
    } catch {
      // Unreadable: left out, so the default applies.
    }
  }
  const settings: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const key of keys) {
    const one = settingsSchema.shape[key].safeParse(stored[key]);
    if (stored[key] !== undefined && one.success) settings[key] = one.data;
  }
  return Object.freeze(settings as Settings);
}

/**
 * Changes some settings and returns them all. Throws ValidationError naming
 * each unknown key or invalid value; nothing is saved then. Outside a
 * transaction the kept settings are forgotten at once; inside one, by the
 * announcement the writer makes after committing (as every writer does).
 */
export async function updateSettings(db: Db, patch: Partial<Settings>): Promise<Readonly<Settings>> {
  const parsed = settingsSchema.partial().strict().safeParse(patch);
  if (!parsed.success) {
    const fields: Record<string, string> = {};
    for (const issue of parsed.error.issues) {
      const names = issue.code === 'unrecognized_keys' ? issue.keys : [issue.path.join('.')];
      for (const name of names) fields[name] = issue.code === 'unrecognized_keys' ? 'is not a setting' : issue.message;
    }
    throw new ValidationError('Some settings are not valid.', fields);
  }
  for (const key of keys) {
    const value = parsed.data[key];
    if (value !== undefined) await repo.upsertSetting(db, key, JSON.stringify(value));
  }
  forgetRememberedReads(db);
  return getSettings(db);
}
