import assert from 'node:assert/strict';
import { test } from 'node:test';
import { changedFields, diffFlatSnapshots, flattenSnapshot, pick } from './snapshots.js';

const before = {
  slug: 'workshop',
  all_day: true,
  topics: [1, 3],
  en: { title: 'Workshop', description: 'Held in Hanoi.' },
  vi: null,
};

test('snapshots flatten to dotted names with text values', () => {
  assert.deepEqual(flattenSnapshot(before), {
    slug: 'workshop',
    all_day: 'yes',
    topics: '1, 3',
    'en.title': 'Workshop',
    'en.description': 'Held in Hanoi.',
    vi: null,
  });
});

test('changed fields include added translations and changed lists, not unchanged ones', () => {
  const after = { ...before, topics: [1], en: { ...before.en, description: 'Held in Da Nang.' }, vi: { title: 'Hội thảo', description: null } };
  assert.deepEqual(changedFields(before, after), ['topics', 'en.description', 'vi.title']);
  assert.deepEqual(changedFields(before, before), []);
  assert.deepEqual(changedFields(null, { slug: 'x', vi: null, en: { title: 'T', summary: null } }), ['slug', 'en.title']);
});

test('diffs follow the given order and compare long text word by word', () => {
  const a = flattenSnapshot(before);
  const b = flattenSnapshot({ ...before, slug: 'workshop-2', en: { title: 'Workshop', description: 'Held in Da Nang.' } });
  const diffs = diffFlatSnapshots(a, b, ['en.description', 'slug'], new Set(['description']));
  assert.deepEqual(
    diffs.map((d) => d.field),
    ['en.description', 'slug'],
  );
  assert.equal(diffs[1]?.parts, undefined);
  assert.deepEqual(diffs[0]?.parts, [
    { op: 'same', text: 'Held in ' },
    { op: 'removed', text: 'Hanoi.' },
    { op: 'added', text: 'Da Nang.' },
  ]);
});

test('pick keeps only the named keys', () => {
  assert.deepEqual(pick(before, ['slug', 'vi']), { slug: 'workshop', vi: null });
});
