/** A series as an event's page links to it; the app hands this to the events' pages. */
import type { Kysely } from 'kysely';
import type { SeriesLink } from '../../app-deps.js';
import type { Database, LangCode } from '../../db/schema.js';
import { findLiveSeriesByIdOrSlug } from './series.repository.js';

/** The series with this id, its slug and title in `lang`; null when visitors may not see it now. */
export async function seriesLink(db: Kysely<Database>, id: number, lang: LangCode, now: Date): Promise<SeriesLink | null> {
  const series = await findLiveSeriesByIdOrSlug(db, String(id), lang, now);
  return series ? { slug: series.slugs[lang], title: series.title, text_lang: series.text_lang } : null;
}
