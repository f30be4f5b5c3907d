/** The subscribers' table and the links sent to them. */
import { sql, type Kysely } from 'kysely';
import { isLive, shownColumn, shownSlug, shownTranslationStatuses } from '../content/index.js';
import type { Database, LangCode, SubscriberLinksTable, SubscribersTable, SubscriptionFrequency } from '../../db/schema.js';
import type { Selectable } from 'kysely';
import { shownStatusReason } from '../../shared/views/EventStatusNotice.js';

type Db = Kysely<Database>;
export type SubscriberRow = Selectable<SubscribersTable>;

/** What a subscriber chose. */
export interface Choices {
  lang: LangCode;
  allEvents: boolean;
  allArticles: boolean;
  topics: string[];
  programmes: string[];
  frequency: SubscriptionFrequency;
  digestDay: number | null;
}

function columns(choices: Choices) {
  return {
    lang: choices.lang,
    all_events: choices.allEvents ? 1 : 0,
    all_articles: choices.allArticles ? 1 : 0,
    topics: JSON.stringify(choices.topics),
    programmes: JSON.stringify(choices.programmes),
    frequency: choices.frequency,
    digest_day: choices.frequency === 'weekly' ? choices.digestDay : null,
  };
}

export function choicesOf(row: SubscriberRow): Choices {
  return {
    lang: row.lang,
    allEvents: Number(row.all_events) === 1,
    allArticles: Number(row.all_articles) === 1,
    topics: JSON.parse(row.topics) as string[],
    programmes: JSON.parse(row.programmes) as string[],
    frequency: row.frequency,
    digestDay: row.digest_day === null ? null : Number(row.digest_day),
  };
}

export async function findByEmail(db: Db, email: string): Promise<SubscriberRow | undefined> {
  return db.selectFrom('subscribers').selectAll().where('email', '=', email).executeTakeFirst();
}

export async function insertSubscriber(db: Db, email: string, choices: Choices, now: Date): Promise<number> {
  const row = await db
    .insertInto('subscribers')
    .values({ email, ...columns(choices), created_at: now.toISOString(), confirmed_at: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

export async function updateChoices(db: Db, id: number, choices: Choices): Promise<void> {
  await db.updateTable('subscribers').set(columns(choices)).where('id', '=', id).execute();
}

export async function markConfirmed(db: Db, id: number, now: Date): Promise<void> {
  await db.updateTable('subscribers').set({ confirmed_at: now.toISOString() }).where('id', '=', id).execute();
}

export async function deleteSubscriber(db: Db, id: number): Promise<number> {
  await db.deleteFrom('subscriber_links').where('subscriber_id', '=', id).execute();
  const result = await db.deleteFrom('subscribers').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function insertLink(db: Db, link: SubscriberLinksTable): Promise<void> {
  await db.insertInto('subscriber_links').values(link).execute();
}

export async function findLink(db: Db, tokenHash: string): Promise<(Selectable<SubscriberLinksTable> & { subscriber: SubscriberRow }) | undefined> {
  const link = await db.selectFrom('subscriber_links').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
  if (!link) return undefined;
  const subscriber = await db.selectFrom('subscribers').selectAll().where('id', '=', link.subscriber_id).executeTakeFirst();
  return subscriber ? { ...link, subscriber_id: Number(link.subscriber_id), subscriber: { ...subscriber, id: Number(subscriber.id) } } : undefined;
}

/** Marks a link used, once: false when it already was (another request got there first). */
export async function useLink(db: Db, tokenHash: string, now: Date): Promise<boolean> {
  const result = await db.updateTable('subscriber_links').set({ used_at: now.toISOString() }).where('token_hash', '=', tokenHash).where('used_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Removes the addresses never confirmed that were given before `before`; returns how many. */
export async function deleteUnconfirmedBefore(db: Db, before: Date): Promise<number> {
  const stale = db.selectFrom('subscribers').select('id').where('confirmed_at', 'is', null).where('created_at', '<', before.toISOString());
  await db.deleteFrom('subscriber_links').where('subscriber_id', 'in', stale).execute();
  const result = await db.deleteFrom('subscribers').where('confirmed_at', 'is', null).where('created_at', '<', before.toISOString()).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** The confirmed subscribers who receive messages as items are published. */
export async function confirmedAsPublished(db: Db): Promise<SubscriberRow[]> {
  const rows = await db.selectFrom('subscribers').selectAll().where('confirmed_at', 'is not', null).where('frequency', '=', 'published').orderBy('id').execute();
  return rows.map((r) => ({ ...r, id: Number(r.id) }));
}

/** Every subscriber, for the admin's counts and export. */
export async function allSubscribers(db: Db): Promise<SubscriberRow[]> {
  const rows = await db.selectFrom('subscribers').selectAll().orderBy('email').execute();
  return rows.map((r) => ({ ...r, id: Number(r.id) }));
}

/** What a message says of an item in one language: its shown text (the translation once published, else English). */
export interface AnnouncedItem {
  kind: 'event' | 'article';
  slug: string;
  title: string;
  summary: string | null;
  /** The language of the shown text. */
  textLang: LangCode;
  eventStatus: 'scheduled' | 'cancelled' | 'postponed' | null;
  /** Why a cancelled or postponed event is off, as the site shows it in the language (shownStatusReason). */
  statusReason: string | null;
  startDate: string | null;
  endDate: string | null;
  /** An article's date as the site shows it ('YYYY-MM-DD'). */
  publishedOn: string | null;
  publishedAt: string | null;
  topics: string[];
  programmes: string[];
}

/** Item `id` as visitors of `lang` see it at `now`; undefined when they may not see it (the one live rule). */
export async function announcedItem(db: Db, kind: 'event' | 'article', id: number, lang: LangCode, now: Date): Promise<AnnouncedItem | undefined> {
  const t = kind === 'event' ? 'event' : 'article';
  const items = kind === 'event' ? 'events' : 'articles';
  const texts = kind === 'event' ? 'event_translations' : 'article_translations';
  const fk = `${t}_id`;
  const row = (await db
    .selectFrom(`${items} as i` as 'events as i')
    .innerJoin(`${texts} as te` as 'event_translations as te', (j) => j.on(sql.ref(`te.${fk}`), '=', sql.ref('i.id')).on('te.lang', '=', 'en'))
    .leftJoin(`${texts} as tl` as 'event_translations as tl', (j) =>
      j.on(sql.ref(`tl.${fk}`), '=', sql.ref('i.id')).on('tl.lang', '=', lang).on('tl.status', 'in', shownTranslationStatuses(lang)),
    )
    .where('i.id', '=', id)
    .where(isLive('i', now))
    .select([
      shownSlug.as('slug'),
      shownColumn<string>('title').as('title'),
      shownColumn<string | null>('summary').as('summary'),
      sql<LangCode>`case when tl.title is null then 'en' else tl.lang end`.as('text_lang'),
      'i.published_at as published_at',
      ...(kind === 'event'
        ? [sql<string | null>`i.event_status`.as('event_status'), sql<string | null>`i.start_date`.as('start_date'), sql<string | null>`i.end_date`.as('end_date'), sql<string | null>`null`.as('published_on'), sql<string | null>`i.status_reason_en`.as('reason_en'), sql<string | null>`i.status_reason_vi`.as('reason_vi')]
        : [sql<string | null>`null`.as('event_status'), sql<string | null>`null`.as('start_date'), sql<string | null>`null`.as('end_date'), sql<string | null>`i.published_on`.as('published_on'), sql<string | null>`null`.as('reason_en'), sql<string | null>`null`.as('reason_vi')]),
    ])
    .executeTakeFirst()) as
    | {
        slug: string;
        title: string;
        summary: string | null;
        text_lang: LangCode;
        published_at: string | null;
        event_status: string | null;
        start_date: string | null;
        end_date: string | null;
        published_on: string | null;
        reason_en: string | null;
        reason_vi: string | null;
      }
    | undefined;
  if (!row) return undefined;
  const terms = async (term: 'topic' | 'programme') =>
    (
      await db
        .selectFrom(`${t}_${term}s as l` as 'event_topics as l')
        .innerJoin(`${term}s as x` as 'topics as x', 'x.id', sql.ref(`l.${term}_id`) as never)
        .where(sql.ref(`l.${fk}`), '=', id)
        .select('x.slug')
        .execute()
    ).map((r) => r.slug);
  return {
    kind,
    slug: row.slug,
    title: row.title,
    summary: row.summary,
    textLang: row.text_lang,
    eventStatus: (row.event_status as AnnouncedItem['eventStatus']) ?? null,
    statusReason:
      row.event_status === 'cancelled' || row.event_status === 'postponed'
        ? (shownStatusReason({ event_status: row.event_status, status_reason_en: row.reason_en, status_reason_vi: row.reason_vi }, lang)?.text ?? null)
        : null,
    startDate: row.start_date,
    endDate: row.end_date,
    publishedOn: row.published_on,
    publishedAt: row.published_at,
    topics: await terms('topic'),
    programmes: await terms('programme'),
  };
}

/** The confirmed weekly subscribers whose digest day is `weekday` and who have not had one on the office's date `today`. */
export async function dueDigests(db: Db, weekday: number, today: string): Promise<SubscriberRow[]> {
  const rows = await db
    .selectFrom('subscribers')
    .selectAll()
    .where('confirmed_at', 'is not', null)
    .where('frequency', '=', 'weekly')
    .where('digest_day', '=', weekday)
    .where((eb) => eb.or([eb('last_digest_on', 'is', null), eb('last_digest_on', '<>', today)]))
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ ...r, id: Number(r.id) }));
}

/**
 * Claims a subscriber's digest for the office's date `today` with a
 * conditional UPDATE: of several instances making the same digest, one
 * succeeds; the others find the date already written and send nothing.
 */
export async function claimDigest(db: Db, id: number, today: string, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('subscribers')
    .set({ last_digest_on: today, last_digest_at: now.toISOString() })
    .where('id', '=', id)
    .where('frequency', '=', 'weekly')
    .where((eb) => eb.or([eb('last_digest_on', 'is', null), eb('last_digest_on', '<>', today)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** An item a digest may list: visitors may see it at `now`, and it was published or changed after `since`. */
export interface ChangedItem {
  kind: 'event' | 'article';
  id: number;
  /** Published before `since`: it is listed as changed, not new. */
  changed: boolean;
}

/** The items visitors may see at `now` (the one live rule) published or changed after `since`: events by date, then articles newest first. */
export async function liveItemsChangedSince(db: Db, since: string, now: Date): Promise<ChangedItem[]> {
  const after = (alias: string) => sql<boolean>`(${sql.ref(`${alias}.published_at`)} > ${since} or ${sql.ref(`${alias}.updated_at`)} > ${since})`;
  const events = await db
    .selectFrom('events as i')
    .select(['i.id', 'i.published_at'])
    .where(isLive('i', now))
    .where(after('i'))
    .orderBy('i.start_date')
    .orderBy('i.id')
    .execute();
  const articles = await db
    .selectFrom('articles as i')
    .select(['i.id', 'i.published_at'])
    .where(isLive('i', now))
    .where(after('i'))
    .orderBy('i.published_at', 'desc')
    .orderBy('i.id')
    .execute();
  const changed = (publishedAt: string | null) => publishedAt !== null && publishedAt <= since;
  return [
    ...events.map((r) => ({ kind: 'event' as const, id: Number(r.id), changed: changed(r.published_at) })),
    ...articles.map((r) => ({ kind: 'article' as const, id: Number(r.id), changed: changed(r.published_at) })),
  ];
}
