/**
 * schema.org structured data (JSON-LD) for search engines: what every kind's
 * description shares (the office as an Organization, absolute addresses, the
 * default picture, headlines within search engines' limit) and the script
 * block that carries it. Each kind builds its own description from the data
 * its page shows: an Event in events/structured-data.tsx, a NewsArticle in
 * articles/structured-data.tsx.
 */
import { shareImageUrl } from '../../shared/http/assets.js';
import type { ViewContext } from '../../shared/views/view-context.js';

type Json = string | number | boolean | null | Json[] | { [key: string]: Json | undefined };
/** A JSON-LD object; undefined members are left out. */
export type JsonObject = { [key: string]: Json | undefined };

/** An address made absolute on the site's origin (one already absolute is kept). */
export function absoluteUrl(url: string, origin: string): string {
  return /^https?:\/\//i.test(url) ? url : `${origin}${url.startsWith('/') ? '' : '/'}${url}`;
}

/** The site's default picture, absolute, for items without an image of their own. */
export function defaultImage(ctx: ViewContext): string {
  return absoluteUrl(shareImageUrl(), ctx.publicUrl);
}

/** Who holds the rights to a photo, who took it, and when (as media's photo credits give them). */
export interface ImageCredit {
  holder: string;
  photographer: string | null;
  year: number | null;
}

/** An image as structured data describes it for any kind of item. */
export interface ImageDescription {
  url: string;
  width?: number | undefined;
  height?: number | undefined;
  caption?: string | null | undefined;
  /** The credit line as printed under the photo ("© ILO/Nguyen Hai Dat 2024"). */
  creditText?: string | null | undefined;
  credit: ImageCredit | null;
}

/** A schema.org ImageObject: the address made absolute, its credit line, rights holder, photographer and year. */
export function imageObject(image: ImageDescription, ctx: ViewContext): JsonObject {
  const url = absoluteUrl(image.url, ctx.publicUrl);
  const { credit } = image;
  return {
    '@type': 'ImageObject',
    url,
    contentUrl: url,
    width: image.width,
    height: image.height,
    caption: image.caption ?? undefined,
    creditText: image.creditText ?? undefined,
    copyrightHolder: credit ? { '@type': 'Organization', name: credit.holder } : undefined,
    creator: credit?.photographer ? { '@type': 'Person', name: credit.photographer } : undefined,
    copyrightYear: credit?.year ?? undefined,
  };
}

/** The most characters of a headline search engines show (Google's limit for Article). */
const MAX_HEADLINE = 110;

/** A headline within MAX_HEADLINE characters: cut where a word ends, with an ellipsis. */
export function headline(title: string): string {
  const chars = [...title];
  if (chars.length <= MAX_HEADLINE) return title;
  const room = chars.slice(0, MAX_HEADLINE - 1).join('');
  const space = room.search(/\s+\S*$/);
  return `${(space > 0 ? room.slice(0, space) : room).replace(/[\s,;:.\-–—]+$/u, '')}…`;
}

/** The office, as organiser, author or publisher. */
export function office(ctx: ViewContext): JsonObject {
  return { '@type': 'Organization', name: ctx.siteName, url: `${ctx.publicUrl}/`, email: ctx.officeEmail };
}

/**
 * JSON as a script block. "<" is written as \u003c, so no text in the data
 * (a title containing "</script>") can end the block early; the line and
 * paragraph separators as escapes too. All three in one pass over the JSON.
 */
const SCRIPT_UNSAFE = /[<\u2028\u2029]/g;
const SCRIPT_SAFE: Record<string, string> = { '<': '\\u003c', '\u2028': '\\u2028', '\u2029': '\\u2029' };

export function JsonLd({ data }: { data: JsonObject }) {
  const json = JSON.stringify(data).replace(SCRIPT_UNSAFE, (char) => SCRIPT_SAFE[char]!);
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: json }} />;
}
