/**
 * Properties of the Markdown renderer over generated text: whatever an editor
 * types or pastes renders without an error, nested no deeper than the limit,
 * in time about proportional to its length, and with nothing active left in
 * the output. The runs are seeded, so a failure is reproducible.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { html, nestingDepth } from '../../../test/helpers/html.js';
import { MAX_NESTING, renderMarkdown } from './markdown.js';

/** Fixed, so that every run of the suite tries the same texts. */
const SEED = 20261204;

/** Pieces of Markdown syntax and of hostile HTML, to be strung together and repeated. */
const PIECES = [
  '>', '> ', '-', '- ', '*', '* ', '+ ', '1. ', '2) ', '_', '__', '**', '~', '~~', '`', '```', '~~~', '[', ']', '(', ')', '![', '](',
  '<', '>', '</', '<!--', '-->', '#', '# ', '|', '|-|', '---', '===', ' ', '  ', '\t', '\n', '\n\n', '    ', 'a', 'word', 'Đắk Lắk', '1',
  '.', '@', 'a@b.org', 'http://', 'https://x.example/a_b', 'www.', 'mailto:', '&', '&amp;', '&#x61;', '\\', '"', "'", ':', '=',
  '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', 'javascript:alert(1)', 'jav&#x61;script:', ' onclick="x()"', '<svg/onload=alert(1)>',
  '[x](javascript:alert(1))', '<a href="javascript:alert(1)">', 'data:text/html,', '<iframe src=//e>', '<style>', '[1]: ', '[1]', '^', '\u0000', '\u2028',
];

const piece = fc.constantFrom(...PIECES);

/** Text from pieces, some repeated many times (long runs of one delimiter or of one nesting marker). */
const markdownText = fc
  .array(
    fc.oneof(
      { weight: 4, arbitrary: piece },
      { weight: 2, arbitrary: fc.tuple(fc.array(piece, { minLength: 1, maxLength: 4 }), fc.integer({ min: 2, max: 4000 })).map(([ps, n]) => ps.join('').repeat(n)) },
      { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
      { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
    ),
    { maxLength: 12 },
  )
  .map((parts) => parts.join('').slice(0, 60_000));

/** Lines that open a container at every step: quotes and lists nested hundreds or thousands deep. */
const nestedText = fc
  .tuple(
    fc.array(fc.constantFrom('> ', '>', '- ', '* ', '+ ', '1. ', '  ', '   ', '\t'), { minLength: 1, maxLength: 6 }),
    fc.integer({ min: 1, max: 5000 }),
    fc.constantFrom('x', '_a_', '**b**', '`c`', '[d](/e)', ''),
    fc.integer({ min: 1, max: 20 }),
  )
  .map(([markers, depth, content, lines]) => Array.from({ length: lines }, () => markers.join('').repeat(depth) + content).join('\n').slice(0, 60_000));

/** Processor time of one call, in microseconds (other work on the machine hardly moves it). */
function cpuMicroseconds(work: () => void): number {
  const start = process.cpuUsage();
  work();
  const used = process.cpuUsage(start);
  return used.user + used.system;
}

/**
 * Generous bound on the time a text may take: 20 µs a character (ordinary
 * text takes one or two), at least 100 ms. Time growing with the square of
 * the length, as `_a_a…` once did, takes seconds at these lengths.
 */
function timeBound(length: number): number {
  return Math.max(100_000, 20 * length);
}

function assertRenderedSafely(input: string): void {
  let output = '';
  const micros = cpuMicroseconds(() => {
    output = renderMarkdown(input);
  });
  assert.ok(micros <= timeBound(input.length), `${input.length} characters took ${(micros / 1000).toFixed(0)} ms`);
  assert.ok(nestingDepth(output) <= MAX_NESTING + 2, `nested ${nestingDepth(output)} deep`);
  const elements = html(`<div>${output}</div>`).querySelectorAll('*');
  for (const el of elements) {
    const tag = el.tagName.toLowerCase();
    assert.ok(!['script', 'style', 'iframe', 'object', 'embed', 'svg', 'math', 'form', 'input', 'link', 'meta', 'base'].includes(tag), `<${tag}> in the output`);
    for (const name of Object.keys(el.attributes)) {
      assert.ok(!/^on/i.test(name) && name.toLowerCase() !== 'style' && name.toLowerCase() !== 'srcdoc', `${name}= in the output`);
    }
    for (const url of [el.getAttribute('href'), el.getAttribute('src')]) {
      if (url !== undefined) assert.match(url, /^(https?:|mailto:|\/(?!\/)|#|[^:]*$)/i, `unsafe URL ${url}`);
    }
  }
}

describe('renderMarkdown, on any text', () => {
  test('renders pieces of syntax and hostile HTML, repeated into long runs, within bounds and inert', () => {
    renderMarkdown('warm *up* the _renderer_');
    fc.assert(fc.property(markdownText, assertRenderedSafely), { seed: SEED, numRuns: 150 });
  });

  test('renders quotes and lists nested thousands deep within bounds', () => {
    fc.assert(fc.property(nestedText, assertRenderedSafely), { seed: SEED, numRuns: 120 });
  });

  test('renders any string of any characters without an error', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 500 }), (input) => {
        assert.equal(typeof renderMarkdown(input), 'string');
      }),
      { seed: SEED, numRuns: 500 },
    );
  });
});
