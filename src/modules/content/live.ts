/**
 * The one condition that decides whether visitors may see an event or an
 * article: it is published, and if its publication was scheduled, the time
 * has come. Because it compares with the app's clock at query time, a
 * scheduled item appears exactly on time, whether or not the scheduler has
 * run yet. Every public query on events and articles goes through this.
 */
import { sql, type Kysely, type SqlBool, type Transaction } from 'kysely';
import type { ContentKind, Database, LangCode, TranslationStatus } from '../../db/schema.js';
import { keptQuery } from '../../db/kept-query.js';
import { rememberedRead } from '../../db/remembered-reads.js';

/** `alias` is the table alias of the events or articles table in the query; `now` an instant (or its Date#toISOString text). */
export function isLive(alias: string, now: Date | string) {
  const status = sql.ref(`${alias}.status`);
  const publishAt = sql.ref(`${alias}.publish_at`);
  // publish_at holds ISO-8601 UTC text written by Date#toISOString, which sorts as time.
  return sql<SqlBool>`(${status} = 'published' and (${publishAt} is null or ${publishAt} <= ${typeof now === 'string' ? now : now.toISOString()}))`;
}

/**
 * Which statuses of an item's text in `lang` visitors may see: English is
 * the item's own text and shows with it (its row is marked draft until a
 * first publication); another language only once that translation is published.
 */
export function shownTranslationStatuses(lang: LangCode): TranslationStatus[] {
  return lang === 'en' ? ['draft', 'published'] : ['published'];
}

/**
 * How many events or articles visitors may see at `now`, with no other
 * condition: the published ones, which the database counts as they change
 * (item_counts), less those published for a later time (an index range of
 * the few scheduled ones). Its cost does not grow with the archive, where
 * counting live items one by one would.
 */
export async function countLive(db: Kysely<Database> | Transaction<Database>, kind: ContentKind, now: Date): Promise<number> {
  const row = (await liveCount(db, kind, { now: now.toISOString() })).rows[0];
  return Number(row?.published ?? 0) - Number(row?.scheduled ?? 0);
}

/** Both numbers of countLive in one round trip, kept compiled (db/kept-query.ts): every listing asks. */
const liveCount = keptQuery<{ now: string }, ContentKind, { published: number | string | null; scheduled: number | string | null }>((db, v, kind) => {
  const table = kind === 'event' ? 'events' : 'articles';
  return db.selectNoFrom((eb) => [
    eb.selectFrom('item_counts').select('n').where('kind', '=', kind).where('status', '=', 'published').as('published'),
    eb
      .selectFrom(table)
      .where('status', '=', 'published')
      .where('publish_at', '>', v.now)
      .select((c) => c.fn.countAll<number | string>().as('n'))
      .as('scheduled'),
  ]);
});

/**
 * The earliest publish_at after `now` among published events and articles,
 * or undefined when none is scheduled. Kept in memory (db/remembered-reads.ts)
 * until content changes or that time comes: the page cache asks for it on
 * every page it stores, and rememberedLiveRead on every kept read.
 */
export function nextScheduledPublication(db: Kysely<Database>, now: Date): Promise<Date | undefined> {
  return rememberedRead(db, 'next scheduled publication', () => readNextScheduledPublication(db, now), { now: now.getTime(), until: (when) => when?.getTime() ?? Infinity });
}

async function readNextScheduledPublication(db: Kysely<Database>, now: Date): Promise<Date | undefined> {
  const after = now.toISOString();
  // Two index range scans (events_publish_at_idx, articles_publish_at_idx), one row each.
  const [event, article] = await Promise.all([
    db.selectFrom('events').select((eb) => eb.fn.min('publish_at').as('at')).where('status', '=', 'published').where('publish_at', '>', after).executeTakeFirst(),
    db.selectFrom('articles').select((eb) => eb.fn.min('publish_at').as('at')).where('status', '=', 'published').where('publish_at', '>', after).executeTakeFirst(),
  ]);
  const times = [event?.at, article?.at].filter((at): at is string => typeof at === 'string').map((at) => Date.parse(at));
  return times.length ? new Date(Math.min(...times)) : undefined;
}

/**
 * A read of what visitors may see at `now` (isLive's rule), kept in memory
 * (db/remembered-reads.ts) until content changes or the next scheduled
 * publication's time comes, whichever is first: between the two, no item can
 * appear or go. `key` must name everything else the answer depends on (the
 * language, the 'omit' setting) but the office's day, given as `day` for an
 * answer that depends on it: a later day's answer takes the place of the
 * earlier one's.
 */
export async function rememberedLiveRead<T>(db: Kysely<Database>, key: string, now: Date, read: () => Promise<T>, day?: string): Promise<T> {
  const next = await nextScheduledPublication(db, now);
  return rememberedRead(db, key, read, { now: now.getTime(), until: next?.getTime() ?? Infinity, on: day });
}
