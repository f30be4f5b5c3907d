/**
 * Builds the Fastify application. It never listens: server.ts does, and tests
 * call `inject` on what this returns.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance, type FastifyPluginAsync, type FastifyReply, type FastifyRequest, type FastifyServerOptions, type RouteOptions } from 'fastify';
import type { AppDeps, PublicRouteOptions } from './app-deps.js';
import { linkModules } from './module-links.js';
import { registerAssets } from './shared/http/assets.js';
import { frameworkErrorHandler, registerErrorHandlers } from './shared/http/errors.js';
import { adminRoutes, SESSION_COOKIE, type AdminFeature, type DashboardPanel } from './modules/admin/index.js';
import { workPanel } from './modules/content/index.js';
import { articlesAdminRoutes, articlesRoutes, relatedArticlesSection, visitorsArticleYears } from './modules/articles/index.js';
import { eventsAdminRoutes, eventsRoutes, relatedEventsSection, visitorsEventYears } from './modules/events/index.js';
import { markdownAdminRoutes, mediaAdminRoutes, mediaFilesRoutes } from './modules/media/index.js';
import { isMessageKey, LANGS, languageRoutes, translator } from './modules/i18n/index.js';
import { siteRoutes } from './modules/site/index.js';
import { searchRoutes } from './modules/search/index.js';
import { feedsRoutes } from './modules/feeds/index.js';
import { seoRoutes } from './modules/seo/index.js';
import { topicsRoutes } from './modules/topics/index.js';
import { seriesAdminRoutes, seriesLink, seriesRoutes } from './modules/series/index.js';
import { subscribersAdminRoutes, subscriptionsRoutes } from './modules/subscriptions/index.js';
import { apiDocsRoutes, apiRoutes } from './modules/api/index.js';
import { localContentChanges, type ContentChanges } from './shared/http/content-changes.js';
import { rememberReadsUntilChanged } from './db/remembered-reads.js';
import { nextPageChangeByClock } from './modules/publishing/index.js';
import { registerHealthRoutes } from './shared/http/health.js';
import { PageStore, pageCacheFrontDoor, registerPageCache, type PageCacheOptions } from './shared/http/page-cache.js';
import { logsRequests, requestIdText, requestIds, type RequestLineWriter } from './shared/logger.js';

export type { AppDeps };

/** The public pages: each plugin is registered once per language, under `/${lang}`. */
const PUBLIC_ROUTES: readonly FastifyPluginAsync<PublicRouteOptions>[] = [
  siteRoutes,
  eventsRoutes,
  articlesRoutes,
  searchRoutes,
  topicsRoutes,
  seriesRoutes,
  feedsRoutes,
  apiDocsRoutes,
  subscriptionsRoutes,
];

/** An event's page shows related articles, an article's page related events; neither kind imports the other. */
const RELATED = { toEvent: relatedArticlesSection, toArticle: relatedEventsSection };
/** The years of each kind, for search's year filter: each kind's own rule, as its listing offers them. */
const YEARS = { events: visitorsEventYears, articles: visitorsArticleYears };

/**
 * The public pages run no script at all and load styles and images from the
 * site itself; imported articles may still point at images elsewhere over
 * https. JSON-LD blocks are data, not script, and are not affected.
 */
export const PUBLIC_CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: https:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Headers every response carries. */
const SECURITY_HEADERS = Object.freeze({
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'x-frame-options': 'DENY',
});

/** The same, with the public pages' policy, for a response that has set none of its own. */
const PUBLIC_SECURITY_HEADERS = Object.freeze({ ...SECURITY_HEADERS, 'content-security-policy': PUBLIC_CONTENT_SECURITY_POLICY });

/**
 * The admin sections of the feature modules, in navigation order. Each module
 * adds its entry here, e.g.
 * `{ prefix: '/events', routes: eventsAdminRoutes, nav: { labelKey: 'editing.nav.events' } }`;
 * the admin shell mounts it at /admin/events behind the session and CSRF checks.
 */
export const ADMIN_FEATURES: readonly AdminFeature[] = [
  { prefix: '/events', routes: eventsAdminRoutes, nav: { labelKey: 'editing.nav.events', action: 'content.create' } },
  { prefix: '/articles', routes: articlesAdminRoutes, nav: { labelKey: 'editing.nav.articles', action: 'content.create' } },
  { prefix: '/series', routes: seriesAdminRoutes, nav: { labelKey: 'series.admin.nav', action: 'content.publish' } },
  { prefix: '/media', routes: mediaAdminRoutes, nav: { labelKey: 'media.nav.library', action: 'media.upload' } },
  { prefix: '/subscribers', routes: subscribersAdminRoutes, nav: { labelKey: 'subs.admin.nav', action: 'users.manage' } },
  // The Markdown preview of every form with a Markdown field; no page of its own in the navigation.
  { prefix: '/markdown', routes: markdownAdminRoutes },
];

/** The dashboard's panels that span the sections: the editing work on events and articles. */
export const ADMIN_DASHBOARD_PANELS: readonly DashboardPanel[] = [workPanel];

export interface BuildAppOptions {
  /** Fastify's logger options (pino's), for a logger the framework makes; none by default. */
  logger?: FastifyServerOptions['logger'];
  /** A logger made beforehand (the server's, see shared/logger.ts); closing the app waits until its lines are written. */
  loggerInstance?: FastifyBaseLogger & { flush(done?: (error?: Error) => void): void };
  /** Writes the line of a request the page cache answers, as the logger would, only quicker (shared/logger.ts). */
  requestLine?: RequestLineWriter;
  /** Called for every route as it is added (tests list the admin routes with it). */
  onRoute?: (route: RouteOptions) => void;
  /** Replaces ADMIN_FEATURES (tests mount a stand-in feature). */
  adminFeatures?: readonly AdminFeature[];
  /**
   * The "content changed" signal shared with the rest of the process (the
   * publication timer, the importer) and, on PostgreSQL, other instances.
   * One within this app by default.
   */
  contentChanges?: ContentChanges;
}

declare module 'fastify' {
  interface FastifyInstance {
    contentChanges: ContentChanges;
    /** The page cache's store, when PAGE_CACHE=on. */
    pageStore: PageStore | undefined;
  }
}

/** A session cookie in the request: a signed-in editor, whose pages are never cached. */
const SESSION_COOKIE_PATTERN = new RegExp(`(?:^|;)\\s*${SESSION_COOKIE}=`);

/**
 * One log line per request, once it is answered, with what a reader of the
 * log looks for: the request's id, method and address, the status and the
 * time taken; the framework writes two (one on arrival, without the status,
 * and one at the end, without the address), each serialising the whole
 * request or reply. Errors are logged as the framework does.
 */
class OneLinePerRequest extends LogController {
  /** The quick writer of the same line (shared/logger.ts), when the logger offers one; its logger's request children carry the request id alone. */
  constructor(private readonly requestLine?: RequestLineWriter) {
    super();
  }

  override incomingRequest(): void {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    if (error) return super.requestCompleted(error, request, reply);
    // The page cache's own requests, rendering popular pages again after a change, are not visitors'.
    if (!logsRequests(request.log.level) || request.pageCache?.refresh) return;
    if (this.requestLine) {
      this.requestLine({ reqId: request.id, method: request.method, url: request.url, statusCode: reply.statusCode, responseTime: reply.elapsedTime });
      return;
    }
    // To the microsecond, as the page cache's own lines (shared/logger.ts): the other digits are noise, and costly to write.
    request.log.info({ req: { method: request.method, url: request.url }, res: { statusCode: reply.statusCode }, responseTime: Math.round(reply.elapsedTime * 1000) / 1000 }, 'request completed');
  }
}

/** TRUST_PROXY as Fastify takes it: a hop count becomes "trust the nearest n hops". */
function trustedProxy(setting: false | number | string[]): boolean | string[] | ((address: string, hop: number) => boolean) {
  return typeof setting === 'number' ? (_address, hop) => hop < setting : setting;
}

export async function buildApp(deps: AppDeps, options: BuildAppOptions = {}): Promise<FastifyInstance> {
  linkModules(deps.config);
  // With the page cache on, stored pages are answered here, before the framework (pageCacheFrontDoor).
  let frontDoor: ((req: IncomingMessage, res: ServerResponse) => boolean) | undefined;
  // One sequence of request ids for the framework's requests and the front door's.
  const ids = requestIds();
  const { loggerInstance } = options;
  // The framework's types follow the logger's; the app is typed with the base logger, like one the framework makes.
  const baseLogger: FastifyBaseLogger | undefined = loggerInstance;
  const app = Fastify({
    serverFactory: (handler, settings) => {
      const server = createServer((req, res) => {
        if (!frontDoor?.(req, res)) handler(req, res);
      });
      // What the framework sets on a server it makes itself, and leaves to a factory's maker. Its
      // keep-alive of 72 s outlasts a proxy's usual 60 s: with node's own 5 s, a proxy could send a
      // request down a connection the server was closing, and answer the visitor with a 502.
      server.keepAliveTimeout = settings.keepAliveTimeout as number;
      server.requestTimeout = settings.requestTimeout as number;
      server.setTimeout(settings.connectionTimeout as number);
      if ((settings.maxRequestsPerSocket as number) > 0) server.maxRequestsPerSocket = settings.maxRequestsPerSocket as number;
      return server;
    },
    ...(baseLogger ? { loggerInstance: baseLogger } : { logger: options.logger ?? false }),
    logController: new OneLinePerRequest(options.requestLine),
    genReqId: ids.nextText,
    // X-Forwarded-For and -Proto are believed only from the configured proxy (TRUST_PROXY);
    // from anyone else they would let a client choose the address the sign-in limits see.
    trustProxy: trustedProxy(deps.config.TRUST_PROXY),
    frameworkErrors: frameworkErrorHandler,
    routerOptions: {
      ignoreTrailingSlash: true,
      // Slugs are short; a longer path segment is a mistake or a probe.
      maxParamLength: 200,
    },
  });

  if (options.onRoute) app.addHook('onRoute', options.onRoute);
  // A logger that keeps lines to write them in batches writes what it kept when the app closes.
  if (loggerInstance) {
    app.addHook('onClose', (_instance, done) => {
      loggerInstance.flush(() => done());
    });
  }
  const assets = registerAssets(app);
  app.decorate('site', {
    siteName: deps.config.SITE_NAME,
    officeEmail: deps.config.OFFICE_EMAIL,
    publicUrl: deps.config.PUBLIC_URL,
    stylesheet: assets.stylesheet,
    adminStylesheet: assets.adminStylesheet,
    messages: { translator, isMessageKey },
  });

  // Security headers for every response. The admin sets its own, stricter
  // Content-Security-Policy first; other responses get the public one. A
  // hook with a callback: an async one costs every request a promise.
  app.addHook('onSend', (_request, reply, payload, done) => {
    reply.headers(reply.hasHeader('content-security-policy') ? SECURITY_HEADERS : PUBLIC_SECURITY_HEADERS);
    done(null, payload);
  });

  const contentChanges = options.contentChanges ?? localContentChanges();
  app.decorate('contentChanges', contentChanges);
  // The settings, site texts and topic and programme lists nearly every page reads, kept until the next change.
  const stopRemembering = rememberReadsUntilChanged(deps.db, contentChanges);
  app.addHook('onClose', (_instance, done) => {
    stopRemembering();
    done();
  });
  registerHealthRoutes(app, deps.db);
  if (deps.config.PAGE_CACHE === 'on') {
    const store = new PageStore(deps.config.PAGE_CACHE_MAX_BYTES, deps.config.PAGE_CACHE_REFRESH_PAGES);
    app.decorate('pageStore', store);
    const cacheOptions: PageCacheOptions = {
      store,
      changes: contentChanges,
      now: deps.now,
      nextTimeBoundary: (now) => nextPageChangeByClock(deps.db, now, deps.config.OFFICE_TIME_ZONE),
      isSignedIn: (request) => SESSION_COOKIE_PATTERN.test(request.headers.cookie ?? ''),
      closing: () => app.lifecycle.shuttingDown,
    };
    registerPageCache(app, cacheOptions);
    frontDoor = pageCacheFrontDoor(cacheOptions, (req, statusCode, startedAt) => {
      // The same line Fastify writes for the requests it answers.
      if (!logsRequests(app.log.level)) return;
      const fields = { reqId: ids.next(), method: req.method ?? 'GET', url: req.url ?? '/', statusCode, responseTime: Math.round((performance.now() - startedAt) * 1000) / 1000, cache: 'HIT' } as const;
      if (options.requestLine) options.requestLine(fields);
      else app.log.info({ reqId: requestIdText(fields.reqId), req: { method: fields.method, url: fields.url }, res: { statusCode }, responseTime: fields.responseTime, cache: fields.cache }, 'request completed');
    });
  } else {
    app.decorate('pageStore', undefined);
  }

  registerErrorHandlers(app);
  for (const lang of LANGS) {
    for (const routes of PUBLIC_ROUTES) await app.register(routes, { ...deps, lang, related: RELATED, years: YEARS, seriesOf: seriesLink, prefix: `/${lang}` });
  }
  // `/`, the language choice and the old unprefixed addresses.
  await app.register(languageRoutes, deps);
  await app.register(mediaFilesRoutes, deps);
  // robots.txt and the sitemap, for every language at once.
  await app.register(seoRoutes, deps);
  // The read API, one address per resource with the language as a parameter.
  await app.register(apiRoutes, deps);
  await app.register(adminRoutes, {
    ...deps,
    features: options.adminFeatures ?? ADMIN_FEATURES,
    panels: ADMIN_DASHBOARD_PANELS,
    contentChanges,
    prefix: '/admin',
  });
  return app;
}
