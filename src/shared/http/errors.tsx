/**
 * One error handler and one not-found handler for the whole app. People get
 * a page in the site's layout; API clients asking for JSON get JSON. Only 4xx
 * messages are shown; 5xx details go to the log with the request's id.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, RequestBodyError, ValidationError } from '../errors.js';
import { ErrorPage } from '../views/ErrorPage.js';
import { noStore } from './cache.js';
import { sendPage, viewContext } from './html.js';
import { langOfPath } from './paths.js';
import type { Lang } from '../dates/format.js';
import { registerLocationEncoding } from './location.js';
import { isApiRequest, sendProblem } from './problem.js';

function wantsJson(request: FastifyRequest): boolean {
  const accept = request.headers.accept ?? '';
  return accept.includes('application/json') && !accept.includes('text/html');
}

/** A message that is a message key is shown in the language asked for; other messages as they are. */
function shown(request: FastifyRequest, message: string | undefined, lang: Lang): string | undefined {
  const { messages } = request.server.site;
  return message !== undefined && messages.isMessageKey(message) ? messages.translator(lang)(message) : message;
}

function reply(request: FastifyRequest, res: FastifyReply, status: number, code: string, message?: string) {
  // The read API answers machines: problem details, whatever the Accept header.
  if (isApiRequest(request.url)) return sendProblem(request, res, status, code, shown(request, message, 'en'));
  noStore(res);
  if (wantsJson(request)) {
    return res.code(status).send({ error: { code, message: shown(request, message, 'en') ?? (status >= 500 ? 'Internal error' : code) } });
  }
  // An error under /vi/… is a Vietnamese page; elsewhere (old URLs, unknown prefixes) English.
  const lang = langOfPath(request.url) ?? 'en';
  try {
    const ctx = viewContext(request, lang);
    return sendPage(res, <ErrorPage ctx={ctx} status={status} message={shown(request, message, ctx.lang)} requestId={request.id} />, status);
  } catch (error) {
    // The error page itself failed to render: a bare page still, never the framework's JSON naming the cause.
    request.log.error({ err: error }, 'the error page could not be rendered');
    return res.code(500).type('text/html; charset=utf-8').send(bareErrorPage(request, lang));
  }
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** The server-error page without the layout, for when the layout itself cannot be drawn. */
function bareErrorPage(request: FastifyRequest, lang: Lang): string {
  const escape = (text: string) => text.replace(/[&<>"]/g, (char) => HTML_ESCAPES[char] ?? char);
  let texts: string[] = [];
  try {
    const t = request.server.site.messages.translator(lang);
    texts = [t('error.serverTitle'), t('error.serverBody'), t('error.reference', { id: request.id })];
  } catch {
    // Without the catalogue the page says nothing rather than something untranslated.
  }
  const [title = '', body = '', reference = ''] = texts.map(escape);
  return `<!doctype html>\n<html lang="${lang}"><head><meta charset="utf-8"><meta name="robots" content="noindex"><title>${title}</title></head><body><h1>${title}</h1><p>${body}</p><p>${reference}</p></body></html>\n`;
}

/**
 * @fastify/multipart's errors about the body itself, by code: limits reached
 * are 413, a body that breaks its own rules 400. Any other error met while
 * reading a multipart body comes from its parser (busboy: "Unexpected end of
 * multipart data", "Boundary not found"…), which gives no code: the body was
 * malformed or cut off.
 */
const MULTIPART_STATUS: Readonly<Record<string, 400 | 413>> = {
  FST_PARTS_LIMIT: 413,
  FST_FILES_LIMIT: 413,
  FST_FIELDS_LIMIT: 413,
  FST_REQ_FILE_TOO_LARGE: 413,
  FST_PROTO_VIOLATION: 400,
  FST_INVALID_MULTIPART_CONTENT_TYPE: 400,
  FST_INVALID_JSON_FIELD_ERROR: 400,
};

/**
 * The error to answer with when reading a multipart body failed: 413 with
 * "too many fields or files" for a limit, else 400 "the form arrived
 * incomplete". Its message is a message key, shown in the reader's language.
 */
export function multipartBodyError(error: unknown): RequestBodyError {
  if (error instanceof RequestBodyError) return error;
  const code = error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : '';
  const status = MULTIPART_STATUS[code] ?? 400;
  return new RequestBodyError(status, status === 413 ? 'error.formTooLarge' : 'error.formIncomplete', { cause: error });
}

/**
 * Errors Fastify raises before routing (a malformed or over-long URL): the
 * same pages as any other error, with a plain explanation.
 */
export function frameworkErrorHandler(error: FastifyError, request: FastifyRequest, res: FastifyReply): void {
  const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 400;
  const message =
    error.code === 'FST_ERR_BAD_URL'
      ? 'error.badAddress'
      : error.code === 'FST_ERR_MAX_PARAM_LENGTH'
        ? 'error.addressTooLong'
        : 'error.badRequest';
  request.log.info({ err: error }, 'bad request before routing');
  void reply(request, res, status, error.code?.toLowerCase() ?? 'bad_request', message);
}

export function registerErrorHandlers(app: FastifyInstance): void {
  registerLocationEncoding(app);
  app.setNotFoundHandler((request, res) => reply(request, res, 404, 'not_found'));

  app.setErrorHandler((error: FastifyError | AppError | Error, request, res) => {
    if (error instanceof AppError) {
      if (error.statusCode >= 500) request.log.error({ err: error }, 'request failed');
      const fields = error instanceof ValidationError ? error.fields : undefined;
      if (fields && (isApiRequest(request.url) || wantsJson(request))) {
        const english = Object.fromEntries(Object.entries(fields).map(([name, text]) => [name, shown(request, text, 'en')]));
        if (isApiRequest(request.url)) return sendProblem(request, res, error.statusCode, error.code, shown(request, error.message, 'en'), english);
        return noStore(res).code(error.statusCode).send({ error: { code: error.code, message: shown(request, error.message, 'en'), fields: english } });
      }
      return reply(request, res, error.statusCode, error.code, error.message);
    }
    const code = 'code' in error && typeof error.code === 'string' ? error.code : '';
    if (code in MULTIPART_STATUS) {
      request.log.info({ err: error }, 'bad request body');
      const body = multipartBodyError(error);
      return reply(request, res, body.statusCode, body.code, body.message);
    }
    const status = 'statusCode' in error && typeof error.statusCode === 'number' ? error.statusCode : 500;
    if (status >= 500) {
      request.log.error({ err: error, url: request.url, method: request.method }, 'request failed');
      return reply(request, res, 500, 'internal_error');
    }
    // Fastify's own 4xx (bad JSON, body too large, unsupported media type): safe to show.
    request.log.info({ err: error }, 'bad request');
    return reply(request, res, status, code ? code.toLowerCase() : 'bad_request', error.message);
  });
}
