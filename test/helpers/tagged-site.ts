import assert from 'node:assert/strict';
import { before } from 'node:test';
import type { HTMLElement } from 'node-html-parser';
import { createTaggedContent } from '../fixtures/tagged-content.js';
import { appForBlock, type TestApp } from './build-test-app.js';
import { html } from './html.js';

export interface TaggedSite {
  /** The app of the block's tests; only inside a test. */
  readonly t: TestApp;
  /** The page at `url`, which must answer 200 (else the start of what it answered). */
  page(url: string): Promise<HTMLElement>;
}

/**
 * Called inside a describe block: one app holding the tagged fixture content
 * for the block's tests (office date 2026-11-23), closed after them.
 */
export function taggedSite(): TaggedSite {
  const t = appForBlock();
  before(() => createTaggedContent(t.db));
  return {
    t,
    async page(url) {
      const res = await t.app.inject({ url });
      assert.equal(res.statusCode, 200, `${url}: ${res.body.slice(0, 300)}`);
      return html(res.body);
    },
  };
}
