/**
 * /admin/account: one's own password, email address, interface language,
 * editorial notices, and signing out everywhere. Open to every signed-in person.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps.js';
import { TooManyAttemptsError, UnauthenticatedError, ValidationError } from '../../shared/errors.js';
import { sendPage } from '../../shared/http/html.js';
import {
  changeOwnEmail,
  changeOwnPassword,
  countUserSessions,
  editorialNoticesOn,
  noticeEmailChanged,
  noticePasswordChanged,
  setEditorialNotices,
  setInterfaceLanguage,
  signOutEverywhere,
} from '../auth/index.js';
import { mailSite } from '../mail/index.js';
import { AccountPage, type AccountNotice, type EmailFormValues } from './account.views.js';
import { translateFieldErrors, type FieldErrors } from './components.js';
import { clearSessionCookie, setDeviceCookie } from './security.js';
import { adminViewContext } from './view-context.js';

const text = z.string().max(1000).catch('');
const passwordBody = z.object({ current: text, password: text, confirm: text });
const emailBody = z.object({ email: text, email_current: text });
const languageBody = z.object({ ui_lang: text });
const noticesBody = z.object({ editorial_notices: z.string().max(10).optional().catch(undefined) });
const accountQuery = z.object({ done: z.enum(['password', 'email', 'lang', 'notices']).optional().catch(undefined) });

/** The signed-in person (the shell guarantees one; this keeps the types honest). */
function signedIn(request: FastifyRequest) {
  const user = request.user;
  const sessionId = request.adminState?.sessionId;
  if (!user || sessionId === undefined) throw new UnauthenticatedError();
  return { user, sessionId };
}

export const accountRoutes: FastifyPluginAsync<AppDeps> = async (app, deps) => {
  async function render(request: FastifyRequest, errors: FieldErrors, notice?: AccountNotice, emailForm?: EmailFormValues) {
    const { user } = signedIn(request);
    const ctx = adminViewContext(request);
    const sessions = await countUserSessions(deps.db, user.id, deps.now());
    return h(AccountPage, { ctx, sessions, errors, notice, emailForm, editorialNotices: await editorialNoticesOn(deps.db, user.id) });
  }

  /** The page again after a refused change, with the throttle's wait or each field's problem. */
  async function refused(request: FastifyRequest, reply: FastifyReply, error: unknown, field: string, emailForm?: EmailFormValues) {
    const { t } = adminViewContext(request);
    if (error instanceof TooManyAttemptsError) {
      const minutes = Math.ceil(error.retryAfterSeconds / 60);
      const message = minutes <= 1 ? t('admin.account.currentThrottledOne') : t('admin.account.currentThrottled', { minutes });
      reply.header('retry-after', String(error.retryAfterSeconds));
      return sendPage(reply, await render(request, { [field]: message }, undefined, emailForm), 429);
    }
    if (!(error instanceof ValidationError)) throw error;
    return sendPage(reply, await render(request, translateFieldErrors(t, error.fields), undefined, emailForm), 422);
  }

  app.get('/', async (request, reply) => {
    const { done } = accountQuery.parse(request.query ?? {});
    return sendPage(reply, await render(request, {}, done));
  });

  app.post('/password', async (request, reply) => {
    const { user, sessionId } = signedIn(request);
    const body = passwordBody.parse(request.body ?? {});
    try {
      const { deviceToken } = await changeOwnPassword(deps.db, user, body, sessionId, request.ip, deps.now());
      setDeviceCookie(request, reply, deviceToken);
      await noticePasswordChanged(deps.db, mailSite(deps.config), user.id, deps.now());
    } catch (error) {
      return refused(request, reply, error, 'current');
    }
    return reply.redirect('/admin/account?done=password', 303);
  });

  app.post('/email', async (request, reply) => {
    const { user } = signedIn(request);
    const body = emailBody.parse(request.body ?? {});
    try {
      const change = await changeOwnEmail(deps.db, user, { email: body.email, current: body.email_current }, request.ip, deps.now());
      await noticeEmailChanged(deps.db, mailSite(deps.config), user.id, change, deps.now());
    } catch (error) {
      // What was typed comes back, but for the password.
      return refused(request, reply, error, 'email_current', { email: body.email });
    }
    return reply.redirect('/admin/account?done=email', 303);
  });

  app.post('/language', async (request, reply) => {
    const { user } = signedIn(request);
    const body = languageBody.parse(request.body ?? {});
    try {
      await setInterfaceLanguage(deps.db, user.id, body.ui_lang, deps.now());
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return sendPage(reply, await render(request, translateFieldErrors(adminViewContext(request).t, error.fields)), 422);
    }
    return reply.redirect('/admin/account?done=lang', 303);
  });

  app.post('/notices', async (request, reply) => {
    const { user } = signedIn(request);
    const body = noticesBody.parse(request.body ?? {});
    await setEditorialNotices(deps.db, user.id, body.editorial_notices === 'on', deps.now());
    return reply.redirect('/admin/account?done=notices', 303);
  });

  app.post('/sign-out-everywhere', async (request, reply) => {
    const { user } = signedIn(request);
    await signOutEverywhere(deps.db, user.id, request.ip, deps.now());
    clearSessionCookie(request, reply);
    return reply.redirect(`/admin/login?signed_out=everywhere&lang=${user.uiLang}`, 303);
  });
};
