/**
 * POST /admin/markdown/preview: Markdown rendered exactly as the public pages
 * will render it (sanitized), on a worker thread so that no text holds up
 * other requests. The live preview asks for JSON with a `text`
 * field; the Preview button posts a whole form and names its Markdown fields
 * in `_preview`, and gets a page.
 */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { h } from 'preact';
import type { AppDeps } from '../../../app-deps.js';
import { sendPage } from '../../../shared/http/html.js';
import { adminViewContext } from '../../admin/index.js';
import { assertCan } from '../../auth/index.js';
import type { Lang } from '../../i18n/index.js';
import { createOffThreadRenderer } from '../markdown-off-thread.js';
import { MarkdownPreviewPage, type PreviewSection } from './media-admin.views.js';

/** A form has at most a few Markdown fields (a body per language). */
const MAX_SECTIONS = 4;

function wantsJson(request: FastifyRequest): boolean {
  const accept = request.headers.accept ?? '';
  return accept.includes('application/json') && !accept.includes('text/html');
}

/** The language a field's name says it holds: en_body, body_vi… */
function fieldLang(name: string): Lang | undefined {
  const m = /^(en|vi)_|_(en|vi)$/.exec(name);
  const lang = m?.[1] ?? m?.[2];
  return lang === 'en' || lang === 'vi' ? lang : undefined;
}

export const markdownAdminRoutes: FastifyPluginAsync<AppDeps> = async (app) => {
  const renderer = createOffThreadRenderer();
  app.addHook('onClose', () => renderer.stop());

  app.post('/preview', async (request, reply) => {
    // Whoever may write content may preview it.
    assertCan(request.user, 'content.create');
    const body = (request.body && typeof request.body === 'object' ? request.body : {}) as Record<string, unknown>;
    const str = (value: unknown): string => (typeof value === 'string' ? value : '');
    if (wantsJson(request)) {
      return reply.send({ html: await renderer.render(str(body.text)) });
    }
    const named = str(body._preview)
      .split(',')
      .map((f) => f.trim())
      .filter((f) => /^[a-z][a-z0-9_]{0,39}$/.test(f) && f !== '_csrf')
      .slice(0, MAX_SECTIONS);
    const fields = named.length > 0 ? named.map((f) => ({ lang: fieldLang(f), text: str(body[f]) })) : [{ lang: undefined, text: str(body.text) }];
    const sections: PreviewSection[] = [];
    for (const field of fields) sections.push({ ...field, html: await renderer.render(field.text) });
    return sendPage(reply, h(MarkdownPreviewPage, { ctx: adminViewContext(request), sections }));
  });
};
