/** What search engines are told about the site: every public page for the sitemap. */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { LANGS } from '../i18n/index.js';
import { getSettings } from '../settings/index.js';
import { articlePath, articlesPath, eventPath, eventsPath, homePath, programmePath, topicPath, topicsPath, type Lang } from '../../shared/http/paths.js';
import * as repo from './sitemap.repository.js';
import { latest, type SitemapEntry } from './sitemap.js';

/**
 * One entry per language an item's page is indexed in, each naming all of
 * them as alternates. English always; another language where the item's
 * text is published in it, or, when the site shows English in place of a
 * missing translation (`fallback`), in every language, at the English slug.
 */
function itemEntries(rows: repo.ItemAddress[], origin: string, path: (lang: Lang, slug: string) => string, fallback: boolean): SitemapEntry[] {
  const byItem = new Map<number, repo.ItemAddress[]>();
  for (const row of rows) byItem.set(row.id, [...(byItem.get(row.id) ?? []), row]);
  const entries: SitemapEntry[] = [];
  for (const shown of byItem.values()) {
    const english = shown.find((v) => v.lang === 'en');
    const versions = fallback && english ? LANGS.map((lang) => shown.find((v) => v.lang === lang) ?? { ...english, lang }) : shown;
    const alternates = Object.fromEntries(versions.map((v) => [v.lang, `${origin}${path(v.lang, v.slug)}`]));
    for (const v of versions) entries.push({ loc: `${origin}${path(v.lang, v.slug)}`, lastmod: v.updated_at, alternates });
  }
  return entries;
}

/** The same page in every language, each naming the others as alternates. */
function pageEntries(path: (lang: Lang) => string, origin: string, lastmod: string | null): SitemapEntry[] {
  const alternates = Object.fromEntries(LANGS.map((lang) => [lang, `${origin}${path(lang)}`]));
  return LANGS.map((lang) => ({ loc: `${origin}${path(lang)}`, lastmod, alternates }));
}

/**
 * Every public page search engines should know: each language's home page
 * and listings, and each event and article live at `now` in every language
 * its page is indexed in (see itemEntries), with the same alternates as the
 * pages' own hreflang links, x-default the English page. Listing pages carry
 * the last change of the content they list; each topic's and programme's
 * page with anything live under it (in both languages: their names are
 * translated) the last change under it. Filtered listings are not listed:
 * they are not indexed.
 */
export async function listSitemapEntries(db: Kysely<Database>, publicUrl: string, now: Date): Promise<SitemapEntry[]> {
  const origin = publicUrl.replace(/\/+$/, '');
  const [eventRows, articleRows, topics, programmes, settings] = await Promise.all([
    repo.listEventAddresses(db, now),
    repo.listArticleAddresses(db, now),
    repo.listTermActivity(db, 'topic', now),
    repo.listTermActivity(db, 'programme', now),
    getSettings(db),
  ]);
  const fallback = settings.untranslated === 'fallback';
  const events = itemEntries(eventRows, origin, eventPath, fallback);
  const articles = itemEntries(articleRows, origin, articlePath, fallback);
  const newestEvent = latest(events);
  const newestArticle = latest(articles);
  const newest = latest([{ loc: '', lastmod: newestEvent }, { loc: '', lastmod: newestArticle }]);
  return [
    ...pageEntries(homePath, origin, newest),
    ...pageEntries((lang) => eventsPath(lang), origin, newestEvent),
    ...pageEntries((lang) => articlesPath(lang), origin, newestArticle),
    ...pageEntries(topicsPath, origin, newest),
    // A term with nothing published under it has an empty page: not worth a search engine's visit.
    ...topics.filter((term) => term.updated_at !== null).flatMap((term) => pageEntries((lang) => topicPath(lang, term.slug), origin, term.updated_at)),
    ...programmes
      .filter((term) => term.updated_at !== null)
      .flatMap((term) => pageEntries((lang) => programmePath(lang, term.slug), origin, term.updated_at)),
    ...events,
    ...articles,
  ];
}
