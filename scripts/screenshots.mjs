#!/usr/bin/env node
// Takes full-page screenshots of the main page types at phone and desktop
// widths with Debian's Chromium, for looking at the design.
// Usage: node scripts/screenshots.mjs http://127.0.0.1:3000 out-dir [path ...]
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';

const [base = 'http://127.0.0.1:3000', out = 'screenshots', ...paths] = process.argv.slice(2);
const pages = paths.length
  ? paths
  : ['/en', '/en/events', '/vi/events', '/en/articles', '/en/events/enhance-project-to-develop-child-labour-free-certification-scheme', '/en/articles/a-bridge-over-troubled-water', '/en/nope'];
mkdirSync(out, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-background-networking', '--disable-gpu', '--disable-component-update', '--disable-sync'],
});
try {
  for (const width of [375, 1280]) {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    for (const path of pages) {
      await page.goto(base + path);
      const name = `${width}-${path.replace(/[^a-z0-9]+/gi, '_') || 'home'}.png`;
      await page.screenshot({ path: `${out}/${name}`, fullPage: true });
      console.log(`${out}/${name}`);
    }
    await page.close();
  }
} finally {
  await browser.close();
}
