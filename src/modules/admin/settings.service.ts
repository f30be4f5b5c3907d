/**
 * Saving the site settings from the admin's settings page: checks each
 * choice, stores the changes through the settings module, and records what
 * changed in the audit log.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { ValidationError } from '../../shared/errors.js';
import { recordAudit } from '../audit/index.js';
import type { Actor } from '../auth/index.js';
import { getSettings, updateSettings, type Settings } from '../settings/index.js';

/** A setting the settings page offers, and its choices (all of them, in the order shown). */
export interface EditableSetting<K extends keyof Settings = keyof Settings> {
  key: K;
  options: readonly Settings[K][];
}

/** The settings on the page. A new setting in the settings module is added here and to the message files. */
export const EDITABLE_SETTINGS: readonly EditableSetting[] = [{ key: 'untranslated', options: ['fallback', 'omit'] }];

/**
 * Saves the settings sent by the page. A missing or unknown choice is a
 * ValidationError (field → message key) and nothing is saved. Returns the
 * settings as they now are.
 */
export async function saveSiteSettings(db: Kysely<Database>, input: Record<string, unknown>, actor: Actor, now: Date): Promise<Settings> {
  const patch: Record<string, unknown> = {};
  const fields: Record<string, string> = {};
  for (const setting of EDITABLE_SETTINGS) {
    const value = input[setting.key];
    if (typeof value === 'string' && (setting.options as readonly string[]).includes(value)) patch[setting.key] = value;
    else fields[setting.key] = 'admin.settings.invalidChoice';
  }
  if (Object.keys(fields).length > 0) throw new ValidationError('Some settings are not valid.', fields);

  return db.transaction().execute(async (trx) => {
    const before = await getSettings(trx);
    const after = await updateSettings(trx, patch as Partial<Settings>);
    const changes = EDITABLE_SETTINGS.filter((s) => before[s.key] !== after[s.key]).map((s) => `${s.key} from ${before[s.key]} to ${after[s.key]}`);
    if (changes.length > 0) {
      await recordAudit(trx, {
        userId: actor.userId,
        action: 'settings.update',
        subjectKind: 'settings',
        subjectId: null,
        summary: `Changed ${changes.join(', ')}`,
        ip: actor.ip,
        at: now,
      });
    }
    return after;
  });
}
