/**
 * GET/POST /admin/setup?token=…: the one-time link printed on a fresh install
 * creates the first administrator and signs them in.
 */
import type { FastifyPluginAsync } from 'fastify';
import { h } from 'preact';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps.js';
import { ValidationError } from '../../shared/errors.js';
import { sendPage } from '../../shared/http/html.js';
import { completeFirstSetup, setupState, startSession } from '../auth/index.js';
import { translateFieldErrors } from './components.js';
import { clearFormCookie, setSessionCookie } from './security.js';
import { SetupClosedPage, SetupPage } from './setup.views.js';
import { adminViewContext } from './view-context.js';

const langField = z.enum(['en', 'vi']).optional().catch(undefined);
const setupQuery = z.object({ token: z.string().max(200).catch(''), lang: langField });
const setupBody = z.object({
  token: z.string().max(200).catch(''),
  name: z.string().max(1000).catch(''),
  email: z.string().max(1000).catch(''),
  password: z.string().max(1000).catch(''),
  confirm: z.string().max(1000).catch(''),
  lang: langField,
});

/** A used-up link is gone for good (410); an unknown or expired one is refused (403). */
const CLOSED_STATUS = { done: 410, invalid: 403 } as const;

export const setupRoutes: FastifyPluginAsync<AppDeps> = async (app, deps) => {
  app.get('/setup', { config: { adminPublic: true } }, async (request, reply) => {
    const query = setupQuery.parse(request.query ?? {});
    const ctx = adminViewContext(request, query.lang);
    const state = await setupState(deps.db, query.token, deps.now());
    if (state !== 'open') return sendPage(reply, h(SetupClosedPage, { ctx, state }), CLOSED_STATUS[state]);
    return sendPage(reply, h(SetupPage, { ctx, form: { token: query.token, name: '', email: '', errors: {} } }));
  });

  app.post('/setup', { config: { adminPublic: true } }, async (request, reply) => {
    const body = setupBody.parse(request.body ?? {});
    const ctx = adminViewContext(request, body.lang);
    const now = deps.now();
    try {
      const result = await completeFirstSetup(
        deps.db,
        body.token,
        { name: body.name, email: body.email, password: body.password, confirm: body.confirm, uiLang: ctx.lang },
        { userId: null, ip: request.ip },
        now,
      );
      if (result.state !== 'created') return sendPage(reply, h(SetupClosedPage, { ctx, state: result.state }), CLOSED_STATUS[result.state]);
      const session = await startSession(deps.db, result.user.id, { ip: request.ip, userAgent: request.headers['user-agent'] }, now);
      setSessionCookie(request, reply, session.token);
      clearFormCookie(request, reply);
      return reply.redirect('/admin', 303);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      const form = { token: body.token, name: body.name, email: body.email, errors: translateFieldErrors(ctx.t, error.fields) };
      return sendPage(reply, h(SetupPage, { ctx, form }), 422);
    }
  });
};
