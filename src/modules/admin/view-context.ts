/**
 * What every admin view needs: the interface language and its text, the
 * signed-in person, the CSRF token for forms, and the navigation.
 */
import type { FastifyRequest } from 'fastify';
import { viewContext } from '../../shared/http/html.js';
import type { ViewContext } from '../../shared/views/view-context.js';
import { can, type Action, type SessionUser } from '../auth/index.js';
import { DEFAULT_LANG, type Lang, type MessageKey } from '../i18n/index.js';

/** A link in the admin navigation, shown to those allowed its action. */
export interface AdminNavLink {
  href: string;
  labelKey: MessageKey;
  action?: Action | undefined;
}

export interface AdminNavItem {
  href: string;
  label: string;
  current: boolean;
}

export interface AdminViewContext extends ViewContext {
  /** The signed-in person; undefined on the sign-in and setup pages. */
  user: SessionUser | undefined;
  /** Goes in every form as `_csrf` (see CsrfField). */
  csrfToken: string;
  adminStylesheet: string;
  /** The sections this person may open, the current one marked. */
  nav: AdminNavItem[];
}

/** The admin's state on a request, set by the shell's hooks. */
export interface AdminRequestState {
  sessionId: number | undefined;
  csrfToken: string;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Links of the admin navigation (built-in sections and registered features). */
    adminNav?: readonly AdminNavLink[];
  }
  interface FastifyRequest {
    /** The signed-in person, set by the admin shell for every /admin request; undefined when nobody is signed in. */
    user: SessionUser | undefined;
    adminState: AdminRequestState | undefined;
  }
}

function isCurrent(href: string, path: string): boolean {
  return href === '/admin' ? path === '/admin' || path === '/admin/' : path === href || path.startsWith(`${href}/`);
}

/**
 * The view context of an admin page. The language is the person's choice, or
 * on the pages shown before sign-in, `lang` when given (English by default).
 */
export function adminViewContext(request: FastifyRequest, langBeforeSignIn?: Lang): AdminViewContext {
  const user = request.user;
  const lang: Lang = user?.uiLang ?? langBeforeSignIn ?? DEFAULT_LANG;
  const base = viewContext(request, lang);
  const links = request.server.adminNav ?? [];
  const nav = user
    ? links
        .filter((link) => link.action === undefined || can(user, link.action))
        .map((link) => ({ href: link.href, label: base.t(link.labelKey), current: isCurrent(link.href, base.path) }))
    : [];
  return {
    ...base,
    user,
    csrfToken: request.adminState?.csrfToken ?? '',
    adminStylesheet: request.server.site.adminStylesheet,
    nav,
  };
}
