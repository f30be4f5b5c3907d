/**
 * Choosing a password from a link sent by email, before signing in:
 * GET/POST /admin/forgot (ask for a reset link), GET/POST /admin/reset?token=…
 * (choose the new password), GET/POST /admin/invitation?token=… (accept an
 * invitation). All are public admin routes: CSRF-checked against the form cookie.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps.js';
import { ValidationError } from '../../shared/errors.js';
import { sendPage } from '../../shared/http/html.js';
import { acceptInvitation, completePasswordReset, invitationState, requestPasswordReset, resetLinkState, startSession } from '../auth/index.js';
import { mailSite } from '../mail/index.js';
import { translateFieldErrors } from './components.js';
import { ForgotPage, ForgotSentPage, LinkClosedPage, NewPasswordPage } from './password-reset.views.js';
import { clearFormCookie, setSessionCookie } from './security.js';
import { adminViewContext, type AdminViewContext } from './view-context.js';

const langField = z.enum(['en', 'vi']).optional().catch(undefined);
const text = z.string().max(1000).catch('');
const tokenField = z.string().max(200).catch('');
const langQuery = z.object({ lang: langField });
const forgotBody = z.object({ email: text, lang: langField });
const linkQuery = z.object({ token: tokenField, lang: langField });
const passwordBody = z.object({ token: tokenField, name: text, password: text, confirm: text, lang: langField });

/** Something@something.something, without spaces: what the sign-in form would accept as an address. */
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A link that cannot be used is gone: 410, whatever the reason (used, expired, withdrawn, unknown). */
const CLOSED_STATUS = 410;

function resetClosed(reply: FastifyReply, ctx: AdminViewContext) {
  const { t } = ctx;
  return sendPage(
    reply,
    h(LinkClosedPage, { ctx, title: t('admin.reset.closedTitle'), body: t('admin.reset.closedBody'), next: { href: `/admin/forgot?lang=${ctx.lang}`, label: t('admin.reset.askAgain') } }),
    CLOSED_STATUS,
  );
}

function invitationClosed(reply: FastifyReply, ctx: AdminViewContext) {
  const { t } = ctx;
  return sendPage(reply, h(LinkClosedPage, { ctx, title: t('admin.accept.closedTitle'), body: t('admin.accept.closedBody') }), CLOSED_STATUS);
}

export const passwordResetRoutes: FastifyPluginAsync<AppDeps> = async (app, deps) => {
  const site = mailSite(deps.config);
  const open = { config: { adminPublic: true } };

  async function signInFresh(request: FastifyRequest, reply: FastifyReply, userId: number) {
    const session = await startSession(deps.db, userId, { ip: request.ip, userAgent: request.headers['user-agent'] }, deps.now());
    setSessionCookie(request, reply, session.token);
    clearFormCookie(request, reply);
    return reply.redirect('/admin', 303);
  }

  app.get('/forgot', open, async (request, reply) => {
    const { lang } = langQuery.parse(request.query ?? {});
    const ctx = adminViewContext(request, lang);
    return sendPage(reply, h(ForgotPage, { ctx, form: { email: '', errors: {} } }));
  });

  app.post('/forgot', open, async (request, reply) => {
    const body = forgotBody.parse(request.body ?? {});
    const ctx = adminViewContext(request, body.lang);
    const { t } = ctx;
    const email = body.email.trim();
    if (!email || !EMAIL_PATTERN.test(email)) {
      const errors = { email: email ? t('admin.forgot.emailInvalid') : t('admin.field.required') };
      return sendPage(reply, h(ForgotPage, { ctx, form: { email, errors } }), 422);
    }
    const result = await requestPasswordReset(deps.db, site, { email, ip: request.ip }, deps.now());
    if (result.outcome === 'throttled') {
      reply.header('retry-after', String(result.retryAfterSeconds));
      const minutes = Math.ceil(result.retryAfterSeconds / 60);
      const problem = minutes <= 1 ? t('admin.forgot.throttledOne') : t('admin.forgot.throttled', { minutes });
      return sendPage(reply, h(ForgotPage, { ctx, form: { email, errors: {}, problem } }), 429);
    }
    return sendPage(reply, h(ForgotSentPage, { ctx, email }));
  });

  app.get('/reset', open, async (request, reply) => {
    const query = linkQuery.parse(request.query ?? {});
    const ctx = adminViewContext(request, query.lang);
    const link = await resetLinkState(deps.db, query.token, deps.now());
    if (link.state !== 'open') return resetClosed(reply, ctx);
    return sendPage(reply, resetPage(ctx, query.token, link.email, {}));
  });

  function resetPage(ctx: AdminViewContext, token: string, email: string, errors: Record<string, string>) {
    const { t } = ctx;
    return h(NewPasswordPage, {
      ctx,
      form: { token, errors },
      action: '/admin/reset',
      title: t('admin.reset.title'),
      intro: t('admin.reset.intro', { email }),
      submit: t('admin.reset.submit'),
      email,
    });
  }

  app.post('/reset', open, async (request, reply) => {
    const body = passwordBody.parse(request.body ?? {});
    const ctx = adminViewContext(request, body.lang);
    try {
      const result = await completePasswordReset(deps.db, site, body.token, body, request.ip, deps.now());
      if (result.state !== 'done') return resetClosed(reply, ctx);
      return signInFresh(request, reply, result.userId);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      const link = await resetLinkState(deps.db, body.token, deps.now());
      if (link.state !== 'open') return resetClosed(reply, ctx);
      return sendPage(reply, resetPage(ctx, body.token, link.email, translateFieldErrors(ctx.t, error.fields)), 422);
    }
  });

  function acceptPage(ctx: AdminViewContext, token: string, invitation: { email: string; role: string }, name: string, errors: Record<string, string>) {
    const { t } = ctx;
    return h(NewPasswordPage, {
      ctx,
      form: { token, errors },
      action: '/admin/invitation',
      title: t('admin.accept.title'),
      intro: t('admin.accept.intro', { site: deps.config.SITE_NAME, role: t(`admin.role.${invitation.role as 'admin'}`), email: invitation.email }),
      submit: t('admin.accept.submit'),
      name,
      email: invitation.email,
    });
  }

  app.get('/invitation', open, async (request, reply) => {
    const query = linkQuery.parse(request.query ?? {});
    const found = await invitationState(deps.db, query.token, deps.now());
    const ctx = adminViewContext(request, query.lang ?? (found.state === 'open' ? found.invitation.lang : undefined));
    if (found.state !== 'open') return invitationClosed(reply, ctx);
    return sendPage(reply, acceptPage(ctx, query.token, found.invitation, found.invitation.name, {}));
  });

  app.post('/invitation', open, async (request, reply) => {
    const body = passwordBody.parse(request.body ?? {});
    const ctx = adminViewContext(request, body.lang);
    try {
      const result = await acceptInvitation(deps.db, body.token, body, request.ip, deps.now());
      if (result.state !== 'created') return invitationClosed(reply, ctx);
      return signInFresh(request, reply, result.user.id);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      const found = await invitationState(deps.db, body.token, deps.now());
      if (found.state !== 'open') return invitationClosed(reply, ctx);
      return sendPage(reply, acceptPage(ctx, body.token, found.invitation, body.name, translateFieldErrors(ctx.t, error.fields)), 422);
    }
  });
};
