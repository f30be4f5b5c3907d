import { Readable } from 'node:stream';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { PublicRouteOptions } from '../../app-deps.js';
import { cachePublicPage } from '../../shared/http/cache.js';
import { parseQuery, slugParams } from '../../shared/http/query.js';
import { articlesPath, eventsPath, NEWS_FEED_TYPES, newsFeedPath, programmePath, topicPath, type FeedScope, type NewsFeedFormat } from '../../shared/http/paths.js';
import { translator } from '../i18n/index.js';
import { calendarEventChunks, calendarEventFromDetail, getPublishedEvent, listEventSessionChanges } from '../events/index.js';
import { getTerm } from '../taxonomy/index.js';
import { listNewsArticles } from '../articles/index.js';
import { buildCalendar, streamCalendar } from './calendar.js';
import { calendarValidators, holdsCurrentCopy } from './calendar-validators.js';
import { buildNewsFeed, NEWS_FEED_LENGTH } from './news.js';

function sendCalendar(reply: FastifyReply, body: string | Readable, filename?: string): FastifyReply {
  cachePublicPage(reply).type('text/calendar; charset=utf-8');
  if (filename) reply.header('content-disposition', `attachment; filename="${filename}"`);
  return reply.send(body);
}

const NEWS_FORMATS: readonly NewsFeedFormat[] = ['atom', 'rss', 'json'];

/**
 * Calendars in one language (every event, a topic's or programme's events,
 * one event's file) and news feeds of articles (all, or a topic's or
 * programme's) in Atom, RSS and JSON Feed.
 */
export const feedsRoutes: FastifyPluginAsync<PublicRouteOptions> = async (app, deps) => {
  const t = translator(deps.lang);
  const origin = deps.config.PUBLIC_URL.replace(/\/+$/, '');
  const site = deps.config.SITE_NAME;

  /**
   * Answers a calendar: 304 from its validators alone when the subscriber
   * already holds the current copy, else `render`'s calendar with them.
   */
  async function calendarReply(request: FastifyRequest, reply: FastifyReply, render: () => Promise<{ body: string | Readable; filename?: string }>): Promise<FastifyReply> {
    const validators = await calendarValidators(deps.db, {
      now: deps.now(),
      today: deps.today(),
      zone: deps.config.OFFICE_TIME_ZONE,
      salt: [origin, site, request.url].join('\n'),
    });
    reply.header('etag', validators.etag).header('last-modified', validators.lastModified.toUTCString());
    if (holdsCurrentCopy(request.headers, validators)) return cachePublicPage(reply).code(304).send();
    const { body, filename } = await render();
    return sendCalendar(reply, body, filename);
  }

  /**
   * A feed's name and the page it follows: the whole site's (`wholePage`), or
   * a topic's or programme's, named by the message keys for each in that order.
   */
  async function scopeHeading(
    scope: FeedScope,
    [whole, topic, programme]: readonly ['calendar.name' | 'news.title', 'calendar.topicName' | 'news.topicTitle', 'calendar.programmeName' | 'news.programmeTitle'],
    wholePage: string,
  ): Promise<{ name: string; page: string }> {
    if (scope.kind === 'all') return { name: t(whole, { site }), page: wholePage };
    const term = await getTerm(deps.db, scope.kind, scope.slug, deps.lang);
    const name = t(scope.kind === 'topic' ? topic : programme, { site, name: term.name });
    return { name, page: scope.kind === 'topic' ? topicPath(deps.lang, scope.slug) : programmePath(deps.lang, scope.slug) };
  }

  /**
   * A scope's calendar, written to the reply as its events are read, a chunk
   * at a time: the whole feed is never held in memory (the page cache, when
   * on, keeps the bytes it sends).
   */
  async function scopedCalendar(scope: FeedScope): Promise<Readable> {
    const { name, page } = await scopeHeading(scope, ['calendar.name', 'calendar.topicName', 'calendar.programmeName'], eventsPath(deps.lang));
    const { timings, chunks } = await calendarEventChunks(deps.db, deps.lang, scope, deps.now());
    return Readable.from(streamCalendar(timings, chunks(), { lang: deps.lang, t, name, publicUrl: origin, pageUrl: `${origin}${page}` }));
  }

  app.get('/events.ics', async (request, reply) => calendarReply(request, reply, async () => ({ body: await scopedCalendar({ kind: 'all' }) })));

  app.get('/topics/:slug/events.ics', async (request, reply) => {
    const { slug } = parseQuery(slugParams, request.params);
    return calendarReply(request, reply, async () => ({ body: await scopedCalendar({ kind: 'topic', slug }) }));
  });

  app.get('/programmes/:slug/events.ics', async (request, reply) => {
    const { slug } = parseQuery(slugParams, request.params);
    return calendarReply(request, reply, async () => ({ body: await scopedCalendar({ kind: 'programme', slug }) }));
  });

  app.get('/events/:slug/calendar.ics', async (request, reply) => {
    const { slug } = parseQuery(slugParams, request.params);
    return calendarReply(request, reply, async () => {
      const detail = await getPublishedEvent(deps.db, slug, deps.lang, deps.now());
      const event = calendarEventFromDetail(detail, deps.lang, await listEventSessionChanges(deps.db, detail.event.id));
      return { body: buildCalendar([event], { lang: deps.lang, t, name: event.title, publicUrl: origin }), filename: `${event.slug}.ics` };
    });
  });

  async function sendNews(reply: FastifyReply, scope: FeedScope, format: NewsFeedFormat): Promise<FastifyReply> {
    const { name: title, page } = await scopeHeading(scope, ['news.title', 'news.topicTitle', 'news.programmeTitle'], articlesPath(deps.lang));
    const articles = await listNewsArticles(deps.db, deps.lang, scope, NEWS_FEED_LENGTH, deps.now());
    const feedUrls = {
      atom: `${origin}${newsFeedPath(deps.lang, 'atom', scope)}`,
      rss: `${origin}${newsFeedPath(deps.lang, 'rss', scope)}`,
      json: `${origin}${newsFeedPath(deps.lang, 'json', scope)}`,
    };
    const body = buildNewsFeed(articles, format, {
      lang: deps.lang,
      t,
      title,
      description: t('news.description', { site }),
      siteName: site,
      publicUrl: origin,
      pageUrl: `${origin}${page}`,
      feedUrls,
      now: deps.now(),
    });
    return cachePublicPage(reply).type(`${NEWS_FEED_TYPES[format]}; charset=utf-8`).send(body);
  }

  // One route per feed file (`/articles.atom`, `/topics/:slug/articles.rss`…), at the paths paths.ts builds.
  for (const format of NEWS_FORMATS) {
    const file = newsFeedPath(deps.lang, format).slice(`/${deps.lang}`.length);
    app.get(file, async (_request, reply) => sendNews(reply, { kind: 'all' }, format));
    app.get(`/topics/:slug${file}`, async (request, reply) => {
      const { slug } = parseQuery(slugParams, request.params);
      return sendNews(reply, { kind: 'topic', slug }, format);
    });
    app.get(`/programmes/:slug${file}`, async (request, reply) => {
      const { slug } = parseQuery(slugParams, request.params);
      return sendNews(reply, { kind: 'programme', slug }, format);
    });
  }
};
