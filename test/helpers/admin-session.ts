/**
 * Signing in for admin tests: make an account, sign in through the real
 * sign-in form, and send forms with the session's cookie and CSRF token.
 */
import { before } from 'node:test';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database, UserRole } from '../../src/db/schema.js';
import { hashPassword, type AdminUser } from '../../src/modules/auth/index.js';
import type { TestApp } from './build-test-app.js';
import { html } from './html.js';

/** The password of every account made here. */
export const TEST_PASSWORD = 'correct horse battery staple';

let passwordHash: Promise<string> | undefined;
let counter = 0;

export interface TestUserInput {
  role?: UserRole;
  email?: string;
  name?: string;
  disabled?: boolean;
  uiLang?: 'en' | 'vi';
}

/** Inserts an account whose password is TEST_PASSWORD (hashed once per test process). */
export async function createTestUser(db: Kysely<Database>, input: TestUserInput = {}): Promise<AdminUser> {
  counter += 1;
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const role = input.role ?? 'editor';
  const row = await db
    .insertInto('users')
    .values({
      email: (input.email ?? `${role}-${counter}@example.org`).toLowerCase(),
      name: input.name ?? `Test ${role} ${counter}`,
      role,
      password_hash: await passwordHash,
      ui_lang: input.uiLang ?? 'en',
      disabled_at: input.disabled ? '2026-01-01T00:00:00.000Z' : null,
      created_at: '2026-01-01T00:00:00.000Z',
      updated_at: '2026-01-01T00:00:00.000Z',
    })
    .returning(['id', 'email', 'name', 'role'])
    .executeTakeFirstOrThrow();
  return row;
}

export interface AdminSession {
  /** The Cookie header value to send. */
  cookie: string;
  csrfToken: string;
  user: AdminUser;
}

/** The value of a cookie set by a response, or undefined. */
export function setCookieValue(res: LightMyRequestResponse, name: string): string | undefined {
  const cookie = res.cookies.find((c) => c.name === name);
  return cookie?.value;
}

/** The `_csrf` value of the first form on a page. */
export function csrfFromPage(body: string): string {
  const value = html(body).querySelector('input[name=_csrf]')?.getAttribute('value');
  if (!value) throw new Error('no _csrf field on the page');
  return value;
}

/**
 * Opens the sign-in form and signs in with email and password as a browser
 * would; returns the raw responses' session, or throws with the status.
 */
export async function signInAs(app: FastifyInstance, email: string, password: string): Promise<{ cookie: string; csrfToken: string }> {
  const form = await app.inject({ url: '/admin/login' });
  const formCookie = setCookieValue(form, 'almanac_form');
  if (!formCookie) throw new Error('the sign-in page set no form cookie');
  const res = await app.inject({
    method: 'POST',
    url: '/admin/login',
    headers: { cookie: `almanac_form=${formCookie}`, 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ email, password, _csrf: csrfFromPage(form.body) }).toString(),
  });
  const token = setCookieValue(res, 'almanac_session');
  if (res.statusCode !== 303 || !token) throw new Error(`sign-in failed with ${res.statusCode}`);
  const cookie = `almanac_session=${token}`;
  const dashboard = await app.inject({ url: '/admin', headers: { cookie } });
  return { cookie, csrfToken: csrfFromPage(dashboard.body) };
}

/** Makes an account with `role` and signs it in. */
export async function signIn(app: FastifyInstance, db: Kysely<Database>, role: UserRole, input: Omit<TestUserInput, 'role'> = {}): Promise<AdminSession> {
  const user = await createTestUser(db, { ...input, role });
  const { cookie, csrfToken } = await signInAs(app, user.email, TEST_PASSWORD);
  return { cookie, csrfToken, user };
}

/**
 * Called inside a describe block after appForBlock: an account with `role`,
 * signed in by a before hook. The session returned is filled in by that
 * hook, so read it inside tests or later hooks.
 */
export function signedInForBlock(t: TestApp, role: UserRole, input: Omit<TestUserInput, 'role'> = {}): AdminSession {
  const session = {} as AdminSession;
  before(async () => {
    Object.assign(session, await signIn(t.app, t.db, role, input));
  });
  return session;
}

export interface PostFormInput {
  url: string;
  session?: Pick<AdminSession, 'cookie' | 'csrfToken'> | undefined;
  fields?: Record<string, string | string[]>;
  /** Leave out the session's CSRF token (to test the check). */
  withoutCsrf?: boolean;
  headers?: Record<string, string>;
}

/** POSTs a urlencoded form with the session's cookie and, unless told not to, its `_csrf`. */
export async function postForm(app: FastifyInstance, input: PostFormInput): Promise<LightMyRequestResponse> {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(input.fields ?? {})) {
    for (const v of Array.isArray(value) ? value : [value]) params.append(name, v);
  }
  if (input.session && !input.withoutCsrf && !params.has('_csrf')) params.set('_csrf', input.session.csrfToken);
  return app.inject({
    method: 'POST',
    url: input.url,
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      ...(input.session ? { cookie: input.session.cookie } : {}),
      ...input.headers,
    },
    payload: params.toString(),
  });
}

/**
 * POSTs a urlencoded form as an admin page's script sends it: the CSRF token
 * in a header, JSON accepted, from the admin's own origin.
 */
export async function postFromScript(
  app: FastifyInstance,
  session: Pick<AdminSession, 'cookie' | 'csrfToken'>,
  url: string,
  fields: Record<string, string>,
): Promise<LightMyRequestResponse> {
  return app.inject({
    method: 'POST',
    url,
    headers: {
      cookie: session.cookie,
      'x-csrf-token': session.csrfToken,
      accept: 'application/json',
      'content-type': 'application/x-www-form-urlencoded',
      origin: 'http://localhost:80',
      host: 'localhost:80',
      'sec-fetch-site': 'same-origin',
    },
    payload: new URLSearchParams(fields).toString(),
  });
}

/** GETs a page with the session's cookie. */
export async function getPage(app: FastifyInstance, url: string, session?: Pick<AdminSession, 'cookie'>): Promise<LightMyRequestResponse> {
  return app.inject({ url, headers: session ? { cookie: session.cookie } : {} });
}
