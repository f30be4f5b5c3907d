/**
 * Every word a visitor or an editor reads comes from the message files: this
 * test reads every view (.tsx) and fails on text written into a template —
 * words between tags, in `{'…'}` children, or in attributes people read
 * (aria-label, title, alt, placeholder). Punctuation and symbols are allowed.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const srcDir = fileURLToPath(new URL('../../', import.meta.url));

/** Attributes whose values people read or hear. */
const READ_ATTRIBUTES = new Set(['aria-label', 'aria-description', 'title', 'alt', 'placeholder', 'label']);

function viewFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return viewFiles(path);
    return entry.name.endsWith('.tsx') && !entry.name.includes('.test.') ? [path] : [];
  });
}

const hasWords = (text: string) => /\p{L}/u.test(text);

function literalTexts(path: string, content = readFileSync(path, 'utf8')): string[] {
  const source = ts.createSourceFile(path, content, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const report = (node: ts.Node, text: string) => {
    const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
    found.push(`${relative(srcDir, path)}:${line + 1}: ${JSON.stringify(text.trim())}`);
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && hasWords(node.text)) report(node, node.text);
    if (ts.isJsxExpression(node) && node.expression && ts.isStringLiteral(node.expression) && ts.isJsxElement(node.parent) && hasWords(node.expression.text)) {
      report(node, node.expression.text);
    }
    if (ts.isJsxAttribute(node) && READ_ATTRIBUTES.has(node.name.getText(source))) {
      const init = node.initializer;
      const literal = init && ts.isStringLiteral(init) ? init : init && ts.isJsxExpression(init) && init.expression && ts.isStringLiteral(init.expression) ? init.expression : undefined;
      if (literal && hasWords(literal.text)) report(node, literal.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

test('no view writes interface text of its own: it all comes from the message files', () => {
  const files = viewFiles(srcDir);
  assert.ok(files.length >= 5, 'the views were found');
  assert.deepEqual(files.flatMap((file) => literalTexts(file)), []);
});

test('the check does catch text in a template, and lets punctuation and translated text through', () => {
  const probe = [
    'export const A = () => (',
    '  <p title="Read me" aria-label={t("ok")}>',
    '    Hello {"there"} <b>{t("x")}</b> - {", "}',
    '    <img alt={"A photo"} class="not read" />',
    '  </p>',
    ');',
  ].join('\n');
  assert.deepEqual(literalTexts(join(srcDir, 'probe.tsx'), probe), [
    'probe.tsx:2: "Read me"',
    'probe.tsx:3: "Hello"',
    'probe.tsx:3: "there"',
    'probe.tsx:4: "A photo"',
  ]);
});
