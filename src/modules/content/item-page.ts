/**
 * An item's public page, the same route for every kind: found by its slug in
 * the page's language, moved for good to its slug there when reached by
 * another one, and shown with the related items of the other kind.
 */
import type { FastifyInstance } from 'fastify';
import { h, type ComponentChildren, type VNode } from 'preact';
import type { PublicRouteOptions } from '../../app-deps.js';
import type { LangCode } from '../../db/schema.js';
import { cachePublicPage } from '../../shared/http/cache.js';
import { sendPage, viewContext } from '../../shared/http/html.js';
import { parseQuery, slugParams } from '../../shared/http/query.js';
import type { ViewContext } from '../../shared/views/view-context.js';
import { sharingOf } from './related.js';

/** What an item's page needs of its item: its slug in each language and its tags. */
interface PageDetail {
  slugs: Record<LangCode, string>;
  topics: readonly { slug: string }[];
  programmes: readonly { slug: string }[];
}

/**
 * What a kind's item page is given: the item; the related items of the other
 * kind (on visitors' pages only, not in previews); and on the admin's preview
 * of it, the banner that says so (a preview is never indexed).
 */
export interface ItemPageProps<D> {
  ctx: ViewContext;
  detail: D;
  related?: ComponentChildren;
  banner?: ComponentChildren;
}

export interface ItemPage<D extends PageDetail> {
  /** The item's address, below the language: `/events/:slug`. */
  route: string;
  /** The live item by any of its slugs (throws NotFoundError otherwise). */
  find(deps: PublicRouteOptions, slug: string, lang: LangCode): Promise<D>;
  /** The item's address in a language. */
  path(lang: LangCode, slug: string): string;
  /** Which of the app's sections of related items this kind's pages show. */
  related: keyof PublicRouteOptions['related'];
  Page(props: ItemPageProps<D>): VNode;
}

/** Registers a kind's public item page. */
export function itemPageRoute<D extends PageDetail>(app: FastifyInstance, deps: PublicRouteOptions, page: ItemPage<D>): void {
  app.get(page.route, async (request, reply) => {
    const { slug } = parseQuery(slugParams, request.params);
    const ctx = viewContext(request, deps.lang);
    const detail = await page.find(deps, slug, ctx.lang);
    // Reached by its slug in another language, an old slug, or one from before its translation was published
    // or withdrawn. Moved for good, but cached briefly: publishing or withdrawing a translation turns it round.
    if (detail.slugs[deps.lang] !== slug) return cachePublicPage(reply).redirect(page.path(deps.lang, detail.slugs[deps.lang]), 301);
    const related = await deps.related[page.related](deps.db, ctx, sharingOf(detail), deps.today(), deps.now());
    return sendPage(cachePublicPage(reply), h(page.Page, { ctx, detail, related }));
  });
}
