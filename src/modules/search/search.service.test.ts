import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { ensureTaxonomy } from '../taxonomy/index.js';
import { loadTaxonomy } from '../importer/index.js';
import { databaseForBlock } from '../../../test/helpers/test-database.js';
import { createArticle, createEvent } from '../../../test/helpers/factories.js';
import { rebuildIndex, reindexItem, searchSite, type SearchFilters, type SearchHit } from './search.service.js';
import { NotFoundError } from '../../shared/errors.js';
import { dialectOf, searchIndexFor } from './search-index.js';
import { parseSearchQuery } from './search-text.js';

type Db = Kysely<Database>;

/** The instant of every search here: the items are published without a time, so any instant sees them. */
const NOW = new Date('2026-11-23T02:00:00Z');

async function tag(db: Db, kind: 'event' | 'article', id: number, what: 'topic' | 'programme', slug: string): Promise<void> {
  if (what === 'topic') {
    const { id: termId } = await db.selectFrom('topics').select('id').where('slug', '=', slug).executeTakeFirstOrThrow();
    if (kind === 'event') await db.insertInto('event_topics').values({ event_id: id, topic_id: termId }).execute();
    else await db.insertInto('article_topics').values({ article_id: id, topic_id: termId }).execute();
  } else {
    const { id: termId } = await db.selectFrom('programmes').select('id').where('slug', '=', slug).executeTakeFirstOrThrow();
    if (kind === 'event') await db.insertInto('event_programmes').values({ event_id: id, programme_id: termId }).execute();
    else await db.insertInto('article_programmes').values({ article_id: id, programme_id: termId }).execute();
  }
}

async function find(db: Db, q: string, filters: SearchFilters = {}, lang: 'en' | 'vi' = 'en', page = 1): Promise<SearchHit[]> {
  const outcome = await searchSite(db, { q, filters, page, lang, now: NOW });
  assert.equal(outcome.state, 'results', `${q}: ${JSON.stringify(outcome)}`);
  return outcome.state === 'results' ? outcome.hits : [];
}

function titles(hits: SearchHit[]): string[] {
  return hits.map((h) => h.title.map((p) => p.text).join(''));
}

describe('search: Vietnamese with and without diacritics', () => {
  let db: Db;
  databaseForBlock((opened) => (db = opened));
  before(async () => {
    await createEvent(db, {
      slug: 'coffee-visit',
      title: 'Training visit to a coffee cooperative',
      start: '2022-03-10',
      end: '2022-03-12',
      city: 'Dak Lak',
      vi: { title: 'Chuyến thăm hợp tác xã cà phê ở Đắk Lắk', description: 'Dự án Quỹ Tầm nhìn Không tai nạn tại Việt Nam.' },
    });
    await createArticle(db, {
      slug: 'dak-lak-story',
      title: 'Stories from Dak Lak Province',
      date: '2022-04-05',
      summary: 'Coffee farmers in the Central Highlands of Viet Nam.',
    });
    await createArticle(db, { slug: 'unrelated', title: 'Maternity coverage', summary: 'Benefits for women workers.' });
    await rebuildIndex(db);
  });

  test('"Dak Lak" finds "Đắk Lắk", and "Đắk Lắk" finds "Dak Lak"', async () => {
    const plain = await find(db, 'Dak Lak', {}, 'vi');
    assert.deepEqual(titles(plain).sort(), ['Chuyến thăm hợp tác xã cà phê ở Đắk Lắk', 'Stories from Dak Lak Province']);
    const marked = plain.flatMap((h) => h.title.filter((p) => p.mark).map((p) => p.text));
    assert.ok(marked.includes('Đắk Lắk'), JSON.stringify(marked));

    const accented = await find(db, 'Đắk Lắk', {}, 'en');
    assert.deepEqual(titles(accented).sort(), ['Stories from Dak Lak Province', 'Training visit to a coffee cooperative']);
  });

  test('"viet nam" finds "Việt Nam", and "Việt Nam" finds "Viet Nam"', async () => {
    const plain = await find(db, 'viet nam', {}, 'vi');
    const event = plain.find((h) => h.kind === 'event');
    assert.ok(event, 'the event whose Vietnamese text says Việt Nam');
    assert.equal(event.textLang, 'vi');
    assert.ok(event.snippet.some((p) => p.mark && p.text === 'Việt Nam'), JSON.stringify(event.snippet));

    const accented = await find(db, 'Việt Nam', {}, 'en');
    const article = accented.find((h) => h.kind === 'article');
    assert.ok(article, 'the article whose summary says Viet Nam');
    assert.ok(article.snippet.some((p) => p.mark && p.text === 'Viet Nam'));
  });

  test('typed with diacritics, exact matches rank above folded ones; typed without, the reverse', async () => {
    const accented = await find(db, 'Đắk Lắk', {}, 'vi');
    assert.equal(accented[0]?.kind, 'event', 'the Vietnamese text with Đắk Lắk comes first');
    assert.equal(accented[0]?.textLang, 'vi');
    assert.equal(accented.length, 2);

    const plain = await find(db, 'Dak Lak', {}, 'en');
    // On the English page the event's English text (city "Dak Lak") matches as typed, like the article;
    // the article has it in its title, which weighs most.
    assert.equal(plain[0]?.kind, 'article');
  });

  test('one result per item, in the page language when that text matches', async () => {
    const vi = await find(db, 'coffee', {}, 'vi');
    // Only the English text of the event says "coffee": it is shown, marked as English.
    const event = vi.find((h) => h.kind === 'event');
    assert.equal(event?.textLang, 'en');
    assert.equal(vi.filter((h) => h.kind === 'event').length, 1);

    const both = await find(db, 'Dak Lak', {}, 'vi');
    assert.equal(both.find((h) => h.kind === 'event')?.textLang, 'vi');
    const en = await find(db, 'Dak Lak', {}, 'en');
    assert.equal(en.find((h) => h.kind === 'event')?.textLang, 'en');
  });

  test('odd queries never reach the database as syntax', async () => {
    for (const q of ['"', 'AND', 'NOT "', '(((', 'title:', '*', 'NEAR(a b)', "'; drop table events; --", '^', 'a OR', '\\']) {
      const outcome = await searchSite(db, { q, filters: {}, page: 1, lang: 'en', now: NOW });
      assert.ok(outcome.state === 'problem' || outcome.state === 'results', `${q}: ${outcome.state}`);
    }
    const sneaky = await find(db, "'; drop table events; --", {}, 'en');
    assert.deepEqual(sneaky, []);
    assert.ok(await db.selectFrom('events').select('id').executeTakeFirst());
  });
});

describe('search: what is searchable, filters, ranking, pages', () => {
  let db: Db;
  const ids: Record<string, number> = {};
  databaseForBlock((opened) => (db = opened));
  before(async () => {
    await ensureTaxonomy(db, loadTaxonomy(), '2026-01-01T00:00:00.000Z');
    const workshop = { title: 'Workshop on child labour in agriculture', start: '2020-12-28', end: '2021-01-03', eventType: 'workshop', venue: 'Melia Hotel', city: 'Hanoi' } as const;
    ids.workshop = (await createEvent(db, workshop)).id;
    ids.webinar = (await createEvent(db, { title: 'Webinar on labour migration', start: '2020-07-16', eventType: 'webinar' })).id;
    ids.draft = (await createEvent(db, { title: 'Secret child labour plans', status: 'draft' })).id;
    ids.article = (
      await createArticle(db, {
        title: 'A story of hope',
        date: '2022-08-22',
        summary: 'A former child labourer looks forward.',
        body: 'She trained with **ENHANCE** support. The child labour free zone helped.',
        byline: { kind: 'by', name: 'Nguyễn Thị Hoa', role: 'Officer', organisation: 'ILO Viet Nam' },
      })
    ).id;
    await tag(db, 'event', ids.workshop, 'topic', 'child-labour');
    await tag(db, 'event', ids.workshop, 'programme', 'enhance');
    await tag(db, 'article', ids.article, 'topic', 'child-labour');
    await tag(db, 'event', ids.webinar, 'topic', 'labour-migration');
    await rebuildIndex(db);
  });

  test('only published items are found', async () => {
    const hits = await find(db, 'child labour');
    assert.ok(!titles(hits).includes('Secret child labour plans'));
    assert.equal(hits.length, 2);
    // Publishing needs no reindexing: the index reads the status live.
    await db.updateTable('events').set({ status: 'published' }).where('id', '=', ids.draft!).execute();
    assert.ok(titles(await find(db, 'child labour')).includes('Secret child labour plans'));
    await db.updateTable('events').set({ status: 'draft' }).where('id', '=', ids.draft!).execute();
  });

  test('title words rank above body words; a phrase must be in a row', async () => {
    const hits = await find(db, 'child labour');
    assert.deepEqual(titles(hits), ['Workshop on child labour in agriculture', 'A story of hope']);
    assert.ok(hits[1]?.snippet.some((p) => p.mark));
    const phrase = await find(db, '"labour child"');
    assert.deepEqual(phrase, []);
  });

  test('topics, programmes, places and bylines are searchable', async () => {
    assert.deepEqual(titles(await find(db, 'ENHANCE')).sort(), ['A story of hope', 'Workshop on child labour in agriculture']);
    assert.deepEqual(titles(await find(db, 'melia')), ['Workshop on child labour in agriculture']);
    const byline = await find(db, 'nguyen thi hoa');
    assert.deepEqual(titles(byline), ['A story of hope']);
    assert.ok(byline[0]?.snippet.some((p) => p.mark && p.text === 'Nguyễn Thị Hoa'));
    assert.deepEqual(titles(await find(db, 'migration')), ['Webinar on labour migration']);
  });

  test('Markdown syntax is not indexed or shown', async () => {
    const hits = await find(db, 'trained');
    assert.ok(hits[0]?.snippet.every((p) => !p.text.includes('**')), JSON.stringify(hits[0]?.snippet));
  });

  test('filters: kind, year (events running into it too), topic, programme, event type', async () => {
    assert.deepEqual(titles(await find(db, 'labour', { kind: 'article' })), ['A story of hope']);
    assert.deepEqual(titles(await find(db, 'labour', { year: 2021 })), ['Workshop on child labour in agriculture']);
    assert.deepEqual(titles(await find(db, 'labour', { year: 2020 })).sort(), ['Webinar on labour migration', 'Workshop on child labour in agriculture']);
    assert.deepEqual(titles(await find(db, 'labour', { topic: 'labour-migration' })), ['Webinar on labour migration']);
    assert.deepEqual(titles(await find(db, 'labour', { programme: 'enhance' })), ['Workshop on child labour in agriculture']);
    assert.deepEqual(titles(await find(db, 'labour', { type: 'webinar' })), ['Webinar on labour migration']);
    assert.deepEqual(await find(db, 'labour', { type: 'webinar', kind: 'article' }), []);
    assert.deepEqual(await find(db, 'labour', { topic: 'no-such-topic' }), []);
  });

  test('filters alone list what they select, newest first', async () => {
    assert.deepEqual(titles(await find(db, '', { topic: 'child-labour' })), ['A story of hope', 'Workshop on child labour in agriculture']);
    assert.deepEqual(await searchSite(db, { q: '  ', filters: {}, page: 1, lang: 'en', now: NOW }), { state: 'blank' });
  });

  test('reindexItem follows an edit and a deletion', async () => {
    await db.updateTable('event_translations').set({ title: 'Webinar on overseas workers' }).where('event_id', '=', ids.webinar!).execute();
    assert.deepEqual(await find(db, 'overseas'), []);
    await reindexItem(db, 'event', ids.webinar!);
    assert.deepEqual(titles(await find(db, 'overseas')), ['Webinar on overseas workers']);
    assert.deepEqual(titles(await find(db, 'webinar')), ['Webinar on overseas workers']);
    // Reindexing inside a caller's transaction works too, and a deleted item leaves the index.
    await db.transaction().execute(async (trx) => {
      await trx.deleteFrom('events').where('id', '=', ids.webinar!).execute();
      await reindexItem(trx, 'event', ids.webinar!);
    });
    assert.deepEqual(await find(db, 'overseas'), []);
    const left = await db.selectFrom('search_documents').select('id').where('item_id', '=', ids.webinar!).where('kind', '=', 'event').execute();
    assert.deepEqual(left, []);
  });
});

describe('search: an unfinished last word', () => {
  let db: Db;
  databaseForBlock((opened) => (db = opened));
  before(async () => {
    await createEvent(db, { title: 'Workshop on labour inspection', start: '2024-03-01' });
    await createArticle(db, { title: 'Minimum wages', date: '2024-04-01', vi: { title: 'Lương tối thiểu vùng' } });
    // More words starting alike than are looked up one by one: the index is asked for the prefix itself.
    const many = Array.from({ length: 40 }, (_, i) => `zebu${String.fromCharCode(97 + (i % 26))}${i}`).join(' ');
    await createArticle(db, { title: 'Herds', date: '2024-05-01', summary: many });
    await rebuildIndex(db);
  });

  test('finds the words it starts, as typed and without diacritics', async () => {
    assert.deepEqual(titles(await find(db, 'labour inspec')), ['Workshop on labour inspection']);
    assert.deepEqual(titles(await find(db, 'lươn', {}, 'vi')), ['Lương tối thiểu vùng']);
    assert.deepEqual(titles(await find(db, 'toi thie', {}, 'vi')), ['Lương tối thiểu vùng']);
    assert.deepEqual(await find(db, 'inspecx'), []);
    assert.deepEqual(titles(await find(db, 'zebu')), ['Herds']);
  });

  test('finds words of items saved after the index was built', async () => {
    const { id } = await createEvent(db, { title: 'Seminar on apprenticeships', start: '2024-06-01' });
    assert.deepEqual(await find(db, 'apprentic'), []);
    await reindexItem(db, 'event', id);
    assert.deepEqual(titles(await find(db, 'apprentic')), ['Seminar on apprenticeships']);
    // On SQLite the word was kept to complete prefixes with, so the index is asked for it alone.
    const index = searchIndexFor(dialectOf(db));
    if (index.dialect === 'sqlite') {
      const parsed = parseSearchQuery('apprentic');
      assert.ok(parsed.ok);
      const completed = await index.completePrefixes(db, parsed.query);
      assert.deepEqual(completed.terms[0]?.completions, { plain: ['apprenticeships'], folded: ['apprenticeships'] });
    }
  });
});

describe('search: words of the index', () => {
  let db: Db;
  databaseForBlock((opened) => (db = opened));

  /** Every document's stored words, as the database shows them, by kind, item and language. */
  async function storedWords(): Promise<unknown[]> {
    const query =
      dialectOf(db) === 'postgres'
        ? sql`select d.kind, d.item_id, d.lang, d.words::text as words, d.folded_words::text as folded, d.term_words::text as terms
            from search_documents d order by d.kind, d.item_id, d.lang`
        : sql`select d.kind, d.item_id, d.lang, f.* from search_documents d join search_fts f on f.rowid = d.id
            order by d.kind, d.item_id, d.lang`;
    return (await query.execute(db)).rows;
  }

  /** The words kept for the item's topics and programmes, sorted. */
  async function termWordsOf(kind: 'event' | 'article', id: number): Promise<string[]> {
    const query =
      dialectOf(db) === 'postgres'
        ? sql<{ word: string }>`select l.lexeme as word from search_documents d, unnest(d.term_words) l
            where d.kind = ${kind} and d.item_id = ${id} and d.lang = 'en'`
        : sql<{ word: string }>`select f.terms as word from search_documents d join search_fts f on f.rowid = d.id
            where d.kind = ${kind} and d.item_id = ${id} and d.lang = 'en'`;
    return (await query.execute(db)).rows.flatMap((r) => r.word.split(' ')).filter(Boolean).sort();
  }

  async function termId(table: 'topics' | 'programmes', slug: string): Promise<number> {
    return (await db.selectFrom(table).select('id').where('slug', '=', slug).executeTakeFirstOrThrow()).id;
  }

  test('are the same written for one item as for all at once', async () => {
    await ensureTaxonomy(db, loadTaxonomy(), '2026-01-01T00:00:00.000Z');
    const { id } = await createEvent(db, { title: 'Đối thoại về lương tối thiểu', description: 'Wages, *minimum* wages.', vi: { title: 'Đối thoại' } });
    await tag(db, 'event', id, 'topic', 'child-labour');
    const article = await createArticle(db, { title: 'Hope', summary: 'A former child labourer.', body: 'Trained with **ENHANCE**.', byline: { kind: 'by', name: 'Nguyễn Thị Hoa', role: 'Officer', organisation: 'ILO' } });
    await tag(db, 'article', article.id, 'programme', 'enhance');
    await rebuildIndex(db);
    const many = await storedWords();
    assert.equal(many.length, 3);
    await reindexItem(db, 'event', id);
    await reindexItem(db, 'article', article.id);
    assert.deepEqual(await storedWords(), many);
  });

  test("keep an item's topics and programmes, which no query reaches, as its tags change", async () => {
    await ensureTaxonomy(db, loadTaxonomy(), '2026-01-01T00:00:00.000Z');
    const { id } = await createEvent(db, { title: 'Pay in the garment sector' });
    await tag(db, 'event', id, 'topic', 'child-labour');
    await tag(db, 'event', id, 'programme', 'enhance');
    await reindexItem(db, 'event', id);
    const [topic, programme] = [await termId('topics', 'child-labour'), await termId('programmes', 'enhance')];
    assert.deepEqual(await termWordsOf('event', id), [`p${programme}`, `t${topic}`].sort());
    // Typed, the words are only the visitor's: the tags' words are not found.
    for (const typed of [`t${topic}`, `#t${topic}`, `p${programme}`]) assert.deepEqual(titles(await find(db, typed)), [], typed);
    assert.deepEqual(titles(await find(db, 'garment', { topic: 'child-labour' })), ['Pay in the garment sector']);

    await db.deleteFrom('event_topics').where('event_id', '=', id).execute();
    await reindexItem(db, 'event', id);
    assert.deepEqual(await termWordsOf('event', id), [`p${programme}`]);
    assert.deepEqual(titles(await find(db, 'garment', { topic: 'child-labour' })), []);
    assert.deepEqual(titles(await find(db, 'garment', { programme: 'enhance' })), ['Pay in the garment sector']);
  });
});

describe('search: pages', () => {
  let db: Db;
  databaseForBlock((opened) => (db = opened));
  before(async () => {
    for (let i = 1; i <= 25; i += 1) await createArticle(db, { title: `Cooperative news ${i}`, date: `2021-01-${String(i).padStart(2, '0')}` });
    await rebuildIndex(db);
  });

  test('20 to a page, newest first among equals; a page past the last is not found', async () => {
    const first = await searchSite(db, { q: 'cooperative', filters: {}, page: 1, lang: 'en', now: NOW });
    assert.equal(first.state, 'results');
    if (first.state !== 'results') return;
    assert.equal(first.info.total, 25);
    assert.equal(first.info.pages, 2);
    assert.equal(first.hits.length, 20);
    const second = await find(db, 'cooperative', {}, 'en', 2);
    assert.equal(second.length, 5);
    assert.equal(titles(second).at(-1), 'Cooperative news 1');
    await assert.rejects(searchSite(db, { q: 'cooperative', filters: {}, page: 3, lang: 'en', now: NOW }), NotFoundError);
    assert.equal(first.more, false);
  });

  test('a query found in more documents than are ranked ranks the newest, says there are more, and narrower queries reach older ones', async () => {
    const request = { q: 'cooperative', filters: {}, page: 1, lang: 'en', now: NOW } as const;
    const capped = await searchSite(db, request, { rankedDocuments: 10 });
    assert.equal(capped.state, 'results');
    if (capped.state !== 'results') return;
    assert.equal(capped.more, true);
    assert.equal(capped.info.total, 10);
    assert.equal(capped.info.pages, 1);
    // Indexed in order, so the newest documents are the last ten articles.
    assert.deepEqual(
      titles(capped.hits),
      Array.from({ length: 10 }, (_, i) => `Cooperative news ${25 - i}`),
    );
    await assert.rejects(searchSite(db, { ...request, page: 2 }, { rankedDocuments: 10 }), NotFoundError);

    const older = await searchSite(db, { ...request, q: 'cooperative news 3' }, { rankedDocuments: 10 });
    assert.ok(older.state === 'results');
    assert.equal(older.more, false);
    assert.deepEqual(titles(older.hits), ['Cooperative news 3']);
  });

  test('a rebuilt index numbers documents in order of their items’ last change, so the ranked ones stay the newest', async () => {
    const { article_id } = await db.selectFrom('article_translations').select('article_id').where('title', '=', 'Cooperative news 3').executeTakeFirstOrThrow();
    await db.updateTable('articles').set({ updated_at: '2030-01-01T00:00:00.000Z' }).where('id', '=', article_id).execute();
    await rebuildIndex(db);
    const capped = await searchSite(db, { q: 'cooperative', filters: {}, page: 1, lang: 'en', now: NOW }, { rankedDocuments: 10 });
    assert.ok(capped.state === 'results');
    const shown = titles(capped.hits);
    assert.ok(shown.includes('Cooperative news 3'), shown.join());
    assert.ok(!shown.includes('Cooperative news 16'), shown.join());
    assert.equal(shown.length, 10);
  });
});
