/**
 * Queries on the per-language columns of the translation rows (slug, status,
 * source snapshot, translated_at) of both kinds of item. The events and
 * articles modules own the items and their text; this module owns how the
 * languages relate.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database, LangCode, PublicationStatus, TranslationStatus } from '../../db/schema.js';

type Db = Kysely<Database> | Transaction<Database>;

/** The two kinds of item that have translations. */
export type TranslatableKind = 'event' | 'article';

/** One translation row's text and tracking columns, whatever the kind. */
export interface TranslationRow {
  itemId: number;
  lang: LangCode;
  slug: string | null;
  status: TranslationStatus;
  sourceSnapshot: string | null;
  translatedAt: string | null;
  /** The translatable fields of this kind, by column name. */
  fields: Record<string, string | null>;
}

/** The translatable text fields of each kind: what a snapshot records and a diff compares. */
export const TRANSLATABLE_FIELDS = {
  event: ['title', 'summary', 'description', 'venue', 'city'],
  article: ['title', 'summary', 'body', 'hero_alt', 'byline_role', 'byline_organisation'],
} as const satisfies Record<TranslatableKind, readonly string[]>;

export type TranslatableField<K extends TranslatableKind> = (typeof TRANSLATABLE_FIELDS)[K][number];

/**
 * Whether `slug` is used by any item other than `itemId` (null: a new item),
 * as an item slug or as a translation slug in any language. Slugs are kept
 * unique across languages so that one address can never name two items.
 */
export async function slugTakenByOther(db: Db, kind: TranslatableKind, slug: string, itemId: number | null): Promise<boolean> {
  const other = itemId ?? -1;
  if (kind === 'event') {
    const item = await db.selectFrom('events').select('id').where('slug', '=', slug).where('id', '<>', other).executeTakeFirst();
    if (item) return true;
    const text = await db
      .selectFrom('event_translations')
      .select('event_id')
      .where('slug', '=', slug)
      .where('event_id', '<>', other)
      .executeTakeFirst();
    return text !== undefined;
  }
  const item = await db.selectFrom('articles').select('id').where('slug', '=', slug).where('id', '<>', other).executeTakeFirst();
  if (item) return true;
  const text = await db
    .selectFrom('article_translations')
    .select('article_id')
    .where('slug', '=', slug)
    .where('article_id', '<>', other)
    .executeTakeFirst();
  return text !== undefined;
}

/** Every translation row of an item (English included). */
export async function listTranslationRows(db: Db, kind: TranslatableKind, itemId: number): Promise<TranslationRow[]> {
  if (kind === 'event') {
    const rows = await db.selectFrom('event_translations').selectAll().where('event_id', '=', itemId).execute();
    return rows.map((r) => ({
      itemId: r.event_id,
      lang: r.lang,
      slug: r.slug,
      status: r.status,
      sourceSnapshot: r.source_snapshot,
      translatedAt: r.translated_at,
      fields: { title: r.title, summary: r.summary, description: r.description, venue: r.venue, city: r.city },
    }));
  }
  const rows = await db.selectFrom('article_translations').selectAll().where('article_id', '=', itemId).execute();
  return rows.map((r) => ({
    itemId: r.article_id,
    lang: r.lang,
    slug: r.slug,
    status: r.status,
    sourceSnapshot: r.source_snapshot,
    translatedAt: r.translated_at,
    fields: {
      title: r.title,
      summary: r.summary,
      body: r.body,
      hero_alt: r.hero_alt,
      byline_role: r.byline_role,
      byline_organisation: r.byline_organisation,
    },
  }));
}

/** Records the English a translation now matches. */
export async function updateSourceSnapshot(
  db: Db,
  kind: TranslatableKind,
  itemId: number,
  lang: LangCode,
  snapshot: string,
  translatedAt: string,
): Promise<void> {
  const values = { source_snapshot: snapshot, translated_at: translatedAt };
  if (kind === 'event') {
    await db.updateTable('event_translations').set(values).where('event_id', '=', itemId).where('lang', '=', lang).execute();
  } else {
    await db.updateTable('article_translations').set(values).where('article_id', '=', itemId).where('lang', '=', lang).execute();
  }
}

/** Sets the slug and/or status of one translation row. */
export async function updateTranslationPublishing(
  db: Db,
  kind: TranslatableKind,
  itemId: number,
  lang: LangCode,
  changes: { slug?: string; status?: TranslationStatus },
): Promise<void> {
  if (changes.slug === undefined && changes.status === undefined) return;
  if (kind === 'event') {
    await db.updateTable('event_translations').set(changes).where('event_id', '=', itemId).where('lang', '=', lang).execute();
  } else {
    await db.updateTable('article_translations').set(changes).where('article_id', '=', itemId).where('lang', '=', lang).execute();
  }
}

/** An item whose text in some language is missing or may be out of date, with what is needed to judge it. */
export interface TranslationCandidateRow {
  kind: TranslatableKind;
  id: number;
  item_status: string;
  item_updated_at: string;
  en_title: string;
  en_fields: Record<string, string | null>;
  tl_status: TranslationStatus | null;
  tl_title: string | null;
  source_snapshot: string | null;
  translated_at: string | null;
}

/**
 * Every item with English text (whatever its status), each with its `lang`
 * translation row or none, newest first. The service compares snapshots
 * with the English text in code, the same way on both databases.
 */
export interface CandidateFilter {
  /** Only items with one of these statuses. */
  itemStatuses?: readonly string[] | undefined;
  /**
   * Only items saved after their translation was last checked: the only ones
   * that can be out of date, found without reading every item's text.
   */
  changedSinceTranslation?: boolean | undefined;
}

export async function listTranslationCandidates(
  db: Db,
  kind: TranslatableKind,
  lang: LangCode,
  filter: CandidateFilter = {},
): Promise<TranslationCandidateRow[]> {
  if (kind === 'event') {
    let query = db
      .selectFrom('events as e')
      .innerJoin('event_translations as te', (j) => j.onRef('te.event_id', '=', 'e.id').on('te.lang', '=', 'en'))
      .leftJoin('event_translations as tl', (j) => j.onRef('tl.event_id', '=', 'e.id').on('tl.lang', '=', lang))
      .select([
        'e.id',
        'e.status as item_status',
        'e.updated_at as item_updated_at',
        'te.title as en_title',
        'te.summary as en_summary',
        'te.description as en_description',
        'te.venue as en_venue',
        'te.city as en_city',
        'tl.status as tl_status',
        'tl.title as tl_title',
        'tl.source_snapshot',
        'tl.translated_at',
      ])
      .orderBy('e.start_date', 'desc')
      .orderBy('e.id', 'desc');
    if (filter.itemStatuses) query = query.where('e.status', 'in', [...filter.itemStatuses] as PublicationStatus[]);
    if (filter.changedSinceTranslation) query = query.where('tl.translated_at', 'is not', null).whereRef('e.updated_at', '>', 'tl.translated_at');
    const rows = await query.execute();
    return rows.map((r) => ({
      kind,
      id: r.id,
      item_status: r.item_status,
      item_updated_at: r.item_updated_at,
      en_title: r.en_title,
      en_fields: { title: r.en_title, summary: r.en_summary, description: r.en_description, venue: r.en_venue, city: r.en_city },
      tl_status: r.tl_status,
      tl_title: r.tl_title,
      source_snapshot: r.source_snapshot,
      translated_at: r.translated_at,
    }));
  }
  let query = db
    .selectFrom('articles as a')
    .innerJoin('article_translations as te', (j) => j.onRef('te.article_id', '=', 'a.id').on('te.lang', '=', 'en'))
    .leftJoin('article_translations as tl', (j) => j.onRef('tl.article_id', '=', 'a.id').on('tl.lang', '=', lang))
    .select([
      'a.id',
      'a.status as item_status',
      'a.updated_at as item_updated_at',
      'te.title as en_title',
      'te.summary as en_summary',
      'te.body as en_body',
      'te.hero_alt as en_hero_alt',
      'te.byline_role as en_byline_role',
      'te.byline_organisation as en_byline_organisation',
      'tl.status as tl_status',
      'tl.title as tl_title',
      'tl.source_snapshot',
      'tl.translated_at',
    ])
    .orderBy('a.published_on', 'desc')
    .orderBy('a.id', 'desc');
  if (filter.itemStatuses) query = query.where('a.status', 'in', [...filter.itemStatuses] as PublicationStatus[]);
  if (filter.changedSinceTranslation) query = query.where('tl.translated_at', 'is not', null).whereRef('a.updated_at', '>', 'tl.translated_at');
  const rows = await query.execute();
  return rows.map((r) => ({
    kind,
    id: r.id,
    item_status: r.item_status,
    item_updated_at: r.item_updated_at,
    en_title: r.en_title,
    en_fields: {
      title: r.en_title,
      summary: r.en_summary,
      body: r.en_body,
      hero_alt: r.en_hero_alt,
      byline_role: r.en_byline_role,
      byline_organisation: r.en_byline_organisation,
    },
    tl_status: r.tl_status,
    tl_title: r.tl_title,
    source_snapshot: r.source_snapshot,
    translated_at: r.translated_at,
  }));
}
