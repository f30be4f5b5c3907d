import assert from 'node:assert/strict';
import { test } from 'node:test';
import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { translator } from '../i18n/index.js';
import type { ViewContext } from '../../shared/views/view-context.js';
import type { TermRow } from '../taxonomy/index.js';
import { FilterFields, type FilterOptions } from './filter-views.js';
import type { FilterValues } from './filters.js';

const ctx: ViewContext = {
  lang: 'en',
  t: translator('en'),
  languageNames: { en: 'English', vi: 'Tiếng Việt' },
  siteName: 'Site',
  officeEmail: 'office@example.org',
  path: '/en/events',
  publicUrl: 'https://example.org',
  stylesheet: '/site.css',
};

const term = (slug: string, name: string): TermRow => ({ id: slug.length, slug, name, description: null, text_lang: 'en' });

function fields(options: FilterOptions, values: FilterValues = {}): string {
  return renderToString(h(FilterFields, { ctx, values, options, show: ['year', 'topic', 'programme', 'type'] }));
}

test('the kept filter form follows the choices read for each page and the values chosen', () => {
  const options = { years: [2020, 2021], topics: [term('child-labour', 'Child labour')], programmes: [term('enhance', 'ENHANCE')] };
  const first = fields(options);
  assert.equal(fields({ ...options, topics: [term('child-labour', 'Child labour')] }), first, 'the same choices, read again, give the same form');
  assert.match(first, /<option value="child-labour">Child labour<\/option>/);

  const renamed = fields({ ...options, topics: [term('child-labour', 'Child work & <play>')] });
  assert.match(renamed, /<option value="child-labour">Child work &amp; &lt;play><\/option>/);
  assert.doesNotMatch(renamed, /Child labour/);

  const chosen = fields(options, { year: 2021, topic: 'child-labour' });
  assert.match(chosen, /<option value="2021" selected>2021<\/option>/);
  assert.match(chosen, /<option value="child-labour" selected>Child labour<\/option>/);
  assert.equal(fields(options), first, 'a page without filters has none chosen');

  const later = fields({ ...options, years: [2020, 2021, 2022] });
  assert.match(later, /<option value="2022">2022<\/option>/);

  // Choices that read alike when run together are still told apart.
  const joined = fields({ years: [], topics: [term('ab', 'c')], programmes: [] });
  assert.match(fields({ years: [], topics: [term('a', 'bc')], programmes: [] }), /<option value="a">bc<\/option>/);
  assert.match(joined, /<option value="ab">c<\/option>/);
  assert.match(fields({ years: [], topics: [], programmes: [term('ab', 'c')] }), /<select id="filter-topic" name="topic"><option value>[^<]*<\/option><\/select>/);
});

test('a choice whose name holds a control character still renders, the name as it is written', () => {
  const form = fields({ years: [], topics: [term('odd', 'Odd\u0000name')], programmes: [] });
  assert.ok(form.includes('<option value="odd">Odd\u0000name</option>'));
});
