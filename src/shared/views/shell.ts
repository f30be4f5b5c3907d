/**
 * Markup that is the same on many pages (the layout's head, header and
 * footer for one language) rendered once and kept as HTML, with holes where
 * each page puts its own parts.
 *
 * The kept HTML is what Preact itself rendered from the same components, so
 * it is escaped as any page is; a hole's content is rendered (and escaped)
 * with the page, never inserted as raw text.
 */
import type { ComponentChildren, JSX, VNode } from 'preact';
import { jsxEscape, jsxTemplate } from 'preact/jsx-runtime';
import { renderToString } from 'preact-render-to-string';

/** A rendered shell: its HTML cut at the holes, and which hole comes at each cut. */
export interface Shell {
  readonly parts: readonly string[];
  readonly holes: readonly number[];
  /** Whether each cut is an attribute's value (else it is among an element's children). */
  readonly inAttribute: readonly boolean[];
}

// A character that Preact leaves as it is in text and that no interface text contains.
const MARK = '\u0000';
const HOLE = new RegExp(`${MARK}(\\d+)${MARK}`);

/**
 * The placeholder for hole `n` while a shell is rendered: put it where the
 * page's part goes, as a child or as an attribute's value. An attribute's
 * hole must be filled with text that is never empty (Preact writes an empty
 * value as the bare attribute name).
 */
export function hole(n: number): string {
  return `${MARK}${n}${MARK}`;
}

/** Renders a shell once: `view` places `hole(n)` where part n of each page goes. Throws if the HTML has stray marks. */
export function renderShell(view: JSX.Element): Shell {
  const pieces = renderToString(view).split(HOLE);
  const parts: string[] = [];
  const holes: number[] = [];
  pieces.forEach((piece, i) => (i % 2 === 0 ? parts.push(piece) : holes.push(Number(piece))));
  if (parts.some((part) => part.includes(MARK))) throw new Error('A shell holds a stray hole mark.');
  // Preact writes a value as name="value": a hole just after =" is an attribute's.
  const inAttribute = holes.map((_, i) => (parts[i] ?? '').endsWith('="') && (parts[i + 1] ?? '').startsWith('"'));
  return { parts, holes, inAttribute };
}

/** A shell with each page's parts in its holes (by number), ready to render as a page or inside one. */
export function fillShell(shell: Shell, fill: readonly ComponentChildren[]): VNode {
  const exprs = shell.holes.map((n, i) => {
    const content = fill[n];
    if (shell.inAttribute[i] && !((typeof content === 'string' && content !== '') || typeof content === 'number')) {
      throw new TypeError(`An attribute's hole (${n}) takes text that is not empty.`);
    }
    // Elements and lists are rendered with the page; text is escaped as Preact escapes a text child.
    return typeof content === 'object' && content !== null ? content : jsxEscape(content);
  });
  return jsxTemplate(shell.parts as string[], ...exprs) as VNode;
}

/**
 * Shells kept per owner (a translator: one for each language of a site) and
 * key (everything else the shell shows), built on first use. With a `limit`,
 * each owner keeps at most that many, the first built leaving first: for
 * keys that follow the content (a form's choices), which may change while
 * the site runs.
 */
export class ShellCache<Owner extends object> {
  readonly #kept = new WeakMap<Owner, Map<string, Shell>>();
  readonly #limit: number;

  constructor(options: { limit?: number } = {}) {
    this.#limit = options.limit ?? Infinity;
  }

  get(owner: Owner, key: string, build: () => JSX.Element): Shell {
    let byKey = this.#kept.get(owner);
    if (!byKey) this.#kept.set(owner, (byKey = new Map()));
    let shell = byKey.get(key);
    if (!shell) {
      shell = renderShell(build());
      if (byKey.size >= this.#limit) byKey.delete(byKey.keys().next().value as string);
      byKey.set(key, shell);
    }
    return shell;
  }
}
