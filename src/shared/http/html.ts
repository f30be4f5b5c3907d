import type { FastifyReply, FastifyRequest } from 'fastify';
import type { JSX } from 'preact';
import { translator, type Lang } from '../../modules/i18n/index.js';
import { renderDocument } from '../views/render.js';
import type { ViewContext } from '../views/view-context.js';

export interface SiteSettings {
  siteName: string;
  officeEmail: string;
  publicUrl: string;
  stylesheet: string;
  adminStylesheet: string;
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
    t: translator(lang),
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
