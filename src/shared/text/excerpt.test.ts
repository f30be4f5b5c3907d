import assert from 'node:assert/strict';
import { test } from 'node:test';
import { excerpt } from './excerpt.js';

test('the first text that has words, as plain text', () => {
  assert.equal(excerpt([null, '  ', '**Workers** speak about [safety](https://ilo.org) at <em>work</em>.']), 'Workers speak about safety at work.');
  assert.equal(excerpt(['## Heading\n\n- one\n- two']), 'Heading one two');
  assert.equal(excerpt([undefined, null]), undefined);
});

test('long text is cut at a word, with an ellipsis, within the length', () => {
  const long = 'Đắk Lắk coffee farmers and workers meet employers '.repeat(10);
  const cut = excerpt([long], 60)!;
  assert.ok(cut.length <= 60, cut);
  assert.ok(cut.endsWith('…'));
  assert.ok(long.startsWith(cut.slice(0, -1)), 'whole words from the start');
  assert.doesNotMatch(cut, /\s…$/);
});
