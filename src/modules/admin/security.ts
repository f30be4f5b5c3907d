/**
 * The admin's request checks and headers: cookies, the CSRF token, the
 * same-origin check, and the Content-Security-Policy.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { SESSION_ABSOLUTE_MS } from '../auth/index.js';

/** The session cookie: a random token, HttpOnly, only sent to /admin. */
export const SESSION_COOKIE = 'almanac_session';

/**
 * A random value for the forms shown before anyone is signed in (sign-in,
 * first setup): their CSRF token is derived from it, since there is no session yet.
 */
export const FORM_COOKIE = 'almanac_form';

/**
 * Marks a browser an account has signed in from (see auth's known-device.ts):
 * it passes the account's sign-in limit that strangers' guesses can reach.
 */
export const DEVICE_COOKIE = 'almanac_device';

/** A device stays known for half a year after its last sign-in. */
const DEVICE_COOKIE_MAX_AGE_SECONDS = 183 * 24 * 60 * 60;

/** The cookie is only needed by the admin, so the public pages never receive it. */
export const COOKIE_PATH = '/admin';

/** The form cookie only has to outlive a sign-in form left open for a while. */
const FORM_COOKIE_MAX_AGE_SECONDS = 24 * 60 * 60;

/**
 * Admin pages run only the site's own scripts and styles: no inline script,
 * no inline style, no plugins, no framing, forms post only to the site itself.
 * Images may be the site's own, data/blob URLs (previews before upload), or
 * https images that imported articles point at.
 */
export const ADMIN_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob: https:",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');

/** Headers on every admin response: the strict policy, and never cached (pages show private data). */
export function setAdminHeaders(reply: FastifyReply): void {
  reply.header('content-security-policy', ADMIN_CONTENT_SECURITY_POLICY);
  reply.header('cache-control', 'no-store');
  reply.header('cross-origin-opener-policy', 'same-origin');
  reply.header('cross-origin-resource-policy', 'same-origin');
}

/** Cookies are Secure when the request came over https (directly, or as the proxy reports). */
function isHttps(request: FastifyRequest): boolean {
  return request.protocol === 'https';
}

export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: COOKIE_PATH,
    httpOnly: true,
    sameSite: 'lax',
    secure: isHttps(request),
    // The browser may forget it at the same time the server does.
    maxAge: Math.floor(SESSION_ABSOLUTE_MS / 1000),
  });
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: COOKIE_PATH, httpOnly: true, sameSite: 'lax', secure: isHttps(request) });
}

export function setFormCookie(request: FastifyRequest, reply: FastifyReply, value: string): void {
  reply.setCookie(FORM_COOKIE, value, {
    path: COOKIE_PATH,
    httpOnly: true,
    sameSite: 'lax',
    secure: isHttps(request),
    maxAge: FORM_COOKIE_MAX_AGE_SECONDS,
  });
}

export function setDeviceCookie(request: FastifyRequest, reply: FastifyReply, value: string): void {
  reply.setCookie(DEVICE_COOKIE, value, {
    path: COOKIE_PATH,
    httpOnly: true,
    sameSite: 'lax',
    secure: isHttps(request),
    maxAge: DEVICE_COOKIE_MAX_AGE_SECONDS,
  });
}

export function clearFormCookie(request: FastifyRequest, reply: FastifyReply): void {
  reply.clearCookie(FORM_COOKIE, { path: COOKIE_PATH, httpOnly: true, sameSite: 'lax', secure: isHttps(request) });
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function isSafeMethod(method: string): boolean {
  return SAFE_METHODS.has(method);
}

/**
 * The CSRF token a request carries: the `_csrf` field of a urlencoded body,
 * the `x-csrf-token` header, or `_csrf` in the query string (for multipart
 * forms, whose body is read only by the route).
 */
export function submittedCsrfToken(request: FastifyRequest): string | undefined {
  const body = request.body;
  if (body && typeof body === 'object' && '_csrf' in body) {
    const value = (body as Record<string, unknown>)._csrf;
    if (typeof value === 'string') return value;
  }
  const header = request.headers['x-csrf-token'];
  if (typeof header === 'string') return header;
  const query = request.query;
  if (query && typeof query === 'object' && '_csrf' in query) {
    const value = (query as Record<string, unknown>)._csrf;
    if (typeof value === 'string') return value;
  }
  return undefined;
}

/**
 * Whether a state-changing request comes from the site's own pages, as far
 * as the browser says: `Sec-Fetch-Site` must be same-origin (or none: typed
 * by the person), and `Origin`, when sent, must be this site. Requests with
 * neither header (not from a browser) are left to the CSRF token alone.
 */
export function isSameOriginRequest(request: FastifyRequest, publicUrl: string): boolean {
  const site = request.headers['sec-fetch-site'];
  if (typeof site === 'string' && site !== 'same-origin' && site !== 'none') return false;
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  const allowed = new Set([`${request.protocol}://${request.host}`.toLowerCase()]);
  try {
    allowed.add(new URL(publicUrl).origin.toLowerCase());
  } catch {
    // A bad PUBLIC_URL cannot get past the config check; nothing to add.
  }
  return allowed.has(origin.toLowerCase());
}

/**
 * Where to go after signing in: a path inside the admin given by `next`, or
 * the dashboard. Anything else (another site, `//host`, backslashes, the
 * sign-in page itself) is ignored, so the link cannot send people elsewhere.
 */
export function safeNextPath(next: unknown): string {
  // Printable ASCII only: a percent-encoded path is fine, a raw newline or space is not.
  if (typeof next !== 'string' || next.length > 1000 || !/^[\x21-\x7e]+$/.test(next)) return '/admin';
  if (!/^\/admin(?:[/?]|$)/.test(next) || next.includes('\\') || next.includes('//')) return '/admin';
  if (/^\/admin\/(?:login|logout|setup)(?:[/?]|$)/.test(next)) return '/admin';
  return next;
}
