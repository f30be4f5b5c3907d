import { plainParagraphsHtml } from './markdown.js';

interface StoredMarkdownProps {
  /** The HTML rendered and sanitized when the text was saved. */
  html: string | null | undefined;
  /** The Markdown it was rendered from (a list that has the HTML may leave it out: only shown while the HTML is missing). */
  text: string | null | undefined;
  class?: string | undefined;
  lang?: string | undefined;
}

/**
 * A Markdown text as its stored HTML, in a div. Pages never render Markdown
 * while answering: should the HTML be missing (a row written before it was
 * stored, until the server's start-up fills it in), the text is shown as
 * plain escaped paragraphs. Nothing without text: a blank text is stored as
 * empty HTML.
 */
export function StoredMarkdown({ html, text, class: className, lang }: StoredMarkdownProps) {
  const shown = html ?? (text && text.trim() !== '' ? plainParagraphsHtml(text) : '');
  if (shown === '') return null;
  // Sanitized when it was stored (see markdown.ts): the only raw HTML a page may contain.
  return <div class={className} lang={lang} dangerouslySetInnerHTML={{ __html: shown }} />;
}
