/**
 * The search reads what it filters on from the search documents themselves
 * (kept by triggers) and stops after the newest matches. This compares it,
 * on 1,000 generated items, with a straightforward query that reads every
 * match's item and translations through content's live rule: the same items
 * in the same order, and the same totals, for words found in few and in most
 * documents, with filters, in both languages, after items and translations
 * change status behind the index's back.
 */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { sql, type Kysely } from 'kysely';
import type { Database, LangCode } from '../../db/schema.js';
import { databaseForBlock } from '../../../test/helpers/test-database.js';
import { isLive } from '../content/index.js';
import { generateContent } from '../importer/index.js';
import { lastDayOfDates } from '../../shared/dates/day-range.js';
import { PAGE_SIZE } from '../../shared/pagination.js';
import { searchIndexFor, dialectOf } from './search-index.js';
import { tsQueryText } from './postgres-search-index.js';
import { RANKED_DOCUMENTS, type SearchFilters } from './search.repository.js';
import { reindexItem, searchSite } from './search.service.js';
import { ftsExpression } from './sqlite-search-index.js';
import { parseSearchQuery, type SearchQuery } from './search-text.js';

type Db = Kysely<Database>;

const NOW = new Date('2026-11-23T02:00:00Z');

/** More hits than any case has: the generated items' documents, in both languages. */
const ALL_ON_ONE_PAGE = 2_500;

/**
 * Every hit of every page of searchSite, as `kind:id`, and the total it
 * reports. On one page of all the hits unless `pageSize` says otherwise:
 * each page ranks its candidates again, and the cases' words are found in up
 * to a thousand documents (paged as visitors page them, below, for three).
 */
async function searched(
  db: Db,
  q: string,
  filters: SearchFilters,
  lang: LangCode,
  options: { fewTagged?: number; pageSize?: number } = {},
): Promise<{ ids: string[]; total: number; more: boolean }> {
  const ids: string[] = [];
  for (let page = 1; ; page += 1) {
    const outcome = await searchSite(db, { q, filters, page, lang, now: NOW }, { pageSize: ALL_ON_ONE_PAGE, ...options });
    assert.equal(outcome.state, 'results');
    if (outcome.state !== 'results') return { ids, total: 0, more: false };
    ids.push(...outcome.hits.map((h) => `${h.kind}:${h.itemId}:${h.textLang}`));
    if (page >= outcome.info.pages) return { ids, total: outcome.info.total, more: outcome.more };
  }
}

/** Every document matching the words, by the database's full-text index, without any limit. */
function allMatches(db: Db, query: SearchQuery) {
  return dialectOf(db) === 'postgres'
    ? sql`select id from search_documents where folded_words @@ to_tsquery('simple', ${tsQueryText(query, true)})`
    : sql`select rowid as id from search_fts where search_fts match ${ftsExpression(query)}`;
}

/**
 * The reference: every matching document whose item is live by the rule on
 * the items' own rows, whose text is published (or English), filtered on the
 * items' own columns; the newest RANKED_DOCUMENTS of them ranked by the
 * database's scores, one per item (the page's language first), best first,
 * then newest.
 */
async function reference(db: Db, q: string, filters: SearchFilters, lang: LangCode, omitUntranslated: boolean): Promise<{ ids: string[]; total: number; more: boolean }> {
  // Without words, every item of the filters, newest first.
  const parsed = q.trim() === '' ? null : parseSearchQuery(q);
  assert.ok(parsed === null || parsed.ok);
  const query = parsed?.ok ? parsed.query : null;
  const published = (language: RawLang) => sql`(
    (d.kind = 'event' and exists (select 1 from event_translations x where x.event_id = d.item_id and x.lang = ${language} and x.status = 'published'))
    or (d.kind = 'article' and exists (select 1 from article_translations x where x.article_id = d.item_id and x.lang = ${language} and x.status = 'published')))`;
  const where = [sql`(${isLive('e', NOW)} or ${isLive('a', NOW)})`, sql`(d.lang = 'en' or ${published(sql.ref('d.lang'))})`];
  if (omitUntranslated && lang !== 'en') where.push(published(sql.val(lang)));
  if (filters.kind) where.push(sql`d.kind = ${filters.kind}`);
  if (filters.type) where.push(sql`e.event_type = ${filters.type}`);
  if (filters.year !== undefined) {
    const [first, last] = [`${filters.year}-01-01`, `${filters.year}-12-31`];
    where.push(sql`((e.start_date <= ${last} and ${lastDayOfDates('e')} >= ${first}) or (a.published_on >= ${first} and a.published_on <= ${last}))`);
  }
  for (const [slug, terms, termId, eventLinks, articleLinks] of [
    [filters.topic, 'topics', 'topic_id', 'event_topics', 'article_topics'],
    [filters.programme, 'programmes', 'programme_id', 'event_programmes', 'article_programmes'],
  ] as const) {
    if (!slug) continue;
    const tagged = (links: string, fk: string) =>
      sql`(select x.${sql.ref(fk)} from ${sql.table(links)} x join ${sql.table(terms)} t on t.id = x.${sql.ref(termId)} where t.slug = ${slug})`;
    where.push(sql`((d.kind = 'event' and d.item_id in ${tagged(eventLinks, 'event_id')}) or (d.kind = 'article' and d.item_id in ${tagged(articleLinks, 'article_id')}))`);
  }
  const rows = await sql<{ id: number; kind: string; item_id: number; lang: string; sort_date: string }>`
    select d.id, d.kind, d.item_id, d.lang, coalesce(e.start_date, a.published_on) as sort_date
    from search_documents d
    left join events e on d.kind = 'event' and e.id = d.item_id
    left join articles a on d.kind = 'article' and a.id = d.item_id
    where ${query ? sql`d.id in (${allMatches(db, query)}) and` : sql``} ${sql.join(where, sql` and `)}
    order by d.id desc`.execute(db);
  const candidates = rows.rows.slice(0, query ? RANKED_DOCUMENTS : undefined).map((r) => ({ ...r, id: Number(r.id), item_id: Number(r.item_id) }));
  if (candidates.length === 0) return { ids: [], total: 0, more: false };
  // Named once, as the search names its candidates: the ranking reads them many times.
  const scored = query
    ? await sql<{ doc_id: number; score: number }>`with reference_candidates as (select id from search_documents where id in (${sql.join(candidates.map((c) => c.id))}))
    ${searchIndexFor(dialectOf(db)).scores(query, sql`reference_candidates`)}`.execute(db)
    : { rows: candidates.map((c) => ({ doc_id: c.id, score: 0 })) };
  const score = new Map(scored.rows.map((r) => [Number(r.doc_id), Number(r.score)]));
  const best = new Map<string, (typeof candidates)[number]>();
  const prefer = (c: (typeof candidates)[number]) => [c.lang === lang ? 0 : 1, score.get(c.id)!, c.id] as const;
  for (const c of candidates) {
    const key = `${c.kind}:${c.item_id}`;
    const held = best.get(key);
    const [a, b] = [prefer(c), held ? prefer(held) : undefined];
    if (!b || a[0] < b[0] || (a[0] === b[0] && (a[1] < b[1] || (a[1] === b[1] && a[2] < b[2])))) best.set(key, c);
  }
  const ordered = [...best.values()].sort(
    (x, y) =>
      score.get(x.id)! - score.get(y.id)! ||
      (x.sort_date < y.sort_date ? 1 : x.sort_date > y.sort_date ? -1 : 0) ||
      (x.kind < y.kind ? -1 : x.kind > y.kind ? 1 : 0) ||
      x.item_id - y.item_id,
  );
  return { ids: ordered.map((c) => `${c.kind}:${c.item_id}:${c.lang}`), total: ordered.length, more: query !== null && rows.rows.length > RANKED_DOCUMENTS };
}

type RawLang = ReturnType<typeof sql.ref> | ReturnType<typeof sql.val>;

const CASES: { q: string; filters: SearchFilters; lang: LangCode }[] = [
  // Found in most documents: more than are ranked.
  { q: 'workers', filters: {}, lang: 'en' },
  { q: 'lao động', filters: {}, lang: 'vi' },
  { q: 'lao dong', filters: {}, lang: 'vi' },
  // Found in fewer.
  { q: 'wages', filters: {}, lang: 'en' },
  { q: 'wag', filters: {}, lang: 'en' },
  { q: 'lao độn', filters: {}, lang: 'vi' },
  { q: 'lao don', filters: {}, lang: 'vi' },
  { q: 'child lab', filters: { kind: 'article' }, lang: 'en' },
  { q: '"minimum wages"', filters: {}, lang: 'en' },
  { q: 'lương tối thiểu', filters: {}, lang: 'vi' },
  { q: 'wages', filters: { kind: 'event' }, lang: 'en' },
  { q: 'wages', filters: { kind: 'article', year: 2024 }, lang: 'en' },
  { q: 'workshop', filters: { type: 'workshop', year: 2025 }, lang: 'en' },
  { q: 'bảo hiểm', filters: { kind: 'event' }, lang: 'vi' },
  // A topic's or a programme's few items (FEW_TAGGED).
  { q: 'wages', filters: { topic: 'social-protection' }, lang: 'en' },
  { q: 'lao động', filters: { topic: 'child-labour' }, lang: 'vi' },
  { q: 'workers', filters: { programme: 'enhance', kind: 'event' }, lang: 'en' },
  { q: 'work', filters: { topic: 'child-labour', programme: 'enhance' }, lang: 'en' },
  { q: 'viet nam', filters: { topic: 'rare-search' }, lang: 'en' },
  { q: 'lao động', filters: { topic: 'rare-search' }, lang: 'vi' },
  { q: 'wag', filters: { topic: 'rare-search' }, lang: 'en' },
  // Filters alone: every item they select, newest first, each counted once.
  { q: '', filters: { kind: 'article' }, lang: 'en' },
  { q: '', filters: { kind: 'event' }, lang: 'vi' },
  { q: '', filters: { year: 2024 }, lang: 'vi' },
  { q: '', filters: { type: 'workshop' }, lang: 'en' },
  { q: '', filters: { topic: 'child-labour' }, lang: 'vi' },
  { q: '', filters: { programme: 'enhance' }, lang: 'en' },
  { q: '', filters: { programme: 'enhance', year: 2025 }, lang: 'en' },
  { q: '', filters: { topic: 'rare-search', kind: 'event' }, lang: 'vi' },
];

describe('search at 1,000 items gives what the straightforward query gives', () => {
  let db: Db;
  databaseForBlock((opened) => (db = opened));
  before(async () => {
    await generateContent(db, { events: 500, articles: 500, now: NOW, seed: 11 });
    // Changes that reach the documents through the triggers only (no reindexing): unpublished and
    // scheduled items, an event moved to another year, unpublished Vietnamese texts.
    await sql`update events set status = 'draft' where id % 7 = 0`.execute(db);
    await sql`update articles set publish_at = ${'2027-01-01T00:00:00.000Z'} where id % 9 = 0`.execute(db);
    await sql`update articles set publish_at = ${'2026-01-01T00:00:00.000Z'} where id % 11 = 0`.execute(db);
    await sql`update events set start_date = '2025-06-01', end_date = null where id % 13 = 0`.execute(db);
    await sql`update event_translations set status = 'draft' where lang = 'vi' and event_id % 5 = 0`.execute(db);
    await sql`update article_translations set status = 'draft' where lang = 'vi' and article_id % 6 = 0`.execute(db);
    // A topic of a few items, spread over the archive: searched from its documents, each looked up, and ranked candidate by candidate.
    const rare = await db.insertInto('topics').values({ slug: 'rare-search', created_at: NOW.toISOString(), updated_at: NOW.toISOString() }).returning('id').executeTakeFirstOrThrow();
    await sql`insert into event_topics (event_id, topic_id) select id, ${rare.id} from events where id % 61 = 1`.execute(db);
    await sql`insert into article_topics (article_id, topic_id) select id, ${rare.id} from articles where id % 59 = 2`.execute(db);
    // Tagged as an editor would: the items saved again, and so reindexed with their new tag.
    for (const r of (await sql<{ id: number }>`select id from events where id % 61 = 1`.execute(db)).rows) await reindexItem(db, 'event', Number(r.id));
    for (const r of (await sql<{ id: number }>`select id from articles where id % 59 = 2`.execute(db)).rows) await reindexItem(db, 'article', Number(r.id));
  });

  for (const { q, filters, lang } of CASES) {
    test(`${q} ${JSON.stringify(filters)} (${lang})`, async () => {
      const expected = await reference(db, q, filters, lang, false);
      assert.ok(expected.ids.length > 0, 'the case finds something');
      assert.deepEqual(await searched(db, q, filters, lang), expected);
    });
  }

  // At this size every topic and programme has few items; counted as many, each is asked of the index with the words.
  for (const { q, filters, lang } of CASES.filter((c) => c.filters.topic || c.filters.programme)) {
    test(`${q} ${JSON.stringify(filters)} (${lang}), the term asked of the index`, async () => {
      const expected = await reference(db, q, filters, lang, false);
      assert.deepEqual(await searched(db, q, filters, lang, { fewTagged: 0 }), expected);
    });
  }

  test('with untranslated items left out of the Vietnamese site', async () => {
    await db.insertInto('settings').values({ key: 'untranslated', value: JSON.stringify('omit') }).execute();
    try {
      for (const [q, filters] of [['lao động', {}], ['wages', {}], ['', { kind: 'event' }], ['', { topic: 'child-labour' }]] as const) {
        const expected = await reference(db, q, filters, 'vi', true);
        assert.ok(expected.ids.length > 0);
        assert.deepEqual(await searched(db, q, filters, 'vi'), expected);
      }
    } finally {
      await db.deleteFrom('settings').where('key', '=', 'untranslated').execute();
    }
  });

  test('a word found in more documents than are ranked: the same newest ones ranked, and both say so', async () => {
    const expected = await reference(db, 'viet nam', {}, 'en', false);
    assert.equal(expected.more, true);
    assert.deepEqual(await searched(db, 'viet nam', {}, 'en'), expected);
  });

  test('paged as visitors page it, twenty hits a page: the same hits in the same order', async () => {
    for (const [q, filters, lang] of [['viet nam', {}, 'en'], ['lao động', {}, 'vi'], ['', { kind: 'event' }, 'vi']] as const) {
      const expected = await reference(db, q, filters, lang, false);
      const paged = await searched(db, q, filters, lang, { pageSize: PAGE_SIZE });
      assert.ok(paged.ids.length > 2 * PAGE_SIZE, `${q || JSON.stringify(filters)} fills more than two pages`);
      assert.deepEqual(paged, expected);
    }
  });
});
