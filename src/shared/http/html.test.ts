import assert from 'node:assert/strict';
import { test } from 'node:test';
import { htmlBytes } from './html.js';

test("a page's bytes are the text's UTF-8, as Buffer.from gives them, whatever the text", () => {
  const texts = [
    '',
    '<!doctype html>\n<p>Events and meetings</p>',
    'Sự kiện và hội thảo: Tiếng Việt, “quotes” – dashes …',
    'Emoji and other pairs: 🇻🇳 𝄞 and the euro sign €',
    // Halves of surrogate pairs, alone: both write the replacement character.
    'lone \ud83c high and \udf89 low',
    // Longer than the room the pages are encoded into: encoded as Buffer.from does it.
    'Lao động và việc làm. '.repeat(20_000),
  ];
  for (const text of texts) assert.deepEqual(htmlBytes(text), Buffer.from(text), text.slice(0, 40));
});

test('each page gets bytes of its own: a later page does not change an earlier one', () => {
  for (const size of [1, 2_000]) {
    const [one, two] = [`<p>first page</p>`.repeat(size), `<p>a second, longer page</p>`.repeat(size)];
    const first = htmlBytes(one);
    const second = htmlBytes(two);
    assert.equal(first.toString(), one);
    assert.equal(second.toString(), two);
  }
});
