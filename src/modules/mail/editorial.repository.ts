/** What the editorial notices read: the people to tell, and the item a change is about. */
import type { Kysely } from 'kysely';
import type { Database, LangCode } from '../../db/schema.js';

export interface NoticeRecipient {
  id: number;
  email: string;
  name: string;
  lang: LangCode;
}

export interface NoticeItem {
  createdBy: number | null;
  slug: string;
  /** The title in each language the item has one in. */
  titles: Partial<Record<LangCode, string>>;
}

/** Enabled editors and administrators who have not switched the notices off. */
export async function editorsToNotify(db: Kysely<Database>): Promise<NoticeRecipient[]> {
  return db
    .selectFrom('users')
    .select(['id', 'email', 'name', 'ui_lang as lang'])
    .where('role', 'in', ['editor', 'admin'])
    .where('disabled_at', 'is', null)
    .where('editorial_notices', '=', 1)
    .orderBy('id')
    .execute();
}

/** One account, if enabled and receiving the notices. */
export async function accountToNotify(db: Kysely<Database>, id: number): Promise<NoticeRecipient | undefined> {
  return db
    .selectFrom('users')
    .select(['id', 'email', 'name', 'ui_lang as lang'])
    .where('id', '=', id)
    .where('disabled_at', 'is', null)
    .where('editorial_notices', '=', 1)
    .executeTakeFirst();
}

export async function accountName(db: Kysely<Database>, id: number | null): Promise<string | undefined> {
  if (id === null) return undefined;
  return (await db.selectFrom('users').select('name').where('id', '=', id).executeTakeFirst())?.name;
}

export async function findNoticeItem(db: Kysely<Database>, kind: 'event' | 'article', id: number): Promise<NoticeItem | undefined> {
  const row =
    kind === 'event'
      ? await db.selectFrom('events').select(['slug', 'created_by']).where('id', '=', id).executeTakeFirst()
      : await db.selectFrom('articles').select(['slug', 'created_by']).where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const texts =
    kind === 'event'
      ? await db.selectFrom('event_translations').select(['lang', 'title']).where('event_id', '=', id).execute()
      : await db.selectFrom('article_translations').select(['lang', 'title']).where('article_id', '=', id).execute();
  const titles: Partial<Record<LangCode, string>> = {};
  for (const text of texts) if (text.title) titles[text.lang] = text.title;
  return { createdBy: row.created_by, slug: row.slug, titles };
}
