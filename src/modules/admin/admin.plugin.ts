/**
 * The admin shell at /admin: one Fastify plugin that puts every admin page
 * behind a session and a CSRF check, sets the strict security headers, and
 * registers the built-in pages and each feature's admin plugin in its scope.
 *
 * Order of checks on a request:
 *  1. onRequest: admin headers (CSP, no-store); the session cookie resolved to
 *     `request.user`. Nobody signed in: GET/HEAD → 303 to the sign-in page,
 *     anything else → 401 page. Routes marked `config: { adminPublic: true }`
 *     (sign-in, first setup) are let through, with a form cookie for their CSRF token.
 *  2. preValidation (after the body is parsed): for POST/PUT/PATCH/DELETE,
 *     the same-origin check and the CSRF token → 403 page when either fails.
 */
import fastifyCookie from '@fastify/cookie';
import fastifyFormbody from '@fastify/formbody';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { JSX } from 'preact';
import type { AppDeps } from '../../app-deps.js';
import type { ContentChanges } from '../../shared/http/content-changes.js';
import { csrfTokenFor, newToken, resolveSession, sameToken, type Action } from '../auth/index.js';
import type { MessageKey } from '../i18n/index.js';
import { dashboardRoutes } from './dashboard.routes.js';
import { adminErrorHandler, sendAdminError } from './errors.js';
import { loginRoutes } from './login.routes.js';
import { setupRoutes } from './setup.routes.js';
import { accountRoutes } from './account.routes.js';
import { auditRoutes } from './audit.routes.js';
import { settingsRoutes } from './settings.routes.js';
import { usersRoutes } from './users.routes.js';
import { invitationsRoutes } from './invitations.routes.js';
import { passwordResetRoutes } from './password-reset.routes.js';
import {
  clearSessionCookie,
  FORM_COOKIE,
  isSafeMethod,
  isSameOriginRequest,
  SESSION_COOKIE,
  setAdminHeaders,
  setFormCookie,
  submittedCsrfToken,
} from './security.js';
import type { AdminNavLink, AdminViewContext } from './view-context.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route is reachable without a session (sign-in, first setup); it still needs its CSRF token for POST. */
    adminPublic?: boolean;
    /** The route changes nothing visitors can see (an editor's autosave): no content change is announced after it. */
    changesNothingShown?: boolean;
  }
}

/** One section of the admin contributed by a feature module (events, articles, media…). */
export interface AdminFeature {
  /** Where the feature's routes are mounted under /admin, e.g. '/events' → /admin/events. */
  prefix: `/${string}`;
  /** The feature's admin plugin; it may assume `request.user` is set. */
  routes: FastifyPluginAsync<AppDeps>;
  /** Its link in the navigation and on the dashboard, shown to those allowed `action`. */
  nav?: { labelKey: MessageKey; action?: Action };
  /** A panel for the dashboard, or null to show nothing this time. */
  dashboard?: DashboardPanel;
}

/** A dashboard panel that belongs to no single section (the editing work across events and articles, say). */
export type DashboardPanel = (args: { request: FastifyRequest; ctx: AdminViewContext; deps: AppDeps }) => Promise<JSX.Element | null>;

export interface AdminOptions extends AppDeps {
  /** The feature sections, in navigation order. */
  features?: readonly AdminFeature[];
  /** Panels shown first on the dashboard, before the features' own. */
  panels?: readonly DashboardPanel[];
  /** Told after every change made in the admin (see onSend below). */
  contentChanges?: ContentChanges;
}

/** Form cookies are random base64url tokens; anything else is replaced. */
const FORM_COOKIE_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** The built-in sections after the features' own, each for those allowed its action. */
const BUILT_IN_NAV_AFTER: readonly AdminNavLink[] = [
  { href: '/admin/users', labelKey: 'admin.nav.users', action: 'users.manage' },
  { href: '/admin/audit', labelKey: 'admin.nav.audit', action: 'audit.view' },
  { href: '/admin/settings', labelKey: 'admin.nav.settings', action: 'settings.manage' },
];

/** The admin shell. Register with `{ prefix: '/admin', ...deps, features }`. */
export const adminRoutes: FastifyPluginAsync<AdminOptions> = async (app, options) => {
  const features = options.features ?? [];
  const deps: AppDeps = {
    db: options.db,
    dialect: options.dialect,
    config: options.config,
    now: options.now,
    today: options.today,
  };

  await app.register(fastifyCookie);
  await app.register(fastifyFormbody);

  app.decorate('adminNav', [
    { href: '/admin', labelKey: 'admin.nav.dashboard' },
    ...features.filter((f) => f.nav).map((f) => ({ href: `/admin${f.prefix}`, labelKey: f.nav!.labelKey, action: f.nav!.action })),
    ...BUILT_IN_NAV_AFTER,
  ] satisfies AdminNavLink[]);
  app.decorateRequest('user', undefined);
  app.decorateRequest('adminState', undefined);

  app.addHook('onRequest', async (request, reply) => {
    setAdminHeaders(reply);
    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      const session = await resolveSession(deps.db, token, deps.now());
      if (session) {
        request.user = session.user;
        request.adminState = { sessionId: session.id, csrfToken: session.csrfToken };
        return;
      }
      clearSessionCookie(request, reply);
    }

    if (request.routeOptions.config?.adminPublic) {
      let secret = request.cookies[FORM_COOKIE];
      if (!secret || !FORM_COOKIE_PATTERN.test(secret)) {
        secret = newToken();
        setFormCookie(request, reply, secret);
      }
      request.adminState = { sessionId: undefined, csrfToken: csrfTokenFor(secret) };
      return;
    }

    if (request.method === 'GET' || request.method === 'HEAD') {
      return reply.redirect(`/admin/login?next=${encodeURIComponent(request.url)}`, 303);
    }
    return sendAdminError(request, reply, 'unauthenticated');
  });

  app.addHook('preValidation', async (request, reply) => {
    if (isSafeMethod(request.method)) return;
    if (!isSameOriginRequest(request, deps.config.PUBLIC_URL)) {
      request.log.warn({ origin: request.headers.origin, site: request.headers['sec-fetch-site'] }, 'cross-site admin request refused');
      return sendAdminError(request, reply, 'csrf');
    }
    const expected = request.adminState?.csrfToken;
    const given = submittedCsrfToken(request);
    if (!expected || !given || !sameToken(given, expected)) {
      request.log.warn({ url: request.url }, 'admin request without a valid CSRF token refused');
      return sendAdminError(request, reply, 'csrf');
    }
  });

  // Every change to what visitors see is made here by a signed-in person: events, articles, media,
  // translations, settings, site texts. Once the answer is ready the change has committed, so this is
  // where the admin announces it, before the editor's browser can load the public page again.
  // Announcing after a request that turned out to change nothing costs one cache refill, nothing more.
  const contentChanges = options.contentChanges;
  if (contentChanges) {
    app.addHook('onSend', async (request, reply, payload) => {
      if (request.user && !isSafeMethod(request.method) && !request.routeOptions.config?.changesNothingShown) {
        await contentChanges.announce(`${request.method} ${request.routeOptions.url ?? request.url} by user ${request.user.id}`);
      }
      return payload;
    });
  }

  app.setErrorHandler(adminErrorHandler);
  app.setNotFoundHandler((request, reply) => sendAdminError(request, reply, 'not_found'));

  await app.register(loginRoutes, deps);
  await app.register(setupRoutes, deps);
  await app.register(passwordResetRoutes, deps);
  await app.register(dashboardRoutes, { ...deps, features, panels: options.panels ?? [] });
  await app.register(accountRoutes, { ...deps, prefix: '/account' });
  await app.register(usersRoutes, { ...deps, prefix: '/users' });
  await app.register(invitationsRoutes, { ...deps, prefix: '/users/invitations' });
  await app.register(auditRoutes, { ...deps, prefix: '/audit' });
  await app.register(settingsRoutes, { ...deps, prefix: '/settings' });
  for (const feature of features) {
    await app.register(feature.routes, { ...deps, prefix: feature.prefix });
  }
};
