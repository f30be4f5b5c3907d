/**
 * What the read API answers: pages of events and articles, one item, the
 * topics and the programmes, as the objects its schemas describe. Only what
 * visitors may see now is read (api.repository.ts keeps to content's live
 * rule); texts are the ones the site's pages show, with their language.
 */
import type { Kysely, Selectable } from 'kysely';
import type { Database, LangCode } from '../../db/schema.js';
import { NotFoundError, ValidationError } from '../../shared/errors.js';
import { isoWithOffset } from '../../shared/dates/zoned-time.js';
import { articlePath, eventPath, programmePath, seriesCalendarPath, seriesPath, topicPath, type Lang } from '../../shared/http/paths.js';
import { isTimed } from '../events/index.js';
import { LANGS } from '../i18n/index.js';
import { formatCredit, loadPictures, type PhotoCredit, type PictureImage, type PictureSource } from '../media/index.js';
import { getSeriesWithSessions, listSeries as listLiveSeries, type SeriesRow } from '../series/index.js';
import { getSettings } from '../settings/index.js';
import { knownTerms, listProgrammes, listTopics, type TermKind } from '../taxonomy/index.js';
import * as repo from './api.repository.js';
import { ARTICLE_TABLES, EVENT_TABLES, type ItemRow, type KindTables, type ListFilters, type Scope, type SessionWindow } from './api.repository.js';
import type { ArticleJson, ArticlesQuery, EventJson, EventsQuery, HeroJson, SeriesDetailJson, SeriesJson, TermJson, TermRefJson } from './api.schemas.js';
import { decodeCursor, encodeCursor, listingName } from './cursor.js';
import { shownStatusReason } from '../../shared/views/EventStatusNotice.js';

/** What the API reads with: the database, the clock, and the site's public origin for links. */
export interface ApiContext {
  db: Kysely<Database>;
  now: Date;
  /** The office's date now (YYYY-MM-DD). */
  today: string;
  /** Public origin without a trailing slash. */
  publicUrl: string;
}

/** A page of a listing: its items and where the next one starts. */
export interface ListPage<T> {
  data: T[];
  next_cursor: string | null;
}

const absolute = (ctx: ApiContext, path: string) => (/^https?:\/\//i.test(path) ? path : `${ctx.publicUrl}${path.startsWith('/') ? '' : '/'}${path}`);

async function scopeOf(ctx: ApiContext, lang: LangCode): Promise<Scope> {
  const { untranslated } = await getSettings(ctx.db);
  return { lang, now: ctx.now, today: ctx.today, omitUntranslated: untranslated === 'omit' };
}

/** The filters both listings share, checked: known topic and programme, a range that is not reversed. */
async function checkedFilters(ctx: ApiContext, query: ArticlesQuery | EventsQuery): Promise<ListFilters> {
  const [topics, programmes] = await Promise.all([listTopics(ctx.db, query.lang), listProgrammes(ctx.db, query.lang)]);
  const { unknown } = knownTerms(query, topics, programmes);
  const fields: Record<string, string> = {};
  if (unknown.topic !== undefined) fields.topic = 'No topic has this slug: /api/v1/topics lists them.';
  if (unknown.programme !== undefined) fields.programme = 'No programme has this slug: /api/v1/programmes lists them.';
  if (query.from !== undefined && query.to !== undefined && query.to < query.from) fields.to = 'This day comes before `from`.';
  if (Object.keys(fields).length > 0) throw new ValidationError(Object.values(fields)[0]!, fields);
  return {
    year: query.year,
    topic: query.topic,
    programme: query.programme,
    from: query.from,
    to: query.to,
    // Stored instants are UTC ISO text, which sorts as time: the given instant is written the same way.
    updatedSince: query.updated_since === undefined ? undefined : new Date(query.updated_since).toISOString(),
  };
}

/** A recurring event's listed sessions as the API gives them (null for a single event), and how many its rule makes. */
function eventSessions(rows: readonly Selectable<Database['event_sessions']>[] | null, zone: string): Pick<EventJson, 'session_count' | 'sessions'> {
  if (rows === null) return { session_count: null, sessions: null };
  return {
    session_count: rows[0]?.total ?? null,
    sessions: rows.map((s) => ({
      planned_date: s.recurrence_date,
      number: Number(s.position),
      status: s.status,
      start_date: s.start_date,
      end_date: s.end_date,
      starts_at: s.starts_at ? isoWithOffset(s.starts_at, zone) : null,
      ends_at: s.ends_at ? isoWithOffset(s.ends_at, zone) : null,
    })),
  };
}

/** One page of a kind's listing after the query's cursor, in `direction`, built into objects by `build`. */
async function listPage<T>(
  ctx: ApiContext,
  t: KindTables,
  endpoint: string,
  query: ArticlesQuery | EventsQuery,
  filters: ListFilters,
  direction: 'asc' | 'desc',
  build: (ids: number[], lang: LangCode) => Promise<T[]>,
): Promise<ListPage<T>> {
  const listing = listingName(endpoint, query);
  const after = query.cursor === undefined ? undefined : decodeCursor(listing, query.cursor);
  const scope = await scopeOf(ctx, query.lang);
  const positions = await repo.pickPage(ctx.db, t, scope, filters, direction, after, query.limit);
  const shown = positions.slice(0, query.limit);
  const last = shown[shown.length - 1];
  const data = await build(
    shown.map((p) => p.id),
    query.lang,
  );
  return { data, next_cursor: positions.length > query.limit && last ? encodeCursor(listing, last) : null };
}

/**
 * A page of the events visitors may see now: soonest first, or newest first
 * for `when=past` (as the site's listing), after the query's cursor.
 */
export async function listEvents(ctx: ApiContext, query: EventsQuery): Promise<ListPage<EventJson>> {
  const filters: ListFilters = { ...(await checkedFilters(ctx, query)), when: query.when, equals: query.type ? { event_type: query.type } : undefined };
  return listPage(ctx, EVENT_TABLES, 'events', query, filters, query.when === 'past' ? 'desc' : 'asc', (ids, lang) => buildEvents(ctx, ids, lang, sessionWindow(ctx, filters)));
}

/** The days of a listing's window its events' sessions are given for: `from`, `to`, the year, and upcoming or past from today. */
function sessionWindow(ctx: ApiContext, f: ListFilters): SessionWindow {
  const latest = (a: string | undefined, b: string | undefined) => (a === undefined ? b : b === undefined ? a : a > b ? a : b);
  const earliest = (a: string | undefined, b: string | undefined) => (a === undefined ? b : b === undefined ? a : a < b ? a : b);
  const year = f.year === undefined ? undefined : String(f.year).padStart(4, '0');
  return {
    from: latest(latest(f.from, year && `${year}-01-01`), f.when === 'upcoming' ? ctx.today : undefined),
    to: earliest(f.to, year && `${year}-12-31`),
    before: f.when === 'past' ? ctx.today : undefined,
  };
}

/** A page of the articles visitors may see now, newest first, after the query's cursor. */
export async function listArticles(ctx: ApiContext, query: ArticlesQuery): Promise<ListPage<ArticleJson>> {
  const filters = await checkedFilters(ctx, query);
  return listPage(ctx, ARTICLE_TABLES, 'articles', query, filters, 'desc', (ids, lang) => buildArticles(ctx, ids, lang));
}

/** The live item of a kind known by an id or a slug; NotFoundError otherwise. */
async function findItemId(ctx: ApiContext, t: KindTables, idOrSlug: string, lang: LangCode): Promise<number> {
  // A slug may be all digits (a title that is a year): an id is tried first, then the slug.
  const byId = /^\d{1,15}$/.test(idOrSlug) ? await repo.findLiveId(ctx.db, t, Number(idOrSlug), ctx.now) : undefined;
  const id = byId ?? (await repo.findLiveIdBySlug(ctx.db, t, idOrSlug, lang, ctx.now));
  if (id === undefined) throw new NotFoundError(`No ${t.kind} visitors may see has this id or slug.`);
  return id;
}

/** One event visitors may see now, by id or slug. */
export async function getEvent(ctx: ApiContext, idOrSlug: string, lang: LangCode): Promise<EventJson> {
  const [event] = await buildEvents(ctx, [await findItemId(ctx, EVENT_TABLES, idOrSlug, lang)], lang);
  if (!event) throw new NotFoundError();
  return event;
}

/** One article visitors may see now, by id or slug. */
export async function getArticle(ctx: ApiContext, idOrSlug: string, lang: LangCode): Promise<ArticleJson> {
  const [article] = await buildArticles(ctx, [await findItemId(ctx, ARTICLE_TABLES, idOrSlug, lang)], lang);
  if (!article) throw new NotFoundError();
  return article;
}

/** Every topic or programme, by name in `lang`. */
export async function listTerms(ctx: ApiContext, kind: TermKind, lang: LangCode): Promise<TermJson[]> {
  const rows = kind === 'topic' ? await listTopics(ctx.db, lang) : await listProgrammes(ctx.db, lang);
  const path = kind === 'topic' ? topicPath : programmePath;
  return rows.map((row) => ({
    id: row.id,
    slug: row.slug,
    url: absolute(ctx, path(lang, row.slug)),
    text: { lang: row.text_lang, fallback: row.text_lang !== lang, name: row.name, description: row.description },
  }));
}

/** A series as the API gives it. */
function seriesJson(ctx: ApiContext, series: SeriesRow, lang: LangCode): SeriesJson {
  return {
    id: series.id,
    slugs: series.slugs,
    url: absolute(ctx, seriesPath(lang, series.slugs[lang])),
    calendar_url: absolute(ctx, seriesCalendarPath(lang, series.slugs[lang])),
    text: { lang: series.text_lang, fallback: series.text_lang !== lang, title: series.title, description_html: series.description_html },
    updated_at: series.updated_at,
  };
}

/** Every series visitors may see now, by title in `lang`. */
export async function listSeries(ctx: ApiContext, lang: LangCode): Promise<SeriesJson[]> {
  return (await listLiveSeries(ctx.db, lang, ctx.now)).map((series) => seriesJson(ctx, series, lang));
}

/** One series visitors may see now, by id or slug, with its sessions, each on its own date. */
export async function getSeries(ctx: ApiContext, idOrSlug: string, lang: LangCode): Promise<SeriesDetailJson> {
  const { series, sessions } = await getSeriesWithSessions(ctx.db, idOrSlug, lang, ctx.today, ctx.now);
  return {
    ...seriesJson(ctx, series, lang),
    sessions: sessions.map(({ event, session }) => ({
      event_id: event.id,
      event_url: absolute(ctx, eventPath(lang, event.slug)),
      title: event.title,
      planned_date: session.recurrence_date,
      status: event.event_status === 'cancelled' ? 'cancelled' : session.status,
      all_day: session.starts_at === null,
      start_date: session.start_date,
      end_date: session.end_date,
      time_zone: event.time_zone,
      starts_at: session.starts_at ? isoWithOffset(session.starts_at, event.time_zone) : null,
      ends_at: session.ends_at ? isoWithOffset(session.ends_at, event.time_zone) : null,
    })),
  };
}

// Building the objects.

const str = (value: unknown): string | null => (value === null || value === undefined ? null : String(value));
const num = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));

/** What the items of a page share: their slugs in every language, tags and library images. */
async function pageExtras(ctx: ApiContext, t: KindTables, rows: ItemRow[], lang: LangCode) {
  const ids = rows.map((row) => row.id);
  const [slugs, topics, programmes, pictures] = await Promise.all([
    repo.readSlugs(ctx.db, t, ids, LANGS),
    repo.readTags(ctx.db, t, 'topics', ids, lang),
    repo.readTags(ctx.db, t, 'programmes', ids, lang),
    loadPictures(ctx.db, rows.map((row) => num(row.hero_media_id))),
  ]);
  const refs = (tags: repo.TagRow[], id: number, path: (lang: Lang, slug: string) => string): TermRefJson[] =>
    tags.filter((tag) => tag.item === id).map((tag) => ({ slug: tag.slug, name: tag.name, url: absolute(ctx, path(lang, tag.slug)) }));
  return {
    slugs: (id: number) => slugs.get(id) ?? { en: '', vi: '' },
    topics: (id: number) => refs(topics, id, topicPath),
    programmes: (id: number) => refs(programmes, id, programmePath),
    picture: (id: number | null) => (id === null ? undefined : pictures.get(id)),
  };
}

function creditJson(credit: PhotoCredit): HeroJson['credit'] {
  return { text: formatCredit(credit), holder: credit.holder, photographer: credit.photographer, year: credit.year };
}

/** A library image as a hero: every variant, the alt text in `lang` where there is one, else English. */
function libraryHero(ctx: ApiContext, picture: PictureImage, lang: LangCode): HeroJson {
  const variants = (sources: PictureSource[], type: string) => sources.map((s) => ({ url: absolute(ctx, s.url), type, width: s.width, height: s.height }));
  const localAlt = lang === 'vi' ? picture.altVi : null;
  return {
    alt: localAlt ?? picture.altEn,
    alt_lang: localAlt ? lang : 'en',
    credit: picture.credit ? creditJson(picture.credit) : null,
    width: picture.width || null,
    height: picture.height || null,
    variants: [...variants(picture.avif, 'image/avif'), ...variants(picture.webp, 'image/webp'), ...variants(picture.fallback, picture.fallbackType)],
  };
}

/** The events with these ids (whose liveness was checked), in this order. */
async function buildEvents(ctx: ApiContext, ids: number[], lang: LangCode, window: SessionWindow = {}): Promise<EventJson[]> {
  const rows = await repo.readItems(ctx.db, EVENT_TABLES, lang, ids);
  const extras = await pageExtras(ctx, EVENT_TABLES, rows, lang);
  const recurring = rows.filter((row) => row.recurrence_rule !== null && row.recurrence_rule !== undefined).map((row) => row.id);
  const sessions = await repo.readSessions(ctx.db, recurring, window);
  return rows.map((row) => {
    const zone = String(row.time_zone);
    const timing = { all_day: Number(row.all_day), starts_at: str(row.starts_at) };
    const timed = isTimed(timing);
    const picture = extras.picture(num(row.hero_media_id));
    const slugs = extras.slugs(row.id);
    return {
      id: row.id,
      slugs,
      url: absolute(ctx, eventPath(lang, slugs[lang])),
      status: 'published',
      event_status: row.event_status as EventJson['event_status'],
      status_reason: shownStatusReason(
        { event_status: row.event_status as EventJson['event_status'], status_reason_en: str(row.status_reason_en), status_reason_vi: str(row.status_reason_vi) },
        lang,
      ),
      event_type: row.event_type as EventJson['event_type'],
      attendance_mode: row.attendance_mode as EventJson['attendance_mode'],
      all_day: !timed,
      start_date: String(row.start_date),
      end_date: str(row.end_date),
      time_zone: zone,
      starts_at: timed ? isoWithOffset(timing.starts_at!, zone) : null,
      ends_at: timed && row.ends_at ? isoWithOffset(String(row.ends_at), zone) : null,
      text: {
        lang: row.text_lang,
        fallback: row.text_lang !== lang,
        title: row.text_title,
        summary: str(row.text_summary),
        description: str(row.text_description),
        description_html: str(row.text_description_html),
        venue: str(row.text_venue),
        city: str(row.text_city),
      },
      online_url: str(row.online_url),
      registration_url: str(row.registration_url),
      contact_email: str(row.contact_email),
      ...eventSessions(recurring.includes(row.id) ? (sessions.get(row.id) ?? []) : null, zone),
      hero: picture ? libraryHero(ctx, picture, lang) : null,
      topics: extras.topics(row.id),
      programmes: extras.programmes(row.id),
      published_at: str(row.published_at),
      updated_at: String(row.updated_at),
    };
  });
}

/** The articles with these ids (whose liveness was checked), in this order. */
async function buildArticles(ctx: ApiContext, ids: number[], lang: LangCode): Promise<ArticleJson[]> {
  const rows = await repo.readItems(ctx.db, ARTICLE_TABLES, lang, ids);
  const extras = await pageExtras(ctx, ARTICLE_TABLES, rows, lang);
  return rows.map((row) => {
    const picture = extras.picture(num(row.hero_media_id));
    const slugs = extras.slugs(row.id);
    const imported = str(row.hero_image_path);
    const credit = row.credit_holder ? creditJson({ holder: String(row.credit_holder), photographer: str(row.credit_photographer), year: num(row.credit_year) }) : null;
    // A library image brings its own alt text and credit; an imported article's image has the article's.
    const hero: HeroJson | null = picture
      ? libraryHero(ctx, picture, lang)
      : imported
        ? { alt: str(row.text_hero_alt) ?? '', alt_lang: row.text_lang, credit, width: null, height: null, variants: [{ url: absolute(ctx, imported), type: null, width: null, height: null }] }
        : null;
    const bylineKind = str(row.byline_kind);
    const bylineName = str(row.byline_name);
    return {
      id: row.id,
      slugs,
      url: absolute(ctx, articlePath(lang, slugs[lang])),
      status: 'published',
      published_on: String(row.published_on),
      text: {
        lang: row.text_lang,
        fallback: row.text_lang !== lang,
        title: row.text_title,
        summary: str(row.text_summary),
        body: str(row.text_body),
        body_html: str(row.text_body_html),
      },
      byline:
        bylineKind && bylineName
          ? { kind: bylineKind as 'by' | 'op-ed', name: bylineName, role: str(row.text_byline_role), organisation: str(row.text_byline_organisation) }
          : null,
      hero,
      topics: extras.topics(row.id),
      programmes: extras.programmes(row.id),
      published_at: str(row.published_at),
      updated_at: String(row.updated_at),
    };
  });
}
