/**
 * Errors of the read API (every address under /api/) as RFC 9457 problem
 * details: `application/problem+json`, with the HTTP status, a stable code,
 * a sentence for people and, for bad input, each parameter at fault. Never a
 * stack trace: a server error says only that it happened and its reference.
 * The API's own module describes this shape in its OpenAPI document.
 */
import { STATUS_CODES } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { apiDocsPath } from './paths.js';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

/** Whether a request is one of the API's: its errors are problem details, not pages. */
export function isApiRequest(url: string): boolean {
  return url.startsWith('/api/');
}

/** Headers every API answer carries, errors included: readable by pages of any origin (GET only, no credentials). */
export function apiCorsHeaders(reply: FastifyReply): FastifyReply {
  return reply.header('access-control-allow-origin', '*').header('access-control-expose-headers', 'ETag, Cache-Control');
}

/** The anchor of a problem's explanation on the API's page (`#problem-not_found`). */
export function problemTypeUrl(publicUrl: string, code: string): string {
  return `${publicUrl.replace(/\/+$/, '')}${apiDocsPath('en')}#problem-${code}`;
}

/**
 * Sends a problem: `detail` is shown as it is for a 4xx, replaced by a plain
 * sentence with the request's reference for a 5xx; `fields` names each
 * parameter at fault with its message.
 */
export function sendProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  code: string,
  detail: string | undefined,
  fields?: Readonly<Record<string, string | undefined>>,
): FastifyReply {
  const errors = Object.entries(fields ?? {}).map(([field, text]) => ({ field, detail: text ?? code }));
  const body = {
    type: problemTypeUrl(request.server.site.publicUrl, code),
    title: STATUS_CODES[status] ?? 'Error',
    status,
    detail: status >= 500 ? `The server could not answer. Reference: ${request.id}.` : (detail ?? STATUS_CODES[status] ?? code),
    instance: request.url,
    code,
    ...(errors.length > 0 ? { errors } : {}),
  };
  return apiCorsHeaders(reply).header('cache-control', 'no-store').code(status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(body));
}
