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
  const query = request.url.indexOf('?');
  return { ...siteContext(site, lang), path: query === -1 ? request.url : request.url.slice(0, query) };
}

/** The parts of a view context that depend on the site and language alone, worked out once for each. */
const siteContexts = new WeakMap<SiteSettings, Map<Lang, Omit<ViewContext, 'path'>>>();

function siteContext(site: SiteSettings, lang: Lang): Omit<ViewContext, 'path'> {
  let byLang = siteContexts.get(site);
  if (!byLang) siteContexts.set(site, (byLang = new Map()));
  let found = byLang.get(lang);
  if (!found) {
    found = {
      lang,
      t: site.messages.translator(lang),
      languageNames: Object.fromEntries(PUBLIC_LANGS.map((l) => [l, site.messages.translator(l)('language.name')])) as Record<Lang, string>,
      siteName: site.siteName,
      officeEmail: site.officeEmail,
      publicUrl: site.publicUrl.replace(/\/+$/, ''),
      stylesheet: site.stylesheet,
    };
    byLang.set(lang, found);
  }
  return found;
}

/**
 * Sends a rendered page as HTML, encoded once here: sent as a string, it
 * would be measured for its length and then encoded again as it is written.
 */
export function sendPage(reply: FastifyReply, page: JSX.Element, status = 200): FastifyReply {
  return reply.code(status).type('text/html; charset=utf-8').send(htmlBytes(renderDocument(page)));
}

/** Room the pages are encoded into before being copied out (htmlBytes); made on first use. */
const ENCODING_ROOM_BYTES = 256 * 1024;
let encodingRoom: Buffer | undefined;

/**
 * A page's text as UTF-8 bytes, as `Buffer.from` makes them, in one pass
 * over the text: `Buffer.from` reads a long text twice (once to measure
 * it, once to encode it), which on Node 20 took 18-19 µs for the 22 KB
 * events listing against 12 µs this way (encoded into a room kept for it,
 * then copied out). A text that might not fit (a UTF-16 unit is at most
 * three bytes) is left to `Buffer.from`.
 */
export function htmlBytes(text: string): Buffer {
  if (text.length * 3 > ENCODING_ROOM_BYTES) return Buffer.from(text);
  encodingRoom ??= Buffer.allocUnsafeSlow(ENCODING_ROOM_BYTES);
  const length = encodingRoom.write(text);
  const bytes = Buffer.allocUnsafe(length);
  encodingRoom.copy(bytes, 0, 0, length);
  return bytes;
}
