import type { Kysely, Transaction } from 'kysely';
import type { Database, LangCode } from '../../db/schema.js';

type Db = Kysely<Database> | Transaction<Database>;

/** Keys of the site's own editable texts. */
export type SiteTextKey = 'events.intro' | 'articles.intro';

export async function findSiteText(db: Db, key: SiteTextKey, lang: LangCode): Promise<string | undefined> {
  const row = await db.selectFrom('site_texts').select('value').where('key', '=', key).where('lang', '=', lang).executeTakeFirst();
  return row?.value;
}

export async function upsertSiteText(db: Db, key: SiteTextKey, lang: LangCode, value: string, now: string): Promise<void> {
  await db
    .insertInto('site_texts')
    .values({ key, lang, value, updated_at: now })
    .onConflict((oc) => oc.columns(['key', 'lang']).doUpdateSet({ value, updated_at: now }))
    .execute();
}
