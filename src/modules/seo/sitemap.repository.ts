/**
 * What the sitemap reads: the addresses of the events and articles visitors
 * may see now (content/live.ts) in each language whose text is shown there
 * (English always), with their last change, and the last change of the live
 * content under each topic and programme.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database, LangCode } from '../../db/schema.js';
import { isLive, shownTranslationStatuses } from '../content/index.js';
import { LANGS } from '../i18n/index.js';

type Db = Kysely<Database> | Transaction<Database>;

/** A translation row (t) whose text visitors may see in its language. */
const shownText = sql<boolean>`(${sql.join(
  LANGS.map((lang) => sql`(t.lang = ${lang} and t.status in (${sql.join(shownTranslationStatuses(lang))}))`),
  sql` or `,
)})`;

export interface ItemAddress {
  id: number;
  lang: LangCode;
  slug: string;
  /** The later of the item's and this text's last change. */
  updated_at: string;
}

/** The tables of a kind of item, and the column of its texts that holds the item's id. */
interface ItemTables {
  items: 'events' | 'articles';
  texts: 'event_translations' | 'article_translations';
  fk: 'event_id' | 'article_id';
}

// The table names come from the kind, so the query builder cannot check the
// columns against one table's type: the query uses only the columns both
// kinds' tables share (db/schema.ts).
type LooseDb = Kysely<Record<string, Record<string, unknown>>>;

/** Items of a kind live at `now`, one row per language with shown text, by id then language. */
async function listAddresses(db: Db, t: ItemTables, now: Date): Promise<ItemAddress[]> {
  const rows = await (db as unknown as LooseDb)
    .selectFrom(`${t.items} as i`)
    .innerJoin(`${t.texts} as t`, `t.${t.fk}`, 'i.id')
    .where(isLive('i', now))
    .where(shownText)
    .select([
      'i.id',
      't.lang',
      sql<string>`coalesce(t.slug, i.slug)`.as('slug'),
      sql<string>`case when t.updated_at > i.updated_at then t.updated_at else i.updated_at end`.as('updated_at'),
    ])
    .orderBy('i.id')
    .orderBy('t.lang')
    .execute();
  return rows as unknown as ItemAddress[];
}

/** Events live at `now`, one row per language with shown text, by id then language. */
export function listEventAddresses(db: Db, now: Date): Promise<ItemAddress[]> {
  return listAddresses(db, { items: 'events', texts: 'event_translations', fk: 'event_id' }, now);
}

/** Articles live at `now`, one row per language with shown text, by id then language. */
export function listArticleAddresses(db: Db, now: Date): Promise<ItemAddress[]> {
  return listAddresses(db, { items: 'articles', texts: 'article_translations', fk: 'article_id' }, now);
}

export interface TermActivity {
  slug: string;
  /** The last change of a live item under the term; null when it has none. */
  updated_at: string | null;
}

/** Every topic or programme with the last change of its events and articles live at `now`. */
export async function listTermActivity(db: Db, kind: 'topic' | 'programme', now: Date): Promise<TermActivity[]> {
  const [terms, eventLinks, articleLinks, column] =
    kind === 'topic'
      ? (['topics', 'event_topics', 'article_topics', 'topic_id'] as const)
      : (['programmes', 'event_programmes', 'article_programmes', 'programme_id'] as const);
  const result = await sql<TermActivity>`
    select t.slug, max(c.updated_at) as updated_at
    from ${sql.table(terms)} t
    left join (
      select x.${sql.ref(column)} as term_id, e.updated_at from ${sql.table(eventLinks)} x
        join events e on e.id = x.event_id where ${isLive('e', now)}
      union all
      select x.${sql.ref(column)} as term_id, a.updated_at from ${sql.table(articleLinks)} x
        join articles a on a.id = x.article_id where ${isLive('a', now)}
    ) c on c.term_id = t.id
    group by t.slug
    order by t.slug`.execute(db);
  return result.rows;
}
