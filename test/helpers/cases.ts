/**
 * Table-driven tests of a function of one value: each rule is a test of its
 * own (named by the rule), which checks every one of its cases.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';

/** A case: what the function is given, and what it must return (compared deeply and strictly). */
export type Case<I, O> = readonly [input: I, expected: O];

/** One test per rule, asserting that `fn(input)` equals `expected` for each of the rule's cases. */
export function casesOf<I, O>(fn: (input: I) => O, rules: Record<string, readonly Case<I, O>[]>): void {
  for (const [rule, cases] of Object.entries(rules)) {
    void test(rule, () => {
      for (const [input, expected] of cases) assert.deepEqual(fn(input), expected, JSON.stringify(input));
    });
  }
}
