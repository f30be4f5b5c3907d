import assert from 'node:assert/strict';
import { test } from 'node:test';
import { catalogue, translator } from './i18n.js';

test('every interface string exists, non-empty, in both languages', () => {
  const en = catalogue('en');
  const vi = catalogue('vi');
  assert.deepEqual(Object.keys(vi).sort(), Object.keys(en).sort());
  for (const [key, text] of [...Object.entries(en), ...Object.entries(vi)]) {
    assert.ok(text.trim().length > 0, `${key} is empty`);
  }
});

/** Keys whose text is rightly the same in both languages: names of formats, a file type with a size. */
const SAME_IN_BOTH = new Set<string>(['media.attachments.size', 'media.facts.pixels', 'media.card.documentBadge', 'news.format.atom', 'news.format.rss', 'news.format.json', 'editing.dashboard.changedAt']);

test('no Vietnamese text is a copy of the English one', () => {
  const en = catalogue('en');
  const vi = catalogue('vi');
  const copied = (Object.keys(en) as (keyof typeof en)[]).filter((key) => en[key] === vi[key] && !SAME_IN_BOTH.has(key));
  assert.deepEqual(copied, []);
});

test('placeholders are the same in both languages', () => {
  const en = catalogue('en');
  const vi = catalogue('vi');
  const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
  for (const key of Object.keys(en) as (keyof typeof en)[]) {
    assert.deepEqual(names(vi[key]), names(en[key]), key);
  }
});

test('translate fills placeholders and leaves unknown ones visible', () => {
  const t = translator('en');
  assert.equal(t('pager.status', { page: 2, pages: 5 }), 'Page 2 of 5');
  assert.equal(t('pager.status', { page: 2 }), 'Page 2 of {pages}');
  assert.equal(translator('vi')('pager.status', { page: 1, pages: 3 }), 'Trang 1 / 3');
});
