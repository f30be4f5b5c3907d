import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';
import { parse, type HTMLElement } from 'node-html-parser';

/** Parses an HTML response body for assertions on its structure. */
export function html(body: string): HTMLElement {
  return parse(body);
}

/** Text content with whitespace folded, as a reader would see it. */
export function text(el: HTMLElement | null | undefined): string {
  return (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** How deeply rendered Markdown's block quotes, lists, emphasis and links nest. */
export function nestingDepth(output: string): number {
  let depth = 0;
  let deepest = 0;
  for (const m of output.matchAll(/<(\/?)(?:blockquote|ul|ol|em|strong|del|a)\b/g)) {
    depth += m[1] ? -1 : 1;
    deepest = Math.max(deepest, depth);
  }
  return deepest;
}

/** A response that must be an HTML page answered with `status`: its body parsed. */
export function htmlPage(res: Pick<LightMyRequestResponse, 'statusCode' | 'headers' | 'body'>, status = 200): HTMLElement {
  assert.equal(res.statusCode, status, res.body.slice(0, 300));
  assert.match(String(res.headers['content-type']), /text\/html/);
  return parse(res.body);
}
