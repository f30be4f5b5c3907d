/** GET /admin/audit: the audit log (admins only), newest first, filtered and paginated. */
import type { FastifyPluginAsync } from 'fastify';
import { h } from 'preact';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps.js';
import { NotFoundError } from '../../shared/errors.js';
import { sendPage } from '../../shared/http/html.js';
import { pageQuery, parseQuery } from '../../shared/http/query.js';
import { listAuditPage } from '../audit/index.js';
import { assertCan, listUsers } from '../auth/index.js';
import { AuditLogPage } from './audit.views.js';
import { adminViewContext } from './view-context.js';

/** An empty choice in the filter form means "any". */
const emptyAsUndefined = (value: unknown) => (value === '' ? undefined : value);

const auditQuery = pageQuery.extend({
  user: z.preprocess(
    emptyAsUndefined,
    z.coerce.number({ message: 'user must be a number' }).int({ message: 'user must be a whole number' }).positive({ message: 'user must be a positive number' }).optional(),
  ),
  action: z.preprocess(emptyAsUndefined, z.string().max(100, { message: 'action is too long' }).optional()),
});

export const auditRoutes: FastifyPluginAsync<AppDeps> = async (app, deps) => {
  app.addHook('preHandler', async (request) => assertCan(request.user, 'audit.view'));

  app.get('/', async (request, reply) => {
    const query = parseQuery(auditQuery, request.query);
    const filter = { userId: query.user, action: query.action };
    const log = await listAuditPage(deps.db, filter, query.page);
    if (query.page > log.info.pages) throw new NotFoundError();
    const ctx = adminViewContext(request);
    const users = await listUsers(deps.db);
    return sendPage(reply, h(AuditLogPage, { ctx, log, users, filter, timeZone: deps.config.OFFICE_TIME_ZONE }));
  });
};
