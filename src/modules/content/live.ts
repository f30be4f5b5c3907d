/**
 * The one condition that decides whether visitors may see an event or an
 * article: it is published, and if its publication was scheduled, the time
 * has come. Because it compares with the app's clock at query time, a
 * scheduled item appears exactly on time, whether or not the scheduler has
 * run yet. Every public query on events and articles goes through this.
 */
import { sql, type SqlBool } from 'kysely';
import type { LangCode, TranslationStatus } from '../../db/schema.js';

/** `alias` is the table alias of the events or articles table in the query; `now` an instant. */
export function isLive(alias: string, now: Date) {
  const status = sql.ref(`${alias}.status`);
  const publishAt = sql.ref(`${alias}.publish_at`);
  // publish_at holds ISO-8601 UTC text written by Date#toISOString, which sorts as time.
  return sql<SqlBool>`(${status} = 'published' and (${publishAt} is null or ${publishAt} <= ${now.toISOString()}))`;
}

/**
 * Which statuses of an item's text in `lang` visitors may see: English is
 * the item's own text and shows with it (its row is marked draft until a
 * first publication); another language only once that translation is published.
 */
export function shownTranslationStatuses(lang: LangCode): TranslationStatus[] {
  return lang === 'en' ? ['draft', 'published'] : ['published'];
}
