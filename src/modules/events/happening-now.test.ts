/**
 * The home page's "Happening now": the single events running today are read
 * as a range of first days bounded by the longest span of a published single
 * event (migration 2026-12-06T1030), not as every event still to come, and
 * are the same events a look at every event finds. On both databases.
 */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { CompiledQuery, PostgresAdapter, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { createPeople, eventInput } from '../../../test/helpers/editing.js';
import { createEvent } from '../../../test/helpers/factories.js';
import { compiledDuring, statementsDuring } from '../../../test/helpers/statements.js';
import { databaseForBlock } from '../../../test/helpers/test-database.js';
import { createEvent as saveEvent, publishEvent } from './events.editing.js';
import { listEventYears, listHappeningOn, listStartingAfter, listUpcoming } from './events.repository.js';

const NOW = new Date('2026-11-23T02:00:00Z');

describe('the events happening on a day', () => {
  let db: Kysely<Database>;
  databaseForBlock((handle) => (db = handle));

  before(async () => {
    await createEvent(db, { title: 'Year-long programme', start: '2025-12-01', end: '2026-12-31' });
    await createEvent(db, { title: 'Today only', start: '2026-11-23' });
    await createEvent(db, { title: 'This week', start: '2026-11-20', end: '2026-11-27' });
    await createEvent(db, { title: 'Ended yesterday', start: '2026-11-01', end: '2026-11-22' });
    await createEvent(db, { title: 'Starts tomorrow', start: '2026-11-24', end: '2026-11-30' });
    // Longer than any published event, but a draft: it neither shows nor widens the range read.
    await createEvent(db, { title: 'Draft decade', start: '2020-01-01', end: '2029-12-31', status: 'draft' });
  });

  const happening = async (today: string, limit = 10) =>
    (await listHappeningOn(db, { lang: 'en', now: NOW, omitUntranslated: false }, today, limit)).map((row) => row.title);

  test('are those begun on or before it and not yet ended, the earliest begun first', async () => {
    assert.deepEqual(await happening('2026-11-23'), ['Year-long programme', 'This week', 'Today only']);
    assert.deepEqual(await happening('2026-11-23', 2), ['Year-long programme', 'This week']);
    assert.deepEqual(await happening('2026-11-22'), ['Year-long programme', 'Ended yesterday', 'This week']);
    assert.deepEqual(await happening('2026-12-31'), ['Year-long programme']);
    assert.deepEqual(await happening('2027-01-01'), []);
  });

  test('an event made longer than any before it is found on its new days', async () => {
    const { id } = await createEvent(db, { title: 'Long course', start: '2024-01-01', end: '2024-01-02' });
    assert.ok(!(await happening('2026-11-23')).includes('Long course'));
    await db.updateTable('events').set({ end_date: '2027-06-30' }).where('id', '=', id).execute();
    assert.deepEqual(await happening('2026-11-23'), ['Long course', 'Year-long programme', 'This week', 'Today only']);
    await db.deleteFrom('events').where('id', '=', id).execute();
  });

  test('reads the first days from the longest span, not every event still running', async () => {
    await happening('2026-11-23');
    const [statement] = await statementsDuring(db, () => listHappeningOn(db, { lang: 'en', now: NOW, omitUntranslated: false }, '2026-11-23', 5));
    assert.match(statement ?? '', /span_days/);
  });

  /**
   * How many times the statement `work` runs looks up a recurring event's
   * bound (its sessions' index read as `x`, which PostgreSQL may call
   * `x_1`), as PostgreSQL's plan runs it (explain analyze). On SQLite,
   * whose plan looks it up once for each event read, none is counted.
   */
  async function boundLookups(work: () => Promise<unknown>): Promise<number> {
    if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return 0;
    const [statement] = await compiledDuring(db, work);
    assert.ok(statement);
    const { rows } = await db.executeQuery<{ 'QUERY PLAN': unknown }>(CompiledQuery.raw(`explain (analyze, format json) ${statement.sql}`, [...statement.parameters]));
    let loops = 0;
    const visit = (node: Record<string, unknown>) => {
      if (node['Relation Name'] === 'event_sessions' && /^x(_\d+)?$/.test(String(node['Alias']))) loops += Number(node['Actual Loops']);
      for (const child of (node['Plans'] as Record<string, unknown>[] | undefined) ?? []) visit(child);
    };
    const plan = rows[0]?.['QUERY PLAN'];
    visit(((typeof plan === 'string' ? JSON.parse(plan) : plan) as { Plan: Record<string, unknown> }[])[0]!.Plan);
    assert.ok(loops > 0, 'the bound was looked up');
    return loops;
  }

  test("a recurring event's session is running on each of its days, read from its span rather than from every session to come; and its first sessions start after", async () => {
    const { editor } = await createPeople(db);
    const ctx = { user: editor, now: NOW };
    // Monday to Wednesday every week from 2 November 2026, a hundred sessions within the horizon.
    const course = await saveEvent(
      db,
      ctx,
      eventInput({ start_date: '2026-11-02', end_date: '2026-11-04', recurrence_rule: 'FREQ=WEEKLY;BYDAY=MO', en: { ...eventInput().en, title: 'Weekly course' } }),
    );
    await publishEvent(db, ctx, course.id);
    const sessions = async (today: string) =>
      (await listHappeningOn(db, { lang: 'en', now: NOW, omitUntranslated: false }, today, 10)).filter((row) => row.title === 'Weekly course').map((row) => row.start_date);
    assert.deepEqual(await sessions('2026-11-23'), ['2026-11-23']);
    assert.deepEqual(await sessions('2026-11-25'), ['2026-11-23']);
    assert.deepEqual(await sessions('2026-11-26'), []);
    assert.deepEqual(await sessions('2027-06-16'), ['2027-06-14']);
    // With a year filter, only a session that touches the year: the one of 28 December 2026 is in 2026 alone.
    const inYear = async (today: string, year: number) =>
      (await listHappeningOn(db, { lang: 'en', now: NOW, omitUntranslated: false, filters: { year } }, today, 10)).filter((row) => row.title === 'Weekly course').map((row) => row.start_date);
    assert.deepEqual(await inYear('2026-12-29', 2026), ['2026-12-28']);
    assert.deepEqual(await inYear('2026-12-29', 2027), []);
    const [statement] = await statementsDuring(db, () => listHappeningOn(db, { lang: 'en', now: NOW, omitUntranslated: false }, '2026-11-23', 5));
    assert.match(statement ?? '', /"s"\."last_day" <= (date|to_char)\(/, "the sessions' last days are bounded by the event's span");
    // What starts after a day: each event's first sessions after it, merged with the single events.
    const visitors = { lang: 'en' as const, now: NOW, omitUntranslated: false };
    const clinic = await saveEvent(db, ctx, eventInput({ start_date: '2026-11-05', recurrence_rule: 'FREQ=WEEKLY;BYDAY=TH', en: { ...eventInput().en, title: 'Thursday clinic' } }));
    await publishEvent(db, ctx, clinic.id);
    const starting = async (today: string, limit: number) =>
      (await listStartingAfter(db, { lang: 'en', now: NOW, omitUntranslated: false }, today, limit)).map((row) => `${row.title} ${row.start_date}`);
    assert.deepEqual(await starting('2026-11-23', 5), [
      'Starts tomorrow 2026-11-24',
      'Thursday clinic 2026-11-26',
      'Weekly course 2026-11-30',
      'Thursday clinic 2026-12-03',
      'Weekly course 2026-12-07',
    ]);
    assert.deepEqual(await starting('2026-11-24', 1), ['Thursday clinic 2026-11-26']);
    assert.deepEqual(await starting('2026-11-24', 0), []);
    assert.deepEqual(await starting('2027-06-14', 3), ['Thursday clinic 2027-06-17', 'Weekly course 2027-06-21', 'Thursday clinic 2027-06-24']);
    const [coming] = await statementsDuring(db, () => listStartingAfter(db, { lang: 'en', now: NOW, omitUntranslated: false }, '2026-11-23', 5));
    assert.match(coming ?? '', /("s"\."last_day" <= |lateral \(select )coalesce\(\(select x\.last_day from event_sessions/, "each event's sessions are bounded by its first few");
    assert.ok((await boundLookups(() => listStartingAfter(db, visitors, '2026-11-23', 5))) <= 2, 'the bound is worked out once for each of the two weekly events');
    // The listing's upcoming lines: each event's sessions read no further than the page's end needs.
    const upcoming = async (limit: number, offset = 0) => (await listUpcoming(db, visitors, '2026-11-23', limit, offset)).map((row) => `${row.title} ${row.start_date}`);
    assert.deepEqual(await upcoming(6), [
      'Year-long programme 2025-12-01',
      'This week 2026-11-20',
      'Today only 2026-11-23',
      'Weekly course 2026-11-23',
      'Starts tomorrow 2026-11-24',
      'Thursday clinic 2026-11-26',
    ]);
    assert.deepEqual(await upcoming(3, 5), ['Thursday clinic 2026-11-26', 'Weekly course 2026-11-30', 'Thursday clinic 2026-12-03']);
    const [lines] = await statementsDuring(db, () => listUpcoming(db, visitors, '2026-11-23', 6));
    assert.match(lines ?? '', /x\.last_day >= case when/, "each event's sessions are bounded by the page's end");
    assert.ok((await boundLookups(() => listUpcoming(db, visitors, '2026-11-23', 6))) <= 2, 'the bound is worked out once for each of the two weekly events');
    // The listing's year choices: the years the sessions run in, each looked for between its first day and
    // its last plus the event's span, not through every later session.
    assert.deepEqual(await listEventYears(db, visitors), [2028, 2027, 2026, 2025]);
    const [years] = await statementsDuring(db, () => listEventYears(db, visitors));
    assert.match(years ?? '', /"s"\."last_day" <= (date|to_char)\(/, "a year's sessions are bounded by their event's span");
    await db.updateTable('events').set({ status: 'draft' }).where('id', 'in', [course.id, clinic.id]).execute();
  });
});
