/**
 * Sitemaps (sitemaps.org 0.9) with hreflang alternates: one file while the
 * site has at most `maxUrls` addresses, else an index of numbered files of
 * at most `maxUrls` each.
 */
import type { Lang } from '../../shared/http/paths.js';

/**
 * The most addresses one sitemap file may hold, by the sitemaps.org protocol
 * (which also caps a file at 50 MB, far above 50,000 of these entries).
 */
export const SITEMAP_MAX_URLS = 50_000;

export interface SitemapEntry {
  /** Absolute URL. */
  loc: string;
  /** ISO-8601 instant of the last change, when known. */
  lastmod?: string | null | undefined;
  /** The same page in each language it exists in, absolute; x-default is the English one. */
  alternates?: Partial<Record<Lang, string>> | undefined;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** An ISO instant as a W3C datetime in UTC, to the second (2026-01-02T03:04:05Z). */
function w3cDate(instant: string): string {
  return new Date(instant).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function urlXml(entry: SitemapEntry): string {
  const lines = [`<url><loc>${escapeXml(entry.loc)}</loc>`];
  if (entry.lastmod) lines.push(`<lastmod>${w3cDate(entry.lastmod)}</lastmod>`);
  const alternates = Object.entries(entry.alternates ?? {});
  // As the page itself declares them: every language it is indexed in, even one, and x-default.
  if (alternates.length > 0) {
    for (const [lang, href] of alternates) lines.push(`<xhtml:link rel="alternate" hreflang="${lang}" href="${escapeXml(href!)}"/>`);
    const fallback = entry.alternates?.en;
    if (fallback) lines.push(`<xhtml:link rel="alternate" hreflang="x-default" href="${escapeXml(fallback)}"/>`);
  }
  lines.push('</url>');
  return lines.join('\n');
}

/** One sitemap file of entries. */
export function urlsetXml(entries: SitemapEntry[]): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    ...entries.map(urlXml),
    '</urlset>',
    '',
  ].join('\n');
}

/** A sitemap index of the given files (absolute URLs) with their last changes. */
export function sitemapIndexXml(parts: { loc: string; lastmod: string | null }[]): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...parts.map((p) => `<sitemap><loc>${escapeXml(p.loc)}</loc>${p.lastmod ? `<lastmod>${w3cDate(p.lastmod)}</lastmod>` : ''}</sitemap>`),
    '</sitemapindex>',
    '',
  ].join('\n');
}

/** The entries cut into files of at most `maxUrls` (one file when they fit). */
export function splitSitemap(entries: SitemapEntry[], maxUrls: number = SITEMAP_MAX_URLS): SitemapEntry[][] {
  if (!Number.isInteger(maxUrls) || maxUrls < 1) throw new RangeError(`maxUrls must be a positive integer, got ${maxUrls}`);
  const parts: SitemapEntry[][] = [];
  for (let i = 0; i < entries.length; i += maxUrls) parts.push(entries.slice(i, i + maxUrls));
  return parts.length > 0 ? parts : [[]];
}

/** The latest lastmod of some entries. */
export function latest(entries: SitemapEntry[]): string | null {
  let best: string | null = null;
  for (const e of entries) if (e.lastmod && (best === null || new Date(e.lastmod) > new Date(best))) best = e.lastmod;
  return best;
}
