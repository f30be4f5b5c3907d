/**
 * Signing in and out: GET/POST /admin/login, POST /admin/logout.
 */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { h } from 'preact';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps.js';
import { sendPage } from '../../shared/http/html.js';
import { signIn, signOut } from '../auth/index.js';
import type { Lang } from '../i18n/index.js';
import type { FieldErrors } from './components.js';
import { LoginPage, type LoginFormState } from './login.views.js';
import { clearFormCookie, clearSessionCookie, DEVICE_COOKIE, safeNextPath, SESSION_COOKIE, setDeviceCookie, setSessionCookie } from './security.js';
import { adminViewContext } from './view-context.js';

const langField = z.enum(['en', 'vi']).optional().catch(undefined);

const loginQuery = z.object({
  next: z.string().optional().catch(undefined),
  lang: langField,
  // Set by the redirects after signing out, to say so.
  signed_out: z.enum(['1', 'everywhere']).optional().catch(undefined),
});

const loginBody = z.object({
  email: z.string().max(1000).catch(''),
  password: z.string().max(1000).catch(''),
  next: z.string().optional().catch(undefined),
  lang: langField,
});

export const loginRoutes: FastifyPluginAsync<AppDeps> = async (app, deps) => {
  // A sign-in through a proxy that TRUST_PROXY does not name counts every visitor under the
  // proxy's address; said once in the log, so that whoever runs the site sets it.
  let untrustedProxyReported = false;
  function reportUntrustedProxy(request: FastifyRequest): void {
    if (untrustedProxyReported || deps.config.TRUST_PROXY !== false || request.headers['x-forwarded-for'] === undefined) return;
    untrustedProxyReported = true;
    request.log.warn(
      { address: request.ip },
      'A sign-in came with X-Forwarded-For but TRUST_PROXY is not set, so the header is ignored and sign-in limits count by the connection\'s address. Behind a reverse proxy, set TRUST_PROXY to its address (see docs/deployment.md).',
    );
  }

  app.get('/login', { config: { adminPublic: true } }, async (request, reply) => {
    const query = loginQuery.parse(request.query ?? {});
    const next = safeNextPath(query.next);
    if (request.user) return reply.redirect(next, 303);
    const ctx = adminViewContext(request, query.lang);
    const notice =
      query.signed_out === 'everywhere' ? ctx.t('admin.login.signedOutEverywhere') : query.signed_out ? ctx.t('admin.login.signedOut') : undefined;
    const form: LoginFormState = { email: '', next, errors: {}, notice };
    return sendPage(reply, h(LoginPage, { ctx, form }));
  });

  app.post('/login', { config: { adminPublic: true } }, async (request, reply) => {
    reportUntrustedProxy(request);
    const body = loginBody.parse(request.body ?? {});
    const lang: Lang | undefined = body.lang;
    const next = safeNextPath(body.next);
    const ctx = adminViewContext(request, lang);
    const { t } = ctx;
    const form: LoginFormState = { email: body.email.trim(), next, errors: {} };

    const errors: Record<string, string> = {};
    if (!body.email.trim()) errors.email = t('admin.field.required');
    if (!body.password) errors.password = t('admin.field.required');
    if (Object.keys(errors).length > 0) {
      return sendPage(reply, h(LoginPage, { ctx, form: { ...form, errors: errors as FieldErrors } }), 422);
    }

    const result = await signIn(
      deps.db,
      {
        email: body.email,
        password: body.password,
        ip: request.ip,
        userAgent: request.headers['user-agent'],
        deviceToken: request.cookies[DEVICE_COOKIE],
      },
      deps.now(),
    );
    switch (result.outcome) {
      case 'signed_in':
        setSessionCookie(request, reply, result.session.token);
        setDeviceCookie(request, reply, result.deviceToken);
        clearFormCookie(request, reply);
        return reply.redirect(next, 303);
      case 'throttled': {
        const minutes = Math.ceil(result.retryAfterSeconds / 60);
        // Held back only by guesses made elsewhere: say how the owner gets in anyway.
        const problem =
          result.scope === 'account'
            ? minutes <= 1
              ? t('admin.login.accountThrottledOne')
              : t('admin.login.accountThrottled', { minutes })
            : minutes <= 1
              ? t('admin.login.throttledOne')
              : t('admin.login.throttled', { minutes });
        reply.header('retry-after', String(result.retryAfterSeconds));
        return sendPage(reply, h(LoginPage, { ctx, form: { ...form, problem } }), 429);
      }
      case 'disabled':
        return sendPage(reply, h(LoginPage, { ctx, form: { ...form, problem: t('admin.login.disabled') } }), 403);
      case 'rejected':
        return sendPage(reply, h(LoginPage, { ctx, form: { ...form, problem: t('admin.login.rejected') } }), 401);
    }
  });

  app.post('/logout', async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    const lang = request.user?.uiLang ?? 'en';
    if (token) await signOut(deps.db, token, request.ip, deps.now());
    clearSessionCookie(request, reply);
    return reply.redirect(`/admin/login?signed_out=1&lang=${lang}`, 303);
  });
};
