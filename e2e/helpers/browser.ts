/**
 * Debian's Chromium driven by playwright-core, and a screenshot of the page
 * when a journey fails (in e2e/screenshots/, which git ignores).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Where Debian's package puts the browser; CHROMIUM_PATH overrides it. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const SCREENSHOT_DIR = join(import.meta.dirname, '..', 'screenshots');

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    // No sandbox: CI runs as root in a container, where Chromium's sandbox cannot start.
    // The rest keeps the browser from calling home or updating itself during a run.
    args: ['--no-sandbox', '--disable-background-networking', '--disable-gpu', '--disable-component-update', '--disable-sync'],
  });
}

/** A new browsing context (its own cookies) that fails fast instead of waiting half a minute. */
export interface ContextOptions {
  locale?: string;
  /** Lets an injected script (axe) run despite the pages' Content-Security-Policy. */
  bypassCSP?: boolean;
}

export async function newContext(browser: Browser, baseURL: string, options: ContextOptions = {}): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL,
    locale: options.locale ?? 'en-GB',
    viewport: { width: 1280, height: 900 },
    bypassCSP: options.bypassCSP ?? false,
  });
  // A page of this app answers in well under a second; these limits leave room
  // for a busy shared machine while still failing a wrong selector in seconds, not minutes.
  context.setDefaultTimeout(15_000);
  context.setDefaultNavigationTimeout(30_000);
  return context;
}

/**
 * Runs a journey step; when it throws, saves a full-page screenshot named
 * after it before passing the error on.
 */
export async function withScreenshot<T>(page: Page, name: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const file = join(SCREENSHOT_DIR, `${name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.png`);
    await page.screenshot({ path: file, fullPage: true }).catch(() => {});
    // The reporter prints the error's stack, made before this note could be added to it.
    console.error(`Journey "${name}" failed on ${page.url()}; screenshot: ${file}`);
    throw error;
  }
}
