import type { FastifyReply, FastifyRequest } from 'fastify';
import type { JSX } from 'preact';
import type { Lang } from '../dates/format.js';
import type { MessageSource } from '../messages.js';
import { PUBLIC_LANGS } from './paths.js';
import { renderDocument } from '../views/render.js';
import type { ViewContext } from '../views/view-context.js';

export interface SiteSettings {
  siteName: string;
  officeEmail: string;
  publicUrl: string;
  stylesheet: string;
  adminStylesheet: string;
  /** The interface text (the i18n module's catalogues). */
  messages: MessageSource;
}

declare module 'fastify' {
  interface FastifyInstance {
    site: SiteSettings;
  }
}

/**
 * The view context for a request: language, translations and site settings.
 * Public routes pass the language they were registered for.
 */
export function viewContext(request: FastifyRequest, lang: Lang): ViewContext {
  const site = request.server.site;
  return {
    lang,
    t: site.messages.translator(lang),
    languageNames: Object.fromEntries(PUBLIC_LANGS.map((l) => [l, site.messages.translator(l)('language.name')])) as Record<Lang, string>,
    siteName: site.siteName,
    officeEmail: site.officeEmail,
    publicUrl: site.publicUrl.replace(/\/+$/, ''),
    stylesheet: site.stylesheet,
    path: request.url.split('?')[0] ?? '/',
  };
}

/** Sends a rendered page as HTML. */
export function sendPage(reply: FastifyReply, page: JSX.Element, status = 200): FastifyReply {
  return reply.code(status).type('text/html; charset=utf-8').send(renderDocument(page));
}
