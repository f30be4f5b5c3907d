import { sql, type Kysely } from 'kysely';
import { isPostgres } from './portable.js';

/** The tables linking an event to a topic or a programme, and the term's column in each. */
const LINKS = [
  { links: 'event_topics', termId: 'topic_id' },
  { links: 'event_programmes', termId: 'programme_id' },
] as const;

/** The event's columns each link keeps a copy of: what decides whether it is live, and its days. */
const COPIED = ['status', 'publish_at', 'start_date', 'last_day'] as const;

/**
 * Each link of an event to a topic or a programme keeps the event's status,
 * publication time, first day and last day, and an index on the term, the
 * status and the days. A term's upcoming events, and those of them running
 * today, are then a range of that index, whose length follows the term's
 * upcoming events; found from the events' own last-day index, every upcoming
 * event of the archive is read and checked for a link to the term (4,533 at
 * 100,000 items, for some 570 of one topic). The database keeps the copies
 * (triggers on a link's insert and on an event's change), so no writer can
 * forget them; they are not written anywhere else.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const columns = sql.join(COPIED.map((c) => sql.ref(c)));
  for (const l of LINKS) {
    for (const c of COPIED) await db.schema.alterTable(l.links).addColumn(c, 'text').execute();
    await sql`update ${sql.table(l.links)} set (${columns}) = (select ${columns} from events as e where e.id = ${sql.table(l.links)}.event_id)`.execute(db);
    await db.schema
      .createIndex(`${l.links}_days_idx`)
      .on(l.links)
      .columns([l.termId, 'status', 'last_day', 'start_date', 'publish_at', 'event_id'])
      .execute();
  }

  await countOnlyMovedLinks(db, 'narrow');

  const fromEvent = (row: 'new') => sql.join(COPIED.map((c) => sql`${sql.raw(row)}.${sql.ref(c)}`));
  const changed = sql.join(
    COPIED.map((c) => sql`old.${sql.ref(c)} is distinct from new.${sql.ref(c)}`),
    sql` or `,
  );
  if (isPostgres(db)) {
    await sql`create function event_term_links_days() returns trigger language plpgsql as $$
      begin
        select ${sql.join(COPIED.map((c) => sql`e.${sql.ref(c)}`))} into ${sql.join(COPIED.map((c) => sql`new.${sql.ref(c)}`))}
          from events as e where e.id = new.event_id;
        return new;
      end
    $$`.execute(db);
    for (const l of LINKS) {
      await sql`create trigger ${sql.id(`${l.links}_days`)} before insert or update of event_id on ${sql.table(l.links)}
        for each row execute function event_term_links_days()`.execute(db);
    }
    await sql`create function events_term_links_days() returns trigger language plpgsql as $$
      begin
        ${sql.join(
          LINKS.map((l) => sql`update ${sql.table(l.links)} set (${columns}) = (${fromEvent('new')}) where event_id = new.id;`),
          sql` `,
        )}
        return null;
      end
    $$`.execute(db);
    await sql`create trigger events_term_links_days after update on events
      for each row when (${changed}) execute function events_term_links_days()`.execute(db);
    return;
  }

  const sqliteChanged = sql.join(
    COPIED.map((c) => sql`old.${sql.ref(c)} is not new.${sql.ref(c)}`),
    sql` or `,
  );
  for (const l of LINKS) {
    const copy = sql`update ${sql.table(l.links)} set (${columns}) = (select ${columns} from events as e where e.id = new.event_id)
      where event_id = new.event_id and ${sql.ref(l.termId)} = new.${sql.ref(l.termId)};`;
    await sql`create trigger ${sql.id(`${l.links}_days_insert`)} after insert on ${sql.table(l.links)} begin ${copy} end`.execute(db);
    await sql`create trigger ${sql.id(`${l.links}_days_update`)} after update of event_id on ${sql.table(l.links)} begin ${copy} end`.execute(db);
  }
  await sql`create trigger events_term_links_days after update on events when ${sqliteChanged}
    begin ${sql.join(
      LINKS.map((l) => sql`update ${sql.table(l.links)} set (${columns}) = (${fromEvent('new')}) where event_id = new.id;`),
      sql` `,
    )} end`.execute(db);
}

/**
 * The per-term counts' triggers on the links (migration 2026-12-05T0530)
 * fire, once narrowed, on a change of the link's event or term alone: a
 * change of the copies is no change of a link, and on SQLite, where a new
 * link gets its copies by an update after its insert, the counts' update
 * trigger would take the link off a count not yet made before the insert's
 * trigger adds it. 'widen' puts them back as they were.
 */
async function countOnlyMovedLinks(db: Kysely<any>, how: 'narrow' | 'widen'): Promise<void> {
  for (const l of LINKS) {
    const on = how === 'narrow' ? sql`update of event_id, ${sql.ref(l.termId)}` : sql`update`;
    if (isPostgres(db)) {
      await sql`drop trigger ${sql.id(`${l.links}_term_counts`)} on ${sql.table(l.links)}`.execute(db);
      await sql`create trigger ${sql.id(`${l.links}_term_counts`)} after insert or ${on} or delete on ${sql.table(l.links)}
        for each row execute function ${sql.id(`${l.links}_term_counts`)}()`.execute(db);
      continue;
    }
    const term = l.links === 'event_topics' ? 'topic' : 'programme';
    const published = (row: 'old' | 'new') => sql`exists (select 1 from events as i where i.id = ${sql.raw(row)}.event_id and i.status = 'published')`;
    const take = sql`update term_item_counts set n = n - 1
      where kind = 'event' and term = ${sql.lit(term)} and term_id = old.${sql.ref(l.termId)} and ${published('old')};`;
    const give = sql`insert into term_item_counts (kind, term, term_id, n)
      select 'event', ${sql.lit(term)}, new.${sql.ref(l.termId)}, 1 where ${published('new')}
      on conflict (kind, term, term_id) do update set n = n + 1;`;
    await sql`drop trigger ${sql.id(`${l.links}_term_counts_update`)}`.execute(db);
    await sql`create trigger ${sql.id(`${l.links}_term_counts_update`)} after ${on} on ${sql.table(l.links)} begin ${take} ${give} end`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await countOnlyMovedLinks(db, 'widen');
  if (isPostgres(db)) {
    for (const l of LINKS) await sql`drop trigger ${sql.id(`${l.links}_days`)} on ${sql.table(l.links)}`.execute(db);
    await sql`drop trigger events_term_links_days on events`.execute(db);
    await sql`drop function event_term_links_days()`.execute(db);
    await sql`drop function events_term_links_days()`.execute(db);
  } else {
    for (const l of LINKS) {
      await sql`drop trigger ${sql.id(`${l.links}_days_insert`)}`.execute(db);
      await sql`drop trigger ${sql.id(`${l.links}_days_update`)}`.execute(db);
    }
    await sql`drop trigger events_term_links_days`.execute(db);
  }
  for (const l of LINKS) {
    await db.schema.dropIndex(`${l.links}_days_idx`).execute();
    for (const c of COPIED) await db.schema.alterTable(l.links).dropColumn(c).execute();
  }
}
