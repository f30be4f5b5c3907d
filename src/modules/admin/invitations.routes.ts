/**
 * /admin/users/invitations: inviting people by email (admins only), and
 * resending or withdrawing invitations still waiting.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps.js';
import { NotFoundError, ValidationError } from '../../shared/errors.js';
import { sendPage } from '../../shared/http/html.js';
import { assertCan, inviteUser, listInvitations, resendInvitation, withdrawInvitation, type Actor } from '../auth/index.js';
import { mailSite } from '../mail/index.js';
import { translateFieldErrors } from './components.js';
import { InvitationsPage, type InviteFormState } from './invitations.views.js';
import { adminViewContext } from './view-context.js';

const text = z.string().max(1000).catch('');
const inviteBody = z.object({ name: text, email: text, role: text, lang: text });
const idParams = z.object({ id: z.coerce.number().int().positive().max(2 ** 31 - 1) });
const pageQuery = z.object({ done: z.enum(['sent', 'resent', 'withdrawn']).optional().catch(undefined) });

function actor(request: FastifyRequest): Actor {
  return { userId: request.user?.id ?? null, ip: request.ip };
}

function invitationId(params: unknown): number {
  const parsed = idParams.safeParse(params);
  if (!parsed.success) throw new NotFoundError();
  return parsed.data.id;
}

export const invitationsRoutes: FastifyPluginAsync<AppDeps> = async (app, deps) => {
  const site = mailSite(deps.config);
  app.addHook('preHandler', async (request) => assertCan(request.user, 'users.manage'));

  async function render(request: FastifyRequest, reply: FastifyReply, form: InviteFormState, status = 200, notice?: 'sent' | 'resent' | 'withdrawn') {
    const ctx = adminViewContext(request);
    const invitations = await listInvitations(deps.db);
    return sendPage(reply, h(InvitationsPage, { ctx, form, invitations, now: deps.now(), timeZone: deps.config.OFFICE_TIME_ZONE, notice }), status);
  }

  const blank = (request: FastifyRequest): InviteFormState => ({ name: '', email: '', role: 'contributor', lang: request.user?.uiLang ?? 'en', errors: {} });

  app.get('/', async (request, reply) => {
    const { done } = pageQuery.parse(request.query ?? {});
    return render(request, reply, blank(request), 200, done);
  });

  app.post('/', async (request, reply) => {
    const body = inviteBody.parse(request.body ?? {});
    try {
      await inviteUser(deps.db, site, body, actor(request), deps.now());
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      const { t } = adminViewContext(request);
      return render(request, reply, { ...body, errors: translateFieldErrors(t, error.fields) }, 422);
    }
    return reply.redirect('/admin/users/invitations?done=sent', 303);
  });

  app.post('/:id/resend', async (request, reply) => {
    await resendInvitation(deps.db, site, invitationId(request.params), actor(request), deps.now());
    return reply.redirect('/admin/users/invitations?done=resent', 303);
  });

  app.post('/:id/withdraw', async (request, reply) => {
    await withdrawInvitation(deps.db, invitationId(request.params), actor(request), deps.now());
    return reply.redirect('/admin/users/invitations?done=withdrawn', 303);
  });
};
