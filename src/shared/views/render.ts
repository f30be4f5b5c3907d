/**
 * Renders a page component to a complete HTML document. Preact escapes every
 * text and attribute value; raw HTML only enters through dangerouslySetInnerHTML,
 * which Almanac uses for sanitized Markdown output only.
 */
import type { JSX } from 'preact';
import { renderToString } from 'preact-render-to-string';

export function renderDocument(page: JSX.Element): string {
  return `<!doctype html>\n${renderToString(page)}`;
}
