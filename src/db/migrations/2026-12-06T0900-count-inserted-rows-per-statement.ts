import { sql, type Kysely } from 'kysely';
import { isPostgres } from './portable.js';

const KINDS = [
  { kind: 'event', items: 'events' },
  { kind: 'article', items: 'articles' },
] as const;

/**
 * Each table of links between an item and a term, and on which changes of a
 * link its count follows (the event links' were narrowed by 2026-12-05T1015).
 */
const LINKS = [
  { kind: 'event', items: 'events', links: 'event_topics', fk: 'event_id', term: 'topic', termId: 'topic_id', narrowed: true },
  { kind: 'event', items: 'events', links: 'event_programmes', fk: 'event_id', term: 'programme', termId: 'programme_id', narrowed: true },
  { kind: 'article', items: 'articles', links: 'article_topics', fk: 'article_id', term: 'topic', termId: 'topic_id', narrowed: false },
  { kind: 'article', items: 'articles', links: 'article_programmes', fk: 'article_id', term: 'programme', termId: 'programme_id', narrowed: false },
] as const;

/**
 * On PostgreSQL, the counts of items by status (item_counts) and of
 * published items by term (term_item_counts) take the rows of an INSERT
 * once per statement, a row per status or term, rather than once per row
 * inserted. An update writes a new version of its row, and the versions a
 * transaction leaves behind cannot be cleared until it ends: every later
 * update of the same count in the transaction steps over all of them. A
 * generated archive, or a large import, added each item to the same few
 * counts, one version each, so each item cost more than the one before
 * (100,000 items took 578 s, a third of the rate of the first thousands).
 * Per statement, a count gains one version per batch of 500 items.
 *
 * Changes of status and of links, and deletions, still count row by row:
 * an editor's save touches one item. SQLite changes a row in place, leaves
 * no versions behind, and keeps its triggers as they are.
 */
export async function up(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) return;

  await sql`create function item_counts_follow_inserted() returns trigger language plpgsql as $$
    begin
      insert into item_counts (kind, status, n)
        select tg_argv[0], status, count(*) from inserted group by status
        on conflict (kind, status) do update set n = item_counts.n + excluded.n;
      return null;
    end
  $$`.execute(db);
  for (const { kind, items } of KINDS) {
    await sql`drop trigger ${sql.id(`${items}_count_insert_delete`)} on ${sql.table(items)}`.execute(db);
    await sql`create trigger ${sql.id(`${items}_count_delete`)} after delete on ${sql.table(items)}
      for each row execute function item_counts_follow(${sql.lit(kind)})`.execute(db);
    await sql`create trigger ${sql.id(`${items}_count_insert`)} after insert on ${sql.table(items)}
      referencing new table as inserted
      for each statement execute function item_counts_follow_inserted(${sql.lit(kind)})`.execute(db);
  }

  for (const l of LINKS) {
    await sql`create function ${sql.id(`${l.links}_term_counts_inserted`)}() returns trigger language plpgsql as $$
      begin
        insert into term_item_counts (kind, term, term_id, n)
          select ${sql.lit(l.kind)}, ${sql.lit(l.term)}, x.${sql.ref(l.termId)}, count(*) from inserted as x
          inner join ${sql.table(l.items)} as i on i.id = x.${sql.ref(l.fk)}
          where i.status = 'published'
          group by x.${sql.ref(l.termId)}
          on conflict (kind, term, term_id) do update set n = term_item_counts.n + excluded.n;
        return null;
      end
    $$`.execute(db);
    const moved = l.narrowed ? sql`update of ${sql.ref(l.fk)}, ${sql.ref(l.termId)}` : sql`update`;
    await sql`drop trigger ${sql.id(`${l.links}_term_counts`)} on ${sql.table(l.links)}`.execute(db);
    await sql`create trigger ${sql.id(`${l.links}_term_counts`)} after ${moved} or delete on ${sql.table(l.links)}
      for each row execute function ${sql.id(`${l.links}_term_counts`)}()`.execute(db);
    await sql`create trigger ${sql.id(`${l.links}_term_counts_insert`)} after insert on ${sql.table(l.links)}
      referencing new table as inserted
      for each statement execute function ${sql.id(`${l.links}_term_counts_inserted`)}()`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) return;

  for (const l of LINKS) {
    const moved = l.narrowed ? sql`update of ${sql.ref(l.fk)}, ${sql.ref(l.termId)}` : sql`update`;
    await sql`drop trigger ${sql.id(`${l.links}_term_counts_insert`)} on ${sql.table(l.links)}`.execute(db);
    await sql`drop function ${sql.id(`${l.links}_term_counts_inserted`)}()`.execute(db);
    await sql`drop trigger ${sql.id(`${l.links}_term_counts`)} on ${sql.table(l.links)}`.execute(db);
    await sql`create trigger ${sql.id(`${l.links}_term_counts`)} after insert or ${moved} or delete on ${sql.table(l.links)}
      for each row execute function ${sql.id(`${l.links}_term_counts`)}()`.execute(db);
  }
  for (const { kind, items } of KINDS) {
    await sql`drop trigger ${sql.id(`${items}_count_insert`)} on ${sql.table(items)}`.execute(db);
    await sql`drop trigger ${sql.id(`${items}_count_delete`)} on ${sql.table(items)}`.execute(db);
    await sql`create trigger ${sql.id(`${items}_count_insert_delete`)} after insert or delete on ${sql.table(items)}
      for each row execute function item_counts_follow(${sql.lit(kind)})`.execute(db);
  }
  await sql`drop function item_counts_follow_inserted()`.execute(db);
}
