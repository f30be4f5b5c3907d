/**
 * Article bodies and event descriptions are Markdown. They are rendered to
 * HTML and then sanitized against a short allowlist, so that nothing an
 * editor types (or pastes) can run script in a visitor's browser.
 *
 * Two layers: raw HTML written in the Markdown is shown as text, never
 * interpreted (Markdown is the only markup editors need); and the HTML that
 * Markdown produces passes through sanitize-html, which keeps only the tags,
 * attributes and link protocols listed here.
 *
 * Rendering is bounded, whatever the text: nesting deeper than
 * MAX_NESTING is shown as text rather than nested further (marked lexes
 * nested blocks and spans recursively, and thousands of levels overflow the
 * stack), and no single step of inline lexing looks further ahead than a
 * few hundred characters (marked's e-mail autolink rules rescan a run of
 * word characters at each delimiter in it, which made `_a_a_a…` take time
 * quadratic in its length). Text longer than MAX_RENDER_LENGTH, or any text
 * the renderer fails on, is shown as escaped plain paragraphs.
 */
import { Marked, Tokenizer, type Tokens } from 'marked';
import sanitizeHtml from 'sanitize-html';

/**
 * The longest Markdown text of each field, in characters. An event's
 * description is a paragraph or two: the longest of the office's is about
 * 850 characters, and 10,000 is some 1,500 words. An article body is a
 * feature of one or two thousand words (6,000 to 12,000 characters); 50,000
 * is some 8,000 words. The forms and the importer refuse longer texts; the
 * renderer's time grows with the length, so these also bound a save.
 */
export const MARKDOWN_MAX_LENGTH = {
  description: 10_000,
  body: 50_000,
} as const;

/** Longer texts are not given to marked at all (nothing a form accepts is this long). */
const MAX_RENDER_LENGTH = MARKDOWN_MAX_LENGTH.body;

/**
 * How deeply block quotes and lists, and emphasis and links, may nest before
 * further markers are shown as text. Real texts nest two or three levels;
 * marked needs some tens of stack frames per level.
 */
export const MAX_NESTING = 20;

/**
 * The most text one step of inline lexing may look at. It stops marked's
 * e-mail rules from rescanning a whole run of word characters at every
 * step; an e-mail address's local part has at most 64 characters, so
 * anything longer cannot be one anyway.
 */
const MAX_INLINE_LOOKAHEAD = 256;
/** The longest local part of an e-mail address (RFC 5321). */
const MAX_EMAIL_LOCAL_PART = 64;

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

// Nesting depths of the parse in progress. Rendering is synchronous, so one
// parse runs at a time; each level is entered and left in a try/finally.
let blockDepth = 0;
let inlineDepth = 0;

/** Runs a nesting tokenizer one level deeper, or declines (no token: the markers stay text) at the limit. */
function deeper<T>(level: 'block' | 'inline', tokenize: () => T): T | undefined {
  const depth = level === 'block' ? blockDepth : inlineDepth;
  if (depth >= MAX_NESTING) return undefined;
  if (level === 'block') blockDepth += 1;
  else inlineDepth += 1;
  try {
    return tokenize();
  } finally {
    if (level === 'block') blockDepth -= 1;
    else inlineDepth -= 1;
  }
}

// Where marked's own autolink rule can match: a scheme or www. (consumed in
// one step) or a short local part and an @.
const AUTOLINK_START = /^(?:https?:\/\/|ftp:\/\/|www\.|mailto:|xmpp:)/i;
const EMAIL_START = new RegExp(`^[A-Za-z0-9._+-]{1,${MAX_EMAIL_LOCAL_PART}}@`);

const markdown = new Marked({
  gfm: true,
  // A single line break inside a paragraph is a space, as in the office's imported texts.
  breaks: false,
  async: false,
  tokenizer: {
    blockquote(src) {
      return deeper('block', () => Tokenizer.prototype.blockquote.call(this, src));
    },
    list(src) {
      return deeper('block', () => Tokenizer.prototype.list.call(this, src));
    },
    emStrong(src, maskedSrc, prevChar) {
      return deeper('inline', () => Tokenizer.prototype.emStrong.call(this, src, maskedSrc, prevChar));
    },
    del(src, maskedSrc, prevChar) {
      return deeper('inline', () => Tokenizer.prototype.del.call(this, src, maskedSrc, prevChar));
    },
    link(src) {
      return deeper('inline', () => Tokenizer.prototype.link.call(this, src));
    },
    reflink(src, links) {
      return deeper('inline', () => Tokenizer.prototype.reflink.call(this, src, links));
    },
    url(src) {
      // Only where an autolink can start does marked's rule run; elsewhere it
      // would scan the whole run of word characters ahead for an @.
      return AUTOLINK_START.test(src) || EMAIL_START.test(src) ? false : undefined;
    },
    inlineText(src) {
      const clipped = src.length > MAX_INLINE_LOOKAHEAD ? src.slice(0, MAX_INLINE_LOOKAHEAD) : src;
      return Tokenizer.prototype.inlineText.call(this, clipped);
    },
  },
  renderer: {
    html(token: Tokens.HTML | Tokens.Tag): string {
      const text = escapeHtml(token.text);
      return token.block ? `<p>${text.trim()}</p>\n` : text;
    },
  },
});

/** Links to other sites: the page they open gets no handle on this one and no referrer. */
function isExternal(href: string | undefined): boolean {
  return href !== undefined && /^https?:\/\//i.test(href.trim());
}

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: [
    'p', 'br', 'h2', 'h3', 'h4', 'h5', 'h6', 'strong', 'em', 'del', 's', 'code', 'pre', 'blockquote',
    'ul', 'ol', 'li', 'a', 'hr', 'img', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'sup', 'sub',
  ],
  allowedAttributes: {
    a: ['href', 'title', 'rel'],
    img: ['src', 'alt', 'title', 'loading'],
    ol: ['start'],
    th: ['align'],
    td: ['align'],
  },
  allowedClasses: { code: ['language-*'] },
  // Relative links (to the site's own pages and /media/ files) are allowed too.
  allowedSchemes: ['http', 'https', 'mailto'],
  // Images only from secure origins or this site: no mixed content, no tracking through mailto.
  allowedSchemesByTag: { img: ['https'] },
  allowedSchemesAppliedToAttributes: ['href', 'src', 'cite'],
  allowProtocolRelative: false,
  // Script, style and the like go with their content; any other unknown tag keeps its text.
  disallowedTagsMode: 'discard',
  transformTags: {
    // The page's title is the only h1.
    h1: 'h2',
    // rel is only ever the one set here.
    a: (tagName, attribs) => {
      const kept = Object.fromEntries(Object.entries(attribs).filter(([name]) => name !== 'rel'));
      return { tagName, attribs: isExternal(kept.href) ? { ...kept, rel: 'noopener noreferrer' } : kept };
    },
    img: (tagName, attribs) => ({ tagName, attribs: { ...attribs, loading: 'lazy' } }),
  },
};

/** The text as escaped paragraphs (blank lines between them), without any Markdown. */
export function plainParagraphsHtml(text: string): string {
  return text
    .split(/\n[ \t]*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .map((p) => `<p>${escapeHtml(p)}</p>`)
    .join('\n');
}

/**
 * Renders Markdown (GitHub-flavoured: lists, tables, links, emphasis) to
 * sanitized HTML, safe to insert into a page. Plain text with blank lines
 * between paragraphs renders as those paragraphs. Empty or missing text
 * gives "". Never throws, and takes time about proportional to the text's
 * length: text too long or too odd to render is shown as plain paragraphs.
 */
export function renderMarkdown(text: string | null | undefined): string {
  if (!text || text.trim() === '') return '';
  const source = text.replace(/\r\n?/g, '\n');
  if (source.length > MAX_RENDER_LENGTH) return plainParagraphsHtml(source);
  try {
    blockDepth = 0;
    inlineDepth = 0;
    return sanitizeRenderedHtml(markdown.parse(source) as string);
  } catch {
    // A renderer failure on some input must not take the page with it.
    return plainParagraphsHtml(source);
  }
}

/**
 * The HTML stored beside a Markdown text when it is saved (null for no text),
 * so that pages show it without rendering anything per request.
 */
export function renderMarkdownForStorage(text: string | null | undefined): string | null {
  return text === null || text === undefined ? null : renderMarkdown(text);
}

/** The second layer on its own: keeps only the allowlisted tags, attributes and protocols of any HTML. */
export function sanitizeRenderedHtml(html: string): string {
  return sanitizeHtml(html, SANITIZE).trim();
}
