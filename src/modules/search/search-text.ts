/**
 * The text side of search, the same for every database: how text and queries
 * are cut into words, how a visitor's query is read, and how the words found
 * are highlighted in a result. Keeping this out of SQL means SQLite and
 * PostgreSQL index exactly the same words and show exactly the same snippets.
 */
import { foldDiacritics } from '../../shared/text/slugify.js';

// A word: a run of letters, combining marks and digits. Everything else
// (spaces, punctuation, quotes, search operators) separates words.
const WORD = /[\p{L}\p{M}\p{N}]+/gu;

/** The words of a text, in NFC and lower case ("Đắk Lắk, 2020" → ["đắk", "lắk", "2020"]). */
export function words(text: string): string[] {
  return text.normalize('NFC').toLowerCase().match(WORD) ?? [];
}

/**
 * How many words are kept folded (foldWord). A result's snippet folds every
 * word of its text, an article's body is thousands of words, and the office
 * writes with a vocabulary of a few thousand: each is folded once. Bounded,
 * the first kept leaving first.
 */
export const FOLDED_WORDS_KEPT = 20_000;
const foldedWords = new Map<string, string>();

/** A word without diacritics, đ included ("đắk" → "dak"). */
export function foldWord(word: string): string {
  let folded = foldedWords.get(word);
  if (folded === undefined) {
    folded = foldDiacritics(word);
    if (foldedWords.size >= FOLDED_WORDS_KEPT) foldedWords.delete(foldedWords.keys().next().value!);
    foldedWords.set(word, folded);
  }
  return folded;
}

/** A text as the index stores it: its words separated by single spaces, as written or folded. */
export function indexText(text: string | null | undefined, folded: boolean): string {
  if (!text) return '';
  const list = words(text);
  return (folded ? list.map(foldWord) : list).join(' ');
}

/** One thing the visitor asked for: a word, or a quoted phrase of several words in a row. */
export interface SearchTerm {
  /** Lower-case words as typed (with their diacritics, if any). */
  words: string[];
  /** The last word may be the start of a longer one (the visitor may not have finished typing). */
  prefix: boolean;
  /**
   * For a prefix, the words of the index it completes to, as typed and
   * folded, when the index has looked them up (one of them must match);
   * null on a side where it asks for the prefix itself.
   */
  completions?: { plain: string[] | null; folded: string[] | null };
}

export interface SearchQuery {
  /** The query as typed, trimmed. */
  text: string;
  /** Every term must occur in a result. */
  terms: SearchTerm[];
  /** Whether the visitor typed any diacritic (then exact matches rank first). */
  hasDiacritics: boolean;
}

/**
 * Longest query read, in characters: longer than any title the office has
 * written, short enough that a pasted page is refused rather than searched.
 */
export const MAX_QUERY_LENGTH = 200;
/** Most words a query may hold; more is a pasted text, not a search. */
export const MAX_QUERY_WORDS = 16;
/** A last word shorter than this is taken as a whole word, or "a" would match half the site. */
const MIN_PREFIX_LENGTH = 3;

export type QueryProblem = 'too_long' | 'too_many_words' | 'no_words';

export type ParsedQuery = { ok: true; query: SearchQuery } | { ok: false; problem: QueryProblem };

// Search-engine operators people type out of habit; written in capitals they
// are not words being looked for.
const OPERATORS = new Set(['AND', 'OR', 'NOT', 'NEAR']);

/**
 * Reads a visitor's query. Quoted parts ("child labour", “child labour”) are
 * phrases; everything else is single words, all of which must match. Quotes,
 * brackets, stars, colons and other syntax are never passed to a database
 * as syntax: only the words are kept. A query with no words left, too many
 * words or too many characters is reported as a problem, never an error.
 */
export function parseSearchQuery(input: string): ParsedQuery {
  const text = input.normalize('NFC').replace(/\s+/g, ' ').trim();
  if (text.length > MAX_QUERY_LENGTH) return { ok: false, problem: 'too_long' };

  const terms: SearchTerm[] = [];
  const quoted = /["“”„]([^"“”„]*)["“”„]?/g;
  let last = 0;
  const addBare = (part: string) => {
    for (const raw of part.match(WORD) ?? []) {
      if (OPERATORS.has(raw)) continue;
      terms.push({ words: [raw.toLowerCase()], prefix: false });
    }
  };
  for (const m of text.matchAll(quoted)) {
    addBare(text.slice(last, m.index));
    const phrase = words(m[1] ?? '');
    if (phrase.length > 0) terms.push({ words: phrase, prefix: false });
    last = m.index + m[0].length;
  }
  const tail = text.slice(last);
  addBare(tail);

  const count = terms.reduce((n, term) => n + term.words.length, 0);
  if (count === 0) return { ok: false, problem: 'no_words' };
  if (count > MAX_QUERY_WORDS) return { ok: false, problem: 'too_many_words' };

  // Still typing: a final bare word long enough may be the start of a longer word.
  const final = terms[terms.length - 1]!;
  const endsBare = final.words.length === 1 && /[\p{L}\p{M}\p{N}]$/u.test(text) && !/["“”„]$/.test(text);
  if (endsBare && final.words[0]!.length >= MIN_PREFIX_LENGTH) final.prefix = true;

  return { ok: true, query: { text, terms, hasDiacritics: foldDiacritics(text) !== text } };
}

/** A piece of highlighted text: `mark` pieces are the words that matched. */
export interface TextPiece {
  text: string;
  mark: boolean;
}

interface WordSpan {
  start: number;
  end: number;
  key: string;
}

function wordSpans(text: string): WordSpan[] {
  const spans: WordSpan[] = [];
  for (const m of text.matchAll(WORD)) {
    spans.push({ start: m.index, end: m.index + m[0].length, key: foldWord(m[0].toLowerCase()) });
  }
  return spans;
}

function wordMatches(key: string, folded: string, prefix: boolean): boolean {
  return prefix ? key.startsWith(folded) : key === folded;
}

/** Indexes (into `spans`) of the words that match a term, diacritics ignored. */
function matchedWords(spans: WordSpan[], terms: SearchTerm[]): Set<number> {
  const hit = new Set<number>();
  for (const term of terms) {
    const n = term.words.length;
    // Each of the term's words folded once, not once for every word of the text.
    const folded = term.words.map(foldWord);
    for (let i = 0; i + n <= spans.length; i += 1) {
      let all = true;
      for (let k = 0; k < n && all; k += 1) {
        all = wordMatches(spans[i + k]!.key, folded[k]!, term.prefix && k === n - 1);
      }
      if (all) for (let k = 0; k < n; k += 1) hit.add(i + k);
    }
  }
  return hit;
}

/** Cuts `text` into pieces, marking matched words; neighbouring matches separated only by spaces form one mark. */
function piecesOf(text: string, spans: WordSpan[], hit: Set<number>, from: number, to: number): TextPiece[] {
  const pieces: TextPiece[] = [];
  let cursor = from;
  let i = 0;
  while (i < spans.length) {
    if (!hit.has(i) || spans[i]!.start < from || spans[i]!.end > to) {
      i += 1;
      continue;
    }
    let j = i;
    while (j + 1 < spans.length && hit.has(j + 1) && spans[j + 1]!.end <= to && /^\s+$/.test(text.slice(spans[j]!.end, spans[j + 1]!.start))) j += 1;
    if (spans[i]!.start > cursor) pieces.push({ text: text.slice(cursor, spans[i]!.start), mark: false });
    pieces.push({ text: text.slice(spans[i]!.start, spans[j]!.end), mark: true });
    cursor = spans[j]!.end;
    i = j + 1;
  }
  if (cursor < to) pieces.push({ text: text.slice(cursor, to), mark: false });
  return pieces;
}

/** The whole text with the words matching the query marked (for titles). */
export function highlight(text: string, terms: SearchTerm[]): TextPiece[] {
  const normal = text.normalize('NFC');
  const spans = wordSpans(normal);
  return piecesOf(normal, spans, matchedWords(spans, terms), 0, normal.length);
}

/** Whether any word of `text` matches the query. */
export function containsMatch(text: string | null | undefined, terms: SearchTerm[]): boolean {
  if (!text) return false;
  return matchedWords(wordSpans(text.normalize('NFC')), terms).size > 0;
}

/** How long a snippet is, in characters: about two lines of a result. */
export const SNIPPET_LENGTH = 220;
/** How much text a snippet shows before its first match. */
const SNIPPET_LEAD = 60;

/**
 * A passage of `text` around its first match, with the matched words marked
 * and "…" where the text was cut. Without a match, the start of the text.
 */
export function snippet(text: string, terms: SearchTerm[], length = SNIPPET_LENGTH): TextPiece[] {
  const normal = text.normalize('NFC').replace(/\s+/g, ' ').trim();
  const spans = wordSpans(normal);
  const hit = matchedWords(spans, terms);
  const first = Math.min(...hit, spans.length);
  if (normal.length <= length) return piecesOf(normal, spans, hit, 0, normal.length);

  // Start at a word boundary a little before the first match, end at one before the limit.
  let from = 0;
  if (first < spans.length && spans[first]!.start > SNIPPET_LEAD) {
    const target = spans[first]!.start - SNIPPET_LEAD;
    from = spans.find((s) => s.start >= target)?.start ?? 0;
  }
  let to = Math.min(normal.length, from + length);
  if (to < normal.length) {
    const lastWhole = spans.filter((s) => s.end <= to && s.start >= from).pop();
    if (lastWhole) to = lastWhole.end;
  }
  const pieces = piecesOf(normal, spans, hit, from, to);
  if (from > 0) pieces.unshift({ text: '… ', mark: false });
  if (to < normal.length) pieces.push({ text: ' …', mark: false });
  return pieces;
}

/**
 * Markdown reduced to its words, for indexing and snippets: link and image
 * syntax give way to their text, and marks of emphasis, headings, quotes and
 * code disappear.
 */
export function plainText(markdown: string): string {
  // No part of a pattern may run past the next opening bracket: each attempt
  // then reads only up to it, and text full of unclosed ones takes linear time.
  return markdown
    .replace(/!\[([^[\]]*)\]\([^()]*\)/g, '$1')
    .replace(/\[([^[\]]*)\]\([^()]*\)/g, '$1')
    .replace(/<[^<>]+>/g, ' ')
    .replace(/^\s{0,3}(?:#{1,6}|>|[-*+]|\d+[.)])\s+/gm, '')
    .replace(/[*_`~]+/g, '');
}
