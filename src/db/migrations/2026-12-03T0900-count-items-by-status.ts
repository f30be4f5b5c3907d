import { sql, type Kysely } from 'kysely';
import { isPostgres } from './portable.js';

const KINDS = [
  { kind: 'event', table: 'events' },
  { kind: 'article', table: 'articles' },
] as const;

/**
 * How many events and articles there are of each status, kept by the
 * database itself on every insert, delete and change of status. The
 * listings' pagers need the number of live items; counting them reads an
 * index entry per item, a cost that grows with the archive, while this is
 * one row. Kept by triggers, so no writer (the admin, the importer, the
 * generator, a restore) can forget it; the rows are filled from the tables
 * as they are. Live items are then the published ones less those scheduled
 * for later, which an index on (status, publish_at) finds among the few
 * (articles have had one since 2026-11-24T0910).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('item_counts')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('item_counts_pk', ['kind', 'status'])
    .execute();
  await db.schema.createIndex('events_status_publish_at_idx').on('events').columns(['status', 'publish_at']).execute();
  for (const { kind, table } of KINDS) {
    await sql`insert into item_counts (kind, status, n)
      select ${kind}, status, count(*) from ${sql.table(table)} group by status`.execute(db);
  }

  if (isPostgres(db)) {
    await sql`create function item_counts_follow() returns trigger language plpgsql as $$
      begin
        if tg_op in ('UPDATE', 'DELETE') then
          update item_counts set n = n - 1 where kind = tg_argv[0] and status = old.status;
        end if;
        if tg_op in ('INSERT', 'UPDATE') then
          insert into item_counts (kind, status, n) values (tg_argv[0], new.status, 1)
            on conflict (kind, status) do update set n = item_counts.n + 1;
        end if;
        return null;
      end
    $$`.execute(db);
    for (const { kind, table } of KINDS) {
      await sql`create trigger ${sql.id(`${table}_count_insert_delete`)} after insert or delete on ${sql.table(table)}
        for each row execute function item_counts_follow(${sql.lit(kind)})`.execute(db);
      await sql`create trigger ${sql.id(`${table}_count_status`)} after update of status on ${sql.table(table)}
        for each row when (old.status is distinct from new.status) execute function item_counts_follow(${sql.lit(kind)})`.execute(db);
    }
    return;
  }

  for (const { kind, table } of KINDS) {
    const k = sql.lit(kind);
    const add = (status: 'new' | 'old') => sql`insert into item_counts (kind, status, n) values (${k}, ${sql.raw(status)}.status, 1)
        on conflict (kind, status) do update set n = n + 1;`;
    const remove = (status: 'new' | 'old') => sql`update item_counts set n = n - 1 where kind = ${k} and status = ${sql.raw(status)}.status;`;
    await sql`create trigger ${sql.id(`${table}_count_insert`)} after insert on ${sql.table(table)}
      begin ${add('new')} end`.execute(db);
    await sql`create trigger ${sql.id(`${table}_count_delete`)} after delete on ${sql.table(table)}
      begin ${remove('old')} end`.execute(db);
    await sql`create trigger ${sql.id(`${table}_count_status`)} after update of status on ${sql.table(table)}
      when old.status is not new.status
      begin ${remove('old')} ${add('new')} end`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    for (const { table } of KINDS) {
      await sql`drop trigger ${sql.id(`${table}_count_insert_delete`)} on ${sql.table(table)}`.execute(db);
      await sql`drop trigger ${sql.id(`${table}_count_status`)} on ${sql.table(table)}`.execute(db);
    }
    await sql`drop function item_counts_follow()`.execute(db);
  } else {
    for (const { table } of KINDS) {
      for (const name of ['insert', 'delete', 'status']) await sql`drop trigger ${sql.id(`${table}_count_${name}`)}`.execute(db);
    }
  }
  await db.schema.dropIndex('events_status_publish_at_idx').execute();
  await db.schema.dropTable('item_counts').execute();
}
