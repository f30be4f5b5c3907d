import type { FastifyPluginAsync } from 'fastify';
import { h } from 'preact';
import type { PublicRouteOptions } from '../../app-deps.js';
import { cachePublicPage } from '../../shared/http/cache.js';
import { sendPage, viewContext } from '../../shared/http/html.js';
import { parseQuery } from '../../shared/http/query.js';
import { listProgrammes, listTopics } from '../taxonomy/index.js';
import { searchQuery } from './filters.js';
import { searchSite } from './search.service.js';
import { SearchPage } from './search.views.js';

/** The years of visitors' events or articles, newest first: the year filter's choices (either kind may hold a year). */
async function yearChoices(deps: PublicRouteOptions, now: Date): Promise<number[]> {
  const [events, articles] = await Promise.all([deps.years.events(deps.db, deps.lang, now), deps.years.articles(deps.db, deps.lang, now)]);
  return [...new Set([...events, ...articles])].sort((a, b) => b - a);
}

/** `/search` in one language: the form, results, and the filter choices. */
export const searchRoutes: FastifyPluginAsync<PublicRouteOptions> = async (app, deps) => {
  app.get('/search', async (request, reply) => {
    const { q, page, ...filters } = parseQuery(searchQuery, request.query);
    const ctx = viewContext(request, deps.lang);
    const now = deps.now();
    const [outcome, years, topics, programmes] = await Promise.all([
      searchSite(deps.db, { q, page, lang: deps.lang, filters, now, today: deps.today() }),
      yearChoices(deps, now),
      listTopics(deps.db, deps.lang),
      listProgrammes(deps.db, deps.lang),
    ]);
    // A query that cannot be searched is a form to correct (422); one with no words is just empty.
    const status = outcome.state === 'problem' && outcome.problem !== 'no_words' ? 422 : 200;
    const view = h(SearchPage, { ctx, q, filters, options: { years, topics, programmes }, outcome });
    return sendPage(cachePublicPage(reply), view, status);
  });
};
