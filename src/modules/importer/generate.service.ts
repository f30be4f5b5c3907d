/**
 * Fills a database with made-up but realistic bilingual events and articles,
 * to see how the site behaves with a large archive (`almanac generate`).
 * Every item is published in English and Vietnamese, tagged with topics and
 * programmes, and indexed for search, exactly as if an editor had made it:
 * it goes through the content service's bulk entry point, with the same
 * normalisation and checks, and a first revision naming the generator.
 *
 * Fast: rows go in with multi-row INSERTs of a few hundred at a time, all in
 * one transaction (so a failure leaves nothing behind, and SQLite syncs once).
 * The same seed gives the same items.
 */
import { PostgresAdapter, sql, type Kysely } from 'kysely';
import type { AttendanceMode, Database, EventType } from '../../db/schema.js';
import { slugify } from '../../shared/text/slugify.js';
import { EARLIEST_YEAR, isWithinYears, LATEST_YEAR } from '../../shared/dates/bounds.js';
import { articleStore, type ArticleSnapshot } from '../articles/index.js';
import { ContentChangeBatch, createItemsAsCommand, type CommandContext } from '../content/index.js';
import { eventStore, type EventSnapshot } from '../events/index.js';
import { ensureTaxonomy } from '../taxonomy/index.js';
import { loadTaxonomy } from './sample-content.js';

/**
 * Items per call of the content service: its INSERTs take 500 rows at a
 * time, and progress is told after each batch.
 */
const BATCH_SIZE = 500;

/** The zone generated (all-day) events are stored with: the one the events table gives a row that names none. */
const GENERATED_EVENT_TIME_ZONE = 'Asia/Ho_Chi_Minh';

type Pair = readonly [en: string, vi: string];

const SUBJECTS: readonly Pair[] = [
  ['labour migration', 'di cư lao động'],
  ['social protection', 'bảo trợ xã hội'],
  ['minimum wages', 'lương tối thiểu'],
  ['child labour', 'lao động trẻ em'],
  ['occupational safety and health', 'an toàn, vệ sinh lao động'],
  ['skills development', 'phát triển kỹ năng'],
  ['gender equality at work', 'bình đẳng giới tại nơi làm việc'],
  ['green jobs', 'việc làm xanh'],
  ['industrial relations', 'quan hệ lao động'],
  ['youth employment', 'việc làm cho thanh niên'],
  ['the revised Labour Code', 'Bộ luật Lao động sửa đổi'],
  ['unemployment insurance', 'bảo hiểm thất nghiệp'],
  ['informal workers', 'lao động phi chính thức'],
  ['collective bargaining', 'thương lượng tập thể'],
];

const EVENT_FORMS: readonly (readonly [en: string, vi: string, type: EventType])[] = [
  ['Workshop on', 'Hội thảo về', 'workshop'],
  ['Tripartite consultation on', 'Tham vấn ba bên về', 'consultation'],
  ['Training course on', 'Khóa đào tạo về', 'training'],
  ['Webinar on', 'Hội thảo trực tuyến về', 'webinar'],
  ['Launch of the report on', 'Công bố báo cáo về', 'launch'],
  ['National meeting on', 'Cuộc họp quốc gia về', 'meeting'],
  ['Study visit on', 'Chuyến tham quan học tập về', 'study_visit'],
];

const ARTICLE_FORMS: readonly Pair[] = [
  ['How Viet Nam is changing', 'Việt Nam đang thay đổi'],
  ['Voices from the factory floor on', 'Tiếng nói từ nhà máy về'],
  ['What the new figures say about', 'Số liệu mới cho thấy gì về'],
  ['Ten years of progress on', 'Mười năm tiến bộ về'],
  ['A closer look at', 'Nhìn kỹ hơn về'],
];

const PLACES: readonly (readonly [venueEn: string, venueVi: string, cityEn: string, cityVi: string])[] = [
  ['Melia Hotel', 'Khách sạn Melia', 'Hanoi', 'Hà Nội'],
  ['Rex Hotel', 'Khách sạn Rex', 'Ho Chi Minh City', 'Thành phố Hồ Chí Minh'],
  ['Provincial People’s Committee', 'Ủy ban Nhân dân tỉnh', 'Da Nang', 'Đà Nẵng'],
  ['Labour Union House', 'Nhà Văn hóa Lao động', 'Hai Phong', 'Hải Phòng'],
  ['Can Tho University', 'Trường Đại học Cần Thơ', 'Can Tho', 'Cần Thơ'],
  ['Provincial Department of Labour', 'Sở Lao động tỉnh', 'Buon Ma Thuot', 'Buôn Ma Thuột'],
];

const PARAGRAPHS: readonly Pair[] = [
  [
    'Representatives of government, employers and workers met to discuss how policies can reach those who need them most, drawing on experience from provinces across the country.',
    'Đại diện Chính phủ, người sử dụng lao động và người lao động đã gặp nhau để thảo luận cách đưa chính sách đến với những người cần nhất, dựa trên kinh nghiệm từ các tỉnh trên cả nước.',
  ],
  [
    'The discussion built on a survey of more than two thousand workers and small enterprises, and on international labour standards ratified by Viet Nam.',
    'Cuộc thảo luận dựa trên khảo sát hơn hai nghìn người lao động và doanh nghiệp nhỏ, cùng các tiêu chuẩn lao động quốc tế mà Việt Nam đã phê chuẩn.',
  ],
  [
    'Participants agreed on next steps, including training for labour inspectors and a review of the rules on working time and wages.',
    'Các đại biểu đã thống nhất các bước tiếp theo, bao gồm đào tạo thanh tra lao động và rà soát quy định về thời giờ làm việc và tiền lương.',
  ],
  [
    'The work is supported by development partners and carried out with the Ministry of Home Affairs and the Viet Nam General Confederation of Labour.',
    'Hoạt động được các đối tác phát triển hỗ trợ và thực hiện cùng Bộ Nội vụ và Tổng Liên đoàn Lao động Việt Nam.',
  ],
];

const ATTENDANCE: readonly AttendanceMode[] = ['in_person', 'in_person', 'online', 'mixed'];

export interface GenerateOptions {
  events: number;
  articles: number;
  /** Timestamps of the rows (created, published). */
  now: Date;
  /** Same seed, same items. */
  seed?: number;
  /** Told after each batch (progress on a terminal). */
  onProgress?: (done: { events: number; articles: number }) => void;
}

export interface GenerateReport {
  events: number;
  articles: number;
  milliseconds: number;
}

/** A small, fast, seeded generator (mulberry32): the same items on every run with the same seed. */
function randomSource(seed: number): (n: number) => number {
  let a = seed >>> 0;
  return (n) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

const DAY_MS = 86_400_000;

/**
 * The tables a generated archive fills and reads back by its new items' ids
 * in the same transaction. Search documents are written by their primary
 * key, and revisions never read back: analysing them would cost more (their
 * word lists above all) than it saves.
 */
const READ_BACK_TABLES = ['events', 'event_translations', 'event_topics', 'event_programmes', 'articles', 'article_translations', 'article_topics', 'article_programmes'] as const;

/** Items in the tables before their statistics are first taken again during a run. */
const FIRST_ANALYSIS_AT = 1000;

/**
 * PostgreSQL plans each statement from statistics gathered after a
 * transaction commits: all through a generated archive's one transaction,
 * they describe the tables as they were before it (on a new database, as
 * empty). Reading a batch's 500 new items back to index them was then
 * planned as a scan of every text in the table, a cost that grew with each
 * batch. ANALYZE inside the transaction counts its own rows; done whenever
 * the items have doubled, it runs a handful of times however large the run.
 * SQLite's plans here follow its indexes and need nothing.
 */
function statisticsFollower(db: Kysely<Database>, itemsBefore: number): (trx: Kysely<Database>, items: number) => Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return async () => {};
  let analysedAt = Math.max(itemsBefore, FIRST_ANALYSIS_AT / 2);
  return async (trx, items) => {
    if (items < 2 * analysedAt) return;
    await sql`analyze ${sql.join(READ_BACK_TABLES.map((t) => sql.table(t)))}`.execute(trx);
    analysedAt = items;
  };
}

/** Splits 0..total-1 into batches. */
function* batches(total: number): Generator<[start: number, size: number]> {
  for (let start = 0; start < total; start += BATCH_SIZE) yield [start, Math.min(BATCH_SIZE, total - start)];
}

/**
 * Inserts `events` events and `articles` articles, published in both
 * languages, and indexes them for search, in one transaction.
 */
export async function generateContent(db: Kysely<Database>, options: GenerateOptions): Promise<GenerateReport> {
  const started = Date.now();
  const pick = randomSource(options.seed ?? 1);
  const nowIso = options.now.toISOString();
  const today = options.now.getTime();
  // Events from ten years back to a year (and a few days) ahead, articles from fifteen years back.
  const [earliest, latest] = [isoDate(today - 5475 * DAY_MS), isoDate(today + 368 * DAY_MS)];
  if (!isWithinYears(earliest) || !isWithinYears(latest)) {
    throw new RangeError(`generated items would be dated ${earliest} to ${latest}, but dates lie between ${EARLIEST_YEAR} and ${LATEST_YEAR}`);
  }
  await ensureTaxonomy(db, loadTaxonomy(), nowIso);

  const command: CommandContext = { actor: 'generator', now: options.now, batch: new ContentChangeBatch() };
  await db.transaction().execute(async (trx) => {
    const topics = (await trx.selectFrom('topics').select('id').execute()).map((r) => r.id);
    const programmes = (await trx.selectFrom('programmes').select('id').execute()).map((r) => r.id);
    // Slugs carry a number past every existing id, so a second run adds items instead of colliding.
    const base = Math.max(
      Number((await trx.selectFrom('events').select((eb) => eb.fn.max('id').as('m')).executeTakeFirst())?.m ?? 0),
      Number((await trx.selectFrom('articles').select((eb) => eb.fn.max('id').as('m')).executeTakeFirst())?.m ?? 0),
    );
    let doneEvents = 0;
    let doneArticles = 0;
    const followStatistics = statisticsFollower(trx, base);

    for (const [start, size] of batches(options.events)) {
      const items = Array.from({ length: size }, (_, k) => {
        const n = base + start + k + 1;
        const subject = SUBJECTS[pick(SUBJECTS.length)]!;
        const form = EVENT_FORMS[pick(EVENT_FORMS.length)]!;
        const place = PLACES[pick(PLACES.length)]!;
        // Ten years back to one year ahead: most of an archive is past, some is to come.
        const startMs = today - 3650 * DAY_MS + pick(4015) * DAY_MS;
        const days = pick(4) === 0 ? 1 + pick(3) : 0;
        const titleEn = `${form[0]} ${subject[0]} in ${place[2]}`;
        const titleVi = `${form[1]} ${subject[1]} tại ${place[3]}`;
        return {
          n,
          subject,
          place,
          form,
          titleEn,
          titleVi,
          startDate: isoDate(startMs),
          endDate: days ? isoDate(startMs + days * DAY_MS) : null,
          slugEn: `${slugify(titleEn, 70)}-${n}`,
          slugVi: `${slugify(titleVi, 70)}-${n}`,
          paragraphs: [PARAGRAPHS[pick(PARAGRAPHS.length)]!, PARAGRAPHS[pick(PARAGRAPHS.length)]!],
          topic: topics.length ? topics[pick(topics.length)] : undefined,
          programme: programmes.length && pick(2) === 0 ? programmes[pick(programmes.length)] : undefined,
          attendance: ATTENDANCE[pick(ATTENDANCE.length)]!,
        };
      });
      const snapshots = items.map((it): EventSnapshot => {
        const venue = (lang: 0 | 1) => (it.attendance === 'online' ? null : it.place[lang]);
        const city = (lang: 0 | 1) => (it.attendance === 'online' ? null : it.place[lang + 2]!);
        return {
          slug: it.slugEn,
          status: 'published',
          event_status: 'scheduled',
          status_reason_en: null,
          status_reason_vi: null,
          publish_at: null,
          published_at: nowIso,
          event_type: it.form[2],
          attendance_mode: it.attendance,
          all_day: true,
          start_date: it.startDate,
          end_date: it.endDate,
          starts_at: null,
          ends_at: null,
          time_zone: GENERATED_EVENT_TIME_ZONE,
          online_url: null,
          registration_url: null,
          contact_email: null,
          hero_media_id: null,
          series_id: null,
          recurrence_rule: null,
          recurrence_exdates: null,
          en: {
            ...eventStore.emptyText(),
            title: it.titleEn,
            summary: `A ${it.form[2].replace('_', ' ')} on ${it.subject[0]} with government, employers and workers.`,
            description: it.paragraphs.map((p) => p[0]).join('\n\n'),
            venue: venue(0),
            city: city(0),
          },
          vi: {
            ...eventStore.emptyText(),
            title: it.titleVi,
            summary: `Sự kiện về ${it.subject[1]} với Chính phủ, người sử dụng lao động và người lao động.`,
            description: it.paragraphs.map((p) => p[1]).join('\n\n'),
            venue: venue(1),
            city: city(1),
            slug: it.slugVi,
            status: 'published',
          },
          topics: it.topic === undefined ? [] : [it.topic],
          programmes: it.programme === undefined ? [] : [it.programme],
        };
      });
      await createItemsAsCommand(eventStore, trx, command, snapshots);
      // Indexed batch by batch, so that the progress told is the work done.
      await command.batch.flush(trx);
      doneEvents += size;
      await followStatistics(trx, base + doneEvents + doneArticles);
      options.onProgress?.({ events: doneEvents, articles: doneArticles });
    }

    for (const [start, size] of batches(options.articles)) {
      const items = Array.from({ length: size }, (_, k) => {
        const n = base + start + k + 1;
        const subject = SUBJECTS[pick(SUBJECTS.length)]!;
        const form = ARTICLE_FORMS[pick(ARTICLE_FORMS.length)]!;
        const titleEn = `${form[0]} ${subject[0]}`;
        const titleVi = `${form[1]} ${subject[1]}`;
        return {
          subject,
          titleEn,
          titleVi,
          // Fifteen years of features, up to today.
          publishedOn: isoDate(today - pick(5475) * DAY_MS),
          slugEn: `${slugify(titleEn, 70)}-${n}`,
          slugVi: `${slugify(titleVi, 70)}-${n}`,
          paragraphs: [PARAGRAPHS[pick(PARAGRAPHS.length)]!, PARAGRAPHS[pick(PARAGRAPHS.length)]!, PARAGRAPHS[pick(PARAGRAPHS.length)]!],
          topic: topics.length ? topics[pick(topics.length)] : undefined,
        };
      });
      const snapshots = items.map(
        (it): ArticleSnapshot => ({
          slug: it.slugEn,
          status: 'published',
          publish_at: null,
          published_at: nowIso,
          published_on: it.publishedOn,
          hero_media_id: null,
          hero_image_path: null,
          credit_holder: null,
          credit_photographer: null,
          credit_year: null,
          byline_kind: null,
          byline_name: null,
          en: {
            ...articleStore.emptyText(),
            title: it.titleEn,
            summary: `What changes for workers and employers in ${it.subject[0]}.`,
            body: it.paragraphs.map((p) => p[0]).join('\n\n'),
          },
          vi: {
            ...articleStore.emptyText(),
            title: it.titleVi,
            summary: `Những thay đổi cho người lao động và người sử dụng lao động về ${it.subject[1]}.`,
            body: it.paragraphs.map((p) => p[1]).join('\n\n'),
            slug: it.slugVi,
            status: 'published',
          },
          topics: it.topic === undefined ? [] : [it.topic],
          programmes: [],
        }),
      );
      await createItemsAsCommand(articleStore, trx, command, snapshots);
      await command.batch.flush(trx);
      doneArticles += size;
      await followStatistics(trx, base + doneEvents + doneArticles);
      options.onProgress?.({ events: doneEvents, articles: doneArticles });
    }
  });
  return { events: options.events, articles: options.articles, milliseconds: Date.now() - started };
}

