/**
 * The public pages of following by email, in one language: the form and what
 * it posts to, the confirmation link, the page to change or stop a
 * subscription, and the one-click unsubscribe address (RFC 8058).
 */
import fastifyFormbody from '@fastify/formbody';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import type { PublicRouteOptions } from '../../app-deps.js';
import { sendPage, viewContext } from '../../shared/http/html.js';
import { useContentListener } from '../content/index.js';
import { listProgrammes, listTopics } from '../taxonomy/index.js';
import { mailSite } from '../mail/index.js';
import { checkForm, formValues, valuesOf, type FormErrors, type FormValues } from './subscriptions.form.js';
import { choicesOf } from './subscriptions.repository.js';
import { announcePublished, CONFIRMATION_DAYS, changeChoices, confirm, subscribe, subscriberForLink, subscriptionSite, unsubscribe } from './subscriptions.service.js';
import { ManagePage, MessagePage, SubscribePage, UnsubscribeForm, type TermOptions } from './subscriptions.views.js';

const NO_STORE = 'no-store';

function tokenOf(request: FastifyRequest): string {
  const fromQuery = (request.query as Record<string, unknown> | undefined)?.token;
  const fromBody = request.body && typeof request.body === 'object' ? (request.body as Record<string, unknown>).token : undefined;
  const token = typeof fromQuery === 'string' ? fromQuery : typeof fromBody === 'string' ? fromBody : '';
  return token.slice(0, 200);
}

export const subscriptionsRoutes: FastifyPluginAsync<PublicRouteOptions> = async (app, deps) => {
  await app.register(fastifyFormbody, { bodyLimit: 64 * 1024 });
  // Some mail programs send the one-click POST as multipart: its body says nothing the address does not.
  app.addContentTypeParser('multipart/form-data', { parseAs: 'buffer', bodyLimit: 64 * 1024 }, (_request, _body, done) => done(null, {}));

  const site = mailSite(deps.config);
  useContentListener('subscriptions', announcePublished(subscriptionSite(deps.config)));

  const termOptions = async (lang: 'en' | 'vi'): Promise<TermOptions> => ({ topics: await listTopics(deps.db, lang), programmes: await listProgrammes(deps.db, lang) });
  const known = (terms: TermOptions) => ({ topics: new Set(terms.topics.map((r) => r.slug)), programmes: new Set(terms.programmes.map((r) => r.slug)) });
  const emptyValues = (): FormValues => ({ email: '', lang: deps.lang, events: false, articles: false, topics: [], programmes: [], frequency: 'published', day: '1' });

  const formPage = async (request: FastifyRequest, reply: FastifyReply, values: FormValues, errors: FormErrors, status: number, notice?: { title: string; body: string }) => {
    const ctx = viewContext(request, deps.lang);
    return sendPage(reply.header('cache-control', NO_STORE), h(SubscribePage, { ctx, values, errors, terms: await termOptions(ctx.lang), ...(notice ? { notice } : {}) }), status);
  };

  app.get('/subscribe', async (request, reply) => formPage(request, reply, emptyValues(), {}, 200));

  app.post('/subscribe', async (request, reply) => {
    const ctx = viewContext(request, deps.lang);
    const values = formValues(request.body, deps.lang);
    const terms = await termOptions(ctx.lang);
    const checked = checkForm(values, known(terms), ctx.t);
    if (!checked.ok) return formPage(request, reply, values, checked.errors, 422);
    await subscribe(deps.db, site, checked.email, checked.choices, deps.now());
    return sendPage(reply.header('cache-control', NO_STORE), h(MessagePage, { ctx, title: ctx.t('subs.sent.title'), body: ctx.t('subs.sent.body', { email: checked.email, days: CONFIRMATION_DAYS }) }));
  });

  app.get('/subscription/confirm', async (request, reply) => {
    const ctx = viewContext(request, deps.lang);
    const outcome = await confirm(deps.db, tokenOf(request), deps.now());
    if (!outcome.ok) {
      const body = ctx.t(`subs.link.${outcome.reason}`, { days: CONFIRMATION_DAYS });
      return formPage(request, reply, emptyValues(), {}, outcome.reason === 'unknown' ? 404 : 410, { title: ctx.t('subs.link.title'), body });
    }
    return sendPage(
      reply.header('cache-control', NO_STORE),
      h(MessagePage, { ctx, title: ctx.t('subs.confirmed.title'), body: ctx.t('subs.confirmed.body', { email: outcome.subscriber.email }) }, h(UnsubscribeForm, { ctx, token: outcome.manageToken ?? '' })),
    );
  });

  const unknownLink = async (request: FastifyRequest, reply: FastifyReply) => {
    const ctx = viewContext(request, deps.lang);
    return formPage(request, reply, emptyValues(), {}, 404, { title: ctx.t('subs.link.title'), body: ctx.t('subs.link.unknown') });
  };

  app.get('/subscription', async (request, reply) => {
    const token = tokenOf(request);
    const subscriber = await subscriberForLink(deps.db, token);
    if (!subscriber) return unknownLink(request, reply);
    const ctx = viewContext(request, deps.lang);
    const values = valuesOf(subscriber.email, choicesOf(subscriber));
    return sendPage(reply.header('cache-control', NO_STORE), h(ManagePage, { ctx, email: subscriber.email, token, values, errors: {}, terms: await termOptions(ctx.lang) }));
  });

  app.post('/subscription', async (request, reply) => {
    const token = tokenOf(request);
    const subscriber = await subscriberForLink(deps.db, token);
    if (!subscriber) return unknownLink(request, reply);
    const ctx = viewContext(request, deps.lang);
    const values = { ...formValues(request.body, deps.lang), email: subscriber.email };
    const terms = await termOptions(ctx.lang);
    const checked = checkForm(values, known(terms), ctx.t, false);
    if (!checked.ok) return sendPage(reply.header('cache-control', NO_STORE), h(ManagePage, { ctx, email: subscriber.email, token, values, errors: checked.errors, terms }), 422);
    await changeChoices(deps.db, token, checked.choices);
    return sendPage(reply.header('cache-control', NO_STORE), h(ManagePage, { ctx, email: subscriber.email, token, values, errors: {}, terms, saved: true }));
  });

  // Following the link shows a button (a link checker opening it must not unsubscribe anyone); the POST stops it.
  app.get('/subscription/unsubscribe', async (request, reply) => {
    const token = tokenOf(request);
    const subscriber = await subscriberForLink(deps.db, token);
    if (!subscriber) return unknownLink(request, reply);
    const ctx = viewContext(request, deps.lang);
    return sendPage(reply.header('cache-control', NO_STORE), h(MessagePage, { ctx, title: ctx.t('subs.manage.title'), body: ctx.t('subs.manage.intro', { email: subscriber.email }) }, h(UnsubscribeForm, { ctx, token })));
  });

  app.post('/subscription/unsubscribe', async (request, reply) => {
    if (!(await unsubscribe(deps.db, tokenOf(request)))) return unknownLink(request, reply);
    const ctx = viewContext(request, deps.lang);
    return sendPage(reply.header('cache-control', NO_STORE), h(MessagePage, { ctx, title: ctx.t('subs.stopped.title'), body: ctx.t('subs.stopped.body') }));
  });
};
