/**
 * The public URL of every page, per language. Public links are built here and
 * nowhere else, so the URL scheme (`/en/…`, `/vi/…`) lives in one file.
 *
 * Slugs are per language: pass the slug the repository returned for the
 * language of the link (an item's Vietnamese URL may use a different slug
 * from its English one).
 */
import type { Lang } from '../dates/format.js';

export type { Lang };

/** The site's languages, in the order the switcher lists them. */
export const PUBLIC_LANGS: readonly Lang[] = ['en', 'vi'];

/** One path per language: the same page in each language (for the switcher and hreflang). */
export type Alternates = Readonly<Record<Lang, string>>;

/** Query parameters of a listing; `page` 1 and empty values are left out of the URL. */
export type ListingQuery = Readonly<Record<string, string | number | null | undefined>>;

function withQuery(path: string, query: ListingQuery | undefined): string {
  if (!query) return path;
  let search = '';
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    if (name === 'page' && Number(value) === 1) continue;
    search += `${search === '' ? '' : '&'}${queryText(name)}=${queryText(String(value))}`;
  }
  return search ? `${path}?${search}` : path;
}

/** What a query's name or value never needs encoded: letters, digits and *-._ (a slug, a page number, a year). */
const PLAIN_QUERY_TEXT = /^[A-Za-z0-9*\-._]*$/;
/** What encodeURIComponent leaves that a form's encoding does not, and the space it writes as %20. */
const NOT_FORM_ENCODED = /[!'()~]|%20/g;

/**
 * A query's name or value as URLSearchParams writes it (a form's encoding:
 * a space as "+"), built without one: every page writes a few such links.
 */
function queryText(text: string): string {
  if (PLAIN_QUERY_TEXT.test(text)) return text;
  let encoded: string;
  try {
    encoded = encodeURIComponent(text);
  } catch {
    // Half of a surrogate pair: URLSearchParams writes it as U+FFFD, where encodeURIComponent refuses it.
    return new URLSearchParams([['', text]]).toString().slice(1);
  }
  return encoded.replace(NOT_FORM_ENCODED, (c) => (c === '%20' ? '+' : `%${c.charCodeAt(0).toString(16).toUpperCase()}`));
}

/**
 * Names and values as a query, in their order, exactly as `new
 * URLSearchParams(query).toString()` writes it, only quicker: an event's page
 * writes its Google Calendar link with one, and URLSearchParams took 8 µs of it.
 */
export function formQuery(query: Readonly<Record<string, string>>): string {
  let search = '';
  for (const name in query) search += `${search === '' ? '' : '&'}${queryText(name)}=${queryText(query[name]!)}`;
  return search;
}

/** A slug as one segment of a path. */
function pathSegment(slug: string): string {
  // Slugs are mostly letters, digits and dashes, which need no encoding.
  return PLAIN_SLUG.test(slug) ? slug : encodeURIComponent(slug);
}

const PLAIN_SLUG = /^[a-z0-9-]*$/;

/** The language's home page: `/en`, `/vi`. */
export function homePath(lang: Lang): string {
  return `/${lang}`;
}

/** The events listing: `/en/events`, `/vi/events?page=2`. */
export function eventsPath(lang: Lang, query?: ListingQuery): string {
  return withQuery(`/${lang}/events`, query);
}

/** One event, by its slug in `lang`. */
export function eventPath(lang: Lang, slug: string): string {
  return `/${lang}/events/${pathSegment(slug)}`;
}

/** The feature articles listing: `/en/articles`, `/vi/articles?page=2`. */
export function articlesPath(lang: Lang, query?: ListingQuery): string {
  return withQuery(`/${lang}/articles`, query);
}

/** One article, by its slug in `lang`. */
export function articlePath(lang: Lang, slug: string): string {
  return `/${lang}/articles/${pathSegment(slug)}`;
}

/**
 * The switcher's link: records the visitor's choice of `to` (a cookie) and
 * goes on to `next`, the same page in that language.
 */
export function languageChoicePath(to: Lang, next: string): string {
  return `/language?to=${queryText(to)}&next=${queryText(next)}`;
}

/** Builds the alternates of a page from a function of the language. */
export function alternates(pathIn: (lang: Lang) => string): Alternates {
  return { en: pathIn('en'), vi: pathIn('vi') };
}

/** The language a public path is in (`/vi/events` → 'vi'); undefined outside the language prefixes. */
export function langOfPath(path: string): Lang | undefined {
  const first = /^\/([a-z]{2})(?:[/?#]|$)/.exec(path)?.[1];
  return PUBLIC_LANGS.find((lang) => lang === first);
}

/**
 * Whether `next` is a safe place to go after choosing `lang`: a path on this
 * site inside that language's pages. Anything else (another host, `//evil`,
 * a backslash trick, another language) is refused, so the choice endpoint
 * can never be used as an open redirect.
 */
export function isPathInLang(next: string, lang: Lang): boolean {
  if (next.length > 2000 || next.includes('\\')) return false;
  for (let i = 0; i < next.length; i += 1) {
    const code = next.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return false;
  }
  return next === `/${lang}` || next.startsWith(`/${lang}/`) || next.startsWith(`/${lang}?`);
}

// Finding and following: search, topic and programme pages, calendars and news feeds.

/** The search page, with its query and filters: `/en/search?q=dak+lak&kind=event`. */
export function searchPath(lang: Lang, query?: ListingQuery): string {
  return withQuery(`/${lang}/search`, query);
}

/** All topics: `/en/topics`. */
export function topicsPath(lang: Lang): string {
  return `/${lang}/topics`;
}

/** One topic's page: `/en/topics/child-labour`. */
export function topicPath(lang: Lang, slug: string, query?: ListingQuery): string {
  return withQuery(`/${lang}/topics/${pathSegment(slug)}`, query);
}

/** All programmes and projects: `/en/programmes`. */
export function programmesPath(lang: Lang): string {
  return `/${lang}/programmes`;
}

/** One programme's page: `/en/programmes/enhance`. */
export function programmePath(lang: Lang, slug: string, query?: ListingQuery): string {
  return withQuery(`/${lang}/programmes/${pathSegment(slug)}`, query);
}

/** What a calendar or news feed covers: everything, or one topic or programme. */
export type FeedScope = { kind: 'all' } | { kind: 'topic'; slug: string } | { kind: 'programme'; slug: string };

function scopePrefix(lang: Lang, scope: FeedScope): string {
  if (scope.kind === 'topic') return topicPath(lang, scope.slug);
  if (scope.kind === 'programme') return programmePath(lang, scope.slug);
  return `/${lang}`;
}

/** The iCalendar feed of events: `/en/events.ics`, `/en/topics/child-labour/events.ics`. */
export function calendarPath(lang: Lang, scope: FeedScope = { kind: 'all' }): string {
  return `${scopePrefix(lang, scope)}/events.ics`;
}

/** One event as an iCalendar file ("add to calendar"): `/en/events/some-slug/calendar.ics`. */
export function eventCalendarPath(lang: Lang, slug: string): string {
  return `${eventPath(lang, slug)}/calendar.ics`;
}

/** A series of events' page. */
export function seriesPath(lang: Lang, slug: string): string {
  return `/${lang}/series/${pathSegment(slug)}`;
}

/** A series' calendar to subscribe to: its events, a recurring one as one entry with its rule. */
export function seriesCalendarPath(lang: Lang, slug: string): string {
  return `${seriesPath(lang, slug)}/events.ics`;
}

export type NewsFeedFormat = 'atom' | 'rss' | 'json';

const NEWS_FEED_FILES: Record<NewsFeedFormat, string> = { atom: 'articles.atom', rss: 'articles.rss', json: 'articles.json' };

/** The media type each news feed is served as, and announced with in links. */
export const NEWS_FEED_TYPES: Record<NewsFeedFormat, string> = {
  atom: 'application/atom+xml',
  rss: 'application/rss+xml',
  json: 'application/feed+json',
};

/** A news feed of articles: `/en/articles.atom`, `/vi/topics/child-labour/articles.rss`. */
export function newsFeedPath(lang: Lang, format: NewsFeedFormat, scope: FeedScope = { kind: 'all' }): string {
  return `${scopePrefix(lang, scope)}/${NEWS_FEED_FILES[format]}`;
}

/** The read API's page for people: `/en/api`. */
export function apiDocsPath(lang: Lang): string {
  return `/${lang}/api`;
}

/** The read API's root, outside the language prefixes (the language is a parameter). */
export const API_ROOT = '/api/v1';

/** The read API's OpenAPI document. */
export const OPENAPI_PATH = `${API_ROOT}/openapi.json`;

/** The sitemap (or sitemap index), outside the language prefixes. */
export function sitemapPath(part?: number): string {
  return part === undefined ? '/sitemap.xml' : `/sitemap-${part}.xml`;
}
