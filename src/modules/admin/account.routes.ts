/**
 * /admin/account: one's own password, interface language, and signing out
 * everywhere. Open to every signed-in person.
 */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { h } from 'preact';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps.js';
import { TooManyAttemptsError, UnauthenticatedError, ValidationError } from '../../shared/errors.js';
import { sendPage } from '../../shared/http/html.js';
import { changeOwnPassword, countUserSessions, editorialNoticesOn, noticePasswordChanged, setEditorialNotices, setInterfaceLanguage, signOutEverywhere } from '../auth/index.js';
import { mailSite } from '../mail/index.js';
import { AccountPage, type AccountNotice } from './account.views.js';
import { translateFieldErrors, type FieldErrors } from './components.js';
import { clearSessionCookie, setDeviceCookie } from './security.js';
import { adminViewContext } from './view-context.js';

const text = z.string().max(1000).catch('');
const passwordBody = z.object({ current: text, password: text, confirm: text });
const languageBody = z.object({ ui_lang: text });
const noticesBody = z.object({ editorial_notices: z.string().max(10).optional().catch(undefined) });
const accountQuery = z.object({ done: z.enum(['password', 'lang', 'notices']).optional().catch(undefined) });

/** The signed-in person (the shell guarantees one; this keeps the types honest). */
function signedIn(request: FastifyRequest) {
  const user = request.user;
  const sessionId = request.adminState?.sessionId;
  if (!user || sessionId === undefined) throw new UnauthenticatedError();
  return { user, sessionId };
}

export const accountRoutes: FastifyPluginAsync<AppDeps> = async (app, deps) => {
  async function render(request: FastifyRequest, errors: FieldErrors, notice?: AccountNotice) {
    const { user } = signedIn(request);
    const ctx = adminViewContext(request);
    const sessions = await countUserSessions(deps.db, user.id, deps.now());
    return h(AccountPage, { ctx, sessions, errors, notice, editorialNotices: await editorialNoticesOn(deps.db, user.id) });
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
      const { t } = adminViewContext(request);
      if (error instanceof TooManyAttemptsError) {
        const minutes = Math.ceil(error.retryAfterSeconds / 60);
        const message = minutes <= 1 ? t('admin.account.currentThrottledOne') : t('admin.account.currentThrottled', { minutes });
        reply.header('retry-after', String(error.retryAfterSeconds));
        return sendPage(reply, await render(request, { current: message }), 429);
      }
      if (!(error instanceof ValidationError)) throw error;
      return sendPage(reply, await render(request, translateFieldErrors(t, error.fields)), 422);
    }
    return reply.redirect('/admin/account?done=password', 303);
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
