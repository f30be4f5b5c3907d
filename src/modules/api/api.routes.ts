/**
 * The read API at /api/v1: each endpoint of openapi.ts, its query checked by
 * its schema (an unknown parameter is refused, not ignored), its answer
 * parsed through its schema and marked public, so that the page cache keeps
 * it, answers with its ETag (304 when unchanged) and forgets it on every
 * change, as it does the pages. Any origin may read it (CORS, GET only).
 * Errors are problem details (shared/http/problem.ts, by the app's handler).
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import type { z } from 'zod';
import type { AppDeps, PublicRouteOptions } from '../../app-deps.js';
import { ValidationError } from '../../shared/errors.js';
import { cachePublicPage } from '../../shared/http/cache.js';
import { sendPage, viewContext } from '../../shared/http/html.js';
import { API_ROOT, OPENAPI_PATH, apiDocsPath } from '../../shared/http/paths.js';
import { apiCorsHeaders } from '../../shared/http/problem.js';
import { languageForVisitor, type Lang } from '../i18n/index.js';
import { getArticle, getEvent, getSeries, listArticles, listEvents, listSeries, listTerms, type ApiContext, type ListPage } from './api.service.js';
import { articlesQuery, eventsQuery, itemParams, langQuery } from './api.schemas.js';
import { ApiDocsPage } from './api-docs.views.js';
import { ENDPOINTS, openApiDocument, type Endpoint } from './openapi.js';

/** How long a browser may use a preflight's answer before asking again: a day, as the allowed methods never change. */
const PREFLIGHT_MAX_AGE_SECONDS = 24 * 60 * 60;

/**
 * A request's parameters read by a schema; what is wrong is a ValidationError
 * naming each parameter at fault (an unknown one by its own name).
 */
export function readParams<T extends z.ZodType>(schema: T, given: unknown): z.infer<T> {
  const result = schema.safeParse(given);
  if (result.success) return result.data;
  const fields: Record<string, string> = {};
  for (const issue of result.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) fields[key] ??= 'This endpoint takes no such parameter.';
    } else {
      fields[issue.path.map(String).join('.') || 'query'] ??= issue.code === 'invalid_type' && issue.input !== undefined ? 'Give this parameter once.' : issue.message;
    }
  }
  const [first] = Object.entries(fields);
  throw new ValidationError(first ? `${first[0]}: ${first[1]}` : 'Bad parameters.', fields);
}

/** Sends an answer as JSON after parsing it through its schema: it can hold no field the document does not name. */
function sendJson(reply: FastifyReply, schema: z.ZodType, body: unknown): FastifyReply {
  return cachePublicPage(reply).type('application/json; charset=utf-8').send(JSON.stringify(schema.parse(body)));
}

/** The address of the next page: the same parameters as given, with the next cursor. */
function nextUrl(request: FastifyRequest, publicUrl: string, cursor: string | null): string | null {
  if (cursor === null) return null;
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(request.query as Record<string, unknown>)) {
    if (name !== 'cursor' && typeof value === 'string') params.append(name, value);
  }
  params.append('cursor', cursor);
  return `${publicUrl}${request.url.split('?')[0] ?? ''}?${params.toString()}`;
}

const fastifyPath = (endpoint: Endpoint) => `${API_ROOT}${endpoint.path.replace(/\{(\w+)\}/g, ':$1')}`;
const endpoint = (operationId: string): Endpoint => {
  const found = ENDPOINTS.find((e) => e.operationId === operationId);
  if (!found) throw new Error(`no endpoint ${operationId}`);
  return found;
};

/** The read API and its OpenAPI document, at /api/v1; `/api` leads to the page for people. */
export const apiRoutes: FastifyPluginAsync<AppDeps> = async (app, deps) => {
  const publicUrl = deps.config.PUBLIC_URL.replace(/\/+$/, '');
  const context = (): ApiContext => ({ db: deps.db, now: deps.now(), today: deps.today(), publicUrl });
  const document = JSON.stringify(openApiDocument(publicUrl));

  // Before the handler, so that the page cache stores the headers with the answer.
  app.addHook('onRequest', async (request, reply) => {
    if (request.url.startsWith(`${API_ROOT}/`) || request.url === API_ROOT) apiCorsHeaders(reply);
  });

  // A preflight, sent by browsers before a cross-origin GET with headers of its own (If-None-Match).
  app.options(`${API_ROOT}/*`, async (request, reply) => {
    return reply
      .code(204)
      .header('access-control-allow-methods', 'GET, HEAD, OPTIONS')
      .header('access-control-allow-headers', 'Accept, Accept-Language, If-None-Match, If-Modified-Since, Cache-Control')
      .header('access-control-max-age', String(PREFLIGHT_MAX_AGE_SECONDS))
      .header('cache-control', `public, max-age=${PREFLIGHT_MAX_AGE_SECONDS}`)
      .send();
  });

  /** A listing: its query read by the endpoint's schema, a page of it with the address of the next. */
  const listing = <Q extends z.ZodType>(operationId: string, query: Q, list: (ctx: ApiContext, query: z.infer<Q>) => Promise<ListPage<unknown>>) => {
    const described = endpoint(operationId);
    app.get(fastifyPath(described), async (request, reply) => {
      const page = await list(context(), readParams(query, request.query));
      return sendJson(reply, described.response!, { ...page, next: nextUrl(request, publicUrl, page.next_cursor) });
    });
  };
  /** One item by id or slug. */
  const item = (operationId: string, find: (ctx: ApiContext, idOrSlug: string, lang: Lang) => Promise<unknown>) => {
    const described = endpoint(operationId);
    app.get(fastifyPath(described), async (request, reply) => {
      const { idOrSlug } = readParams(itemParams, request.params);
      const { lang } = readParams(langQuery, request.query);
      return sendJson(reply, described.response!, { data: await find(context(), idOrSlug, lang) });
    });
  };
  listing('listEvents', eventsQuery, listEvents);
  item('getEvent', getEvent);
  listing('listArticles', articlesQuery, listArticles);
  item('getArticle', getArticle);
  item('getSeries', getSeries);
  app.get(fastifyPath(endpoint('listSeries')), async (request, reply) => {
    const { lang } = readParams(langQuery, request.query);
    return sendJson(reply, endpoint('listSeries').response!, { data: await listSeries(context(), lang) });
  });

  for (const [operationId, kind] of [
    ['listTopics', 'topic'],
    ['listProgrammes', 'programme'],
  ] as const) {
    app.get(fastifyPath(endpoint(operationId)), async (request, reply) => {
      const { lang } = readParams(langQuery, request.query);
      return sendJson(reply, endpoint(operationId).response!, { data: await listTerms(context(), kind, lang) });
    });
  }

  app.get(OPENAPI_PATH, async (request, reply) => {
    readParams(langQuery.pick({}), request.query);
    return cachePublicPage(reply).type('application/json; charset=utf-8').send(document);
  });

  // The page for people is in the visitor's language, as `/` is.
  app.get('/api', async (request, reply) => {
    const lang = languageForVisitor({ cookie: request.headers.cookie, acceptLanguage: request.headers['accept-language'] });
    return cachePublicPage(reply).header('vary', 'Accept-Language, Cookie').redirect(apiDocsPath(lang), 302);
  });
};

/** The API's page for people in one language: `/en/api`, `/vi/api`. */
export const apiDocsRoutes: FastifyPluginAsync<PublicRouteOptions> = async (app, deps) => {
  const document = openApiDocument(deps.config.PUBLIC_URL);
  app.get('/api', async (request, reply) => {
    return sendPage(cachePublicPage(reply), h(ApiDocsPage, { ctx: viewContext(request, deps.lang), document }));
  });
};
