/**
 * The events listing reads what the database keeps for it rather than every
 * upcoming event (migration 2026-12-06T1030): each event's span, whose
 * longest bounds the single events running today, and the published events
 * counted by last day and month, which give the upcoming count. Both are
 * filled from the events already there and follow every change of dates,
 * status and publication; the listing then shows and counts what visitors
 * may see, as a count of the events themselves would. On both databases.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql, type Kysely } from 'kysely';
import type { Database, PublicationStatus } from '../../db/schema.js';
import type { DatabaseHandle } from '../../db/database.js';
import { migrateTestDatabase, openTestDatabase } from '../../../test/helpers/test-database.js';
import { createPeople, eventInput } from '../../../test/helpers/editing.js';
import { statementsDuring } from '../../../test/helpers/statements.js';
import { isLive } from '../content/index.js';
import { createEvent, publishEvent } from './events.editing.js';
import { listEventsPage } from './events.service.js';

const STAMP = '2026-01-01T00:00:00.000Z';
const NOW = new Date('2026-11-23T02:00:00Z');
const TODAY = '2026-11-23';

/** The kept counts as "grain period: n" lines, zeros left out. */
async function keptCounts(db: Kysely<Database>): Promise<string[]> {
  const rows = await sql<{ grain: string; period: string; n: number | string }>`select grain, period, n from event_last_day_counts`.execute(db);
  return rows.rows
    .filter((r) => Number(r.n) !== 0)
    .map((r) => `${r.grain} ${r.period}: ${Number(r.n)}`)
    .sort();
}

/** The same counted from the published events. */
async function countedFromEvents(db: Kysely<Database>): Promise<string[]> {
  const rows = await sql<{ last_day: string }>`select coalesce(end_date, start_date) as last_day from events where status = 'published'`.execute(db);
  const counts = new Map<string, number>();
  for (const { last_day } of rows.rows) {
    for (const key of [`day ${last_day}`, `month ${last_day.slice(0, 7)}`]) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([key, n]) => `${key}: ${n}`).sort();
}

async function spans(db: Kysely<Database>): Promise<Record<string, number>> {
  const rows = await sql<{ slug: string; span_days: number | string }>`select slug, span_days from events`.execute(db);
  return Object.fromEntries(rows.rows.map((r) => [r.slug, Number(r.span_days)]));
}

describe('kept spans and counts of events by last day', () => {
  let handle: DatabaseHandle;
  let db: Kysely<Database>;

  async function event(slug: string, status: PublicationStatus, start: string, end: string | null): Promise<void> {
    await db.insertInto('events').values({ slug, status, start_date: start, end_date: end, created_at: STAMP, updated_at: STAMP }).execute();
  }

  before(async () => {
    handle = await openTestDatabase({ migrateTo: '2026-12-06T0930-index-term-links-by-start' });
    db = handle.db;
    await event('one-day', 'published', '2026-11-23', null);
    await event('across-months', 'published', '2026-11-28', '2026-12-02');
    await event('leap-february', 'published', '2028-02-27', '2028-03-01');
    await event('across-new-year', 'published', '2026-12-30', '2027-01-02');
    await event('draft', 'draft', '2026-11-01', '2026-11-30');
    await migrateTestDatabase(handle);
  });
  after(() => handle.destroy());

  test('the events already there are counted and their spans worked out', async () => {
    assert.deepEqual(await keptCounts(db), await countedFromEvents(db));
    assert.ok((await keptCounts(db)).includes('month 2026-12: 1'));
    assert.deepEqual(await spans(db), { 'one-day': 0, 'across-months': 4, 'leap-february': 3, 'across-new-year': 3, draft: 29 });
  });

  test('an event added, published, withdrawn or deleted counts only while published', async () => {
    await event('added', 'published', '2026-12-05', null);
    await event('added-draft', 'draft', '2026-12-05', null);
    assert.deepEqual(await keptCounts(db), await countedFromEvents(db));
    await db.updateTable('events').set({ status: 'published' }).where('slug', '=', 'draft').execute();
    await db.updateTable('events').set({ status: 'draft' }).where('slug', '=', 'one-day').execute();
    assert.deepEqual(await keptCounts(db), await countedFromEvents(db));
    await db.deleteFrom('events').where('slug', 'in', ['added', 'added-draft', 'one-day']).execute();
    assert.deepEqual(await keptCounts(db), await countedFromEvents(db));
    assert.ok(!(await keptCounts(db)).some((line) => line.startsWith('day 2026-12-05')));
  });

  test('new dates move the count to the new last day and give the new span', async () => {
    await db.updateTable('events').set({ end_date: '2027-02-10' }).where('slug', '=', 'across-months').execute();
    await db.updateTable('events').set({ start_date: '2026-12-20' }).where('slug', '=', 'across-new-year').execute();
    await db.updateTable('events').set({ end_date: null }).where('slug', '=', 'leap-february').execute();
    assert.deepEqual(await keptCounts(db), await countedFromEvents(db));
    assert.ok((await keptCounts(db)).includes('day 2027-02-10: 1'));
    assert.deepEqual(await spans(db), { 'across-months': 74, 'leap-february': 0, 'across-new-year': 13, draft: 29 });
    // Another column changed, or the same status written again, counts nothing.
    await db.updateTable('events').set({ status: 'published', updated_at: STAMP }).execute();
    assert.deepEqual(await keptCounts(db), await countedFromEvents(db));
  });
});

describe('the events listing from the kept spans and counts', () => {
  let handle: DatabaseHandle;
  let db: Kysely<Database>;
  const ids: Record<string, number> = {};

  let editor: Awaited<ReturnType<typeof createPeople>>['editor'];

  /** Creates and publishes an event through the content service. */
  async function published(name: string, start: string, end: string | null): Promise<void> {
    const ctx = { user: editor, now: NOW };
    const made = await createEvent(db, ctx, eventInput({ start_date: start, end_date: end, en: { title: `Event ${name}` } }));
    await publishEvent(db, ctx, made.id);
    ids[name] = made.id;
  }

  /** The first page's upcoming events by name, and the upcoming and past counts. */
  async function listing(now = NOW, today = TODAY) {
    const page = await listEventsPage(db, 'en', today, now, 1);
    const names = Object.fromEntries(Object.entries(ids).map(([name, id]) => [id, name]));
    return { upcoming: page.upcoming.rows.map((row) => names[row.id]), totalUpcoming: page.totalUpcoming, past: page.info.total - page.totalUpcoming };
  }

  /** The upcoming and past events visitors may see, counted one by one. */
  async function counted(now = NOW, today = TODAY): Promise<{ totalUpcoming: number; past: number }> {
    const live = db.selectFrom('events as e').where(isLive('e', now));
    const upcoming = await live.where('e.last_day', '>=', today).select(sql<number | string>`count(*)`.as('n')).executeTakeFirstOrThrow();
    const past = await live.where('e.last_day', '<', today).select(sql<number | string>`count(*)`.as('n')).executeTakeFirstOrThrow();
    return { totalUpcoming: Number(upcoming.n), past: Number(past.n) };
  }

  before(async () => {
    handle = await openTestDatabase();
    db = handle.db;
    editor = (await createPeople(db)).editor;
    await published('ended', '2026-11-10', '2026-11-22');
    await published('running', '2026-11-22', '2026-11-24');
    await published('today', '2026-11-23', null);
    await published('later this month', '2026-11-28', null);
    await published('next month', '2026-12-05', '2026-12-06');
    await published('next year', '2027-03-01', null);
  });
  after(() => handle.destroy());

  test('the upcoming lines and counts', async () => {
    assert.deepEqual(await listing(), {
      upcoming: ['running', 'today', 'later this month', 'next month', 'next year'],
      totalUpcoming: 5,
      past: 1,
    });
    assert.deepEqual(await counted(), { totalUpcoming: 5, past: 1 });
  });

  test('an event longer than any before it is listed as running today', async () => {
    await published('long', '2026-09-01', '2026-11-30');
    assert.deepEqual((await listing()).upcoming, ['long', 'running', 'today', 'later this month', 'next month', 'next year']);
    // Begun longer ago than any other, but ended: not running.
    await published('long ended', '2026-06-01', '2026-11-22');
    assert.ok(!(await listing()).upcoming.includes('long ended'));
    assert.equal((await listing()).totalUpcoming, (await counted()).totalUpcoming);
  });

  test("an event's new dates give its new span", async () => {
    // The longest now ends before today; the event begun yesterday is then the longest running.
    await sql`update events set end_date = '2026-11-20' where id = ${ids.long}`.execute(db);
    await sql`update events set status = 'draft' where id = ${ids['long ended']}`.execute(db);
    assert.deepEqual((await listing()).upcoming, ['running', 'today', 'later this month', 'next month', 'next year']);
    // An edit makes another event the longest, begun long before the others.
    await sql`update events set start_date = '2026-08-15' where id = ${ids['next month']}`.execute(db);
    assert.deepEqual((await listing()).upcoming, ['next month', 'running', 'today', 'later this month', 'next year']);
    assert.deepEqual({ totalUpcoming: (await listing()).totalUpcoming, past: (await listing()).past }, await counted());
  });

  test('the upcoming count follows status, publication time and deletion', async () => {
    await sql`update events set status = 'draft' where id = ${ids['later this month']}`.execute(db);
    assert.deepEqual({ totalUpcoming: (await listing()).totalUpcoming, past: (await listing()).past }, await counted());
    assert.equal((await listing()).totalUpcoming, 4);

    // Published for later: counted from its time on, as visitors see it.
    await sql`update events set publish_at = '2026-11-25T00:00:00.000Z' where id = ${ids['next year']}`.execute(db);
    assert.equal((await listing()).totalUpcoming, 3);
    assert.ok(!(await listing()).upcoming.includes('next year'));
    const later = new Date('2026-11-25T01:00:00Z');
    assert.equal((await listing(later)).totalUpcoming, 4);
    assert.ok((await listing(later)).upcoming.includes('next year'));
    assert.deepEqual(await counted(later), { totalUpcoming: (await listing(later)).totalUpcoming, past: (await listing(later)).past });

    await sql`delete from events where id = ${ids.today}`.execute(db);
    assert.equal((await listing()).totalUpcoming, 2);
    assert.deepEqual({ totalUpcoming: (await listing()).totalUpcoming, past: (await listing()).past }, await counted());
  });

  test('a day in another month counts the events ending in the months after it and the rest of its own', async () => {
    for (const today of ['2026-10-31', '2026-11-30', '2026-12-01', '2026-12-06', '2026-12-07', '2027-03-01', '2027-03-02']) {
      const { totalUpcoming, past } = await listing(NOW, today);
      assert.deepEqual({ totalUpcoming, past }, await counted(NOW, today), today);
    }
  });

  test('the listing counts its upcoming events from the kept counts and bounds those running today by the longest span', async () => {
    const seen = await statementsDuring(db, () => listEventsPage(db, 'en', TODAY, NOW, 1));
    assert.ok(seen.some((text) => text.includes('event_last_day_counts')), 'the upcoming count reads the kept counts');
    assert.ok(seen.some((text) => text.includes('span_days')), 'the events running today are bounded by the longest span');
  });
});
