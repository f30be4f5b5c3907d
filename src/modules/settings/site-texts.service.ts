/**
 * The site's own texts (the listings' introductions): read by a listing on
 * every request, written by the importer. What is read is kept in memory
 * until content changes (db/remembered-reads.ts).
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database, LangCode } from '../../db/schema.js';
import { forgetRememberedReads, rememberedRead } from '../../db/remembered-reads.js';
import * as repo from './site-texts.repository.js';

type Db = Kysely<Database> | Transaction<Database>;

/** The text `key` in `lang`, undefined when there is none. */
export function findSiteText(db: Db, key: repo.SiteTextKey, lang: LangCode): Promise<string | undefined> {
  return rememberedRead(db, `site-text ${key} ${lang}`, () => repo.selectSiteText(db, key, lang));
}

/**
 * Saves the text `key` in `lang`. Outside a transaction the kept texts are
 * forgotten at once; inside one, by the announcement the writer makes after
 * committing (as every writer does).
 */
export async function upsertSiteText(db: Db, key: repo.SiteTextKey, lang: LangCode, value: string, now: string): Promise<void> {
  await repo.upsertSiteText(db, key, lang, value, now);
  forgetRememberedReads(db);
}
