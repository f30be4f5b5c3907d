/**
 * Builds the Fastify application. It never listens: server.ts does, and tests
 * call `inject` on what this returns.
 */
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { AppDeps } from './app-deps.js';
import { registerAssets } from './shared/http/assets.js';
import { frameworkErrorHandler, registerErrorHandlers } from './shared/http/errors.js';
import { articlesRoutes } from './modules/articles/index.js';
import { eventsRoutes } from './modules/events/index.js';
import { siteRoutes } from './modules/site/index.js';

export type { AppDeps };

export interface BuildAppOptions {
  logger?: FastifyServerOptions['logger'];
}

export async function buildApp(deps: AppDeps, options: BuildAppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    // Behind a reverse proxy the client's address comes from X-Forwarded-For.
    trustProxy: true,
    frameworkErrors: frameworkErrorHandler,
    routerOptions: {
      ignoreTrailingSlash: true,
      // Slugs are short; a longer path segment is a mistake or a probe.
      maxParamLength: 200,
    },
  });

  const assets = registerAssets(app);
  app.decorate('site', {
    siteName: deps.config.SITE_NAME,
    officeEmail: deps.config.OFFICE_EMAIL,
    publicUrl: deps.config.PUBLIC_URL,
    stylesheet: assets.stylesheet,
  });

  // Modest security headers for every response; the admin adds its own policy later.
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'strict-origin-when-cross-origin');
    reply.header('x-frame-options', 'DENY');
    return payload;
  });

  registerErrorHandlers(app);
  await app.register(siteRoutes, deps);
  await app.register(eventsRoutes, deps);
  await app.register(articlesRoutes, deps);
  return app;
}
