/**
 * News feeds of feature articles: Atom 1.0, RSS 2.0 and JSON Feed 1.1, built
 * with the `feed` package from the same articles. Entries carry the summary,
 * the hero image with its photo credit, the byline, the body rendered from
 * its Markdown, and the topics; ids are tag: URIs on the article's id, so
 * they survive slug changes; dates come from the content, never from the
 * clock, so the same content gives the same feed.
 *
 * Where the package falls short of a standard, this module makes up for it:
 * Atom categories get a term (the topic's slug), RSS names the byline with
 * dc:creator (RSS's own <author> must be an email address), and JSON Feed is
 * declared 1.1, with `authors` lists and the feed's language.
 */
import { Feed, type Item } from 'feed';
import type { Lang, Translate } from '../i18n/index.js';
import { bylineText, creditText, type NewsArticle } from '../articles/index.js';
import { plainParagraphsHtml } from '../media/index.js';
import { articlePath, type NewsFeedFormat } from '../../shared/http/paths.js';
import { stripForbidden } from '../../shared/text/normalize.js';

/**
 * How many articles a feed lists: readers keep what they have already
 * fetched, and fifty covers years of this office's articles.
 */
export const NEWS_FEED_LENGTH = 50;

/**
 * The date part of entry ids (tag: URIs, RFC 4151): the year these ids were
 * first minted. It must never change, or readers would see every entry as new.
 */
const TAG_DATE = '2026';

export interface NewsFeedOptions {
  lang: Lang;
  t: Translate;
  title: string;
  description: string;
  siteName: string;
  /** The site's public origin, without a trailing slash. */
  publicUrl: string;
  /** The page the feed follows (the articles listing, a topic page), absolute. */
  pageUrl: string;
  /** The feed's own address in each format, absolute. */
  feedUrls: Record<NewsFeedFormat, string>;
  /** The feed's date when it has no entries (otherwise the newest entry's). */
  now: Date;
}

const IMAGE_TYPES: Record<string, string> = { jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp', avif: 'image/avif', gif: 'image/gif' };

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * The authority of the site's tag: URIs (RFC 4151): a DNS name, so the host
 * without its port (a port is no part of a tagging entity) and without a
 * final dot. An IPv6 literal is no DNS name: its hex digits joined by dashes
 * stand in for it.
 */
function tagAuthority(publicUrl: string): string {
  const host = new URL(publicUrl).hostname.toLowerCase().replace(/\.$/, '');
  if (!host.startsWith('[')) return host;
  return host.replace(/[^0-9a-f]+/g, '-').replace(/^-+|-+$/g, '') || 'localhost';
}

/** A stable id for an article's entry: the same in every feed and across edits and slug changes. */
export function articleEntryId(id: number, publicUrl: string): string {
  return `tag:${tagAuthority(publicUrl)},${TAG_DATE}:article-${id}`;
}

/**
 * A publication date has no time of day; it is given as 12:00 UTC, which
 * falls on that same date from UTC-11 to UTC+12, so readers in Hanoi and in
 * New York alike see the date the office wrote.
 */
export function publicationInstant(date: string): Date {
  return new Date(`${date}T12:00:00.000Z`);
}

function absolute(url: string, origin: string): string {
  return /^https?:\/\//i.test(url) ? url : `${origin}${url.startsWith('/') ? '' : '/'}${url}`;
}

/**
 * The body as HTML: as rendered and sanitised when it was saved (escaped
 * paragraphs for a row not rendered yet; feeds render nothing per request,
 * as pages do not), with the site's own links and images made absolute: a
 * feed reader shows the entry away from the site, and RSS has no base
 * address to resolve them by.
 */
function bodyHtml(article: NewsArticle, origin: string): string {
  if (!article.body) return '';
  const html = article.body_html ?? plainParagraphsHtml(article.body);
  return html.replace(/(\s(?:href|src)=")\/(?!\/)/g, `$1${origin}/`);
}

/** The entry's HTML: hero image with credit, byline, summary (every text escaped) and the rendered body. */
function entryHtml(article: NewsArticle, imageUrl: string | null, credit: string | null, byline: string | null, origin: string): string {
  const parts: string[] = [];
  const hero = article.hero;
  if (imageUrl && hero) {
    const caption = credit ? `<figcaption>${escapeHtml(credit)}</figcaption>` : '';
    const size = hero.width && hero.height ? ` width="${hero.width}" height="${hero.height}"` : '';
    parts.push(`<figure><img src="${escapeHtml(imageUrl)}" alt="${escapeHtml(hero.alt ?? '')}"${size}>${caption}</figure>`);
  } else if (credit) {
    parts.push(`<p>${escapeHtml(credit)}</p>`);
  }
  if (byline) parts.push(`<p><em>${escapeHtml(byline)}</em></p>`);
  if (article.summary) parts.push(`<p><strong>${escapeHtml(article.summary)}</strong></p>`);
  const body = bodyHtml(article, origin);
  if (body) parts.push(body);
  return parts.join('\n');
}

function entry(article: NewsArticle, format: NewsFeedFormat, options: NewsFeedOptions): Item {
  // Atom and RSS readers take titles and summaries as HTML; JSON Feed's are plain text.
  const text = (value: string) => (format === 'json' ? value : escapeHtml(value));
  const imageUrl = article.hero ? absolute(article.hero.url, options.publicUrl) : null;
  // A library image carries its own credit; an imported hero's is on the article.
  const credit = article.hero?.credit ?? creditText(article);
  const byline = bylineText(article, article.byline_role, article.byline_organisation, article.text_lang);
  const published = publicationInstant(article.published_on);
  const changed = new Date(article.updated_at);
  const extension = imageUrl?.split(/[?#]/)[0]?.split('.').pop()?.toLowerCase() ?? '';
  return {
    id: articleEntryId(article.id, options.publicUrl),
    title: text(article.title),
    link: `${options.publicUrl}${articlePath(options.lang, article.slug)}`,
    date: changed > published ? changed : published,
    published,
    ...(article.summary ? { description: text(article.summary) } : {}),
    content: entryHtml(article, imageUrl, credit, byline, options.publicUrl),
    ...(imageUrl ? { image: { url: imageUrl, ...(IMAGE_TYPES[extension] ? { type: IMAGE_TYPES[extension] } : {}) } } : {}),
    // RSS's <author> is an email address, which a byline is not: a name goes in dc:creator
    // (its namespace is declared with the content's, which every entry with a byline has).
    ...(article.byline_name
      ? format === 'rss'
        ? { extensions: [{ name: 'dc:creator', objects: { _text: article.byline_name } }] }
        : { author: [{ name: article.byline_name }] }
      : {}),
    ...(credit ? { copyright: credit } : {}),
    // Atom requires a term: the topic's slug, the same in every language; the name is its label.
    category: article.topics.map((topic) => ({ name: topic.name, term: topic.slug })),
  };
}

/** The feed of `articles` (newest first) in one format. */
export function buildNewsFeed(articles: NewsArticle[], format: NewsFeedFormat, options: NewsFeedOptions): string {
  const items = articles.map((article) => entry(article, format, options));
  const newest = items.reduce<Date | null>((latest, item) => (latest === null || item.date > latest ? item.date : latest), null);
  const feed = new Feed({
    id: options.pageUrl,
    title: options.title,
    description: options.description,
    link: options.pageUrl,
    language: options.lang,
    updated: newest ?? options.now,
    generator: 'Almanac',
    copyright: options.siteName,
    author: { name: options.siteName, link: options.publicUrl },
    feedLinks: options.feedUrls,
  });
  for (const item of items) feed.addItem(item);
  // The Atom writer guesses an enclosure's type from its extension ("image/jpg", which does not exist).
  // stripForbidden: text stored before it was normalised may hold characters XML forbids.
  if (format === 'atom') return stripForbidden(feed.atom1().replace(/(<link rel="enclosure" href="[^"]*" type=")image\/jpg"/g, '$1image/jpeg"'));
  if (format === 'rss') return stripForbidden(feed.rss2());
  return jsonFeed11(feed.json1(), options.lang);
}

/** JSON Feed 1.1 from the package's 1.0 output: `authors` lists in place of `author`, and the feed's language. */
function jsonFeed11(json: string, lang: Lang): string {
  const feed = JSON.parse(json) as Record<string, unknown> & { items: Record<string, unknown>[] };
  const authorsOf = (object: Record<string, unknown>) => {
    if (object.author === undefined) return;
    object.authors = [object.author];
    delete object.author;
  };
  feed.version = 'https://jsonfeed.org/version/1.1';
  feed.language = lang;
  authorsOf(feed);
  for (const item of feed.items) authorsOf(item);
  return JSON.stringify(feed, null, 4);
}
