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
import { NotFoundError, ValidationError } from '../../shared/errors.js';
import { normalizeLine } from '../../shared/text/normalize.js';
import { recordAudit } from '../audit/index.js';
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

/**
 * The problems of a series' input, field name → message key: an English
 * title is needed (and a Vietnamese one when there is Vietnamese text), and a
 * slug given must be one and free.
 */
async function inputErrors(db: Kysely<Database>, id: number | null, input: SeriesInput): Promise<Record<string, string>> {
  const fields: Record<string, string> = {};
  if (!normalizeLine(input.en.title)) fields.en_title = 'series.admin.error.titleRequired';
  if (input.vi && !normalizeLine(input.vi.title)) fields.vi_title = 'series.admin.error.titleRequired';
  const slugs: [string, string | null | undefined][] = [
    ['slug', input.slug],
    ['vi_slug', input.vi?.slug],
  ];
  for (const [field, slug] of slugs) {
    if (!slug) continue;
    if (!isSlug(slug)) fields[field] = 'series.admin.error.slugInvalid';
    else if (await repo.slugTaken(db, slug, id)) fields[field] = 'series.admin.error.slugTaken';
  }
  if (input.slug && input.vi?.slug && input.slug === input.vi.slug && !fields.vi_slug) fields.vi_slug = 'series.admin.error.slugTaken';
  return fields;
}

async function write(db: Kysely<Database>, ctx: EditContext, id: number | null, input: SeriesInput): Promise<number> {
  assertCan(ctx.user, input.status === 'published' ? 'content.publish' : 'content.edit');
  const at = ctx.now.toISOString();
  return db.transaction().execute(async (trx) => {
    const fields = await inputErrors(trx, id, input);
    if (Object.keys(fields).length > 0) throw new ValidationError('The series is not valid.', fields);
    const title = normalizeLine(input.en.title);
    const slug = input.slug ? input.slug : await uniqueSlugFromTitle(title, 'series', (s) => repo.slugTaken(trx, s, id));
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
      ...(vi ? [text('vi', vi, vi.slug && vi.slug !== slug ? vi.slug : `${slug}-vi`)] : []),
    ]);
    await recordAudit(trx, {
      userId: ctx.user.id,
      action: id === null ? 'series.create' : 'series.update',
      subjectKind: 'series',
      subjectId: seriesId,
      summary: `${id === null ? 'Created' : 'Changed'} the series "${title}" (${input.status})`,
      ip: ctx.ip ?? null,
      at: ctx.now,
    });
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

/** Every series, drafts included, for the admin's list. */
export function listSeriesForAdmin(db: Kysely<Database>): Promise<repo.AdminSeriesRow[]> {
  return repo.listAllSeries(db);
}

/** A series' input as it was saved, for its admin form. 404 when there is no such series. */
export async function seriesInputOf(db: Kysely<Database>, id: number): Promise<SeriesInput> {
  const found = await repo.findSeriesForEdit(db, id);
  if (!found) throw new NotFoundError();
  const en = found.texts.find((t) => t.lang === 'en');
  const vi = found.texts.find((t) => t.lang === 'vi');
  return {
    slug: en?.slug ?? null,
    status: found.status,
    publish_at: found.publish_at,
    en: { title: en?.title ?? '', description: en?.description ?? null },
    vi: vi ? { title: vi.title, description: vi.description, slug: vi.slug } : null,
  };
}

/** Every series, drafts included, as the event form's picker offers them (by English title). */
export async function seriesChoicesForEvents(db: Kysely<Database>): Promise<{ id: number; title: string }[]> {
  const rows = await repo.listAllSeries(db);
  return rows.map((r) => ({ id: r.id, title: r.title })).sort((a, b) => a.title.localeCompare(b.title, 'en') || a.id - b.id);
}
