/**
 * The two page checks: axe-core for accessibility (WCAG 2.2 A and AA rules)
 * inside the browser, and the Nu Html Checker (vnu.jar, on Java) on the HTML
 * exactly as the server sent it.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import axe from 'axe-core';
import type { BrowserContext, Page } from 'playwright-core';

/** The WCAG levels the office has to meet (A and AA up to 2.2). */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export interface PageProblem {
  page: string;
  rule: string;
  message: string;
  where: string[];
}

/**
 * Loads axe into every page the context opens from now on. Sending its half
 * megabyte of script to each page separately takes over a second a page on
 * a busy machine. The pages' Content-Security-Policy must let it run: make
 * the context with `bypassCSP`.
 */
export async function loadAxeInEveryPage(context: BrowserContext): Promise<void> {
  await context.addInitScript({ content: axe.source });
}

/** Runs axe on the page as it is now (loading it first unless loadAxeInEveryPage did). */
export async function axeViolations(page: Page, name: string): Promise<PageProblem[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axe.source });
  const results = await page.evaluate(async (tags) => {
    const run = (window as unknown as { axe: typeof axe }).axe.run;
    const { violations } = await run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary ?? ''}`.replace(/\s+/g, ' ')) }));
  }, AXE_TAGS);
  return results.map((v) => ({ page: name, rule: v.id, message: v.help, where: v.nodes }));
}

/** A readable list for an assertion message. */
export function describeProblems(problems: PageProblem[]): string {
  return problems.map((p) => `${p.page}: [${p.rule}] ${p.message}\n    ${p.where.slice(0, 5).join('\n    ')}`).join('\n');
}

const vnuJar = createRequire(import.meta.url)('vnu-jar') as string;

interface VnuMessage {
  type: string;
  subType?: string;
  url: string;
  lastLine?: number;
  message: string;
  extract?: string;
}

/** Checks many documents in one Java start (it takes seconds); returns every error. */
export async function htmlErrors(documents: ReadonlyArray<{ name: string; html: string }>): Promise<PageProblem[]> {
  const dir = mkdtempSync(join(tmpdir(), 'almanac-vnu-'));
  try {
    const files = documents.map((doc, i) => {
      const file = join(dir, `${String(i).padStart(3, '0')}.html`);
      writeFileSync(file, doc.html);
      return file;
    });
    const output = await new Promise<string>((resolve, reject) => {
      const java = spawn('java', ['-jar', vnuJar, '--format', 'json', '--stdout', ...files], { stdio: ['ignore', 'pipe', 'inherit'] });
      const chunks: Buffer[] = [];
      java.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
      java.on('error', reject);
      // vnu exits with 1 when it found errors; the JSON says which.
      java.on('close', () => resolve(Buffer.concat(chunks).toString('utf8')));
    });
    const { messages } = JSON.parse(output) as { messages: VnuMessage[] };
    return messages
      .filter((m) => m.type === 'error' || m.subType === 'fatal')
      .map((m) => {
        const index = files.findIndex((f) => m.url.endsWith(f));
        return {
          page: documents[index]?.name ?? m.url,
          rule: 'html',
          message: m.message,
          where: [`line ${m.lastLine ?? '?'}: ${(m.extract ?? '').replace(/\s+/g, ' ')}`],
        };
      });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * A journey's page checks: `check` runs axe on the page as it is now and keeps
 * its HTML; `assertClean` then checks every kept page with the Nu checker in
 * one go and fails on any problem either found.
 */
export function pageAudit(page: Page) {
  const problems: PageProblem[] = [];
  const documents: { name: string; html: string }[] = [];
  return {
    async check(name: string): Promise<void> {
      problems.push(...(await axeViolations(page, name)));
      documents.push({ name, html: await page.content() });
    },
    async assertClean(): Promise<void> {
      problems.push(...(await htmlErrors(documents)));
      assert.deepEqual(problems, [], describeProblems(problems));
    },
  };
}
