import assert from 'node:assert/strict';
import { test } from 'node:test';
import { diffWords, type DiffPart } from './word-diff.js';

function side(parts: DiffPart[], keep: 'removed' | 'added'): string {
  return parts
    .filter((p) => p.op === 'same' || p.op === keep)
    .map((p) => p.text)
    .join('');
}

test('a changed word is shown as removed and added, the rest as unchanged', () => {
  const parts = diffWords('The workshop opens in Hanoi on Monday.', 'The workshop opens in Da Nang on Monday.');
  assert.deepEqual(parts, [
    { op: 'same', text: 'The workshop opens in ' },
    { op: 'removed', text: 'Hanoi ' },
    { op: 'added', text: 'Da Nang ' },
    { op: 'same', text: 'on Monday.' },
  ]);
});

test('identical texts are one unchanged part; an empty side is all added or all removed', () => {
  assert.deepEqual(diffWords('Same text', 'Same text'), [{ op: 'same', text: 'Same text' }]);
  assert.deepEqual(diffWords('', 'New text'), [{ op: 'added', text: 'New text' }]);
  assert.deepEqual(diffWords('Old text', ''), [{ op: 'removed', text: 'Old text' }]);
  assert.deepEqual(diffWords('', ''), []);
});

test('each side can be rebuilt exactly from the parts, Vietnamese included', () => {
  const before = 'Hội thảo về an toàn lao động\n\ntại Đắk Lắk, ngày 5/12.';
  const after = 'Hội thảo quốc gia về an toàn và vệ sinh lao động\n\ntại Đắk Lắk, ngày 6/12.';
  const parts = diffWords(before, after);
  assert.equal(side(parts, 'removed'), before);
  assert.equal(side(parts, 'added'), after);
  assert.ok(parts.some((p) => p.op === 'added' && p.text.includes('quốc gia')));
  assert.ok(parts.some((p) => p.op === 'same' && p.text.includes('Đắk Lắk')));
});

test('very long texts are compared paragraph by paragraph and still rebuild exactly', () => {
  const paragraph = (n: number) => Array.from({ length: 300 }, (_, i) => `word${n}_${i}`).join(' ');
  const paras = Array.from({ length: 30 }, (_, n) => paragraph(n));
  const before = paras.join('\n\n');
  const changed = [...paras];
  changed[12] = changed[12]!.replace('word12_150', 'changed');
  changed.splice(20, 1);
  const after = changed.join('\n\n');
  const started = performance.now();
  const parts = diffWords(before, after);
  assert.ok(performance.now() - started < 5000);
  assert.equal(side(parts, 'removed'), before);
  assert.equal(side(parts, 'added'), after);
  const added = parts.filter((p) => p.op === 'added').map((p) => p.text.trim());
  assert.deepEqual(added, ['changed']);
});
