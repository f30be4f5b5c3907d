/**
 * Validators of a calendar, known without rendering it: a calendar changes
 * when what it is made of changes (the database's calendar version, kept by
 * triggers), when the office's day changes (events move from coming to
 * ended), and when a scheduled event goes live. A subscription asking again
 * with the validators of its last copy is answered 304 from these alone.
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { zonedTimeToInstant } from '../../shared/dates/zoned-time.js';

export interface CalendarValidators {
  /** Weak: the same events in the same state, not the same bytes (DTSTAMP differs). */
  etag: string;
  /** The last instant the calendar could have changed at, to the second. */
  lastModified: Date;
}

/**
 * The validators of the calendars at `now` (office day `today`). `salt`
 * names what else shapes a calendar (its address, the site's name and
 * origin, the version of the program), so two of them never share a tag.
 */
export async function calendarValidators(
  db: Kysely<Database>,
  options: { now: Date; today: string; zone: string; salt: string },
): Promise<CalendarValidators> {
  const nowIso = options.now.toISOString();
  const [version, scheduled] = await Promise.all([
    db.selectFrom('content_versions').select(['version', 'changed_at']).where('name', '=', 'calendar').executeTakeFirst(),
    // The latest scheduled publication already reached: read at the end of the (status, publish_at) index.
    db
      .selectFrom('events')
      .select((eb) => eb.fn.max('publish_at').as('at'))
      .where('status', '=', 'published')
      .where('publish_at', '<=', nowIso)
      .executeTakeFirst(),
  ]);
  // The office's midnight, the latest scheduled publication reached, the last change; a change
  // stamped by a database clock ahead of this one counts as now.
  const moments = [zonedTimeToInstant(options.today, '00:00', options.zone), scheduled?.at, version?.changed_at]
    .filter((m): m is string => typeof m === 'string')
    .map((m) => (m > nowIso ? nowIso : m));
  const last = moments.reduce((a, b) => (a > b ? a : b), '');
  const tag = createHash('sha256')
    .update([options.salt, version?.version ?? 0, version?.changed_at ?? '', options.today, scheduled?.at ?? ''].join('\n'))
    .digest('base64url')
    .slice(0, 22);
  return { etag: `W/"${tag}"`, lastModified: new Date(Math.floor(Date.parse(last || nowIso) / 1000) * 1000) };
}

/**
 * Whether a request's conditional headers say it holds the current copy:
 * If-None-Match (any of its tags, weakly compared; `*` is left to the
 * renderer, which knows whether the calendar exists) when present, else
 * If-Modified-Since not before the last change (RFC 9110, 13.1.3 and 13.2.2).
 */
export function holdsCurrentCopy(headers: { 'if-none-match'?: string | undefined; 'if-modified-since'?: string | undefined }, validators: CalendarValidators): boolean {
  const ifNoneMatch = headers['if-none-match'];
  if (ifNoneMatch !== undefined) {
    const ours = validators.etag.replace(/^W\//, '');
    return ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === ours);
  }
  const since = Date.parse(headers['if-modified-since'] ?? '');
  return Number.isFinite(since) && validators.lastModified.getTime() <= since;
}
