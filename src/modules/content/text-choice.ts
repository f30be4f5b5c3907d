/**
 * The text choice of a visitors' page: its language, the instant, and
 * whether items untranslated into that language are left out, as the site's
 * settings say. Every public listing, feed and page asks it here.
 */
import type { Kysely } from 'kysely';
import type { Database, LangCode } from '../../db/schema.js';
import { getSettings } from '../settings/index.js';
import type { TextChoice } from './public.repository.js';

export async function visitorsTextChoice(db: Kysely<Database>, lang: LangCode, now: Date): Promise<TextChoice> {
  const { untranslated } = await getSettings(db);
  return { lang, now, omitUntranslated: untranslated === 'omit' };
}
