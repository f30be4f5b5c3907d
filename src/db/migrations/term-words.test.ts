/**
 * The search index keeps each document's item's topics and programmes beside
 * its words (migration 2026-12-10T0900): documents indexed before it are
 * given their items' tags, and keep their words, on both databases.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql, type Kysely } from 'kysely';
import type { DatabaseHandle } from '../database.js';
import { isPostgres } from './portable.js';
import { insertStamped, migrateTestDatabase, openTestDatabase } from '../../../test/helpers/test-database.js';

const STAMP = '2026-01-01T00:00:00.000Z';

describe("the tags of documents indexed before the index kept them", () => {
  let handle: DatabaseHandle;
  let db: Kysely<any>;
  const ids: Record<string, number> = {};

  const insert = (table: string, values: Record<string, unknown>) => insertStamped(db, STAMP, table, values);

  /** A document with its words as the index wrote them before the migration (the title only). */
  async function indexed(kind: 'event' | 'article', itemId: number, title: string, day: string): Promise<number> {
    const row = await db
      .insertInto('search_documents')
      .values({ kind, item_id: itemId, lang: 'en', title, status: 'published', text_status: 'published', sort_date: day, last_day: day })
      .returning('id')
      .executeTakeFirstOrThrow();
    const id = Number(row.id);
    if (isPostgres(db)) {
      await sql`update search_documents set words = to_tsvector('simple', ${title}), folded_words = to_tsvector('simple', ${title}) where id = ${id}`.execute(db);
    } else {
      await sql`insert into search_fts (rowid, title, title_f) values (${id}, ${title}, ${title})`.execute(db);
    }
    return id;
  }

  /** Each document's title words and tag words after the migration, by document. */
  async function stored(): Promise<Record<number, { words: string; tags: string }>> {
    const rows = isPostgres(db)
      ? await sql<{ id: number; words: string; tags: string }>`select d.id,
          array_to_string(array(select l.lexeme from unnest(d.folded_words) l order by l.lexeme), ' ') as words,
          array_to_string(array(select l.lexeme from unnest(d.term_words) l order by l.lexeme), ' ') as tags
        from search_documents d`.execute(db)
      : await sql<{ id: number; words: string; tags: string }>`select rowid as id, title_f as words, terms as tags from search_fts`.execute(db);
    const sorted = (text: string | null) => (text ?? '').split(' ').filter(Boolean).sort().join(' ');
    return Object.fromEntries(rows.rows.map((r) => [Number(r.id), { words: sorted(r.words), tags: sorted(r.tags) }]));
  }

  before(async () => {
    handle = await openTestDatabase({ migrateTo: '2026-12-09T0900-copy-article-dates-to-term-links' });
    db = handle.db as unknown as Kysely<any>;
    ids.wages = await insert('topics', { slug: 'wages' });
    ids.safety = await insert('topics', { slug: 'safety' });
    ids.bw = await insert('programmes', { slug: 'better-work' });
    ids.one = await insert('events', { slug: 'one', status: 'published', start_date: '2026-03-01' });
    ids.two = await insert('events', { slug: 'two', status: 'published', start_date: '2026-03-02' });
    ids.three = await insert('articles', { slug: 'three', status: 'published', published_on: '2026-03-03' });
    await db.insertInto('event_topics').values({ event_id: ids.one, topic_id: ids.wages }).execute();
    await db.insertInto('event_topics').values({ event_id: ids.one, topic_id: ids.safety }).execute();
    await db.insertInto('event_programmes').values({ event_id: ids.one, programme_id: ids.bw }).execute();
    await db.insertInto('article_topics').values({ article_id: ids.three, topic_id: ids.wages }).execute();
    ids.docOne = await indexed('event', ids.one, 'garment wages', '2026-03-01');
    ids.docTwo = await indexed('event', ids.two, 'dialogue', '2026-03-02');
    ids.docThree = await indexed('article', ids.three, 'hope', '2026-03-03');
    await migrateTestDatabase(handle);
  });
  after(() => handle.destroy());

  test("each document is given its item's topics and programmes, and keeps its words", async () => {
    assert.deepEqual(await stored(), {
      [ids.docOne!]: { words: 'garment wages', tags: [`p${ids.bw}`, `t${ids.safety}`, `t${ids.wages}`].sort().join(' ') },
      [ids.docTwo!]: { words: 'dialogue', tags: '' },
      [ids.docThree!]: { words: 'hope', tags: `t${ids.wages}` },
    });
  });

  test('the index finds the words within a tag', async () => {
    const found = isPostgres(db)
      ? await sql<{ id: number }>`select id from search_documents where folded_words @@ to_tsquery('simple', 'wages') and term_words @@ ${`'t${ids.wages}'`}::tsquery`.execute(db)
      : await sql<{ id: number }>`select rowid as id from search_fts where search_fts match ${`{title_f} : "wages" AND {terms} : "t${ids.wages}"`}`.execute(db);
    assert.deepEqual(found.rows.map((r) => Number(r.id)), [ids.docOne]);
  });
});
