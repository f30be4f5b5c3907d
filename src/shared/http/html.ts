import * as buffer from 'node:buffer';
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

/** ICU's converter; absent from a Node built without ICU. */
const transcode = (buffer as Partial<typeof buffer>).transcode;

/** Room a page's text is copied into as UTF-16 before it is encoded (htmlBytes); made on first use. */
const ENCODING_ROOM_BYTES = 512 * 1024;
let encodingRoom: Buffer | undefined;

/**
 * A page's text as UTF-8 bytes, exactly as `Buffer.from` makes them, only
 * quicker. Node 20 encodes a string to UTF-8 one character at a time (and
 * `Buffer.from` reads a long text twice, once to measure it): under load
 * that was 47 µs a request for the 22 KB events listing, as much as the
 * whole answer of a bare server. Copying the text out as UTF-16 (a plain
 * copy of V8's own characters) and converting that with ICU's `transcode`
 * took 30 µs less. A text with half a surrogate pair (ICU refuses those,
 * where `Buffer.from` writes the replacement character), one too long for
 * the room, or a Node built without ICU, is left to `Buffer.from`.
 */
export function htmlBytes(text: string): Buffer {
  if (text.length * 2 > ENCODING_ROOM_BYTES || transcode === undefined) return Buffer.from(text);
  encodingRoom ??= Buffer.allocUnsafeSlow(ENCODING_ROOM_BYTES);
  const units = encodingRoom.write(text, 0, 'utf16le');
  try {
    return transcode(encodingRoom.subarray(0, units), 'utf16le', 'utf8');
  } catch {
    return Buffer.from(text);
  }
}
