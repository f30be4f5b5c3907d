import { sql, type Kysely } from 'kysely';
import { isPostgres } from './portable.js';

/** The tables linking an article to a topic or a programme, and the term's column in each. */
const LINKS = [
  { links: 'article_topics', termId: 'topic_id', term: 'topic' },
  { links: 'article_programmes', termId: 'programme_id', term: 'programme' },
] as const;

/** The article's columns each link keeps a copy of: what decides whether it is live, and its date. */
const COPIED = ['status', 'publish_at', 'published_on'] as const;

/**
 * Each link of an article to a topic or a programme keeps the article's
 * status, publication time and date, with an index on the term, the status
 * and the date, newest first, then the article: the order of the articles
 * listing. A term's newest articles (an event's related articles, a topic's
 * page) are then the start of that index's range for the term. Found from
 * the articles' side, every article was read newest first and looked up in
 * the term's links until enough were found: an event whose one topic had a
 * single article among 50,000 took 45 ms. As for events' links (migration
 * 2026-12-05T1015), the database keeps the copies, by triggers on a link's
 * insert and on an article's change, and nothing else writes them.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const columns = sql.join(COPIED.map((c) => sql.ref(c)));
  for (const l of LINKS) {
    for (const c of COPIED) await db.schema.alterTable(l.links).addColumn(c, 'text').execute();
    await sql`update ${sql.table(l.links)} set (${columns}) = (select ${columns} from articles as a where a.id = ${sql.table(l.links)}.article_id)`.execute(db);
    await db.schema
      .createIndex(`${l.links}_dates_idx`)
      .on(l.links)
      .columns([l.termId, 'status', 'published_on desc', 'article_id', 'publish_at'])
      .execute();
  }

  await countOnlyMovedLinks(db, 'narrow');

  const fromArticle = sql.join(COPIED.map((c) => sql`new.${sql.ref(c)}`));
  if (isPostgres(db)) {
    const changed = sql.join(
      COPIED.map((c) => sql`old.${sql.ref(c)} is distinct from new.${sql.ref(c)}`),
      sql` or `,
    );
    await sql`create function article_term_links_dates() returns trigger language plpgsql as $$
      begin
        select ${sql.join(COPIED.map((c) => sql`a.${sql.ref(c)}`))} into ${sql.join(COPIED.map((c) => sql`new.${sql.ref(c)}`))}
          from articles as a where a.id = new.article_id;
        return new;
      end
    $$`.execute(db);
    for (const l of LINKS) {
      await sql`create trigger ${sql.id(`${l.links}_dates`)} before insert or update of article_id on ${sql.table(l.links)}
        for each row execute function article_term_links_dates()`.execute(db);
    }
    await sql`create function articles_term_links_dates() returns trigger language plpgsql as $$
      begin
        ${sql.join(
          LINKS.map((l) => sql`update ${sql.table(l.links)} set (${columns}) = (${fromArticle}) where article_id = new.id;`),
          sql` `,
        )}
        return null;
      end
    $$`.execute(db);
    await sql`create trigger articles_term_links_dates after update on articles
      for each row when (${changed}) execute function articles_term_links_dates()`.execute(db);
    return;
  }

  const changed = sql.join(
    COPIED.map((c) => sql`old.${sql.ref(c)} is not new.${sql.ref(c)}`),
    sql` or `,
  );
  for (const l of LINKS) {
    const copy = sql`update ${sql.table(l.links)} set (${columns}) = (select ${columns} from articles as a where a.id = new.article_id)
      where article_id = new.article_id and ${sql.ref(l.termId)} = new.${sql.ref(l.termId)};`;
    await sql`create trigger ${sql.id(`${l.links}_dates_insert`)} after insert on ${sql.table(l.links)} begin ${copy} end`.execute(db);
    await sql`create trigger ${sql.id(`${l.links}_dates_update`)} after update of article_id on ${sql.table(l.links)} begin ${copy} end`.execute(db);
  }
  await sql`create trigger articles_term_links_dates after update on articles when ${changed}
    begin ${sql.join(
      LINKS.map((l) => sql`update ${sql.table(l.links)} set (${columns}) = (${fromArticle}) where article_id = new.id;`),
      sql` `,
    )} end`.execute(db);
}

/**
 * The per-term counts' triggers on the links (migration 2026-12-05T0530)
 * fire, once narrowed, on a change of the link's article or term alone: a
 * change of the copies is no change of a link, and on SQLite, where a new
 * link gets its copies by an update after its insert, the counts' update
 * trigger would take the link off a count not yet made before the insert's
 * trigger adds it. 'widen' puts them back as they were.
 */
async function countOnlyMovedLinks(db: Kysely<any>, how: 'narrow' | 'widen'): Promise<void> {
  for (const l of LINKS) {
    const on = how === 'narrow' ? sql`update of article_id, ${sql.ref(l.termId)}` : sql`update`;
    if (isPostgres(db)) {
      await sql`drop trigger ${sql.id(`${l.links}_term_counts`)} on ${sql.table(l.links)}`.execute(db);
      // Inserts are counted per statement there (migration 2026-12-06T0900), by a trigger of their own.
      await sql`create trigger ${sql.id(`${l.links}_term_counts`)} after ${on} or delete on ${sql.table(l.links)}
        for each row execute function ${sql.id(`${l.links}_term_counts`)}()`.execute(db);
      continue;
    }
    const published = (row: 'old' | 'new') => sql`exists (select 1 from articles as i where i.id = ${sql.raw(row)}.article_id and i.status = 'published')`;
    const take = sql`update term_item_counts set n = n - 1
      where kind = 'article' and term = ${sql.lit(l.term)} and term_id = old.${sql.ref(l.termId)} and ${published('old')};`;
    const give = sql`insert into term_item_counts (kind, term, term_id, n)
      select 'article', ${sql.lit(l.term)}, new.${sql.ref(l.termId)}, 1 where ${published('new')}
      on conflict (kind, term, term_id) do update set n = n + 1;`;
    await sql`drop trigger ${sql.id(`${l.links}_term_counts_update`)}`.execute(db);
    await sql`create trigger ${sql.id(`${l.links}_term_counts_update`)} after ${on} on ${sql.table(l.links)} begin ${take} ${give} end`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await countOnlyMovedLinks(db, 'widen');
  if (isPostgres(db)) {
    for (const l of LINKS) await sql`drop trigger ${sql.id(`${l.links}_dates`)} on ${sql.table(l.links)}`.execute(db);
    await sql`drop trigger articles_term_links_dates on articles`.execute(db);
    await sql`drop function article_term_links_dates()`.execute(db);
    await sql`drop function articles_term_links_dates()`.execute(db);
  } else {
    for (const l of LINKS) {
      await sql`drop trigger ${sql.id(`${l.links}_dates_insert`)}`.execute(db);
      await sql`drop trigger ${sql.id(`${l.links}_dates_update`)}`.execute(db);
    }
    await sql`drop trigger articles_term_links_dates`.execute(db);
  }
  for (const l of LINKS) {
    await db.schema.dropIndex(`${l.links}_dates_idx`).execute();
    for (const c of COPIED) await db.schema.alterTable(l.links).dropColumn(c).execute();
  }
}
