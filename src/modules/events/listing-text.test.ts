/**
 * A listed event shows its description's stored HTML, and the listing reads
 * the Markdown only while that HTML is missing: a description is a few
 * hundred characters a row, read for nothing once its HTML is stored.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { appForBlock } from '../../../test/helpers/build-test-app.js';
import { html } from '../../../test/helpers/html.js';
import { pageStatements } from '../../../test/helpers/statements.js';

/** The item text under each listed event's link, by the link's address. */
async function listedTexts(t: ReturnType<typeof appForBlock>, url: string): Promise<Map<string, string>> {
  const res = await t.app.inject({ url });
  assert.equal(res.statusCode, 200, url);
  const texts = new Map<string, string>();
  for (const item of html(res.body).querySelectorAll('.event-item')) {
    const href = item.querySelector('.item-title')?.getAttribute('href');
    if (href) texts.set(href, item.querySelector('.item-text')?.innerHTML.trim() ?? '');
  }
  return texts;
}

describe("the events listing's descriptions", () => {
  const t = appForBlock({ seed: true, env: { PAGE_CACHE: 'off' } });

  test('read the Markdown only in place of missing HTML, in English and in Vietnamese', async () => {
    for (const url of ['/en/events', '/vi/events']) {
      const listing = (await pageStatements(t, url)).filter((statement) => statement.includes('"description_html"'));
      assert.ok(listing.length > 0, `${url}: a statement reads the descriptions`);
      for (const statement of listing) {
        const inPlaceOfHtml = /case when [^,]*"description_html"[^,]* is null then [^,]* end as "description"/;
        assert.match(statement, inPlaceOfHtml, `${url}: the Markdown stands in for missing HTML:\n${statement}`);
        assert.doesNotMatch(statement.replace(inPlaceOfHtml, ''), /"t[el]"\."description"(?!_)/, `${url}: the Markdown is read nowhere else:\n${statement}`);
      }
    }
  });

  test('show the stored HTML, and the Markdown as plain paragraphs while the HTML is missing', async () => {
    const described = await t.db
      .selectFrom('event_translations as et')
      .innerJoin('events as e', 'e.id', 'et.event_id')
      .select(['et.event_id', 'et.slug', 'et.description_html'])
      .where('et.lang', '=', 'en')
      .where('e.status', '=', 'published')
      .where('et.description_html', 'is not', null)
      .where('et.description_html', '!=', '')
      .execute();
    assert.ok(described.length > 1, 'the sample content has described events');
    const before = await listedTexts(t, '/en/events');
    const shown = described.filter((row) => before.has(`/en/events/${row.slug}`));
    assert.ok(shown.length > 1, 'described events are on the first page');
    for (const row of shown) assert.equal(before.get(`/en/events/${row.slug}`), row.description_html!.trim(), row.slug!);

    const [first] = shown;
    await t.db.updateTable('event_translations').set({ description: 'Plain *text* & more', description_html: null }).where('event_id', '=', first!.event_id).where('lang', '=', 'en').execute();
    const after = await listedTexts(t, '/en/events');
    assert.equal(after.get(`/en/events/${first!.slug}`), '<p>Plain *text* &amp; more</p>', 'the Markdown, escaped, until the HTML is stored');
  });
});
