/** GET/POST /admin/settings: the site settings (admins only). */
import type { FastifyPluginAsync } from 'fastify';
import { h } from 'preact';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps.js';
import { ValidationError } from '../../shared/errors.js';
import { sendPage } from '../../shared/http/html.js';
import { assertCan } from '../auth/index.js';
import { getSettings } from '../settings/index.js';
import { translateFieldErrors } from './components.js';
import { saveSiteSettings } from './settings.service.js';
import { SettingsPage } from './settings.views.js';
import { adminViewContext } from './view-context.js';

const settingsQuery = z.object({ saved: z.literal('1').optional().catch(undefined) });
/** Only strings are taken from the form; the service checks each choice. */
const settingsBody = z.record(z.string(), z.unknown()).catch({});

export const settingsRoutes: FastifyPluginAsync<AppDeps> = async (app, deps) => {
  app.addHook('preHandler', async (request) => assertCan(request.user, 'settings.manage'));

  app.get('/', async (request, reply) => {
    const { saved } = settingsQuery.parse(request.query ?? {});
    const ctx = adminViewContext(request);
    const values = (await getSettings(deps.db)) as Record<string, string>;
    return sendPage(reply, h(SettingsPage, { ctx, values, errors: {}, saved: saved === '1' }));
  });

  app.post('/', async (request, reply) => {
    const body = settingsBody.parse(request.body ?? {});
    try {
      await saveSiteSettings(deps.db, body, { userId: request.user?.id ?? null, ip: request.ip }, deps.now());
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      const ctx = adminViewContext(request);
      const values: Record<string, string> = {};
      for (const [key, value] of Object.entries(body)) if (typeof value === 'string') values[key] = value;
      return sendPage(reply, h(SettingsPage, { ctx, values, errors: translateFieldErrors(ctx.t, error.fields) }), 422);
    }
    return reply.redirect('/admin/settings?saved=1', 303);
  });
};
