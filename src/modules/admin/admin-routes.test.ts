/**
 * Every admin route × every role. Each route under /admin must have an entry
 * in EXPECTATIONS (the test fails, naming it, when one is missing), giving the
 * status anonymous visitors, contributors, editors and admins get. Routes
 * added later (events, articles, media, settings…) must be added here.
 *
 * How each request is made:
 * - anonymous: no cookie and no CSRF token;
 * - signed in: the role's session cookie, and for POST/PUT/PATCH/DELETE its
 *   CSRF token and the entry's `fields` as a urlencoded form;
 * - `endsSession` entries (sign out…) get a fresh session each time, so the
 *   other requests keep theirs.
 * HEAD routes mirror their GET and are not listed.
 */
import assert from 'node:assert/strict';
import type { LightMyRequestResponse, RouteOptions } from 'fastify';
import { after, before, describe, test } from 'node:test';
import { buildTestApp, type TestApp } from '../../../test/helpers/build-test-app.js';
import { createTestUser, signIn, type AdminSession } from '../../../test/helpers/admin-session.js';
import { createArticle, createEvent } from '../../../test/helpers/factories.js';
import type { Database, UserRole } from '../../db/schema.js';
import type { Kysely } from 'kysely';

type Who = 'anonymous' | UserRole;
const WHO: readonly Who[] = ['anonymous', 'contributor', 'editor', 'admin'];

/** Records made before the requests, for URLs with parameters. */
interface Fixtures {
  /** An editor account the admin pages act on (never one of the signed-in people). */
  targetUserId: number;
  /** A document in the media library. */
  mediaId: number;
  /** One unused document per person, for requests that delete one. */
  deletableMediaIds: Record<Who, number>;
  /** A published event made by nobody signed in here (so contributors may not edit it). */
  eventId: number;
  /** A document attached to that event, one per person (for requests that detach one). */
  attachedMediaIds: Record<Who, number>;
  /** A published event and article per person, made by nobody signed in here, for requests that change or delete one. */
  eventIds: Record<Who, number>;
  articleIds: Record<Who, number>;
  /** A published series. */
  seriesId: number;
}

let documents = 0;

/** A document row in the media library (no file: these requests never read it). */
async function insertDocument(db: Kysely<Database>): Promise<number> {
  documents += 1;
  const stamp = '2026-01-01T00:00:00.000Z';
  const sha256 = documents.toString(16).padStart(64, '0');
  const row = await db
    .insertInto('media')
    .values({
      kind: 'document',
      original_name: `agenda-${documents}.pdf`,
      mime: 'application/pdf',
      bytes: 1000,
      width: null,
      height: null,
      sha256,
      // The shape of a stored document's path (a folder named by the hash); no file is there.
      path: `d/${sha256.slice(0, 32)}/agenda-${documents}.pdf`,
      alt_en: null,
      alt_vi: null,
      credit_holder: null,
      credit_photographer: null,
      credit_year: null,
      created_by: null,
      created_at: stamp,
      updated_at: stamp,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A published series with its English text. */
async function insertSeries(db: Kysely<Database>): Promise<number> {
  const stamp = '2026-01-01T00:00:00.000Z';
  const row = await db.insertInto('series').values({ slug: 'a-series', status: 'published', publish_at: null, created_at: stamp, updated_at: stamp }).returning('id').executeTakeFirstOrThrow();
  await db.insertInto('series_translations').values({ series_id: row.id, lang: 'en', slug: 'a-series', title: 'A series', description: null, description_html: null }).execute();
  return row.id;
}

async function perPerson(make: () => Promise<number>): Promise<Record<Who, number>> {
  return { anonymous: await make(), contributor: await make(), editor: await make(), admin: await make() };
}

interface Expectation extends Record<Who, number> {
  /** The address to request, when the route has parameters (`who` for fixtures made per person). */
  url?: (f: Fixtures, who: Who) => string;
  /** Form fields sent with a POST (a CSRF token is added for signed-in people). */
  fields?: Record<string, string>;
  /** The request ends the session it is made with: use a fresh one. */
  endsSession?: boolean;
}

/**
 * The routes events and articles share: the list, the forms, the workflow
 * steps and their confirmation pages, preview and history. Requests that
 * change an item act on one made for that person by nobody signed in here
 * (`ids`); pages only read the anonymous visitor's.
 */
function itemRoutes(kind: 'events' | 'articles', ids: (f: Fixtures) => Record<Who, number>): Record<string, Expectation> {
  const base = `/admin/${kind}`;
  const own = (step = '') => (f: Fixtures, who: Who) => `${base}/${ids(f)[who]}${step}`;
  const page = (step: string) => (f: Fixtures) => `${base}/${ids(f).anonymous}${step}`;
  return {
    [`GET ${base}`]: { anonymous: 303, contributor: 200, editor: 200, admin: 200 },
    [`GET ${base}/new`]: { anonymous: 303, contributor: 200, editor: 200, admin: 200 },
    // An empty form: every signed-in person may create, and is told what is missing.
    [`POST ${base}`]: { fields: {}, anonymous: 401, contributor: 422, editor: 422, admin: 422 },
    [`GET ${base}/:id`]: { url: own(), anonymous: 303, contributor: 200, editor: 200, admin: 200 },
    // An empty form fails validation before anything is saved (the permission check comes with a valid form).
    [`POST ${base}/:id`]: { url: own(), fields: {}, anonymous: 401, contributor: 422, editor: 422, admin: 422 },
    // The item is already published: not a step it can take (409); contributors may not take these at all.
    [`POST ${base}/:id/submit`]: { url: own('/submit'), fields: {}, anonymous: 401, contributor: 403, editor: 409, admin: 409 },
    [`POST ${base}/:id/return`]: { url: own('/return'), fields: {}, anonymous: 401, contributor: 403, editor: 409, admin: 409 },
    [`POST ${base}/:id/publish`]: { url: own('/publish'), fields: {}, anonymous: 401, contributor: 403, editor: 409, admin: 409 },
    // Taken from its confirmation page (a bare POST goes to that page and changes nothing).
    [`POST ${base}/:id/unpublish`]: { url: own('/unpublish'), fields: { confirmed: 'yes' }, anonymous: 401, contributor: 403, editor: 303, admin: 303 },
    [`GET ${base}/:id/unpublish`]: { url: page('/unpublish'), anonymous: 303, contributor: 403, editor: 200, admin: 200 },
    // No date given: the form comes back with its message.
    [`POST ${base}/:id/schedule`]: { url: own('/schedule'), fields: {}, anonymous: 401, contributor: 422, editor: 422, admin: 422 },
    // No revision named: a bad request for everyone signed in.
    [`POST ${base}/:id/restore`]: { url: own('/restore'), fields: {}, anonymous: 401, contributor: 400, editor: 400, admin: 400 },
    [`POST ${base}/:id/delete`]: { url: own('/delete'), fields: {}, anonymous: 401, contributor: 403, editor: 303, admin: 303 },
    [`GET ${base}/:id/delete`]: { url: page('/delete'), anonymous: 303, contributor: 403, editor: 200, admin: 200 },
    [`GET ${base}/:id/preview`]: { url: page('/preview'), anonymous: 303, contributor: 200, editor: 200, admin: 200 },
    [`GET ${base}/:id/history`]: { url: page('/history'), anonymous: 303, contributor: 200, editor: 200, admin: 200 },
    // A change to many items with none chosen: the list comes back with its message.
    [`POST ${base}/bulk`]: { fields: {}, anonymous: 401, contributor: 422, editor: 422, admin: 422 },
    // A form kept as it is typed: anyone who may write a new item, and those who may edit this one (not a contributor: it is published).
    [`POST ${base}/new/autosave`]: { fields: { en_title: 'Typed, not saved' }, anonymous: 401, contributor: 200, editor: 200, admin: 200 },
    [`POST ${base}/:id/autosave`]: { url: own('/autosave'), fields: { en_title: 'Typed, not saved', revision: '1' }, anonymous: 401, contributor: 403, editor: 200, admin: 200 },
    // Forgetting one's own kept form: nothing else is touched.
    [`POST ${base}/new/autosave/discard`]: { fields: {}, anonymous: 401, contributor: 303, editor: 303, admin: 303 },
    [`POST ${base}/:id/autosave/discard`]: { url: own('/autosave/discard'), fields: {}, anonymous: 401, contributor: 303, editor: 303, admin: 303 },
  };
}

const EXPECTATIONS: Record<string, Expectation> = {
  // Signing in and out, first setup.
  'GET /admin/login': { anonymous: 200, contributor: 303, editor: 303, admin: 303 },
  // Anonymous: no form cookie and no token, so the CSRF check refuses it. Signed in: the empty form is refused.
  'POST /admin/login': { fields: { email: '', password: '' }, anonymous: 403, contributor: 422, editor: 422, admin: 422 },
  'POST /admin/logout': { endsSession: true, anonymous: 401, contributor: 303, editor: 303, admin: 303 },
  // Accounts exist, so the setup link is spent for everyone.
  'GET /admin/setup': { anonymous: 410, contributor: 410, editor: 410, admin: 410 },
  'POST /admin/setup': { fields: { token: 'x' }, anonymous: 403, contributor: 410, editor: 410, admin: 410 },
  // A new password by email: open to all; a link without a valid token is gone.
  'GET /admin/forgot': { anonymous: 200, contributor: 200, editor: 200, admin: 200 },
  'POST /admin/forgot': { fields: { email: '' }, anonymous: 403, contributor: 422, editor: 422, admin: 422 },
  'GET /admin/reset': { anonymous: 410, contributor: 410, editor: 410, admin: 410 },
  'POST /admin/reset': { fields: { token: 'x' }, anonymous: 403, contributor: 410, editor: 410, admin: 410 },
  'GET /admin/invitation': { anonymous: 410, contributor: 410, editor: 410, admin: 410 },
  'POST /admin/invitation': { fields: { token: 'x' }, anonymous: 403, contributor: 410, editor: 410, admin: 410 },

  // Dashboard and own account: everyone signed in.
  'GET /admin': { anonymous: 303, contributor: 200, editor: 200, admin: 200 },
  'GET /admin/account': { anonymous: 303, contributor: 200, editor: 200, admin: 200 },
  'POST /admin/account/password': { fields: { current: 'wrong', password: '', confirm: '' }, anonymous: 401, contributor: 422, editor: 422, admin: 422 },
  'POST /admin/account/email': { fields: { email: 'not an address', email_current: 'wrong' }, anonymous: 401, contributor: 422, editor: 422, admin: 422 },
  'POST /admin/account/language': { fields: { ui_lang: 'en' }, anonymous: 401, contributor: 303, editor: 303, admin: 303 },
  'POST /admin/account/notices': { fields: { editorial_notices: 'on' }, anonymous: 401, contributor: 303, editor: 303, admin: 303 },
  'POST /admin/account/sign-out-everywhere': { endsSession: true, anonymous: 401, contributor: 303, editor: 303, admin: 303 },

  // Users: admins only.
  'GET /admin/users': { anonymous: 303, contributor: 403, editor: 403, admin: 200 },
  'GET /admin/users/new': { anonymous: 303, contributor: 403, editor: 403, admin: 200 },
  'POST /admin/users': { fields: {}, anonymous: 401, contributor: 403, editor: 403, admin: 422 },
  'GET /admin/users/:id': { url: (f) => `/admin/users/${f.targetUserId}`, anonymous: 303, contributor: 403, editor: 403, admin: 200 },
  'POST /admin/users/:id/role': { url: (f) => `/admin/users/${f.targetUserId}/role`, fields: { role: 'editor' }, anonymous: 401, contributor: 403, editor: 403, admin: 303 },
  'POST /admin/users/:id/disable': { url: (f) => `/admin/users/${f.targetUserId}/disable`, anonymous: 401, contributor: 403, editor: 403, admin: 303 },
  'POST /admin/users/:id/enable': { url: (f) => `/admin/users/${f.targetUserId}/enable`, anonymous: 401, contributor: 403, editor: 403, admin: 303 },
  'POST /admin/users/:id/password': { url: (f) => `/admin/users/${f.targetUserId}/password`, fields: { password: 'short' }, anonymous: 401, contributor: 403, editor: 403, admin: 422 },
  'GET /admin/users/invitations': { anonymous: 303, contributor: 403, editor: 403, admin: 200 },
  'GET /admin/subscribers': { anonymous: 303, contributor: 403, editor: 403, admin: 200 },
  'GET /admin/subscribers/export.csv': { anonymous: 303, contributor: 403, editor: 403, admin: 200 },
  'POST /admin/subscribers/remove': { fields: {}, anonymous: 401, contributor: 403, editor: 403, admin: 422 },
  'POST /admin/users/invitations': { fields: {}, anonymous: 401, contributor: 403, editor: 403, admin: 422 },
  // No such invitation: refused before it is looked for, except for admins.
  'POST /admin/users/invitations/:id/resend': { url: () => '/admin/users/invitations/999999/resend', anonymous: 401, contributor: 403, editor: 403, admin: 404 },
  'POST /admin/users/invitations/:id/withdraw': { url: () => '/admin/users/invitations/999999/withdraw', anonymous: 401, contributor: 403, editor: 403, admin: 404 },

  // Audit log: admins only.
  'GET /admin/audit': { anonymous: 303, contributor: 403, editor: 403, admin: 200 },

  // Events and articles: contributors create and edit their own drafts only; editors and admins do everything.
  ...itemRoutes('events', (f) => f.eventIds),
  // Events only: taken from their confirmation pages, with a reason shown to visitors.
  'POST /admin/events/:id/postpone': { url: (f, who) => `/admin/events/${f.eventIds[who]}/postpone`, fields: { confirmed: 'yes', reason_en: 'A reason' }, anonymous: 401, contributor: 403, editor: 303, admin: 303 },
  'GET /admin/events/:id/postpone': { url: (f) => `/admin/events/${f.eventIds.anonymous}/postpone`, anonymous: 303, contributor: 403, editor: 200, admin: 200 },
  'POST /admin/events/:id/cancel': { url: (f, who) => `/admin/events/${f.eventIds[who]}/cancel`, fields: { confirmed: 'yes', reason_en: 'A reason' }, anonymous: 401, contributor: 403, editor: 303, admin: 303 },
  'GET /admin/events/:id/cancel': { url: (f) => `/admin/events/${f.eventIds.anonymous}/cancel`, anonymous: 303, contributor: 403, editor: 200, admin: 200 },
  ...itemRoutes('articles', (f) => f.articleIds),

  // Media library (media.upload: everyone signed in; deleting: editors and admins).
  'GET /admin/media': { anonymous: 303, contributor: 200, editor: 200, admin: 200 },
  'GET /admin/media/new': { anonymous: 303, contributor: 200, editor: 200, admin: 200 },
  // No file sent: the upload form comes back with its message.
  'POST /admin/media': { fields: { altEn: '' }, anonymous: 401, contributor: 422, editor: 422, admin: 422 },
  'GET /admin/media/:id': { url: (f) => `/admin/media/${f.mediaId}`, anonymous: 303, contributor: 200, editor: 200, admin: 200 },
  'POST /admin/media/:id': {
    url: (f) => `/admin/media/${f.mediaId}`,
    fields: { altEn: '', altVi: '', credit: '' },
    anonymous: 401,
    contributor: 303,
    editor: 303,
    admin: 303,
  },
  'POST /admin/media/:id/delete': {
    url: (f, who) => `/admin/media/${f.deletableMediaIds[who]}/delete`,
    anonymous: 401,
    contributor: 403,
    editor: 303,
    admin: 303,
  },
  // An event's attachments: whoever may edit the event (not a contributor: it is not their draft).
  'GET /admin/media/events/:eventId/attachments': {
    url: (f) => `/admin/media/events/${f.eventId}/attachments`,
    anonymous: 303,
    contributor: 403,
    editor: 200,
    admin: 200,
  },
  'POST /admin/media/events/:eventId/attachments': {
    url: (f) => `/admin/media/events/${f.eventId}/attachments`,
    fields: { mediaId: '', labelEn: '' },
    anonymous: 401,
    contributor: 403,
    editor: 422,
    admin: 422,
  },
  'POST /admin/media/events/:eventId/attachments/upload': {
    url: (f) => `/admin/media/events/${f.eventId}/attachments/upload`,
    fields: { labelEn: 'Agenda' },
    anonymous: 401,
    contributor: 403,
    editor: 422,
    admin: 422,
  },
  'POST /admin/media/events/:eventId/attachments/:mediaId': {
    url: (f, who) => `/admin/media/events/${f.eventId}/attachments/${f.attachedMediaIds[who]}`,
    fields: { labelEn: 'Agenda', labelVi: 'Chương trình' },
    anonymous: 401,
    contributor: 403,
    editor: 303,
    admin: 303,
  },
  'POST /admin/media/events/:eventId/attachments/:mediaId/move': {
    url: (f, who) => `/admin/media/events/${f.eventId}/attachments/${f.attachedMediaIds[who]}/move`,
    fields: { direction: 'down' },
    anonymous: 401,
    contributor: 403,
    editor: 303,
    admin: 303,
  },
  'POST /admin/media/events/:eventId/attachments/:mediaId/remove': {
    url: (f, who) => `/admin/media/events/${f.eventId}/attachments/${f.attachedMediaIds[who]}/remove`,
    anonymous: 401,
    contributor: 403,
    editor: 303,
    admin: 303,
  },
  // The Markdown preview: whoever may write content.
  'POST /admin/markdown/preview': { fields: { text: '*hello*' }, anonymous: 401, contributor: 200, editor: 200, admin: 200 },

  // A recurring event's sessions: the fixture event has no rule, so there are none to list or change; contributors may not change another's event.
  'GET /admin/events/:id/sessions': { url: (f) => `/admin/events/${f.eventId}/sessions`, anonymous: 303, contributor: 403, editor: 404, admin: 404 },
  'POST /admin/events/:id/sessions/:date': { url: (f) => `/admin/events/${f.eventId}/sessions/2026-12-01`, fields: { action: 'cancel' }, anonymous: 401, contributor: 403, editor: 404, admin: 404 },
  // This session and the following: the fixture event has no rule, so there is no session to change from (404, as on its sessions page).
  'GET /admin/events/:id/sessions/:date/following': { url: (f) => `/admin/events/${f.eventId}/sessions/2026-12-01/following`, anonymous: 303, contributor: 403, editor: 404, admin: 404 },
  'POST /admin/events/:id/sessions/:date/following': { url: (f) => `/admin/events/${f.eventId}/sessions/2026-12-01/following`, fields: { confirmed: 'yes', action: 'cancel', revision: '1' }, anonymous: 401, contributor: 403, editor: 404, admin: 404 },
  // Event series: editors and admins; an empty form is told what is missing.
  'GET /admin/series': { anonymous: 303, contributor: 403, editor: 200, admin: 200 },
  'GET /admin/series/new': { anonymous: 303, contributor: 403, editor: 200, admin: 200 },
  'POST /admin/series/new': { fields: {}, anonymous: 401, contributor: 403, editor: 422, admin: 422 },
  'GET /admin/series/:id': { url: (f) => `/admin/series/${f.seriesId}`, anonymous: 303, contributor: 403, editor: 200, admin: 200 },
  'POST /admin/series/:id': { url: (f) => `/admin/series/${f.seriesId}`, fields: {}, anonymous: 401, contributor: 403, editor: 422, admin: 422 },

  // Site settings: admins only.
  'GET /admin/settings': { anonymous: 303, contributor: 403, editor: 403, admin: 200 },
  'POST /admin/settings': { fields: { untranslated: 'fallback' }, anonymous: 401, contributor: 403, editor: 403, admin: 303 },
};

interface AdminRoute {
  key: string;
  method: string;
  url: string;
  isPublic: boolean;
}

describe('every admin route for every role', () => {
  let t: TestApp;
  const routes: AdminRoute[] = [];
  const sessions = new Map<UserRole, AdminSession>();
  let fixtures: Fixtures;

  before(async () => {
    const collect = (route: RouteOptions) => {
      if (!route.url.startsWith('/admin')) return;
      for (const method of [route.method].flat()) {
        if (method === 'HEAD') continue;
        routes.push({ key: `${method} ${route.url}`, method, url: route.url, isPublic: Boolean(route.config?.adminPublic) });
      }
    };
    t = await buildTestApp({ appOptions: { onRoute: collect } });
    for (const role of ['contributor', 'editor', 'admin'] as const) sessions.set(role, await signIn(t.app, t.db, role));
    const event = await createEvent(t.db, { status: 'published' });
    const attachedMediaIds = await perPerson(() => insertDocument(t.db));
    let position = 0;
    for (const mediaId of Object.values(attachedMediaIds)) {
      position += 1;
      await t.db.insertInto('event_attachments').values({ event_id: event.id, media_id: mediaId, position, label_en: `Document ${position}`, label_vi: null }).execute();
    }
    fixtures = {
      targetUserId: (await createTestUser(t.db, { role: 'editor' })).id,
      mediaId: await insertDocument(t.db),
      deletableMediaIds: await perPerson(() => insertDocument(t.db)),
      eventId: event.id,
      attachedMediaIds,
      eventIds: await perPerson(async () => (await createEvent(t.db, { status: 'published' })).id),
      articleIds: await perPerson(async () => (await createArticle(t.db, { status: 'published' })).id),
      seriesId: await insertSeries(t.db),
    };
  });
  after(() => t.close());

  test('every admin route has an expectation, and every expectation a route', () => {
    assert.ok(routes.length > 10, 'the admin routes were collected');
    const missing = routes.map((r) => r.key).filter((key) => !(key in EXPECTATIONS));
    assert.deepEqual(missing, [], `add these routes to EXPECTATIONS in src/modules/admin/admin-routes.test.ts: ${missing.join(', ')}`);
    const stale = Object.keys(EXPECTATIONS).filter((key) => !routes.some((r) => r.key === key));
    assert.deepEqual(stale, [], `these EXPECTATIONS name no route: ${stale.join(', ')}`);
  });

  test('nothing under /admin but sign-in, setup and the links sent by email is reachable without a session', async () => {
    for (const route of routes.filter((r) => !r.isPublic)) {
      const url = EXPECTATIONS[route.key]?.url?.(fixtures, 'anonymous') ?? route.url;
      const res = await t.app.inject({ method: route.method as 'GET', url });
      if (route.method === 'GET') {
        assert.equal(res.statusCode, 303, route.key);
        assert.match(String(res.headers.location), /^\/admin\/login\?next=/, route.key);
      } else {
        assert.equal(res.statusCode, 401, route.key);
      }
    }
    const publicRoutes = routes.filter((r) => r.isPublic).map((r) => r.key).sort();
    assert.deepEqual(publicRoutes, [
      'GET /admin/forgot',
      'GET /admin/invitation',
      'GET /admin/login',
      'GET /admin/reset',
      'GET /admin/setup',
      'POST /admin/forgot',
      'POST /admin/invitation',
      'POST /admin/login',
      'POST /admin/reset',
      'POST /admin/setup',
    ]);
  });

  async function request(route: AdminRoute, who: Who): Promise<LightMyRequestResponse> {
    const expectation = EXPECTATIONS[route.key]!;
    const url = expectation.url?.(fixtures, who) ?? route.url;
    let session: AdminSession | undefined;
    if (who !== 'anonymous') session = expectation.endsSession ? await signIn(t.app, t.db, who) : sessions.get(who);
    const headers: Record<string, string> = session ? { cookie: session.cookie } : {};
    if (route.method === 'GET') return t.app.inject({ method: 'GET', url, headers });
    const fields = new URLSearchParams(expectation.fields ?? {});
    if (session) fields.set('_csrf', session.csrfToken);
    return t.app.inject({
      method: route.method as 'POST',
      url,
      headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
      payload: fields.toString(),
    });
  }

  test('each role gets the expected status', async () => {
    const wrong: string[] = [];
    for (const route of routes) {
      const expectation = EXPECTATIONS[route.key];
      if (!expectation) continue;
      for (const who of WHO) {
        const res = await request(route, who);
        if (res.statusCode !== expectation[who]) wrong.push(`${route.key} as ${who}: ${res.statusCode}, expected ${expectation[who]}`);
        if (res.statusCode >= 500) wrong.push(`${route.key} as ${who} failed: ${res.body.slice(0, 200)}`);
      }
    }
    assert.deepEqual(wrong, []);
  });
});
