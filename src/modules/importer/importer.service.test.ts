import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { sql, type Kysely } from 'kysely';
import type { DatabaseHandle } from '../../db/database.js';
import { openTestDatabase } from '../../../test/helpers/test-database.js';
import type { Database } from '../../db/schema.js';
import { ImportError } from '../../shared/errors.js';
import { textNames } from '../content/index.js';
import { eventKind } from '../events/index.js';
import { ensureTaxonomy } from '../taxonomy/index.js';
import { importListings, summarize, type ImportSource } from './importer.service.js';
import { contentDir, loadTaxonomy } from './sample-content.js';
import { createEvent } from '../../../test/helpers/factories.js';
import { reindexItem } from '../search/index.js';

const NOW = new Date('2026-11-23T02:00:00Z');
const seedFile = (name: string): ImportSource => ({ file: `content/seeds/${name}`, text: readFileSync(`${contentDir}seeds/${name}`, 'utf8') });
const fixture = (name: string): ImportSource => ({
  file: `test/fixtures/${name}`,
  text: readFileSync(new URL(`../../../test/fixtures/${name}`, import.meta.url), 'utf8'),
});

async function countRows(db: Kysely<Database>) {
  const events = await db.selectFrom('events').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const articles = await db.selectFrom('articles').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const texts = await db.selectFrom('event_translations').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return { events: Number(events.n), articles: Number(articles.n), eventTexts: Number(texts.n) };
}

async function eventText(db: Kysely<Database>, slug: string, lang: 'en' | 'vi') {
  return db
    .selectFrom('events as e')
    .innerJoin('event_translations as t', 't.event_id', 'e.id')
    .where('e.slug', '=', slug)
    .where('t.lang', '=', lang)
    .select(['t.title', 't.description', 'e.start_date', 'e.end_date', 'e.event_type', 'e.attendance_mode', 'e.status'])
    .executeTakeFirst();
}

describe('importListings', () => {
  let handle: DatabaseHandle;
  let db: Kysely<Database>;
  const taxonomy = loadTaxonomy();
  beforeEach(async () => {
    handle = await openTestDatabase();
    db = handle.db;
    await ensureTaxonomy(db, taxonomy, NOW.toISOString());
  });
  afterEach(() => handle.destroy());

  test('imports both seed pages and the Vietnamese events page as translations', async () => {
    const report = await importListings(db, [seedFile('events.en.txt'), seedFile('articles.en.txt'), seedFile('events.vi.txt')], {
      now: NOW,
      taxonomy,
    });
    const counts = summarize(report);
    assert.equal(counts.created, 58);
    assert.equal(counts['created-draft'], 0);
    assert.deepEqual(await countRows(db), { events: 20, articles: 20, eventTexts: 38 });
    // Vietnamese items are the vi text of the English items with the same dates.
    const vi = report.items.filter((i) => i.lang === 'vi');
    assert.equal(vi.length, 18);
    assert.ok(vi.every((i) => i.slug !== null && i.note?.startsWith('vi text of')));
    const survey = await eventText(db, 'enhance-project-endline-kap-survey', 'vi');
    assert.ok(survey, 'the KAP survey has Vietnamese text');
    assert.equal(survey.start_date, '2020-02-25');
    assert.equal(survey.end_date, '2020-02-29');
    assert.match(survey.title, /ENHANCE/);
  });

  test('Vietnamese pages become published Vietnamese text with its own slug and the English it was made from', async () => {
    await importListings(db, [seedFile('events.en.txt'), seedFile('events.vi.txt')], { now: NOW, taxonomy });
    const rows = await db
      .selectFrom('event_translations as t')
      .innerJoin('events as e', 'e.id', 't.event_id')
      .select(['e.slug as item_slug', 't.lang', 't.slug', 't.status', 't.source_snapshot', 't.translated_at', 't.title', 't.event_id'])
      .execute();
    const english = rows.filter((r) => r.lang === 'en');
    const vietnamese = rows.filter((r) => r.lang === 'vi');
    assert.equal(english.length, 20);
    assert.equal(vietnamese.length, 18);
    assert.ok(english.every((r) => r.slug === r.item_slug && r.status === 'published' && r.source_snapshot === null));
    assert.ok(vietnamese.every((r) => r.status === 'published' && r.translated_at === NOW.toISOString()));
    // Transliterated from the Vietnamese title.
    const meeting = vietnamese.find((r) => r.title.startsWith('Cuộc họp kỹ thuật lần thứ sáu'));
    assert.equal(meeting?.slug, 'cuoc-hop-ky-thuat-lan-thu-sau-cua-cac-chuyen-gia-dau-moi-ve-thong-ke-di-cu-lao');
    // No slug names two items, in any language.
    const owners = new Map<string, number>();
    for (const r of rows) {
      assert.ok(r.slug && /^[a-z0-9]+(-[a-z0-9]+)*$/.test(r.slug), String(r.slug));
      assert.ok((owners.get(r.slug) ?? r.event_id) === r.event_id, r.slug);
      owners.set(r.slug, r.event_id);
    }
    // The snapshot is the English text of the same event.
    const en = english.find((r) => r.event_id === meeting?.event_id);
    const snapshot = JSON.parse(String(meeting?.source_snapshot)) as Record<string, unknown>;
    assert.equal(snapshot.title, en?.title);
    // It holds the translatable fields events declare, in their order.
    assert.deepEqual(Object.keys(snapshot), textNames(eventKind.texts));
  });

  test('re-importing the same files creates nothing new', async () => {
    const sources = [seedFile('events.en.txt'), seedFile('articles.en.txt'), seedFile('events.vi.txt')];
    await importListings(db, sources, { now: NOW, taxonomy });
    const again = await importListings(db, sources, { now: NOW, taxonomy });
    const counts = summarize(again);
    assert.equal(counts.created + counts['created-draft'] + counts.changed, 0);
    assert.equal(counts.unchanged, 58);
    assert.deepEqual(await countRows(db), { events: 20, articles: 20, eventTexts: 38 });
  });

  test('a changed description is reported and applied', async () => {
    const original = seedFile('events.en.txt');
    await importListings(db, [original], { now: NOW });
    const edited = { ...original, text: original.text.replace('brings together representatives', 'gathers representatives') };
    const report = await importListings(db, [edited], { now: NOW });
    const changed = report.items.filter((i) => i.outcome === 'changed');
    assert.equal(changed.length, 1);
    assert.equal(changed[0]?.note, 'description');
    const row = await eventText(db, changed[0]!.slug!, 'en');
    assert.match(row?.description ?? '', /gathers representatives/);
  });

  test('--dry-run reports what would happen and writes nothing', async () => {
    const report = await importListings(db, [seedFile('events.en.txt')], { now: NOW, dryRun: true, taxonomy });
    assert.equal(report.dryRun, true);
    assert.equal(summarize(report).created, 20);
    assert.deepEqual(await countRows(db), { events: 0, articles: 0, eventTexts: 0 });
    const intro = await db.selectFrom('site_texts').selectAll().execute();
    assert.equal(intro.length, 0);
  });

  test('an entry repeated within a file is imported once and reported', async () => {
    const source = seedFile('articles.en.txt');
    // The first article again, word for word.
    const firstItem = source.text.split('\n').slice(3, 8).join('\n');
    assert.match(firstItem, /^ {2}1\. Potatoes and perseverance\n\n {4}29 March 2024\n\n {4}With resources/);
    const repeated = { ...source, text: `${source.text}\n\n\n${firstItem}\n` };
    const report = await importListings(db, [repeated], { now: NOW });
    const rep = report.items.filter((i) => i.outcome === 'repeated');
    assert.equal(rep.length, 1);
    assert.equal(rep[0]?.title, 'Potatoes and perseverance');
    assert.match(rep[0]?.note ?? '', /same entry as line 4/);
    assert.equal((await countRows(db)).articles, 20);
  });

  test('a line it cannot understand aborts the whole import, naming file and line', async () => {
    await assert.rejects(
      importListings(db, [seedFile('events.en.txt'), fixture('events-bad-date.en.txt')], { now: NOW }),
      (error: unknown) => {
        assert.ok(error instanceof ImportError);
        assert.equal(error.file, 'test/fixtures/events-bad-date.en.txt');
        assert.equal(error.line, 11);
        assert.match(error.message, /^test\/fixtures\/events-bad-date\.en\.txt:11: .*31 September 2020/);
        return true;
      },
    );
    // Nothing from the good file either.
    assert.deepEqual(await countRows(db), { events: 0, articles: 0, eventTexts: 0 });
  });

  test('a failure while writing rolls everything back', async () => {
    // The database refuses the third event (as a full disk would): the first two must not stay.
    if (handle.dialect === 'postgres') {
      await sql`create function fail_third() returns trigger language plpgsql as $$
        begin if (select count(*) from events) >= 3 then raise exception 'disk full'; end if; return new; end $$`.execute(db);
      await sql`create trigger fail_third after insert on events for each row execute function fail_third()`.execute(db);
    } else {
      await sql`create trigger fail_third after insert on events when (select count(*) from events) >= 3
        begin select raise(abort, 'disk full'); end`.execute(db);
    }
    await assert.rejects(importListings(db, [seedFile('events.en.txt')], { now: NOW }), /disk full/);
    assert.deepEqual(await countRows(db), { events: 0, articles: 0, eventTexts: 0 });
  });

  test('a listing page it has never seen: "Past events", no month headings, en dashes, a range across years', async () => {
    const report = await importListings(db, [fixture('events-2019.en.txt')], { now: NOW, taxonomy });
    assert.equal(summarize(report).created, 4);
    const launch = await eventText(db, 'launch-of-the-decent-work-country-programme-2017-2021-review', 'en');
    assert.equal(launch?.title, 'Launch of the "Decent Work Country Programme" (2017–2021) review');
    assert.equal(launch?.event_type, 'launch');
    const forum = await eventText(db, 'national-forum-on-occupational-safety-and-health', 'en');
    assert.deepEqual([forum?.start_date, forum?.end_date, forum?.description], ['2019-12-28', '2020-01-03', null]);
    const training = await eventText(db, 'training-of-trainers-on-gender-equality-for-trade-union-officers', 'en');
    assert.deepEqual([training?.start_date, training?.end_date, training?.event_type], ['2019-11-05', '2019-11-06', 'training']);
    assert.equal(
      training?.description,
      'A two-day course in Da Nang for officers of the Viet Nam General Confederation of Labour.\n\nParticipants will then train colleagues in their provinces.',
    );
    const webinar = await eventText(db, 'webinar-dak-lak-coffee-farmers-and-social-insurance', 'en');
    assert.deepEqual([webinar?.event_type, webinar?.attendance_mode], ['webinar', 'online']);
  });

  test('an articles page it has never seen: credit without a blank line, an op-ed byline, "By 2030" is a summary', async () => {
    await importListings(db, [fixture('articles-extra.en.txt')], { now: NOW });
    const rows = await db
      .selectFrom('articles as a')
      .innerJoin('article_translations as t', 't.article_id', 'a.id')
      .select(['a.slug', 'a.published_on', 'a.credit_holder', 'a.credit_photographer', 'a.credit_year', 'a.byline_kind', 'a.byline_name', 't.title', 't.summary', 't.byline_role', 't.byline_organisation'])
      .orderBy('a.id')
      .execute();
    assert.equal(rows.length, 3);
    assert.deepEqual(rows[0], {
      slug: 'coffee-rain-and-a-safer-harvest-in-dak-lak',
      published_on: '2019-11-12',
      credit_holder: 'ILO',
      credit_photographer: 'Tran Van Minh',
      credit_year: 2019,
      byline_kind: 'op-ed',
      byline_name: 'Chang-Hee Lee',
      title: 'Coffee, rain and a safer harvest in Đắk Lắk',
      summary: null,
      byline_role: 'Director',
      byline_organisation: 'ILO Viet Nam',
    });
    assert.equal(rows[1]?.title, 'Apprentices "learn by doing" (and earn)');
    assert.equal(rows[1]?.summary, 'By 2030, the country wants half its workers trained.');
    assert.equal(rows[1]?.byline_kind, null);
    assert.deepEqual([rows[2]?.published_on, rows[2]?.summary], ['2018-12-30', null]);
  });

  test('a Vietnamese item with no English item on its dates is kept as a draft', async () => {
    const vi = {
      file: 'vi.txt',
      text: 'Sự kiện\n\nTháng Ba 2021\n\n  1. Hội thảo về an toàn lao động\n\n    2021/03/15\n',
    };
    const report = await importListings(db, [vi], { now: NOW });
    assert.equal(report.items[0]?.outcome, 'created-draft');
    const row = await db.selectFrom('events').selectAll().executeTakeFirstOrThrow();
    assert.equal(row.status, 'draft');
    assert.equal(row.event_type, 'workshop');
    const text = await db.selectFrom('event_translations').selectAll().executeTakeFirstOrThrow();
    assert.deepEqual([text.lang, text.slug, text.status, text.source_snapshot], ['vi', 'hoi-thao-ve-an-toan-lao-dong', 'published', null]);
  });

  test('a Vietnamese articles page becomes the vi text of the English articles with the same dates', async () => {
    const vi = {
      file: 'articles.vi.txt',
      text: [
        'Bài viết nổi bật',
        '',
        '  1. Khoai tây và lòng kiên trì',
        '',
        '    2024/03/29',
        '',
        '    Nhờ được hỗ trợ và tập huấn, một người mẹ gieo hạt giống hy vọng cho tương lai của các con.',
        '',
        '',
        '  1. Một nhịp cầu vượt dòng nước xiết',
        '',
        '    09/07/2021',
        '',
        '    Bài viết của André Gama, Quản lý Chương trình An sinh xã hội, ILO Việt Nam',
        '',
      ].join('\n'),
    };
    const report = await importListings(db, [vi, seedFile('articles.en.txt')], { now: NOW });
    const viItems = report.items.filter((i) => i.lang === 'vi');
    assert.deepEqual(
      viItems.map((i) => [i.outcome, i.slug]),
      [
        ['created', 'potatoes-and-perseverance'],
        ['created', 'a-bridge-over-troubled-water'],
      ],
    );
    const bridge = await db
      .selectFrom('article_translations as t')
      .innerJoin('articles as a', 'a.id', 't.article_id')
      .where('a.slug', '=', 'a-bridge-over-troubled-water')
      .where('t.lang', '=', 'vi')
      .select(['t.title', 't.summary', 't.byline_role', 't.byline_organisation'])
      .executeTakeFirstOrThrow();
    assert.deepEqual(bridge, {
      title: 'Một nhịp cầu vượt dòng nước xiết',
      summary: null,
      byline_role: 'Quản lý Chương trình An sinh xã hội',
      byline_organisation: 'ILO Việt Nam',
    });
    assert.equal((await countRows(db)).articles, 20);
  });

  test('tags items with the programmes and topics they name', async () => {
    await importListings(db, [seedFile('events.en.txt')], { now: NOW, taxonomy });
    const tagged = await db
      .selectFrom('event_programmes as ep')
      .innerJoin('programmes as p', 'p.id', 'ep.programme_id')
      .innerJoin('events as e', 'e.id', 'ep.event_id')
      .select(['e.slug', 'p.slug as programme'])
      .where('p.slug', '=', 'enhance')
      .orderBy('e.slug')
      .execute();
    assert.deepEqual(
      tagged.map((r) => r.slug),
      [
        'enhance-project-endline-kap-survey',
        'enhance-project-to-develop-child-labour-free-certification-scheme',
        'study-visit-to-sri-lanka-to-learn-about-child-labour-free-zones',
      ],
    );
  });

  test('an import indexes the items it writes and leaves the rest of the search index alone (it holds the database briefly on a large site)', async () => {
    const other = await createEvent(db, { title: 'Workshop on social insurance' });
    await reindexItem(db, 'event', other.id);
    const documentsBefore = await db.selectFrom('search_documents').select('id').where('kind', '=', 'event').where('item_id', '=', other.id).execute();
    assert.ok(documentsBefore.length > 0);
    const report = await importListings(db, [seedFile('events.en.txt')], { now: NOW, taxonomy });
    const documentsAfter = await db.selectFrom('search_documents').select('id').where('kind', '=', 'event').where('item_id', '=', other.id).execute();
    assert.deepEqual(documentsAfter, documentsBefore, "the other item's documents were not rewritten");
    // Every imported item is found by its title's words.
    const created = report.items.filter((i) => i.outcome === 'created');
    assert.equal(created.length, 20);
    const indexed = await db.selectFrom('search_documents').select('item_id').where('kind', '=', 'event').where('lang', '=', 'en').execute();
    assert.equal(new Set(indexed.map((r) => r.item_id)).size, 21);
  });
});
