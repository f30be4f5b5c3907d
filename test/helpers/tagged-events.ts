/**
 * Topics and published events tagged with them, as an editor makes them,
 * and articles tagged with them: the setup of the tests on events running
 * today, related items and a topic's lists.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../src/db/schema.js';
import { createEvent, publishEvent } from '../../src/modules/events/index.js';
import { createPeople, eventInput } from './editing.js';
import { createArticle } from './factories.js';

const STAMP = '2026-01-01T00:00:00.000Z';

/** A topic with its English name; its id. */
export async function createTopic(db: Kysely<Database>, slug: string, name = slug): Promise<number> {
  const row = await db.insertInto('topics').values({ slug, created_at: STAMP, updated_at: STAMP }).returning('id').executeTakeFirstOrThrow();
  await db.insertInto('topic_translations').values({ topic_id: row.id, lang: 'en', name }).execute();
  return Number(row.id);
}

export interface TaggedEvent {
  /** First and last day (null for a one-day event). */
  days: readonly [string, string | null];
  topics?: number[];
  programmes?: number[];
}

/** Events made and published by an editor at `now`, titled "`prefix` name": their ids by name. */
export async function publishTaggedEvents(db: Kysely<Database>, now: Date, events: Record<string, TaggedEvent>, prefix = 'Event'): Promise<Record<string, number>> {
  const { editor } = await createPeople(db);
  const ctx = { user: editor, now };
  const ids: Record<string, number> = {};
  for (const [name, { days, topics = [], programmes = [] }] of Object.entries(events)) {
    const made = await createEvent(db, ctx, eventInput({ start_date: days[0], end_date: days[1], topics, programmes, en: { title: `${prefix} ${name}` } }));
    await publishEvent(db, ctx, made.id);
    ids[name] = made.id;
  }
  return ids;
}

/** Published articles dated and tagged with topics, titled "Article name": their ids by name. */
export async function createTaggedArticles(db: Kysely<Database>, articles: Record<string, { date: string; topics: readonly number[] }>): Promise<Record<string, number>> {
  const ids: Record<string, number> = {};
  for (const [name, { date, topics }] of Object.entries(articles)) {
    const { id } = await createArticle(db, { date, title: `Article ${name}` });
    for (const topic of topics) await db.insertInto('article_topics').values({ article_id: id, topic_id: topic }).execute();
    ids[name] = id;
  }
  return ids;
}
