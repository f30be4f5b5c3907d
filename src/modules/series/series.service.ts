/**
 * Series of events: writing one (its slug made from the English title and
 * unique, its descriptions' Markdown rendered and sanitised once, at save),
 * and its page: what it is, its sessions to come and past (a recurring
 * event's each on its own date), and what its calendar carries.
 */
import type { Kysely } from 'kysely';
import type { Database, LangCode } from '../../db/schema.js';
import { compareDates } from '../../shared/dates/calendar-date.js';
import { lastDay } from '../../shared/dates/day-range.js';
import { ruleUntil } from '../../shared/dates/recurrence.js';
import { NotFoundError } from '../../shared/errors.js';
import { normalizeLine } from '../../shared/text/normalize.js';
import { assertCan } from '../auth/index.js';
import { isSlug, uniqueSlugFromTitle, type EditContext } from '../content/index.js';
import { eventSessions, listCalendarEvents, sessionHorizon, type CalendarEvent, type Session } from '../events/index.js';
import { renderMarkdownForStorage } from '../media/index.js';
import * as repo from './series.repository.js';
import type { SeriesRow } from './series.repository.js';

export type { SeriesRow };

/** A series' text in one language: its title, and its description in Markdown. */
export interface SeriesText {
  title: string;
  description: string | null;
  /** The Vietnamese text's own slug (made from its English one when left out). */
  slug?: string | null;
}

/** What a series is written from. */
export interface SeriesInput {
  slug: string | null;
  status: 'draft' | 'published';
  publish_at: string | null;
  en: SeriesText;
  vi: SeriesText | null;
}

/** The most sessions a series' page lists in each part: the soonest to come, the latest past. */
export const SERIES_PAGE_SESSIONS = 50;

async function write(db: Kysely<Database>, ctx: EditContext, id: number | null, input: SeriesInput): Promise<number> {
  assertCan(ctx.user, input.status === 'published' ? 'content.publish' : 'content.edit');
  const at = ctx.now.toISOString();
  return db.transaction().execute(async (trx) => {
    const title = normalizeLine(input.en.title);
    const slug = input.slug && isSlug(input.slug) ? input.slug : await uniqueSlugFromTitle(title, 'series', (s) => repo.slugTaken(trx, s, id));
    const row = { slug, status: input.status, publish_at: input.publish_at, at };
    const seriesId = id ?? (await repo.insertSeries(trx, row));
    if (id !== null && !(await repo.updateSeriesRow(trx, id, row))) throw new NotFoundError();
    const text = (lang: LangCode, t: SeriesText, textSlug: string) => ({
      lang,
      slug: textSlug,
      title: normalizeLine(t.title),
      description: t.description,
      description_html: renderMarkdownForStorage(t.description),
    });
    const vi = input.vi;
    await repo.replaceTexts(trx, seriesId, [
      text('en', input.en, slug),
      ...(vi ? [text('vi', vi, vi.slug && isSlug(vi.slug) && vi.slug !== slug ? vi.slug : `${slug}-vi`)] : []),
    ]);
    return seriesId;
  });
}

/** Writes a new series; its id. */
export function createSeries(db: Kysely<Database>, ctx: EditContext, input: SeriesInput): Promise<number> {
  return write(db, ctx, null, input);
}

/** Writes a series again, whole. */
export async function updateSeries(db: Kysely<Database>, ctx: EditContext, id: number, input: SeriesInput): Promise<void> {
  await write(db, ctx, id, input);
}

/** One session of a series as its page lists it: the event it belongs to, and when. */
export interface SeriesSession {
  event: Pick<CalendarEvent, 'id' | 'slug' | 'title' | 'text_lang' | 'time_zone' | 'event_status'>;
  session: Session;
}

export interface SeriesPage {
  series: SeriesRow;
  upcoming: SeriesSession[];
  past: SeriesSession[];
  /** Every event of the series, as its calendar carries them. */
  events: CalendarEvent[];
}

/** The sessions of these events, a recurring event's each on its date, in order. */
export function sessionsOf(events: readonly CalendarEvent[], today: string): SeriesSession[] {
  return events
    .flatMap((e) => {
      const through = e.recurrence_rule ? (ruleUntil(e.recurrence_rule) ?? sessionHorizon(today)) : e.start_date;
      return eventSessions(e, e.session_changes, through).map((session) => ({ event: e, session }));
    })
    .sort((a, b) => compareDates(a.session.start_date, b.session.start_date) || (a.session.starts_at ?? '').localeCompare(b.session.starts_at ?? '') || a.event.id - b.event.id);
}

/** Every series visitors may see now, in `lang`. */
export function listSeries(db: Kysely<Database>, lang: LangCode, now: Date): Promise<SeriesRow[]> {
  return repo.listLiveSeries(db, lang, now);
}

/** A live series by id or any slug, with every session of its live events in order. 404 when visitors may not see it. */
export async function getSeriesWithSessions(db: Kysely<Database>, idOrSlug: string, lang: LangCode, today: string, now: Date): Promise<{ series: SeriesRow; sessions: SeriesSession[] }> {
  const series = await repo.findLiveSeriesByIdOrSlug(db, idOrSlug, lang, now);
  if (!series) throw new NotFoundError();
  const events = await listCalendarEvents(db, lang, { kind: 'series', id: series.id }, now);
  return { series, sessions: sessionsOf(events, today) };
}

/** A live series' page in `lang`: its upcoming sessions soonest first, its past ones newest first. 404 when visitors may not see it. */
export async function getSeriesPage(db: Kysely<Database>, slug: string, lang: LangCode, today: string, now: Date): Promise<SeriesPage> {
  const series = await repo.findLiveSeries(db, slug, lang, now);
  if (!series) throw new NotFoundError();
  const events = await listCalendarEvents(db, lang, { kind: 'series', id: series.id }, now);
  const sessions = sessionsOf(events, today);
  const ended = (s: SeriesSession) => compareDates(lastDay(s.session.start_date, s.session.end_date), today) < 0;
  return {
    series,
    upcoming: sessions.filter((s) => !ended(s)).slice(0, SERIES_PAGE_SESSIONS),
    past: sessions.filter(ended).reverse().slice(0, SERIES_PAGE_SESSIONS),
    events,
  };
}
