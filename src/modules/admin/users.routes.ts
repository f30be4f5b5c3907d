/**
 * /admin/users: the accounts (admins only). Listing, adding, changing a role,
 * disabling and enabling, resetting a password.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps.js';
import { NotFoundError, ValidationError } from '../../shared/errors.js';
import { sendPage } from '../../shared/http/html.js';
import {
  assertCan,
  changeRole,
  createUser,
  disableUser,
  enableUser,
  generatePassword,
  getUser,
  listUsers,
  noticePasswordChanged,
  resetPassword,
  type Actor,
} from '../auth/index.js';
import { mailSite } from '../mail/index.js';
import { translateFieldErrors, type FieldErrors } from './components.js';
import { ManageUserPage, NewUserPage, PasswordShownPage, UsersPage, type UserNotice } from './users.views.js';
import { adminViewContext } from './view-context.js';

const idParams = z.object({ id: z.coerce.number().int().positive().max(2 ** 31 - 1) });
const text = z.string().max(1000).catch('');
const newUserBody = z.object({ name: text, email: text, role: text, password: text });
const roleBody = z.object({ role: text });
const passwordBody = z.object({ password: text });
const manageQuery = z.object({ done: z.enum(['role', 'disabled', 'enabled']).optional().catch(undefined) });

/** The account in the URL, or 404 for anything that is not an existing account's id. */
async function userFromParams(deps: AppDeps, params: unknown) {
  const parsed = idParams.safeParse(params);
  if (!parsed.success) throw new NotFoundError();
  return getUser(deps.db, parsed.data.id);
}

function actor(request: FastifyRequest): Actor {
  return { userId: request.user?.id ?? null, ip: request.ip };
}

export const usersRoutes: FastifyPluginAsync<AppDeps> = async (app, deps) => {
  app.addHook('preHandler', async (request) => assertCan(request.user, 'users.manage'));

  async function renderManage(request: FastifyRequest, reply: FastifyReply, id: number, errors: FieldErrors, role?: string, status = 422) {
    const ctx = adminViewContext(request);
    const row = await getUser(deps.db, id);
    return sendPage(reply, h(ManageUserPage, { ctx, row, timeZone: deps.config.OFFICE_TIME_ZONE, role: role ?? row.role, errors }), status);
  }

  app.get('/', async (request, reply) => {
    const ctx = adminViewContext(request);
    return sendPage(reply, h(UsersPage, { ctx, users: await listUsers(deps.db), timeZone: deps.config.OFFICE_TIME_ZONE }));
  });

  app.get('/new', async (request, reply) => {
    const ctx = adminViewContext(request);
    return sendPage(reply, h(NewUserPage, { ctx, form: { name: '', email: '', role: 'contributor', errors: {} } }));
  });

  app.post('/', async (request, reply) => {
    const body = newUserBody.parse(request.body ?? {});
    const ctx = adminViewContext(request);
    const password = body.password || generatePassword();
    try {
      const user = await createUser(deps.db, { name: body.name, email: body.email, role: body.role, password }, actor(request), deps.now());
      return sendPage(
        reply,
        h(PasswordShownPage, {
          ctx,
          title: ctx.t('admin.users.created.title'),
          body: ctx.t('admin.users.created.body', { email: user.email, role: ctx.t(`admin.role.${user.role}`) }),
          user,
          password: body.password ? undefined : password,
        }),
        201,
      );
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      const form = { name: body.name, email: body.email, role: body.role, errors: translateFieldErrors(ctx.t, error.fields) };
      return sendPage(reply, h(NewUserPage, { ctx, form }), 422);
    }
  });

  app.get('/:id', async (request, reply) => {
    const row = await userFromParams(deps, request.params);
    const { done } = manageQuery.parse(request.query ?? {});
    const ctx = adminViewContext(request);
    const notice: UserNotice | undefined = done;
    return sendPage(reply, h(ManageUserPage, { ctx, row, timeZone: deps.config.OFFICE_TIME_ZONE, role: row.role, errors: {}, notice }));
  });

  app.post('/:id/role', async (request, reply) => {
    const row = await userFromParams(deps, request.params);
    const { role } = roleBody.parse(request.body ?? {});
    try {
      await changeRole(deps.db, row.id, role, actor(request), deps.now());
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return renderManage(request, reply, row.id, translateFieldErrors(adminViewContext(request).t, error.fields), role);
    }
    // Demoting oneself ends access to this page: go to the dashboard instead.
    if (row.id === request.user?.id && role !== 'admin') return reply.redirect('/admin', 303);
    return reply.redirect(`/admin/users/${row.id}?done=role`, 303);
  });

  app.post('/:id/disable', async (request, reply) => {
    const row = await userFromParams(deps, request.params);
    try {
      await disableUser(deps.db, row.id, actor(request), deps.now());
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return renderManage(request, reply, row.id, translateFieldErrors(adminViewContext(request).t, error.fields));
    }
    return reply.redirect(`/admin/users/${row.id}?done=disabled`, 303);
  });

  app.post('/:id/enable', async (request, reply) => {
    const row = await userFromParams(deps, request.params);
    await enableUser(deps.db, row.id, actor(request), deps.now());
    return reply.redirect(`/admin/users/${row.id}?done=enabled`, 303);
  });

  app.post('/:id/password', async (request, reply) => {
    const row = await userFromParams(deps, request.params);
    const body = passwordBody.parse(request.body ?? {});
    const ctx = adminViewContext(request);
    if (row.id === request.user?.id) {
      return renderManage(request, reply, row.id, { password: ctx.t('admin.users.useAccountPage') });
    }
    const password = body.password || generatePassword();
    try {
      await resetPassword(deps.db, row.id, password, actor(request), deps.now());
      await noticePasswordChanged(deps.db, mailSite(deps.config), row.id, deps.now());
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return renderManage(request, reply, row.id, translateFieldErrors(ctx.t, error.fields));
    }
    return sendPage(
      reply,
      h(PasswordShownPage, {
        ctx,
        title: ctx.t('admin.users.resetDone.title'),
        body: ctx.t('admin.users.resetDone.body', { email: row.email }),
        user: row,
        password: body.password ? undefined : password,
      }),
    );
  });
};
