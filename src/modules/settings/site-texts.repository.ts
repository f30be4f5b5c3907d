/** Queries on the site's own texts: one value per key and language. */
import type { Kysely, Transaction } from 'kysely';
import type { Database, LangCode } from '../../db/schema.js';
import { keptQuery } from '../../db/kept-query.js';

type Db = Kysely<Database> | Transaction<Database>;

/** Keys of the site's own editable texts. */
export type SiteTextKey = 'events.intro' | 'articles.intro';

/** Read by the listings on every request: kept compiled (db/kept-query.ts). */
const siteText = keptQuery<{ key: string; lang: string }, '', { value: string }>((kdb, v) =>
  kdb.selectFrom('site_texts').select('value').where('key', '=', v.key as SiteTextKey).where('lang', '=', v.lang as LangCode),
);

export async function selectSiteText(db: Db, key: SiteTextKey, lang: LangCode): Promise<string | undefined> {
  return (await siteText(db, '', { key, lang })).rows[0]?.value;
}

export async function upsertSiteText(db: Db, key: SiteTextKey, lang: LangCode, value: string, now: string): Promise<void> {
  await db
    .insertInto('site_texts')
    .values({ key, lang, value, updated_at: now })
    .onConflict((oc) => oc.columns(['key', 'lang']).doUpdateSet({ value, updated_at: now }))
    .execute();
}
