/**
 * Word-level differences between two texts, for the history page: which
 * words were removed, which added, which stayed. Whitespace stays attached to
 * the word before it, so joining the parts of one side gives that side back.
 */

export type DiffOp = 'same' | 'added' | 'removed';

export interface DiffPart {
  op: DiffOp;
  text: string;
}

/**
 * Largest table (tokens × tokens) compared word by word: 4 million cells is
 * about 16 MB and a few milliseconds, enough for two 2,000-word articles.
 * Longer texts are first matched paragraph by paragraph.
 */
const MAX_CELLS = 4_000_000;

function tokenize(text: string): string[] {
  return text.match(/\s+|\S+\s*/g) ?? [];
}

function push(parts: DiffPart[], op: DiffOp, text: string): void {
  if (text === '') return;
  const last = parts[parts.length - 1];
  if (last && last.op === op) last.text += text;
  else parts.push({ op, text });
}

/** Longest common subsequence of two token lists, as diff parts; null when the table would be too large. */
function lcsDiff(a: string[], b: string[]): DiffPart[] | null {
  const n = a.length;
  const m = b.length;
  if (n * m > MAX_CELLS) return null;
  // lengths[i][j]: LCS length of a[i..] and b[j..], stored row by row.
  const width = m + 1;
  const lengths = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lengths[i * width + j] =
        a[i] === b[j] ? lengths[(i + 1) * width + j + 1]! + 1 : Math.max(lengths[(i + 1) * width + j]!, lengths[i * width + j + 1]!);
    }
  }
  const parts: DiffPart[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      push(parts, 'same', a[i]!);
      i++;
      j++;
    } else if (lengths[(i + 1) * width + j]! >= lengths[i * width + j + 1]!) {
      push(parts, 'removed', a[i]!);
      i++;
    } else {
      push(parts, 'added', b[j]!);
      j++;
    }
  }
  for (; i < n; i++) push(parts, 'removed', a[i]!);
  for (; j < m; j++) push(parts, 'added', b[j]!);
  return parts;
}

/** Diffs token lists, trimming what both share at either end before comparing the rest. */
function diffTokens(a: string[], b: string[], fallback: (a: string[], b: string[]) => DiffPart[]): DiffPart[] {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const parts: DiffPart[] = [];
  push(parts, 'same', a.slice(0, start).join(''));
  const middleA = a.slice(start, endA);
  const middleB = b.slice(start, endB);
  for (const part of lcsDiff(middleA, middleB) ?? fallback(middleA, middleB)) push(parts, part.op, part.text);
  push(parts, 'same', a.slice(endA).join(''));
  return parts;
}

function replaceAll(a: string[], b: string[]): DiffPart[] {
  const parts: DiffPart[] = [];
  push(parts, 'removed', a.join(''));
  push(parts, 'added', b.join(''));
  return parts;
}

/** Paragraphs with the blank lines after them, so that joining them gives the text back. */
function paragraphs(text: string): string[] {
  return text.match(/[^\n]*(?:\n(?!\s*\n)[^\n]*)*(?:\n\s*)*/g)?.filter((p) => p !== '') ?? [];
}

/**
 * The differences between `before` and `after`, word by word. Very long texts
 * are matched by paragraph first, then word by word inside changed runs.
 */
export function diffWords(before: string, after: string): DiffPart[] {
  return diffTokens(tokenize(before), tokenize(after), (a, b) => {
    const byParagraph = diffTokens(paragraphs(a.join('')), paragraphs(b.join('')), replaceAll);
    // Refine each removed-then-added run of paragraphs word by word when it is small enough.
    const parts: DiffPart[] = [];
    for (let k = 0; k < byParagraph.length; k++) {
      const part = byParagraph[k]!;
      const next = byParagraph[k + 1];
      if (part.op === 'removed' && next?.op === 'added') {
        for (const p of diffTokens(tokenize(part.text), tokenize(next.text), replaceAll)) push(parts, p.op, p.text);
        k++;
      } else {
        push(parts, part.op, part.text);
      }
    }
    return parts;
  });
}
