import { parse, type HTMLElement } from 'node-html-parser';

/** Parses an HTML response body for assertions on its structure. */
export function html(body: string): HTMLElement {
  return parse(body);
}

/** Text content with whitespace folded, as a reader would see it. */
export function text(el: HTMLElement | null | undefined): string {
  return (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
}
