import { sql, type Kysely } from 'kysely';
import { isPostgres } from './portable.js';

/** Each table of links between an item and a topic or programme. */
const LINKS = [
  { kind: 'event', items: 'events', links: 'event_topics', fk: 'event_id', term: 'topic', termId: 'topic_id' },
  { kind: 'event', items: 'events', links: 'event_programmes', fk: 'event_id', term: 'programme', termId: 'programme_id' },
  { kind: 'article', items: 'articles', links: 'article_topics', fk: 'article_id', term: 'topic', termId: 'topic_id' },
  { kind: 'article', items: 'articles', links: 'article_programmes', fk: 'article_id', term: 'programme', termId: 'programme_id' },
] as const;

const KINDS = [
  { kind: 'event', items: 'events' },
  { kind: 'article', items: 'articles' },
] as const;

/**
 * How many published events and articles each topic and programme has,
 * kept by the database on every change of a link and of an item's status,
 * as item_counts is for the whole archive. A topic's page says how many
 * items it has; counting them one by one costs every item of the topic, a
 * number that grows with the archive, where this is one row. Visitors' counts
 * are then this less the topic's few items scheduled for later (an index
 * range of them), and for events split at the office's date from the few
 * upcoming ones, so the row holds nothing that changes with the day.
 *
 * An item's deletion takes its count off before its links go (a trigger
 * before the delete); the links then deleted with it find no published item
 * and leave the count alone. Terms are not referenced: a deleted term's row
 * is never read.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('term_item_counts')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('term', 'text', (c) => c.notNull())
    .addColumn('term_id', 'integer', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('term_item_counts_pk', ['kind', 'term', 'term_id'])
    .execute();
  for (const l of LINKS) {
    await sql`insert into term_item_counts (kind, term, term_id, n)
      select ${l.kind}, ${l.term}, x.${sql.ref(l.termId)}, count(*) from ${sql.table(l.links)} as x
      inner join ${sql.table(l.items)} as i on i.id = x.${sql.ref(l.fk)}
      where i.status = 'published'
      group by x.${sql.ref(l.termId)}`.execute(db);
  }

  if (isPostgres(db)) {
    for (const l of LINKS) {
      const published = (row: 'old' | 'new') =>
        sql`exists (select 1 from ${sql.table(l.items)} as i where i.id = ${sql.raw(row)}.${sql.ref(l.fk)} and i.status = 'published')`;
      await sql`create function ${sql.id(`${l.links}_term_counts`)}() returns trigger language plpgsql as $$
        begin
          if tg_op in ('UPDATE', 'DELETE') then
            update term_item_counts set n = n - 1
              where kind = ${sql.lit(l.kind)} and term = ${sql.lit(l.term)} and term_id = old.${sql.ref(l.termId)} and ${published('old')};
          end if;
          if tg_op in ('INSERT', 'UPDATE') then
            insert into term_item_counts (kind, term, term_id, n)
              select ${sql.lit(l.kind)}, ${sql.lit(l.term)}, new.${sql.ref(l.termId)}, 1 where ${published('new')}
              on conflict (kind, term, term_id) do update set n = term_item_counts.n + 1;
          end if;
          return null;
        end
      $$`.execute(db);
      await sql`create trigger ${sql.id(`${l.links}_term_counts`)} after insert or update or delete on ${sql.table(l.links)}
        for each row execute function ${sql.id(`${l.links}_term_counts`)}()`.execute(db);
    }
    for (const k of KINDS) {
      const mine = LINKS.filter((l) => l.items === k.items);
      const take = mine.map(
        (l) => sql`update term_item_counts as c set n = c.n - 1 from ${sql.table(l.links)} as x
          where x.${sql.ref(l.fk)} = old.id and c.kind = ${sql.lit(l.kind)} and c.term = ${sql.lit(l.term)} and c.term_id = x.${sql.ref(l.termId)};`,
      );
      const give = mine.map(
        (l) => sql`insert into term_item_counts (kind, term, term_id, n)
          select ${sql.lit(l.kind)}, ${sql.lit(l.term)}, x.${sql.ref(l.termId)}, 1 from ${sql.table(l.links)} as x where x.${sql.ref(l.fk)} = new.id
          on conflict (kind, term, term_id) do update set n = term_item_counts.n + 1;`,
      );
      await sql`create function ${sql.id(`${k.items}_term_counts`)}() returns trigger language plpgsql as $$
        begin
          if tg_op in ('UPDATE', 'DELETE') and old.status = 'published' then
            ${sql.join(take, sql` `)}
          end if;
          if tg_op = 'UPDATE' and new.status = 'published' then
            ${sql.join(give, sql` `)}
          end if;
          if tg_op = 'DELETE' then
            return old;
          end if;
          return new;
        end
      $$`.execute(db);
      await sql`create trigger ${sql.id(`${k.items}_term_counts_delete`)} before delete on ${sql.table(k.items)}
        for each row execute function ${sql.id(`${k.items}_term_counts`)}()`.execute(db);
      await sql`create trigger ${sql.id(`${k.items}_term_counts_status`)} after update of status on ${sql.table(k.items)}
        for each row when (old.status is distinct from new.status) execute function ${sql.id(`${k.items}_term_counts`)}()`.execute(db);
    }
    return;
  }

  for (const l of LINKS) {
    const published = (row: 'old' | 'new') =>
      sql`exists (select 1 from ${sql.table(l.items)} as i where i.id = ${sql.raw(row)}.${sql.ref(l.fk)} and i.status = 'published')`;
    const take = sql`update term_item_counts set n = n - 1
      where kind = ${sql.lit(l.kind)} and term = ${sql.lit(l.term)} and term_id = old.${sql.ref(l.termId)} and ${published('old')};`;
    const give = sql`insert into term_item_counts (kind, term, term_id, n)
      select ${sql.lit(l.kind)}, ${sql.lit(l.term)}, new.${sql.ref(l.termId)}, 1 where ${published('new')}
      on conflict (kind, term, term_id) do update set n = n + 1;`;
    await sql`create trigger ${sql.id(`${l.links}_term_counts_insert`)} after insert on ${sql.table(l.links)} begin ${give} end`.execute(db);
    await sql`create trigger ${sql.id(`${l.links}_term_counts_delete`)} after delete on ${sql.table(l.links)} begin ${take} end`.execute(db);
    await sql`create trigger ${sql.id(`${l.links}_term_counts_update`)} after update on ${sql.table(l.links)} begin ${take} ${give} end`.execute(db);
  }
  for (const k of KINDS) {
    const mine = LINKS.filter((l) => l.items === k.items);
    const take = mine.map(
      (l) => sql`update term_item_counts set n = n - 1
        where old.status = 'published' and kind = ${sql.lit(l.kind)} and term = ${sql.lit(l.term)}
        and term_id in (select x.${sql.ref(l.termId)} from ${sql.table(l.links)} as x where x.${sql.ref(l.fk)} = old.id);`,
    );
    const give = mine.map(
      (l) => sql`insert into term_item_counts (kind, term, term_id, n)
        select ${sql.lit(l.kind)}, ${sql.lit(l.term)}, x.${sql.ref(l.termId)}, 1 from ${sql.table(l.links)} as x
        where x.${sql.ref(l.fk)} = new.id and new.status = 'published'
        on conflict (kind, term, term_id) do update set n = n + 1;`,
    );
    await sql`create trigger ${sql.id(`${k.items}_term_counts_delete`)} before delete on ${sql.table(k.items)}
      begin ${sql.join(take, sql` `)} end`.execute(db);
    await sql`create trigger ${sql.id(`${k.items}_term_counts_status`)} after update of status on ${sql.table(k.items)}
      when old.status is not new.status
      begin ${sql.join(take, sql` `)} ${sql.join(give, sql` `)} end`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    for (const l of LINKS) {
      await sql`drop trigger ${sql.id(`${l.links}_term_counts`)} on ${sql.table(l.links)}`.execute(db);
      await sql`drop function ${sql.id(`${l.links}_term_counts`)}()`.execute(db);
    }
    for (const k of KINDS) {
      await sql`drop trigger ${sql.id(`${k.items}_term_counts_delete`)} on ${sql.table(k.items)}`.execute(db);
      await sql`drop trigger ${sql.id(`${k.items}_term_counts_status`)} on ${sql.table(k.items)}`.execute(db);
      await sql`drop function ${sql.id(`${k.items}_term_counts`)}()`.execute(db);
    }
  } else {
    for (const l of LINKS) {
      for (const name of ['insert', 'delete', 'update']) await sql`drop trigger ${sql.id(`${l.links}_term_counts_${name}`)}`.execute(db);
    }
    for (const k of KINDS) {
      for (const name of ['delete', 'status']) await sql`drop trigger ${sql.id(`${k.items}_term_counts_${name}`)}`.execute(db);
    }
  }
  await db.schema.dropTable('term_item_counts').execute();
}
