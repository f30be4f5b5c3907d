/**
 * The read API's endpoints, listed once, and its OpenAPI 3.1 document made
 * from them: parameters from the query schemas that validate requests,
 * responses from the schemas answers are parsed through (api.schemas.ts),
 * by zod's own JSON Schema output. Nothing in the document is written by hand
 * but the endpoints' summaries.
 */
import { z } from 'zod';
import { API_ROOT, OPENAPI_PATH } from '../../shared/http/paths.js';
import {
  apiSchemas,
  articleItemSchema,
  articlePageSchema,
  articlesQuery,
  eventItemSchema,
  eventPageSchema,
  eventsQuery,
  itemParams,
  langQuery,
  problemSchema,
  seriesItemSchema,
  seriesListSchema,
  termListSchema,
} from './api.schemas.js';

/** The OpenAPI version written: 3.1, whose schemas are JSON Schema 2020-12, as zod writes them. */
const OPENAPI_VERSION = '3.1.1';
/** The API's version in the document; the path carries the major one (/api/v1). */
const API_VERSION = '1.0.0';

type QuerySchema = z.ZodObject;

export interface Endpoint {
  /** Under /api/v1, OpenAPI style: `/events/{idOrSlug}`. */
  path: string;
  operationId: string;
  summary: string;
  description: string;
  query: QuerySchema;
  params?: QuerySchema;
  /** The answer's schema; undefined for the document itself. */
  response?: z.ZodType;
  /** Whether it is a listing with cursors. */
  paged?: boolean;
}

export const ENDPOINTS: readonly Endpoint[] = [
  {
    path: '/events',
    operationId: 'listEvents',
    summary: 'Events and meetings',
    description: 'The events visitors may see now, a page at a time: soonest first, or newest first with `when=past`.',
    query: eventsQuery,
    response: eventPageSchema,
    paged: true,
  },
  {
    path: '/events/{idOrSlug}',
    operationId: 'getEvent',
    summary: 'One event',
    description: 'An event visitors may see now, by its id or a slug.',
    query: langQuery,
    params: itemParams,
    response: eventItemSchema,
  },
  {
    path: '/articles',
    operationId: 'listArticles',
    summary: 'Feature articles',
    description: 'The articles visitors may see now, newest first, a page at a time.',
    query: articlesQuery,
    response: articlePageSchema,
    paged: true,
  },
  {
    path: '/articles/{idOrSlug}',
    operationId: 'getArticle',
    summary: 'One article',
    description: 'An article visitors may see now, by its id or a slug.',
    query: langQuery,
    params: itemParams,
    response: articleItemSchema,
  },
  {
    path: '/topics',
    operationId: 'listTopics',
    summary: 'Topics',
    description: 'Every topic, by name in the language asked for: what the `topic` filter takes.',
    query: langQuery,
    response: termListSchema,
  },
  {
    path: '/programmes',
    operationId: 'listProgrammes',
    summary: 'Programmes and projects',
    description: 'Every programme or project, by name in the language asked for: what the `programme` filter takes.',
    query: langQuery,
    response: termListSchema,
  },
  {
    path: '/series',
    operationId: 'listSeries',
    summary: 'Series of events',
    description: 'Every series visitors may see now (a webinar series, a weekly training), by title in the language asked for.',
    query: langQuery,
    response: seriesListSchema,
  },
  {
    path: '/series/{idOrSlug}',
    operationId: 'getSeries',
    summary: 'One series, with its sessions',
    description: 'A series visitors may see now, by its id or a slug, with every session of its events in order of date: a recurring event’s each on its own date, moved and cancelled ones marked.',
    query: langQuery,
    params: itemParams,
    response: seriesItemSchema,
  },
];

type JsonObject = Record<string, unknown>;

/** A schema as OpenAPI embeds it: without the dialect and id zod writes at the top of a standalone schema. */
function embedded(schema: JsonObject): JsonObject {
  return Object.fromEntries(Object.entries(schema).filter(([key]) => key !== '$schema' && key !== '$id'));
}

const componentRef = (id: string) => `#/components/schemas/${id}`;

/** The JSON Schema of a registered schema: a reference to its component. */
function refTo(schema: z.ZodType): JsonObject {
  const id = apiSchemas.get(schema)?.id;
  if (!id) throw new Error('every answer of the API is a named schema');
  return { $ref: componentRef(id) };
}

/** The parameters of an endpoint, one per field of its path and query schemas, as clients send them (input). */
function parameters(endpoint: Endpoint): JsonObject[] {
  const of = (where: 'path' | 'query', schema: QuerySchema) =>
    Object.entries(schema.shape).map(([name, field]) => {
      const { description, ...json } = embedded(z.toJSONSchema(field as z.ZodType, { io: 'input' }) as JsonObject);
      return {
        name,
        in: where,
        required: where === 'path' || !(field as z.ZodType).safeParse(undefined).success,
        ...(typeof description === 'string' ? { description } : {}),
        schema: json,
      };
    });
  return [...(endpoint.params ? of('path', endpoint.params) : []), ...of('query', endpoint.query)];
}

const problemResponse = (description: string) => ({ description, content: { 'application/problem+json': { schema: { $ref: componentRef('Problem') } } } });

const cacheHeaders = {
  ETag: { description: 'The answer’s version: send it back in If-None-Match to get 304 while it has not changed.', schema: { type: 'string' } },
  'Cache-Control': { description: 'How long caches may keep the answer (as the site’s pages).', schema: { type: 'string' } },
  'Access-Control-Allow-Origin': { description: 'Any origin may read the API (`*`).', schema: { type: 'string' } },
};

function operation(endpoint: Endpoint): JsonObject {
  const responses: JsonObject = {
    '200': {
      description: endpoint.summary,
      headers: cacheHeaders,
      content: { 'application/json': { schema: endpoint.response ? refTo(endpoint.response) : { type: 'object' } } },
    },
    '304': { description: 'Not modified: the version named in If-None-Match is current.' },
    '400': problemResponse('A parameter the endpoint does not take, or a bad value (each named in `errors`).'),
  };
  if (endpoint.params) responses['404'] = problemResponse('No item visitors may see has this id or slug.');
  responses['500'] = problemResponse('The server could not answer.');
  return { operationId: endpoint.operationId, summary: endpoint.summary, description: endpoint.description, parameters: parameters(endpoint), responses };
}

/** The OpenAPI 3.1 document of the read API, served at `/api/v1/openapi.json`, with the site's origin as its server. */
export function openApiDocument(publicUrl: string): JsonObject {
  const { schemas } = z.toJSONSchema(apiSchemas, { io: 'output', uri: componentRef }) as { schemas: Record<string, JsonObject> };
  // The Problem component is in the registry by importing its schema; errors refer to it by name.
  void problemSchema;
  const paths: JsonObject = {};
  for (const endpoint of ENDPOINTS) paths[endpoint.path] = { get: operation(endpoint) };
  paths[OPENAPI_PATH.slice(API_ROOT.length)] = {
    get: {
      operationId: 'getOpenApiDocument',
      summary: 'This document',
      description: 'The API described in OpenAPI 3.1.',
      responses: { '200': { description: 'The OpenAPI document.', headers: cacheHeaders, content: { 'application/json': { schema: { type: 'object' } } } } },
    },
  };
  return {
    openapi: OPENAPI_VERSION,
    info: {
      title: 'Almanac read API',
      version: API_VERSION,
      description:
        'The events and feature articles visitors may see now, in English and Vietnamese: read-only, open to any origin, cached as the site’s pages. Errors are RFC 9457 problem details.',
    },
    servers: [{ url: `${publicUrl.replace(/\/+$/, '')}${API_ROOT}` }],
    paths,
    components: { schemas: Object.fromEntries(Object.entries(schemas).map(([id, schema]) => [id, embedded(schema)])) },
  };
}
