import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { cpuTime } from '../../../test/helpers/cpu-time.js';
import { html, nestingDepth, text } from '../../../test/helpers/html.js';
import { MARKDOWN_MAX_LENGTH, MAX_NESTING, renderMarkdown, sanitizeRenderedHtml } from './markdown.js';

/** Every attribute name and URL in the output, for checks that nothing active survives. */
function activeParts(output: string): { tags: string[]; attributes: string[]; urls: string[] } {
  const doc = html(`<div>${output}</div>`);
  const elements = doc.querySelectorAll('*');
  return {
    tags: elements.map((e) => e.tagName.toLowerCase()),
    attributes: elements.flatMap((e) => Object.keys(e.attributes).map((a) => a.toLowerCase())),
    urls: elements.flatMap((e) => [e.getAttribute('href'), e.getAttribute('src')].filter((v): v is string => v !== undefined)),
  };
}

function assertInert(output: string): void {
  const { tags, attributes, urls } = activeParts(output);
  for (const tag of ['script', 'style', 'iframe', 'object', 'embed', 'form', 'input', 'svg', 'math', 'link', 'meta', 'base']) {
    assert.ok(!tags.includes(tag), `no <${tag}> in ${output}`);
  }
  for (const a of attributes) assert.ok(!a.startsWith('on') && a !== 'style' && a !== 'srcdoc', `no ${a}= in ${output}`);
  for (const u of urls) assert.match(u, /^(https?:|mailto:|\/(?!\/)|#|[^:]*$)/i, `safe URL ${u}`);
}

describe('renderMarkdown', () => {
  test('plain paragraphs render as paragraphs, text unchanged', () => {
    const out = renderMarkdown('The first paragraph,\nwith a second line.\n\nAnd the second: 25 participants (ILO, MOLISA & VCCI).');
    const doc = html(out);
    assert.deepEqual(doc.querySelectorAll('p').map(text), [
      'The first paragraph, with a second line.',
      'And the second: 25 participants (ILO, MOLISA & VCCI).',
    ]);
    assert.equal(renderMarkdown(''), '');
    assert.equal(renderMarkdown(null), '');
    assert.equal(renderMarkdown('   \n '), '');
  });

  test('Markdown: emphasis, headings (h1 becomes h2), lists, quotes, tables, code', () => {
    const out = renderMarkdown(
      '# Big\n\n## Section\n\n*a* **b** ~~c~~ `d`\n\n- one\n- two\n\n3. three\n4. four\n\n> quoted\n\n| a | b |\n|---|--:|\n| 1 | 2 |\n\n```js\nlet x = 1 < 2;\n```',
    );
    const doc = html(out);
    assert.equal(doc.querySelector('h1'), null);
    assert.deepEqual(doc.querySelectorAll('h2').map(text), ['Big', 'Section']);
    assert.ok(doc.querySelector('em') && doc.querySelector('strong') && doc.querySelector('del') && doc.querySelector('p > code'));
    assert.deepEqual(doc.querySelectorAll('ul li').map(text), ['one', 'two']);
    assert.equal(doc.querySelector('ol')?.getAttribute('start'), '3');
    assert.equal(text(doc.querySelector('blockquote')), 'quoted');
    assert.equal(doc.querySelector('td:last-child')?.getAttribute('align'), 'right');
    // (The parser used here keeps <pre> as raw text, so its inside is checked as text.)
    assert.match(out, /<pre><code class="language-js">let x = 1 &lt; 2;\n<\/code><\/pre>/);
  });

  test('links: http, https, mailto and relative are kept; external ones get rel="noopener noreferrer"', () => {
    const doc = html(renderMarkdown('[ILO](https://www.ilo.org/hanoi "Office") [events](/en/events) [mail](mailto:hanoi@ilo.org) [old](http://example.org) [top](#top)'));
    const links = doc.querySelectorAll('a');
    assert.deepEqual(
      links.map((a) => [a.getAttribute('href'), a.getAttribute('rel') ?? null]),
      [
        ['https://www.ilo.org/hanoi', 'noopener noreferrer'],
        ['/en/events', null],
        ['mailto:hanoi@ilo.org', null],
        ['http://example.org', 'noopener noreferrer'],
        ['#top', null],
      ],
    );
    assert.equal(links[0]?.getAttribute('title'), 'Office');
    // Bare addresses become links too.
    assert.equal(html(renderMarkdown('See https://ilo.org/viet-nam.')).querySelector('a')?.getAttribute('rel'), 'noopener noreferrer');
  });

  test('raw HTML is shown as text, never interpreted', () => {
    const out = renderMarkdown('Second <b>not bold</b>.\n\n<script>alert(1)</script>\n\n<div onclick="x()">hi</div>');
    assert.match(out, /Second &lt;b&gt;not bold&lt;\/b&gt;\./);
    assert.match(out, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    assert.equal(html(out).querySelector('b'), null);
    assertInert(out);
  });

  const hostile: [string, string][] = [
    ['script tag', '<script>alert(document.cookie)</script>'],
    ['script split across lines', '<scr\nipt>alert(1)</script>'],
    ['img onerror', '<img src=x onerror=alert(1)>'],
    ['svg onload', '<svg/onload=alert(1)>'],
    ['iframe', '<iframe src="https://evil.example"></iframe>'],
    ['style', '<style>body{display:none}</style>'],
    ['javascript link', '[click](javascript:alert(1))'],
    ['javascript link, mixed case', '[click](JaVaScRiPt:alert(1))'],
    ['javascript link, entity-encoded', '[click](jav&#x61;script:alert(1))'],
    ['javascript link, decimal entity', '[click](&#106;avascript:alert(1))'],
    ['javascript link, tab inside', '[click](java\tscript:alert(1))'],
    ['javascript link, percent-encoded colon', '[click](javascript%3Aalert(1))'],
    ['javascript autolink', '<javascript:alert(1)>'],
    ['data URL link', '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)'],
    ['vbscript link', '[x](vbscript:msgbox(1))'],
    ['javascript image', '![x](javascript:alert(1))'],
    ['attribute break-out in image', '![a](x" onerror="alert(1))'],
    ['attribute break-out in title', '[a](https://ok.example "t\\" onmouseover=\\"alert(1)")'],
    ['protocol-relative link', '[x](//evil.example/path)'],
    ['reference-style javascript', '[x][1]\n\n[1]: javascript:alert(1)'],
    ['HTML inside a link text', '[<img src=x onerror=alert(1)>](https://ok.example)'],
    ['encoded tags', '&lt;script&gt;alert(1)&lt;/script&gt;'],
  ];
  for (const [name, input] of hostile) {
    test(`hostile input is inert: ${name}`, () => {
      const out = renderMarkdown(input);
      assertInert(out);
      assert.doesNotMatch(out, /<script|<iframe|<style|<svg|(?:href|src)\s*=\s*["']?\s*(?:javascript|vbscript|data):/i);
    });
  }
});

describe('sanitizeRenderedHtml (the second layer, on HTML from anywhere)', () => {
  test('drops dangerous tags with their content and event handlers', () => {
    const out = sanitizeRenderedHtml(
      '<p onclick="x()" style="color:red">ok</p><script>alert(1)</script><style>p{}</style><iframe src="https://e"></iframe><img src="https://i.example/a.png" onerror="x()">',
    );
    assert.equal(out, '<p>ok</p><img src="https://i.example/a.png" loading="lazy" />');
  });

  test('keeps only allowed link protocols and adds rel to external links', () => {
    const out = sanitizeRenderedHtml(
      '<a href="javascript:alert(1)">a</a><a href="  JAVASCRIPT:alert(1)">b</a><a href="https://x.example" target="_blank">c</a><a href="/local" rel="opener">d</a>',
    );
    assert.equal(out, '<a>a</a><a>b</a><a href="https://x.example" rel="noopener noreferrer">c</a><a href="/local">d</a>');
  });

  test('images only from https or this site', () => {
    const doc = html(sanitizeRenderedHtml('<img src="http://x.example/a.png"><img src="https://x.example/b.png"><img src="/media/i/ab/c.jpg"><img src="data:image/png;base64,AAAA">'));
    assert.deepEqual(doc.querySelectorAll('img').map((i) => i.getAttribute('src') ?? null), [null, 'https://x.example/b.png', '/media/i/ab/c.jpg', null]);
  });
});

describe('renderMarkdown on hostile shapes: bounded depth and time, never an error', () => {
  test('block quotes and lists nested thousands deep render, nested no deeper than the limit, their text kept', () => {
    for (const input of ['> '.repeat(9999) + 'x', '- '.repeat(3000) + 'x', '* '.repeat(3000) + 'x', '1. '.repeat(3000) + 'x', '> - '.repeat(3000) + 'x']) {
      const out = renderMarkdown(input);
      assert.ok(nestingDepth(out) <= MAX_NESTING, `depth ${nestingDepth(out)} for ${input.slice(0, 8)}…`);
      assert.match(out, /x/);
    }
  });

  test('emphasis, strikethrough and links nested thousands deep render', () => {
    for (const input of ['*_'.repeat(5000) + 'a' + '_*'.repeat(5000), '~~'.repeat(5000) + 'a' + '~~'.repeat(5000), '['.repeat(5000) + 'a' + '](b)'.repeat(5000)]) {
      const out = renderMarkdown(input);
      assert.ok(nestingDepth(out) <= MAX_NESTING + 2, `depth ${nestingDepth(out)}`);
      assert.match(out, /a/);
    }
  });

  test('ordinary nesting is still Markdown: a quote in a list in a quote', () => {
    const doc = html(renderMarkdown('> - one\n>   > quoted\n> - two'));
    assert.equal(text(doc.querySelector('blockquote > ul > li > blockquote')), 'quoted');
  });

  test('runs of delimiters take time in proportion to their length (ten times the text, not a hundred times the time)', () => {
    renderMarkdown('_a'.repeat(1000));
    for (const unit of ['_a', '**a', '~a', '*_', 'a@a.']) {
      const short = unit.repeat(Math.ceil(5_000 / unit.length));
      const long = unit.repeat(Math.ceil(50_000 / unit.length));
      const ratio = cpuTime(() => renderMarkdown(long)) / cpuTime(() => renderMarkdown(short), 5);
      assert.ok(ratio < 40, `${unit}: 10× the text took ${ratio.toFixed(1)}× the time`);
    }
  });

  test('text longer than any field allows is shown as escaped plain paragraphs', () => {
    const out = renderMarkdown(`**not bold** <b>\n\n${'x'.repeat(MARKDOWN_MAX_LENGTH.body)}`);
    assert.match(out, /^<p>\*\*not bold\*\* &lt;b&gt;<\/p>\n<p>x+<\/p>$/);
  });
});
