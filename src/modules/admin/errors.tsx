/**
 * Error pages inside the admin, in the admin's layout and language: not
 * signed in (401), not allowed (403), the expired-form page (CSRF), not found,
 * and server errors with a reference but never their cause.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { isDatabaseBusy } from '../../db/database.js';
import { AppError, ValidationError } from '../../shared/errors.js';
import { sendPage } from '../../shared/http/html.js';
import { isMessageKey } from '../i18n/index.js';
import { AdminLayout } from './AdminLayout.js';
import { adminViewContext, type AdminViewContext } from './view-context.js';

/** Seconds to wait before trying again after the database was busy: about as long as a save waits for it. */
const BUSY_RETRY_AFTER_SECONDS = 5;

export type AdminErrorKind = 'unauthenticated' | 'forbidden' | 'csrf' | 'not_found' | 'bad_request' | 'server';

const STATUS: Record<AdminErrorKind, number> = {
  unauthenticated: 401,
  forbidden: 403,
  csrf: 403,
  not_found: 404,
  bad_request: 400,
  server: 500,
};

interface AdminErrorPageProps {
  ctx: AdminViewContext;
  kind: AdminErrorKind;
  /** Shown for client errors whose text the code does not fix (e.g. a bad query value). */
  message?: string | undefined;
  requestId: string;
  /** Where signing in should lead back to (for 401). */
  next?: string | undefined;
}

export function AdminErrorPage({ ctx, kind, message, requestId, next }: AdminErrorPageProps) {
  const { t } = ctx;
  const texts: Record<AdminErrorKind, [string, string | undefined]> = {
    unauthenticated: [t('admin.error.unauthenticatedTitle'), t('admin.error.unauthenticatedBody')],
    forbidden: [t('admin.error.forbiddenTitle'), t('admin.error.forbiddenBody')],
    csrf: [t('admin.error.csrfTitle'), t('admin.error.csrfBody')],
    not_found: [t('admin.error.notFoundTitle'), t('admin.error.notFoundBody')],
    bad_request: [t('admin.error.badRequestTitle'), message],
    server: [t('admin.error.serverTitle'), t('admin.error.serverBody')],
  };
  const [title, body] = texts[kind];
  const signInHref = next ? `/admin/login?next=${encodeURIComponent(next)}` : '/admin/login';
  return (
    <AdminLayout ctx={ctx} title={title}>
      <h1>{title}</h1>
      {body ? <p class="lead">{body}</p> : null}
      {kind === 'unauthenticated' ? (
        <>
          <p>{t('admin.error.unauthenticatedHint')}</p>
          <p>
            <a class="button" href={signInHref}>
              {t('admin.error.signIn')}
            </a>
          </p>
        </>
      ) : null}
      {kind === 'server' ? <p class="muted">{t('admin.error.reference', { id: requestId })}</p> : null}
      {ctx.user ? (
        <p>
          <a href="/admin">{t('admin.error.backToDashboard')}</a>
        </p>
      ) : null}
    </AdminLayout>
  );
}

function wantsJson(request: FastifyRequest): boolean {
  const accept = request.headers.accept ?? '';
  return accept.includes('application/json') && !accept.includes('text/html');
}

/** Sends an admin error page (or JSON to clients asking for it) with the kind's status. */
export function sendAdminError(
  request: FastifyRequest,
  reply: FastifyReply,
  kind: AdminErrorKind,
  options: { message?: string | undefined; status?: number | undefined; next?: string | undefined } = {},
): FastifyReply {
  const status = options.status ?? STATUS[kind];
  reply.header('cache-control', 'no-store');
  if (wantsJson(request)) {
    return reply.code(status).send({ error: { code: kind, message: options.message ?? kind } });
  }
  const ctx = adminViewContext(request);
  return sendPage(reply, <AdminErrorPage ctx={ctx} kind={kind} message={options.message} requestId={request.id} next={options.next} />, status);
}

/** The error handler of the admin scope: services' errors become admin pages. */
export function adminErrorHandler(error: FastifyError | AppError | Error, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (error instanceof AppError) {
    if (error.statusCode >= 500) {
      request.log.error({ err: error }, 'request failed');
      return sendAdminError(request, reply, 'server');
    }
    if (error.code === 'unauthenticated') return sendAdminError(request, reply, 'unauthenticated');
    if (error.code === 'forbidden') return sendAdminError(request, reply, 'forbidden');
    if (error.code === 'not_found') return sendAdminError(request, reply, 'not_found');
    if (error instanceof ValidationError && wantsJson(request)) {
      return reply.code(error.statusCode).send({ error: { code: error.code, message: error.message, fields: error.fields } });
    }
    // A message that is a message key is shown in the reader's language.
    const message = isMessageKey(error.message) ? adminViewContext(request).t(error.message) : error.message;
    return sendAdminError(request, reply, 'bad_request', { message, status: error.statusCode });
  }
  if (isDatabaseBusy(error)) {
    // Another writer (an import, another server) held the database longer than a request waits: "try again in a moment".
    request.log.warn({ err: error, url: request.url, method: request.method }, 'database busy');
    reply.header('retry-after', String(BUSY_RETRY_AFTER_SECONDS));
    return sendAdminError(request, reply, 'server', { status: 503 });
  }
  const status = 'statusCode' in error && typeof error.statusCode === 'number' ? error.statusCode : 500;
  if (status >= 500) {
    request.log.error({ err: error, url: request.url, method: request.method }, 'request failed');
    return sendAdminError(request, reply, 'server');
  }
  // Fastify's own 4xx (bad body, too large, unsupported type): safe to show.
  request.log.info({ err: error }, 'bad request');
  return sendAdminError(request, reply, 'bad_request', { message: error.message, status });
}
