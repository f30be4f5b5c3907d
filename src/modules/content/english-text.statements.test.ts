/**
 * An English page's lists read each item's English text once: the English
 * text is the one shown (shown-text.ts's shownText), so the statements join
 * no second text (`tl`); a Vietnamese page joins its translation beside the
 * English fallback. Both show the same items in the same order.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { appForBlock } from '../../../test/helpers/build-test-app.js';
import { html, text } from '../../../test/helpers/html.js';
import { pageStatements } from '../../../test/helpers/statements.js';

const PAGES = ['/events', '/articles', '/events?year=2020&topic=child-labour', '/topics/child-labour'];

describe("the statements of an English page's lists", () => {
  const t = appForBlock({ seed: true, env: { PAGE_CACHE: 'off' } });

  test('join no second text in English, and the translation in Vietnamese', async () => {
    for (const page of PAGES) {
      const english = await pageStatements(t, `/en${page}`);
      const withTexts = english.filter((statement) => /_translations" as "te"/.test(statement));
      assert.ok(withTexts.length > 0, `${page}: no statement reads the texts:\n${english.join("\n\n")}`);
      for (const statement of withTexts) assert.doesNotMatch(statement, /as "tl"/, `${page}: ${statement}`);
      const vietnamese = await pageStatements(t, `/vi${page}`);
      assert.ok(vietnamese.some((statement) => /_translations" as "tl"/.test(statement)), `/vi${page} joins the translation`);
    }
  });

  test('an English list shows the English titles and addresses, a Vietnamese one its translations where published', async () => {
    const titles = async (url: string) => {
      const res = await t.app.inject({ url });
      assert.equal(res.statusCode, 200, url);
      return html(res.body).querySelectorAll('.item-title').map((a) => [text(a), a.getAttribute('href')]);
    };
    const english = await titles('/en/articles');
    assert.ok(english.length > 0);
    for (const [, href] of english) assert.match(href ?? '', /^\/en\/articles\//);
    const vietnamese = await titles('/vi/articles');
    assert.equal(vietnamese.length, english.length, 'the same articles');
  });
});
