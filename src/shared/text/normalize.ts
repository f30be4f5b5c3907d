/**
 * The one normalisation of text that people type, paste or import. Text is
 * stored the way every output can carry it: XML 1.0 (the feeds and the
 * sitemap) forbids most control characters, lone surrogates and U+FFFE/U+FFFF;
 * iCalendar forbids every control but the tab; and pasted text brings all of
 * them (Word copies a manual line break as a vertical tab).
 *
 * - Unicode NFC, so that text typed decomposed (as macOS keyboards give
 *   Vietnamese) compares, searches and slugs like the same text composed.
 * - Line breaks become LF: CR LF, CR, and the characters that are line breaks
 *   in other systems: vertical tab and form feed (Word's manual line and page
 *   breaks), NEL (U+0085), and U+2028/U+2029.
 * - Tab is kept in multi-line text.
 * - Every other C0 control, DEL and the C1 controls (U+0080–U+009F) are
 *   removed; so are the Unicode noncharacters (U+FFFE, U+FFFF, U+FDD0–U+FDEF
 *   and the last two of each plane), which XML forbids or discourages.
 * - A lone surrogate (half of a broken emoji) becomes U+FFFD, the replacement
 *   character, so that the reader sees something was lost.
 */

/** Surrogates that are not half of a pair (only those match with the `u` flag). */
const LONE_SURROGATE = /\p{Cs}/gu;
const NEWLINE = /\r\n?/g;
// Vertical tab, form feed, NEL, line separator, paragraph separator.
const OTHER_LINE_BREAK = /[\v\f\u0085\u2028\u2029]/g;
// C0 controls but tab and LF (CR is gone by then), DEL, C1 controls, noncharacters.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const FORBIDDEN = /[\0-\x08\x0B-\x1F\x7F-\x9F\p{Noncharacter_Code_Point}]/gu;
// In finished output, where LF and CR LF already end lines, the other line breaks can only be spaces.
const SPACE_IN_OUTPUT = /[\v\f\u0085]|\r(?!\n)/g;
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const FORBIDDEN_IN_OUTPUT = /[\0-\x08\x0E-\x1F\x7F-\x9F\p{Noncharacter_Code_Point}]/gu;
const LINE_BREAK_OR_TAB = /[\n\t]/;

export interface NormalizeOptions {
  /**
   * For line-oriented files (the importer's listing pages): only CR, LF and
   * CR LF end a line, and the other line breaks become spaces, so that every
   * line keeps its number and a title stays on its line.
   */
  keepLines?: boolean;
}

/**
 * Normalises multi-line text (summaries, descriptions, article bodies) as
 * described above. Idempotent; leaves ordinary text in NFC unchanged.
 */
export function normalizeText(s: string, options: NormalizeOptions = {}): string {
  return s
    .replace(LONE_SURROGATE, '\uFFFD')
    .replace(NEWLINE, '\n')
    .replace(OTHER_LINE_BREAK, options.keepLines ? ' ' : '\n')
    .replace(FORBIDDEN, '')
    .normalize('NFC');
}

/**
 * Normalises single-line text (titles, names, credits, places, slugs): as
 * `normalizeText`, then every run of line breaks and tabs with the spaces
 * around it becomes one space, and the ends are trimmed.
 */
export function normalizeLine(s: string): string {
  // Split and trimmed rather than one pattern like /\s*\n\s*/: that backtracks over
  // every run of spaces without a line break, quadratic in its length.
  return normalizeText(s)
    .split(LINE_BREAK_OR_TAB)
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .join(' ');
}

/**
 * For writers of XML and iCalendar, as a last guard for text stored before
 * normalisation: removes the characters those formats forbid (controls but
 * tab, LF and CR; DEL; C1 controls; noncharacters), replaces lone surrogates
 * with U+FFFD, and turns vertical tab, form feed, NEL and a CR not before an
 * LF into spaces. LF and CR LF are left alone and no character becomes a
 * line end, so it may be applied to a finished document (a feed, a calendar's
 * events) as well as to one value.
 */
export function stripForbidden(s: string): string {
  return s.replace(LONE_SURROGATE, '\uFFFD').replace(SPACE_IN_OUTPUT, ' ').replace(FORBIDDEN_IN_OUTPUT, '');
}

const CONTROL_OR_BROKEN = /[\p{Cc}\p{Cs}\p{Noncharacter_Code_Point}\u2028\u2029]/u;

/**
 * Whether `s` holds a control character (tab and line breaks included), a
 * lone surrogate or a noncharacter. Such text is refused where it cannot be
 * mended by normalising without changing its meaning: a web address.
 */
export function hasControlCharacter(s: string): boolean {
  return CONTROL_OR_BROKEN.test(s);
}
