/**
 * Markdown reduced to plain words (a page's meta description, search text)
 * takes time in proportion to the text, whatever it holds: these run on every
 * article and event page, so an unclosed bracket repeated must not stall one.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { plainText } from '../../modules/search/search-text.js';
import { excerpt } from './excerpt.js';
import { cpuTime } from '../../../test/helpers/cpu-time.js';

test('plain text of unclosed links, images and tags repeated: ten times the text, not a hundred times the time', () => {
  for (const unit of ['[', '![', '<', '[a](', '](', '[a]']) {
    for (const [name, reduce] of [['excerpt', (s: string) => excerpt([s])], ['plainText', plainText]] as const) {
      const short = unit.repeat(Math.ceil(4_000 / unit.length));
      const long = unit.repeat(Math.ceil(40_000 / unit.length));
      reduce(short);
      const ratio = cpuTime(() => reduce(long)) / Math.max(cpuTime(() => reduce(short), 5), 200);
      assert.ok(ratio < 40, `${name} of ${unit}: 10× the text took ${ratio.toFixed(1)}× the time`);
    }
  }
});

test('links, images and tags still give way to their text', () => {
  const markdown = '# Title\n\n![A photo](/media/a.jpg) See [the report](https://ilo.org/r "R") <b>now</b> and [x] [y](z';
  assert.equal(plainText(markdown).replace(/\s+/g, ' ').trim(), 'Title A photo See the report now and [x] [y](z');
  assert.equal(excerpt([markdown]), 'Title A photo See the report now and [x] [y](z');
});
