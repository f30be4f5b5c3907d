import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { excerpt, plain } from './excerpt.js';

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

test('plain words are what every replacement gives, whether or not the text has marks to drop', () => {
  // Every replacement in turn, as plain() makes them where the text has marks.
  const everyReplacement = (text: string) =>
    text
      .replace(/<[^<>]*>/g, ' ')
      .replace(/!\[([^[\]]*)\]\([^()]*\)/g, '$1')
      .replace(/\[([^[\]]*)\]\([^()]*\)/g, '$1')
      .replace(/^\s{0,3}(#{1,6}|>|[-*+]|\d+\.)\s+/gm, '')
      .replace(/[*_`~]+/g, '')
      .replace(/\s+/g, ' ')
      .replace(/ ([.,;:!?])/g, '$1')
      .trim();
  const texts = ['A plain summary , with spaces .', '  # A heading', '12. A numbered line', 'Tiếng Việt\u2028- a list', '#######not a heading', '> quoted', 'a*b', '1.5 million workers'];
  for (const text of texts) assert.equal(plain(text), everyReplacement(text), text);
  const pieces = fc.constantFrom(' ', '  ', '\t', '\n', '\r', '\u2028', '\u00a0', '#', '>', '-', '*', '+', '_', '`', '~', '<', '>', '[', ']', '(', ')', '!', '.', ',', '1', '12', 'a', 'word', 'ế');
  fc.assert(fc.property(fc.array(pieces, { maxLength: 12 }).map((parts) => parts.join('')), (text) => plain(text) === everyReplacement(text)), { numRuns: 5000 });
});
