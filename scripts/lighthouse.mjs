#!/usr/bin/env node
// Lighthouse scores (mobile: Lighthouse's default phone and slow network) of
// the main page types, with Debian's Chromium, against a running server.
// Usage: node scripts/lighthouse.mjs [http://127.0.0.1:3000] [path ...]
// An admin page is audited signed in when LIGHTHOUSE_COOKIE holds the Cookie
// header of a signed-in browser (e.g. LIGHTHOUSE_COOKIE='almanac_session=…').
// The browser journeys check an edit page this way (e2e/lighthouse.test.ts).
// Scores vary from run to run, and with how busy the machine is: compare runs
// on the same machine.
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';

const [base = 'http://127.0.0.1:3000', ...paths] = process.argv.slice(2);
const pages = paths.length
  ? paths
  : ['/en', '/en/events', '/en/events/enhance-project-to-develop-child-labour-free-certification-scheme', '/en/articles/a-bridge-over-troubled-water'];
const categories = ['performance', 'accessibility', 'best-practices', 'seo'];

const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-background-networking', '--disable-gpu', '--disable-component-update', '--disable-sync'],
});
let failed = false;
try {
  const rows = [];
  for (const path of pages) {
    const extraHeaders = process.env.LIGHTHOUSE_COOKIE ? { Cookie: process.env.LIGHTHOUSE_COOKIE } : undefined;
    const result = await lighthouse(base + path, { port: chrome.port, logLevel: 'error', onlyCategories: categories, extraHeaders });
    const lhr = result?.lhr;
    if (!lhr || lhr.runtimeError) {
      console.error(`${path}: ${lhr?.runtimeError?.message ?? 'no result'}`);
      failed = true;
      continue;
    }
    const score = (id) => {
      const value = lhr.categories[id]?.score;
      return value === null || value === undefined ? '–' : String(Math.round(value * 100));
    };
    const metric = (id) => lhr.audits[id]?.displayValue ?? '–';
    rows.push({ path, ...Object.fromEntries(categories.map((id) => [id, score(id)])), LCP: metric('largest-contentful-paint'), CLS: metric('cumulative-layout-shift'), TBT: metric('total-blocking-time') });
    // Failed audits outside performance say what to fix.
    for (const id of categories.slice(1)) {
      for (const ref of lhr.categories[id]?.auditRefs ?? []) {
        const audit = lhr.audits[ref.id];
        if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1) console.log(`  ${path} ${id}: ${audit.title}`);
      }
    }
  }
  console.table(rows);
} finally {
  await chrome.kill();
}
process.exit(failed ? 1 : 0);
