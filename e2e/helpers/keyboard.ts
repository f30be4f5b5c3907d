/** Moving through a page with the Tab key only, as people who cannot use a mouse do. */
import type { Page } from 'playwright-core';

export interface Focused {
  tag: string;
  /** A link's or button's text, or a form control's label. */
  name: string;
  href: string | null;
  /** Whether the focused element shows a focus indicator (an outline or a box shadow). */
  indicated: boolean;
  /** Whether it lies, at least partly, inside the viewport. */
  inViewport: boolean;
}

/** What has the keyboard focus now. */
export async function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { tag: 'body', name: '', href: null, indicated: false, inViewport: false };
    const labels = (el as HTMLInputElement).labels;
    const name = (labels && labels.length > 0 ? labels[0]!.textContent : el.textContent) ?? '';
    const style = getComputedStyle(el);
    const indicated = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none';
    const box = el.getBoundingClientRect();
    const inViewport = box.bottom > 0 && box.right > 0 && box.top < window.innerHeight && box.left < window.innerWidth && box.width > 0 && box.height > 0;
    return { tag: el.tagName.toLowerCase(), name: name.replace(/\s+/g, ' ').trim(), href: el.getAttribute('href'), indicated, inViewport };
  });
}

/**
 * What has the focus once the page has given it: a field with `autofocus`
 * is focused at the browser's next rendering update, which can come after
 * the load event on a busy machine. Waits up to `timeoutMs` for anything
 * but the body to have it; then, or at once if nothing does, what `focused`
 * says (the body, if the page gave the focus to nothing).
 */
export async function focusedOnOpening(page: Page, timeoutMs = 5000): Promise<Focused> {
  await page.waitForFunction(() => document.activeElement !== null && document.activeElement !== document.body, undefined, { timeout: timeoutMs }).catch(() => undefined);
  return focused(page);
}

/**
 * Presses Tab until the focused element's name matches, and returns it.
 * Fails after `max` presses, listing what was passed, so a missing or
 * unreachable control shows up clearly.
 */
export async function tabTo(page: Page, name: string | RegExp, max = 80): Promise<Focused> {
  const seen: string[] = [];
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press('Tab');
    const now = await focused(page);
    if (typeof name === 'string' ? now.name === name : name.test(now.name)) return now;
    seen.push(`${now.tag} "${now.name}"`);
  }
  throw new Error(`"${String(name)}" not reached after ${max} presses of Tab; passed: ${seen.join(', ')}`);
}
