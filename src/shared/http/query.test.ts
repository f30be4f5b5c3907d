import assert from 'node:assert/strict';
import { test } from 'node:test';
import { z } from 'zod';
import { ValidationError } from '../errors.js';
import { pageQuery, parseQuery } from './query.js';

test('an empty query gives what the schema makes of it, a copy of its own for each caller', () => {
  const first = parseQuery(pageQuery, {});
  assert.deepEqual(first, { page: 1 });
  first.page = 7;
  assert.deepEqual(parseQuery(pageQuery, {}), { page: 1 });
  assert.deepEqual(parseQuery(pageQuery, Object.create(null)), { page: 1 });
  assert.deepEqual(parseQuery(pageQuery, { page: '3' }), { page: 3 });
  // Another schema's empty query is its own.
  assert.deepEqual(parseQuery(z.object({ page: z.coerce.number().default(2), q: z.string().default('') }), {}), { page: 2, q: '' });
});

test('a result holding objects is parsed again for each empty query, never shared', () => {
  const schema = z.object({ tags: z.array(z.string()).default([]) });
  const first = parseQuery(schema, {});
  first.tags.push('changed');
  assert.deepEqual(parseQuery(schema, {}), { tags: [] });
});

test('a schema that refuses an empty query refuses it every time', () => {
  const schema = z.object({ q: z.string('error.badAddress') });
  for (let i = 0; i < 2; i++) assert.throws(() => parseQuery(schema, {}), ValidationError);
});
