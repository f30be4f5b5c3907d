/**
 * One running app and one browser per test file, and a fresh browsing
 * context (its own cookies) for each journey.
 */
import { after, before } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { startApp, type RunningApp } from './app-server.js';
import { launchBrowser, newContext, withScreenshot, type ContextOptions } from './browser.js';

export interface Site {
  readonly app: RunningApp;
  readonly browser: Browser;
  /** Opens a page in a new context, runs `steps`, screenshots a failure, and closes the context. */
  visit(name: string, steps: (page: Page) => Promise<void>, options?: ContextOptions): Promise<void>;
}

/** Starts the app and the browser before the file's tests and stops both after them. */
export function useSite(): Site {
  let app: RunningApp | undefined;
  let browser: Browser | undefined;
  before(async () => {
    [app, browser] = await Promise.all([startApp(), launchBrowser()]);
  });
  after(async () => {
    await browser?.close();
    await app?.close();
  });
  return {
    get app() {
      if (!app) throw new Error('the app has not started');
      return app;
    },
    get browser() {
      if (!browser) throw new Error('the browser has not started');
      return browser;
    },
    async visit(name, steps, options = {}) {
      const context = await newContext(this.browser, this.app.baseUrl, options);
      const page = await context.newPage();
      try {
        await withScreenshot(page, name, () => steps(page));
      } finally {
        await context.close();
      }
    },
  };
}

/** Signs in through the sign-in form, as a person would, and waits for the dashboard. */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/admin/login');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.pathname === '/admin');
}
