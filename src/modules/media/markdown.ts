/**
 * Article bodies and event descriptions are Markdown. They are rendered to
 * HTML and then sanitized against a short allowlist, so that nothing an
 * editor types (or pastes) can run script in a visitor's browser.
 *
 * Two layers: raw HTML written in the Markdown is shown as text, never
 * interpreted (Markdown is the only markup editors need); and the HTML that
 * Markdown produces passes through sanitize-html, which keeps only the tags,
 * attributes and link protocols listed here.
 */
import { Marked, type Tokens } from 'marked';
import sanitizeHtml from 'sanitize-html';

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const markdown = new Marked({
  gfm: true,
  // A single line break inside a paragraph is a space, as in the office's imported texts.
  breaks: false,
  async: false,
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

/**
 * Renders Markdown (GitHub-flavoured: lists, tables, links, emphasis) to
 * sanitized HTML, safe to insert into a page. Plain text with blank lines
 * between paragraphs renders as those paragraphs. Empty or missing text
 * gives "".
 */
export function renderMarkdown(text: string | null | undefined): string {
  if (!text || text.trim() === '') return '';
  const html = markdown.parse(text.replace(/\r\n?/g, '\n')) as string;
  return sanitizeRenderedHtml(html);
}

/** The second layer on its own: keeps only the allowlisted tags, attributes and protocols of any HTML. */
export function sanitizeRenderedHtml(html: string): string {
  return sanitizeHtml(html, SANITIZE).trim();
}
