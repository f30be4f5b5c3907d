/**
 * schema.org structured data (JSON-LD) for search engines: an Event for each
 * event page and a NewsArticle for each article page, built from the same
 * data the page shows.
 */
import type { ArticleDetail } from '../articles/index.js';
import { isTimed, type EventDetail } from '../events/index.js';
import { creditText, formatCredit } from '../articles/index.js';
import { shareableImage } from '../media/index.js';
import { isoWithOffset } from '../../shared/dates/zoned-time.js';
import { articlePath, eventPath } from '../../shared/http/paths.js';
import { lastDay } from '../../shared/dates/day-range.js';
import { SHARE_IMAGE, shareImageUrl } from '../../shared/http/assets.js';
import type { ViewContext } from '../../shared/views/view-context.js';

type Json = string | number | boolean | null | Json[] | { [key: string]: Json | undefined };
type JsonObject = { [key: string]: Json | undefined };

const EVENT_STATUS = {
  scheduled: 'https://schema.org/EventScheduled',
  cancelled: 'https://schema.org/EventCancelled',
  postponed: 'https://schema.org/EventPostponed',
} as const;

const ATTENDANCE_MODE = {
  in_person: 'https://schema.org/OfflineEventAttendanceMode',
  online: 'https://schema.org/OnlineEventAttendanceMode',
  mixed: 'https://schema.org/MixedEventAttendanceMode',
} as const;

function absolute(url: string, origin: string): string {
  return /^https?:\/\//i.test(url) ? url : `${origin}${url.startsWith('/') ? '' : '/'}${url}`;
}

/** The site's default picture, absolute, for items without an image of their own. */
function defaultImage(ctx: ViewContext): string {
  return absolute(shareImageUrl(), ctx.publicUrl);
}

/** The most characters of a headline search engines show (Google's limit for Article). */
const MAX_HEADLINE = 110;

/** A headline within MAX_HEADLINE characters: cut where a word ends, with an ellipsis. */
export function headline(title: string): string {
  const chars = [...title];
  if (chars.length <= MAX_HEADLINE) return title;
  const room = chars.slice(0, MAX_HEADLINE - 1).join('');
  const space = room.search(/\s+\S*$/);
  return `${(space > 0 ? room.slice(0, space) : room).replace(/[\s,;:.\-–—]+$/u, '')}…`;
}

function office(ctx: ViewContext): JsonObject {
  return { '@type': 'Organization', name: ctx.siteName, url: `${ctx.publicUrl}/`, email: ctx.officeEmail };
}

/**
 * An Event: all-day events give plain dates (the last day inclusive, as
 * schema.org reads endDate), timed ones local times with their offset.
 * Where it happens: a Place (the venue or city, else the office) unless it
 * is online only, a VirtualLocation unless it is in person only. The image is
 * the site's default picture: events have none of their own.
 */
export function eventJsonLd(detail: EventDetail, ctx: ViewContext): JsonObject {
  const { event } = detail;
  const url = `${ctx.publicUrl}${eventPath(ctx.lang, detail.slugs[ctx.lang])}`;
  const timed = isTimed(event);
  const startDate = timed ? isoWithOffset(event.starts_at, event.time_zone) : event.start_date;
  const endDate = timed ? (event.ends_at ? isoWithOffset(event.ends_at, event.time_zone) : undefined) : lastDay(event.start_date, event.end_date);
  const locations: JsonObject[] = [];
  if (event.attendance_mode !== 'online') {
    // Search engines require a place: the venue and city as known, else the office, which
    // holds the events it lists unless they say otherwise (the site knows no street address).
    locations.push(
      detail.venue || detail.city
        ? {
            '@type': 'Place',
            name: detail.venue ?? detail.city ?? undefined,
            address: detail.city ? { '@type': 'PostalAddress', addressLocality: detail.city } : (detail.venue ?? undefined),
          }
        : { '@type': 'Place', name: ctx.siteName, address: ctx.siteName },
    );
  }
  // Where people join: the meeting link, else where they register for it; never this page,
  // which is not the event's online place. With neither, no address rather than a wrong one.
  const joinAt = event.online_url ?? event.registration_url;
  if (event.attendance_mode !== 'in_person') locations.push({ '@type': 'VirtualLocation', ...(joinAt ? { url: joinAt } : {}) });
  return {
    '@context': 'https://schema.org',
    '@type': 'Event',
    name: detail.title,
    description: detail.summary ?? detail.description ?? undefined,
    startDate,
    endDate,
    eventStatus: EVENT_STATUS[event.event_status],
    eventAttendanceMode: ATTENDANCE_MODE[event.attendance_mode],
    location: locations.length === 0 ? undefined : locations.length === 1 ? locations[0] : locations,
    organizer: office(ctx),
    url,
    inLanguage: detail.textLang,
    keywords: detail.topics.length > 0 ? detail.topics.map((topic) => topic.name).join(', ') : undefined,
    image: [defaultImage(ctx)],
  };
}

/**
 * When an article was published, as a date-time with an offset: the moment
 * it went live where that fell on the day the office dates it, else the
 * start of that day (UTC) for items dated by hand or imported.
 */
function publishedAt(publishedOn: string, publishedAt: string | null): string {
  if (publishedAt && publishedAt.slice(0, 10) === publishedOn) return isoWithOffset(publishedAt, 'UTC');
  return `${publishedOn}T00:00:00+00:00`;
}

/**
 * A NewsArticle: headline (within 110 characters), publication date and
 * last change as date-times, the author from the byline (the office itself
 * when there is none), and the hero image with its credit and rights holder
 * (the site's default picture when there is none).
 */
export function articleJsonLd(detail: ArticleDetail, ctx: ViewContext): JsonObject {
  const { article } = detail;
  const url = `${ctx.publicUrl}${articlePath(ctx.lang, detail.slugs[ctx.lang])}`;
  const credit = creditText(article);
  const author: JsonObject = article.byline_name
    ? {
        '@type': 'Person',
        name: article.byline_name,
        jobTitle: detail.bylineRole ?? undefined,
        affiliation: detail.bylineOrganisation ? { '@type': 'Organization', name: detail.bylineOrganisation } : undefined,
      }
    : office(ctx);
  // A library hero brings its own credit; an imported article's is on the article.
  const shared = detail.hero ? shareableImage(detail.hero, detail.textLang) : undefined;
  const heroCredit = detail.hero ? detail.hero.credit : article.credit_holder ? { holder: article.credit_holder, photographer: article.credit_photographer, year: article.credit_year } : null;
  const heroUrl = shared?.url ?? article.hero_image_path;
  const image: JsonObject = heroUrl
    ? {
        '@type': 'ImageObject',
        url: absolute(heroUrl, ctx.publicUrl),
        contentUrl: absolute(heroUrl, ctx.publicUrl),
        width: shared?.width,
        height: shared?.height,
        caption: (shared ? shared.alt : detail.heroAlt) ?? undefined,
        creditText: (detail.hero ? (heroCredit ? formatCredit(heroCredit) : null) : credit) ?? undefined,
        copyrightHolder: heroCredit ? { '@type': 'Organization', name: heroCredit.holder } : undefined,
        creator: heroCredit?.photographer ? { '@type': 'Person', name: heroCredit.photographer } : undefined,
        copyrightYear: heroCredit?.year ?? undefined,
      }
    : { '@type': 'ImageObject', url: defaultImage(ctx), contentUrl: defaultImage(ctx), width: SHARE_IMAGE.width, height: SHARE_IMAGE.height };
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: headline(detail.title),
    description: detail.summary ?? undefined,
    datePublished: publishedAt(article.published_on, article.published_at),
    dateModified: article.updated_at,
    author,
    publisher: { '@type': 'Organization', name: ctx.siteName, url: `${ctx.publicUrl}/` },
    image,
    inLanguage: detail.textLang,
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    url,
  };
}

/**
 * JSON as a script block. "<" is written as \u003c, so no text in the data
 * (a title containing "</script>") can end the block early.
 */
export function JsonLd({ data }: { data: JsonObject }) {
  const json = JSON.stringify(data).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: json }} />;
}
