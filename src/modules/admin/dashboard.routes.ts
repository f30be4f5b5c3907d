/** GET /admin: the dashboard. */
import type { FastifyPluginAsync } from 'fastify';
import { h, type JSX } from 'preact';
import { sendPage } from '../../shared/http/html.js';
import type { AdminFeature, AdminOptions } from './admin.plugin.js';
import { DashboardPage } from './dashboard.views.js';
import { adminViewContext } from './view-context.js';

export const dashboardRoutes: FastifyPluginAsync<AdminOptions> = async (app, options) => {
  const features: readonly AdminFeature[] = options.features ?? [];
  const sources = [...(options.panels ?? []), ...features.flatMap((feature) => (feature.dashboard ? [feature.dashboard] : []))];
  app.get('/', async (request, reply) => {
    const ctx = adminViewContext(request);
    const panels: JSX.Element[] = [];
    for (const source of sources) {
      const panel = await source({ request, ctx, deps: options });
      if (panel) panels.push(panel);
    }
    return sendPage(reply, h(DashboardPage, { ctx, panels }));
  });
};
