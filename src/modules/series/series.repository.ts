/**
 * The series' tables: one series in the language asked for (its Vietnamese
 * text where there is one, else English), under the one live rule; and the
 * writes of the series service.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database, LangCode } from '../../db/schema.js';
import { isLive } from '../content/index.js';

type Db = Kysely<Database> | Transaction<Database>;

/** A series as its page shows it, in one language. */
export interface SeriesRow {
  id: number;
  /** The series' slug in each language (English where there is no Vietnamese text). */
  slugs: Record<LangCode, string>;
  title: string;
  description_html: string | null;
  /** The language of the text shown. */
  text_lang: LangCode;
  updated_at: string;
}

/** The series visitors may see now whose slug in `lang` (or, in Vietnamese, whose English slug) is `slug`. */
export async function findLiveSeries(db: Db, slug: string, lang: LangCode, now: Date): Promise<SeriesRow | undefined> {
  const found = await db
    .selectFrom('series as s')
    .innerJoin('series_translations as t', 't.series_id', 's.id')
    .select('s.id')
    .where(isLive('s', now))
    .where('t.slug', '=', slug)
    .where('t.lang', 'in', lang === 'en' ? ['en'] : ['en', 'vi'])
    .orderBy('t.lang', lang === 'vi' ? 'desc' : 'asc')
    .executeTakeFirst();
  return found ? seriesRow(db, found.id, lang) : undefined;
}

/** The series visitors may see now by its id, or by its slug in any language. */
export async function findLiveSeriesByIdOrSlug(db: Db, idOrSlug: string, lang: LangCode, now: Date): Promise<SeriesRow | undefined> {
  const byId = /^[1-9]\d{0,9}$/.test(idOrSlug) ? Number(idOrSlug) : null;
  let query = db.selectFrom('series as s').select('s.id').where(isLive('s', now));
  query = byId !== null ? query.where('s.id', '=', byId) : query.where('s.id', 'in', db.selectFrom('series_translations').select('series_id').where('slug', '=', idOrSlug));
  const found = await query.executeTakeFirst();
  return found ? seriesRow(db, found.id, lang) : undefined;
}

/** Every series visitors may see now, by title in `lang`. */
export async function listLiveSeries(db: Db, lang: LangCode, now: Date): Promise<SeriesRow[]> {
  const ids = await db.selectFrom('series as s').select('s.id').where(isLive('s', now)).orderBy('s.id').execute();
  const rows = await Promise.all(ids.map((r) => seriesRow(db, r.id, lang)));
  return rows.sort((a, b) => a.title.localeCompare(b.title, lang) || a.id - b.id);
}

async function seriesRow(db: Db, id: number, lang: LangCode): Promise<SeriesRow> {
  const series = await db.selectFrom('series').select(['id', 'updated_at']).where('id', '=', id).executeTakeFirstOrThrow();
  const texts = await db.selectFrom('series_translations').selectAll().where('series_id', '=', id).execute();
  const en = texts.find((t) => t.lang === 'en')!;
  const vi = texts.find((t) => t.lang === 'vi');
  const shown = lang === 'vi' && vi ? vi : en;
  return {
    id: Number(series.id),
    slugs: { en: en.slug, vi: vi?.slug ?? en.slug },
    title: shown.title,
    description_html: shown.description_html,
    text_lang: shown.lang,
    updated_at: series.updated_at,
  };
}

export async function slugTaken(db: Db, slug: string, selfId: number | null): Promise<boolean> {
  let query = db.selectFrom('series_translations').select('series_id').where('slug', '=', slug);
  if (selfId !== null) query = query.where('series_id', '<>', selfId);
  return (await query.executeTakeFirst()) !== undefined;
}

export async function insertSeries(db: Db, row: { slug: string; status: 'draft' | 'published'; publish_at: string | null; at: string }): Promise<number> {
  const inserted = await db
    .insertInto('series')
    .values({ slug: row.slug, status: row.status, publish_at: row.publish_at, created_at: row.at, updated_at: row.at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(inserted.id);
}

export async function updateSeriesRow(db: Db, id: number, row: { slug: string; status: 'draft' | 'published'; publish_at: string | null; at: string }): Promise<boolean> {
  const result = await db.updateTable('series').set({ slug: row.slug, status: row.status, publish_at: row.publish_at, updated_at: row.at }).where('id', '=', id).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function replaceTexts(
  db: Db,
  id: number,
  texts: readonly { lang: LangCode; slug: string; title: string; description: string | null; description_html: string | null }[],
): Promise<void> {
  await db.deleteFrom('series_translations').where('series_id', '=', id).execute();
  await db
    .insertInto('series_translations')
    .values(texts.map((t) => ({ series_id: id, ...t })))
    .execute();
}

/** A series in the admin's list: its English title and slug, whatever its status. */
export interface AdminSeriesRow {
  id: number;
  slug: string;
  title: string;
  status: 'draft' | 'published';
  publish_at: string | null;
  updated_at: string;
}

/** Every series, drafts included, most recently changed first. */
export async function listAllSeries(db: Db): Promise<AdminSeriesRow[]> {
  const rows = await db
    .selectFrom('series as s')
    .innerJoin('series_translations as t', (join) => join.onRef('t.series_id', '=', 's.id').on('t.lang', '=', 'en'))
    .select(['s.id', 't.slug', 't.title', 's.status', 's.publish_at', 's.updated_at'])
    .orderBy('s.updated_at', 'desc')
    .orderBy('s.id', 'desc')
    .execute();
  return rows.map((r) => ({ ...r, id: Number(r.id), status: r.status as 'draft' | 'published' }));
}

/** A series as its admin form edits it: the texts in each language, and its status. */
export async function findSeriesForEdit(
  db: Db,
  id: number,
): Promise<{ id: number; status: 'draft' | 'published'; publish_at: string | null; texts: { lang: LangCode; slug: string; title: string; description: string | null }[] } | undefined> {
  const series = await db.selectFrom('series').select(['id', 'status', 'publish_at']).where('id', '=', id).executeTakeFirst();
  if (!series) return undefined;
  const texts = await db.selectFrom('series_translations').select(['lang', 'slug', 'title', 'description']).where('series_id', '=', id).execute();
  return { id: Number(series.id), status: series.status as 'draft' | 'published', publish_at: series.publish_at, texts };
}
