/**
 * What an event's public page reads, in one statement: the live event its
 * address names, with its texts in every language, its programmes and
 * topics, its attachments and its hero, each as a JSON column
 * (db/json-list.ts). Read one by one, these were four statements a page (six
 * with a hero), the event's texts
 * read twice; an uncached page spent more on running statements than on the
 * few rows they read.
 */
import { sql, type Kysely } from 'kysely';
import { jsonList, readJsonList } from '../../db/json-list.js';
import { keptQuery } from '../../db/kept-query.js';
import type { Database, EventRow, EventTranslationRow, LangCode } from '../../db/schema.js';
import { isLive, shownSlug, shownTranslationStatuses, textNames, type TagName } from '../content/index.js';
import { eventAttachmentsColumn, heroColumns, heroFromColumns, type AttachmentListRow, type PictureImage } from '../media/index.js';
import { eventTexts, type EventTextColumns } from './events.type.js';

/** The columns of a translation row every kind's has besides its text (db/schema.ts, TranslationRow). */
const TRANSLATION_COLUMNS = ['event_id', 'lang', 'slug', 'status', 'source_snapshot', 'translated_at', 'created_at', 'updated_at'] as const;

// A column of event_translations that is neither above nor a declared text would be missing from the page's texts.
type Unlisted = Exclude<keyof EventTranslationRow, (typeof TRANSLATION_COLUMNS)[number] | keyof EventTextColumns>;
const everyColumnListed: [Unlisted] extends [never] ? true : Unlisted = true;
void everyColumnListed;

/** Every column of a translation row: those above, the title and declared texts, and each Markdown text's HTML. */
const TEXT_COLUMNS: readonly string[] = [
  ...TRANSLATION_COLUMNS,
  ...textNames(eventTexts),
  ...Object.entries(eventTexts).flatMap(([name, field]) => ('markdown' in field && field.markdown ? [`${name}_html`] : [])),
];

/** The programmes or topics of the event `e`, slug and name in `lang` (English where untranslated), by slug. */
function tagsColumn(db: Kysely<Database>, tags: 'topics' | 'programmes', lang: LangCode) {
  const [links, terms, names, termId] =
    tags === 'topics' ? (['event_topics', 'topics', 'topic_translations', 'topic_id'] as const) : (['event_programmes', 'programmes', 'programme_translations', 'programme_id'] as const);
  const ref = (column: string) => sql.ref(column);
  return jsonList(
    db,
    { slug: 'n.slug', name: sql`coalesce(nl.name, ne.name)` },
    sql`from ${sql.table(links)} as x
      inner join ${sql.table(terms)} as n on n.id = ${ref(`x.${termId}`)}
      inner join ${sql.table(names)} as ne on ${ref(`ne.${termId}`)} = n.id and ne.lang = ${'en'}
      left join ${sql.table(names)} as nl on ${ref(`nl.${termId}`)} = n.id and nl.lang = ${lang}
      where x.event_id = e.id`,
    sql`n.slug`,
  );
}

type PageRow = EventRow & { texts: unknown; programmes: unknown; topics: unknown; attachments: unknown; hero_image: unknown; hero_variants: unknown };

/**
 * The live event whose shown slug in `lang` is `slug` (as content's
 * findLiveByAddress finds it first), with its lists; kept compiled per
 * language.
 */
const eventPageQuery = keptQuery<{ slug: string; now: string }, LangCode, PageRow>((db, v, lang) =>
  db
    // From the texts with that slug in English or in `lang` (the (lang, slug) index: one or two rows) to
    // their event: the shown slug is computed, so no index can answer it. Asked as `id in (those texts)`,
    // SQLite read the status index of every published event to find the one or two.
    .selectFrom('event_translations as s')
    .innerJoin('events as e', 'e.id', 's.event_id')
    .innerJoin('event_translations as te', (j) => j.onRef('te.event_id', '=', 'e.id').on('te.lang', '=', 'en'))
    .leftJoin('event_translations as tl', (j) => j.onRef('tl.event_id', '=', 'e.id').on('tl.lang', '=', lang).on('tl.status', 'in', shownTranslationStatuses(lang)))
    .where('s.slug', '=', v.slug)
    .where('s.lang', 'in', lang === 'en' ? ['en'] : ['en', lang])
    .where(isLive('e', v.now))
    .where(shownSlug, '=', v.slug)
    .selectAll('e')
    .select([
      jsonList(db, Object.fromEntries(TEXT_COLUMNS.map((column) => [column, `x.${column}`])), sql`from ${sql.table('event_translations')} as x where x.event_id = e.id`).as('texts'),
      tagsColumn(db, 'programmes', lang).as('programmes'),
      tagsColumn(db, 'topics', lang).as('topics'),
      eventAttachmentsColumn(db, 'e.id').as('attachments'),
      ...heroColumns(db, 'e.hero_media_id'),
    ])
    .orderBy('e.id')
    // A constant, not a bound value: with `limit ?` SQLite took five times as long over the same plan
    // (0.11 ms against 0.02 ms for an article's page, its lists included).
    .limit(sql.lit(1)),
);

/** An event as its public page reads it. */
export interface EventPageRead {
  event: EventRow;
  /** Its texts, every language and status. */
  texts: EventTranslationRow[];
  programmes: TagName[];
  topics: TagName[];
  attachments: AttachmentListRow[];
  /** Its hero from the media library, with its alt text and credit. */
  hero: PictureImage | null;
}

/**
 * The live event whose address in `lang` ends in its shown slug `slug`, with
 * what its page lists; undefined when none has it (another language's slug,
 * an old one: see findLiveEventByAddress).
 */
export async function findLiveEventPage(db: Kysely<Database>, lang: LangCode, slug: string, now: Date): Promise<EventPageRead | undefined> {
  const row = (await eventPageQuery(db, lang, { slug, now: now.toISOString() })).rows[0];
  if (row === undefined) return undefined;
  const { texts, programmes, topics, attachments, hero_image, hero_variants, ...event } = row;
  return {
    event,
    texts: readJsonList<EventTranslationRow>(texts),
    programmes: readJsonList<TagName>(programmes),
    topics: readJsonList<TagName>(topics),
    attachments: readJsonList<AttachmentListRow>(attachments),
    hero: heroFromColumns({ hero_image, hero_variants }),
  };
}
