import assert from 'node:assert/strict';
import { test } from 'node:test';
import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { JsonLd } from './structured-data.js';

test('a JSON-LD block holds no "<" and no line or paragraph separator as they are, and reads back as its data', () => {
  const data = { '@type': 'Event', name: 'Tripartite </script><script>alert(1)</script> consultation', description: 'One line\u2028and the next\u2029and a paragraph <b>', keywords: 'a < b' };
  const html = renderToString(h(JsonLd, { data }));
  const inner = /^<script type="application\/ld\+json">([\s\S]*)<\/script>$/.exec(html)?.[1];
  assert.ok(inner !== undefined, html);
  assert.doesNotMatch(inner, /[<\u2028\u2029]/);
  assert.match(inner, /\\u003c\/script>/);
  assert.match(inner, /One line\\u2028and the next\\u2029and/);
  assert.deepEqual(JSON.parse(inner), data);
});
