/**
 * The listings, topic and programme pages and calendars pick their items
 * from indexes, kept counts and compiled queries. This compares them, on
 * 1,000 generated items, with straightforward queries over the items' own
 * rows through content's live rule: the same items in the same order on
 * every page, and the same totals, in both languages, with filters, after
 * items and translations change status.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { Database, LangCode } from '../src/db/schema.js';
import type { DatabaseHandle } from '../src/db/database.js';
import { openTestDatabase } from './helpers/test-database.js';
import { isLive } from '../src/modules/content/index.js';
import { generateContent } from '../src/modules/importer/index.js';
import { lastDayOfDates } from '../src/shared/dates/day-range.js';
import { addDays } from '../src/shared/dates/calendar-date.js';
import { listEventsPage, type EventFilters } from '../src/modules/events/events.service.js';
import { listCalendarEvents } from '../src/modules/events/calendar.service.js';
import { listArticlesPage, type ArticleFilters } from '../src/modules/articles/articles.service.js';
import { getTermPage } from '../src/modules/topics/topics.service.js';
import { listRelatedEvents } from '../src/modules/events/events.service.js';
import { createEvent, publishEvent } from '../src/modules/events/index.js';
import { listRelatedArticles } from '../src/modules/articles/articles.service.js';
import { ARTICLE_TABLES, EVENT_TABLES, pickPage } from '../src/modules/api/api.repository.js';
import { createPeople, eventInput } from './helpers/editing.js';

type Db = Kysely<Database>;

const NOW = new Date('2026-11-23T02:00:00Z');
const TODAY = '2026-11-23';

/** Conditions on `e` or `a` for the page's language, the site's setting and the filters. */
function conditions(kind: 'event' | 'article', lang: LangCode, omit: boolean, filters: EventFilters & ArticleFilters): RawBuilder<SqlBool>[] {
  const [alias, texts, fk, topics, programmes] =
    kind === 'event' ? (['e', 'event_translations', 'event_id', 'event_topics', 'event_programmes'] as const) : (['a', 'article_translations', 'article_id', 'article_topics', 'article_programmes'] as const);
  const id = sql.ref(`${alias}.id`);
  const where = [isLive(alias, NOW)];
  if (omit && lang !== 'en') where.push(sql<SqlBool>`exists (select 1 from ${sql.table(texts)} x where x.${sql.ref(fk)} = ${id} and x.lang = ${lang} and x.status = 'published')`);
  if (filters.topic) where.push(sql<SqlBool>`exists (select 1 from ${sql.table(topics)} l join topics t on t.id = l.topic_id where l.${sql.ref(fk)} = ${id} and t.slug = ${filters.topic})`);
  if (filters.programme) where.push(sql<SqlBool>`exists (select 1 from ${sql.table(programmes)} l join programmes p on p.id = l.programme_id where l.${sql.ref(fk)} = ${id} and p.slug = ${filters.programme})`);
  if (filters.type) where.push(sql<SqlBool>`e.event_type = ${filters.type}`);
  if (filters.year !== undefined) {
    const [first, last] = [`${filters.year}-01-01`, `${filters.year}-12-31`];
    where.push(kind === 'event' ? sql<SqlBool>`e.start_date <= ${last} and ${lastDayOfDates('e')} >= ${first}` : sql<SqlBool>`a.published_on >= ${first} and a.published_on <= ${last}`);
  }
  return where;
}

/** Every live event under the choice: those still running on or after today soonest first, then the past ones newest first. */
async function referenceEvents(db: Db, lang: LangCode, omit: boolean, filters: EventFilters): Promise<{ upcoming: number[]; past: number[] }> {
  const where = sql.join(conditions('event', lang, omit, filters), sql` and `);
  const last = lastDayOfDates('e');
  const upcoming = await sql<{ id: number }>`select e.id from events e where ${where} and ${last} >= ${TODAY} order by e.start_date asc, ${last} asc, e.id asc`.execute(db);
  const past = await sql<{ id: number }>`select e.id from events e where ${where} and ${last} < ${TODAY} order by e.start_date desc, ${last} asc, e.id asc`.execute(db);
  return { upcoming: upcoming.rows.map((r) => Number(r.id)), past: past.rows.map((r) => Number(r.id)) };
}

/** Every live article under the choice, newest first. */
async function referenceArticles(db: Db, lang: LangCode, omit: boolean, filters: ArticleFilters): Promise<number[]> {
  const where = sql.join(conditions('article', lang, omit, filters), sql` and `);
  const rows = await sql<{ id: number }>`select a.id from articles a where ${where} order by a.published_on desc, a.id asc`.execute(db);
  return rows.rows.map((r) => Number(r.id));
}

/** Every page of the events listing: its upcoming and past ids, and the totals it reports. */
async function eventsListed(db: Db, lang: LangCode, filters: EventFilters) {
  const upcoming: number[] = [];
  const past: number[] = [];
  let total = 0;
  for (let page = 1; ; page += 1) {
    const listing = await listEventsPage(db, lang, TODAY, NOW, page, filters);
    upcoming.push(...listing.upcoming.rows.map((r) => r.id));
    past.push(...listing.past.rows.map((r) => r.id));
    total = listing.info.total;
    if (page >= listing.info.pages) return { upcoming, past, total };
  }
}

async function articlesListed(db: Db, lang: LangCode, filters: ArticleFilters) {
  const ids: number[] = [];
  for (let page = 1; ; page += 1) {
    const listing = await listArticlesPage(db, lang, NOW, page, filters);
    ids.push(...listing.rows.map((r) => r.id));
    if (page >= listing.info.pages) return { ids, total: listing.info.total };
  }
}

const CASES: { lang: LangCode; filters: EventFilters & ArticleFilters }[] = [
  { lang: 'en', filters: {} },
  { lang: 'vi', filters: {} },
  { lang: 'en', filters: { year: 2026 } },
  { lang: 'vi', filters: { year: 2025 } },
];

describe('listings, topic pages and calendars at 1,000 items give what the straightforward queries give', () => {
  let handle: DatabaseHandle;
  let db: Db;
  let topic: string;
  let programme: string;
  before(async () => {
    handle = await openTestDatabase();
    db = handle.db;
    await generateContent(db, { events: 500, articles: 500, now: NOW, seed: 11 });
    await sql`update events set status = 'draft' where id % 7 = 0`.execute(db);
    await sql`update articles set publish_at = ${'2027-01-01T00:00:00.000Z'} where id % 9 = 0`.execute(db);
    await sql`update events set publish_at = ${'2027-01-01T00:00:00.000Z'} where id % 17 = 0`.execute(db);
    await sql`update event_translations set status = 'draft' where lang = 'vi' and event_id % 5 = 0`.execute(db);
    await sql`update article_translations set status = 'draft' where lang = 'vi' and article_id % 6 = 0`.execute(db);
    // The topic and the programme with the most events.
    topic = (await sql<{ slug: string }>`select t.slug from topics t join event_topics l on l.topic_id = t.id group by t.slug order by count(*) desc, t.slug limit 1`.execute(db)).rows[0]!.slug;
    programme = (await sql<{ slug: string }>`select p.slug from programmes p join event_programmes l on l.programme_id = p.id group by p.slug order by count(*) desc, p.slug limit 1`.execute(db)).rows[0]!.slug;
  });
  after(async () => handle.destroy());

  for (const { lang, filters } of CASES) {
    test(`events listing ${JSON.stringify(filters)} (${lang})`, async () => {
      const expected = await referenceEvents(db, lang, false, filters);
      assert.ok(expected.past.length > 20, 'the case fills more than one page');
      if (filters.year === undefined || filters.year === 2026) assert.ok(expected.upcoming.length > 0, 'the case lists upcoming events too');
      assert.deepEqual(await eventsListed(db, lang, filters), { ...expected, total: expected.upcoming.length + expected.past.length });
    });
    test(`articles listing ${JSON.stringify(filters)} (${lang})`, async () => {
      const expected = await referenceArticles(db, lang, false, filters);
      assert.ok(expected.length > (filters.year === undefined ? 20 : 0), 'the case lists articles');
      assert.deepEqual(await articlesListed(db, lang, filters), { ids: expected, total: expected.length });
    });
  }

  test('listings filtered by topic, programme and type', async () => {
    for (const filters of [{ topic }, { programme }, { type: 'workshop' as const }]) {
      const expected = await referenceEvents(db, 'en', false, filters);
      assert.deepEqual(await eventsListed(db, 'en', filters), { ...expected, total: expected.upcoming.length + expected.past.length });
      if (filters.type) continue;
      const articles = await referenceArticles(db, 'vi', false, filters);
      assert.deepEqual(await articlesListed(db, 'vi', filters), { ids: articles, total: articles.length });
    }
  });

  test("the API's pages of a topic, a programme and both, each way, page by page", async () => {
    for (const filters of [{ topic }, { programme }, { topic, programme }, { topic, when: 'past' as const }]) {
      for (const [kind, t] of [
        ['event', EVENT_TABLES],
        ['article', ARTICLE_TABLES],
      ] as const) {
        if (kind === 'article' && 'when' in filters) continue;
        const [alias, table, date] = kind === 'event' ? (['e', 'events', 'start_date'] as const) : (['a', 'articles', 'published_on'] as const);
        const where = [...conditions(kind, 'en', false, filters)];
        if ('when' in filters) where.push(sql<SqlBool>`${lastDayOfDates('e')} < ${TODAY} and e.start_date < ${TODAY}`);
        for (const direction of ['asc', 'desc'] as const) {
          const order = sql.raw(`${alias}.${date} ${direction}, ${alias}.id ${direction}`);
          const expected = await sql<{ id: number }>`select ${sql.ref(`${alias}.id`)} as id from ${sql.table(table)} as ${sql.raw(alias)}
            where ${sql.join(where, sql` and `)} order by ${order}`.execute(db);
          // Pages of 7 by keyset, as the API reads them.
          const found: number[] = [];
          for (let after: { date: string; id: number } | undefined, more = true; more; ) {
            const positions = await pickPage(db, t, { lang: 'en', now: NOW, today: TODAY, omitUntranslated: false }, filters, direction, after, 7);
            more = positions.length > 7;
            const shown = positions.slice(0, 7);
            found.push(...shown.map((position) => position.id));
            after = shown.at(-1);
          }
          // Generated articles rarely have a programme, and few items both tags: those cases may be short.
          if (!('programme' in filters) || (kind === 'event' && !('topic' in filters))) assert.ok(expected.rows.length > 7, `${kind} ${JSON.stringify(filters)} fills more than one page`);
          assert.deepEqual(found, expected.rows.map((row) => Number(row.id)), `${kind} ${JSON.stringify(filters)} ${direction}`);
        }
      }
    }
  });

  test('topic and programme pages', async () => {
    for (const [kind, slug] of [
      ['topic', topic],
      ['programme', programme],
    ] as const) {
      for (const lang of ['en', 'vi'] as const) {
        const filters = kind === 'topic' ? { topic: slug } : { programme: slug };
        const page = await getTermPage(db, kind, slug, lang, TODAY, NOW);
        const events = await referenceEvents(db, lang, false, filters);
        const articles = await referenceArticles(db, lang, false, filters);
        assert.deepEqual(
          {
            upcoming: page.events.upcoming.map((r) => r.id),
            past: page.events.past.map((r) => r.id),
            totalUpcoming: page.events.totalUpcoming,
            totalPast: page.events.totalPast,
            articles: page.articles.rows.map((r) => r.id),
            totalArticles: page.articles.total,
          },
          {
            upcoming: events.upcoming.slice(0, page.events.upcoming.length),
            past: events.past.slice(0, page.events.past.length),
            totalUpcoming: events.upcoming.length,
            totalPast: events.past.length,
            articles: articles.slice(0, page.articles.rows.length),
            totalArticles: articles.length,
          },
        );
        assert.ok(page.events.past.length > 0, `the ${kind} page shows events`);
        if (kind === 'topic') assert.ok(page.articles.rows.length > 0, 'the topic page shows articles');
      }
    }
  });

  test('with untranslated items left out of the Vietnamese site', async () => {
    await db.insertInto('settings').values({ key: 'untranslated', value: JSON.stringify('omit') }).execute();
    try {
      const events = await referenceEvents(db, 'vi', true, {});
      assert.deepEqual(await eventsListed(db, 'vi', {}), { ...events, total: events.upcoming.length + events.past.length });
      assert.ok(events.past.length < (await referenceEvents(db, 'vi', false, {})).past.length, 'some are left out');
      const articles = await referenceArticles(db, 'vi', true, {});
      assert.deepEqual(await articlesListed(db, 'vi', {}), { ids: articles, total: articles.length });
    } finally {
      await db.deleteFrom('settings').where('key', '=', 'untranslated').execute();
    }
  });

  test('calendars: the soonest to come and the latest ended, by first day', async () => {
    const limits = { upcoming: 5, past: 20 };
    // Ended: before the day before today in UTC (calendar.repository.ts).
    const cutoff = addDays(NOW.toISOString().slice(0, 10), -1);
    for (const scope of [{ kind: 'all' as const }, { kind: 'topic' as const, slug: topic }]) {
      for (const lang of ['en', 'vi'] as const) {
        const where = sql.join(conditions('event', lang, false, scope.kind === 'topic' ? { topic: scope.slug } : {}), sql` and `);
        const last = lastDayOfDates('e');
        type Row = { id: number; start_date: string };
        const current = await sql<Row>`select e.id, e.start_date from events e where ${where} and ${last} >= ${cutoff} order by e.start_date, e.id limit ${limits.upcoming}`.execute(db);
        const ended = await sql<Row>`select e.id, e.start_date from events e where ${where} and ${last} < ${cutoff} order by ${last} desc, e.id desc limit ${limits.past}`.execute(db);
        const expected = [...current.rows, ...ended.rows].sort((a, b) => a.start_date.localeCompare(b.start_date) || Number(a.id) - Number(b.id)).map((r) => Number(r.id));
        if (scope.kind === 'all') assert.equal(expected.length, limits.upcoming + limits.past, 'both limits are reached');
        else assert.ok(expected.length > 0);
        assert.deepEqual(
          (await listCalendarEvents(db, lang, scope, NOW, limits)).map((e) => e.id),
          expected,
        );
      }
    }
  });
});

describe('a topic page and related items, with recurring events, scheduled and withdrawn items, give what the straightforward queries give', () => {
  let handle: DatabaseHandle;
  let db: Db;
  let topic: string;
  let programme: string;

  /** The events listing's lines of a filter, and its total: its counts take the sessions of recurring events in their place. */
  async function listingLines(lang: LangCode, filters: EventFilters) {
    const listed = await eventsListed(db, lang, filters);
    return { upcoming: listed.upcoming, past: listed.past, total: listed.total };
  }

  before(async () => {
    handle = await openTestDatabase();
    db = handle.db;
    await generateContent(db, { events: 300, articles: 300, now: NOW, seed: 23 });
    topic = (await sql<{ slug: string }>`select t.slug from topics t join event_topics l on l.topic_id = t.id group by t.slug order by count(*) desc, t.slug limit 1`.execute(db)).rows[0]!.slug;
    programme = (await sql<{ slug: string }>`select p.slug from programmes p join event_programmes l on l.programme_id = p.id group by p.slug order by count(*) desc, p.slug limit 1`.execute(db)).rows[0]!.slug;
    const topicId = Number((await db.selectFrom('topics').select('id').where('slug', '=', topic).executeTakeFirstOrThrow()).id);
    const { editor } = await createPeople(db);
    const ctx = { user: editor, now: NOW };
    // Weekly from two months before today to two months after: sessions on both sides of today.
    for (const [start, rule] of [
      ['2026-09-22', 'FREQ=WEEKLY;UNTIL=20270126'],
      ['2026-10-01', 'FREQ=MONTHLY;COUNT=3'],
    ] as const) {
      const made = await createEvent(db, ctx, eventInput({ start_date: start, recurrence_rule: rule, topics: [topicId] }));
      await publishEvent(db, ctx, made.id);
    }
    // The topic's items change: some withdrawn, some scheduled for later, some links removed and added.
    await sql`update events set status = 'draft' where id % 7 = 0`.execute(db);
    await sql`update articles set status = 'draft' where id % 8 = 0`.execute(db);
    await sql`update articles set publish_at = ${'2027-01-01T00:00:00.000Z'} where id % 9 = 0`.execute(db);
    await sql`update events set publish_at = ${'2027-01-01T00:00:00.000Z'} where id % 17 = 0`.execute(db);
    await sql`delete from event_topics where event_id % 11 = 0`.execute(db);
    await sql`insert into article_topics (article_id, topic_id) select id, ${topicId} from articles where id % 13 = 0 and id not in (select article_id from article_topics where topic_id = ${topicId})`.execute(db);
    await sql`update event_translations set status = 'draft' where lang = 'vi' and event_id % 5 = 0`.execute(db);
    await sql`update article_translations set status = 'draft' where lang = 'vi' and article_id % 6 = 0`.execute(db);
  });
  after(async () => handle.destroy());

  test('the recurring events are among the topic page\'s lines', async () => {
    const sessions = await sql<{ n: number | string }>`select count(*) as n from event_sessions`.execute(db);
    assert.ok(Number(sessions.rows[0]!.n) > 10, 'the recurring events have sessions');
  });

  for (const lang of ['en', 'vi'] as const) {
    test(`topic and programme pages count and list as the filtered listings do (${lang})`, async () => {
      for (const [kind, slug] of [
        ['topic', topic],
        ['programme', programme],
      ] as const) {
        const filters = kind === 'topic' ? { topic: slug } : { programme: slug };
        const page = await getTermPage(db, kind, slug, lang, TODAY, NOW);
        const lines = await listingLines(lang, filters);
        const articles = await referenceArticles(db, lang, false, filters);
        assert.deepEqual(
          {
            upcoming: page.events.upcoming.map((r) => r.id),
            past: page.events.past.map((r) => r.id),
            total: page.events.totalUpcoming + page.events.totalPast,
            totalUpcoming: page.events.totalUpcoming,
            articles: page.articles.rows.map((r) => r.id),
            totalArticles: page.articles.total,
          },
          {
            upcoming: lines.upcoming.slice(0, page.events.upcoming.length),
            past: lines.past.slice(0, page.events.past.length),
            total: lines.total,
            totalUpcoming: lines.upcoming.length,
            articles: articles.slice(0, page.articles.rows.length),
            totalArticles: articles.length,
          },
        );
        if (kind === 'topic') assert.ok(lines.total > (await referenceEvents(db, lang, false, filters)).past.length, 'the topic counts sessions');
        assert.ok(page.events.upcoming.length > 0 && page.events.past.length > 0, `the ${kind} page lists both`);
      }
    });
  }

  test('with untranslated items left out, a Vietnamese topic page counts what it shows', async () => {
    await db.insertInto('settings').values({ key: 'untranslated', value: JSON.stringify('omit') }).execute();
    try {
      const page = await getTermPage(db, 'topic', topic, 'vi', TODAY, NOW);
      const lines = await listingLines('vi', { topic });
      const articles = await referenceArticles(db, 'vi', true, { topic });
      assert.deepEqual(
        [page.events.totalUpcoming + page.events.totalPast, page.articles.total, page.articles.rows.map((r) => r.id)],
        [lines.total, articles.length, articles.slice(0, page.articles.rows.length)],
      );
      assert.ok(articles.length < (await referenceArticles(db, 'vi', false, { topic })).length, 'some articles are left out');
      assert.ok(lines.total < (await listingLines('en', { topic })).total, 'some events are left out');
    } finally {
      await db.deleteFrom('settings').where('key', '=', 'untranslated').execute();
    }
  });

  test('related items: the newest articles and the soonest, then latest, events sharing any of the tags', async () => {
    const sharings = [
      { topics: [topic], programmes: [] },
      { topics: [], programmes: [programme] },
      { topics: [topic], programmes: [programme] },
    ];
    for (const sharing of sharings) {
      for (const lang of ['en', 'vi'] as const) {
        // Items tagged with any of the tags: the union of each tag's filtered list, in each kind's order.
        const byTag = [...sharing.topics.map((t) => ({ topic: t })), ...sharing.programmes.map((p) => ({ programme: p }))];
        const articleSets = await Promise.all(byTag.map((filters) => referenceArticles(db, lang, false, filters)));
        const allArticles = await referenceArticles(db, lang, false, {});
        const articles = allArticles.filter((id) => articleSets.some((set) => set.includes(id))).slice(0, 3);
        assert.deepEqual((await listRelatedArticles(db, lang, NOW, sharing, 3)).map((r) => r.id), articles);

        const lineSets = await Promise.all(byTag.map((filters) => listingLines(lang, filters)));
        const all = await listingLines(lang, {});
        const shared = (id: number) => lineSets.some((set) => set.upcoming.includes(id) || set.past.includes(id));
        const events = [...new Set([...all.upcoming, ...all.past].filter(shared))];
        // An item's page asks three; more reach further into each tag's links, upcoming and past.
        for (const limit of [3, 12]) assert.deepEqual((await listRelatedEvents(db, lang, TODAY, NOW, sharing, limit)).map((r) => r.id), events.slice(0, limit), `${limit} events`);
        assert.ok(events.length >= 12);
      }
    }
  });
});
