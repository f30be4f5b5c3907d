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

/**
 * Each kind's translatable text fields, the title first, in the order its
 * description declares them: what a snapshot records and a diff compares.
 * They are declared with the fields in each kind's description, and the
 * kinds import content, which imports this module: so they are handed over
 * at start-up (src/module-links.ts, through content's `useContentKinds`).
 */
const translatableFieldsOf = new Map<TranslatableKind, readonly string[]>();

/** Hands over a kind's translatable fields, as its description declares them (the title first). */
export function useTranslatableFields(kind: TranslatableKind, fields: readonly string[]): void {
  translatableFieldsOf.set(kind, [...fields]);
}

/** The kind's translatable fields; throws when they were not handed over, rather than comparing nothing. */
export function translatableFields(kind: TranslatableKind): readonly string[] {
  const fields = translatableFieldsOf.get(kind);
  if (!fields) throw new Error(`The translatable fields of the ${kind} kind were not handed over at start-up (see src/module-links.ts).`);
  return fields;
}

/** Each kind's tables, the column of its texts that holds the item's id, and the date its lists sort by. */
const KIND_TABLES = {
  event: { items: 'events', texts: 'event_translations', fk: 'event_id', date: 'start_date' },
  article: { items: 'articles', texts: 'article_translations', fk: 'article_id', date: 'published_on' },
} as const satisfies Record<TranslatableKind, { items: keyof Database; texts: keyof Database; fk: string; date: string }>;

// The table names come from the kind, so the query builder cannot check the
// columns against one table's type: the queries below use only the columns
// both kinds' tables share (db/schema.ts) and the kind's own translatable fields.
type AnyRow = Record<string, unknown>;
type LooseDb = Kysely<Record<string, AnyRow>>;
const loose = (db: Db): LooseDb => db as unknown as LooseDb;

/** The kind's translatable fields of a row, by name; `prefix` is what the query put before each column name. */
function fieldsOf(kind: TranslatableKind, row: AnyRow, prefix = ''): Record<string, string | null> {
  return Object.fromEntries(translatableFields(kind).map((field) => [field, row[`${prefix}${field}`] as string | null]));
}

/**
 * Whether `slug` is used by any item other than `itemId` (null: a new item),
 * as an item slug or as a translation slug in any language. Slugs are kept
 * unique across languages so that one address can never name two items.
 */
export async function slugTakenByOther(db: Db, kind: TranslatableKind, slug: string, itemId: number | null): Promise<boolean> {
  const t = KIND_TABLES[kind];
  const other = itemId ?? -1;
  const item = await loose(db).selectFrom(t.items).select('id').where('slug', '=', slug).where('id', '<>', other).executeTakeFirst();
  if (item) return true;
  const text = await loose(db).selectFrom(t.texts).select(t.fk).where('slug', '=', slug).where(t.fk, '<>', other).executeTakeFirst();
  return text !== undefined;
}

/** Every translation row of an item (English included). */
export async function listTranslationRows(db: Db, kind: TranslatableKind, itemId: number): Promise<TranslationRow[]> {
  const t = KIND_TABLES[kind];
  const rows = await loose(db).selectFrom(t.texts).selectAll().where(t.fk, '=', itemId).execute();
  return rows.map((r) => ({
    itemId: r[t.fk] as number,
    lang: r.lang as LangCode,
    slug: r.slug as string | null,
    status: r.status as TranslationStatus,
    sourceSnapshot: r.source_snapshot as string | null,
    translatedAt: r.translated_at as string | null,
    fields: fieldsOf(kind, r),
  }));
}

/** Sets columns of the item's translation row in `lang`. */
async function updateTranslationRow(db: Db, kind: TranslatableKind, itemId: number, lang: LangCode, values: AnyRow): Promise<void> {
  const t = KIND_TABLES[kind];
  await loose(db).updateTable(t.texts).set(values).where(t.fk, '=', itemId).where('lang', '=', lang).execute();
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
  await updateTranslationRow(db, kind, itemId, lang, { source_snapshot: snapshot, translated_at: translatedAt });
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
  await updateTranslationRow(db, kind, itemId, lang, changes);
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
  const t = KIND_TABLES[kind];
  let query = loose(db)
    .selectFrom(`${t.items} as i`)
    .innerJoin(`${t.texts} as te`, (j) => j.onRef(`te.${t.fk}`, '=', 'i.id').on('te.lang', '=', 'en'))
    .leftJoin(`${t.texts} as tl`, (j) => j.onRef(`tl.${t.fk}`, '=', 'i.id').on('tl.lang', '=', lang))
    .select(['i.id', 'i.status as item_status', 'i.updated_at as item_updated_at', 'tl.status as tl_status', 'tl.title as tl_title', 'tl.source_snapshot', 'tl.translated_at'])
    .select(translatableFields(kind).map((field) => `te.${field} as en_${field}`))
    .orderBy(`i.${t.date}`, 'desc')
    .orderBy('i.id', 'desc');
  if (filter.itemStatuses) query = query.where('i.status', 'in', [...filter.itemStatuses] as PublicationStatus[]);
  if (filter.changedSinceTranslation) query = query.where('tl.translated_at', 'is not', null).whereRef('i.updated_at', '>', 'tl.translated_at');
  const rows = await query.execute();
  return rows.map((r) => ({
    kind,
    id: r.id as number,
    item_status: r.item_status as string,
    item_updated_at: r.item_updated_at as string,
    en_title: r.en_title as string,
    en_fields: fieldsOf(kind, r, 'en_'),
    tl_status: r.tl_status as TranslationStatus | null,
    tl_title: r.tl_title as string | null,
    source_snapshot: r.source_snapshot as string | null,
    translated_at: r.translated_at as string | null,
  }));
}
