/**
 * A page's meta description from its text: the first text given that is not
 * empty, as plain words (Markdown marks and HTML tags dropped), cut at a word
 * before `max` characters. Search engines show about 155–160 characters.
 */
export const META_DESCRIPTION_LENGTH = 160;

/** Where none of these is, the marks plain() drops are absent: only its spaces are tidied. */
const MARKED = /[<[*_`~\n\r\u2028\u2029]|^\s{0,3}(?:#{1,6}|>|[-*+]|\d+\.)\s/;

/**
 * Text as plain words: tags, images' and links' marks, block marks and
 * emphasis dropped, spaces tidied. Most summaries have none of those marks:
 * they are looked for once (a meta description is worked out on every item
 * page) rather than by each replacement in turn.
 */
export function plain(text: string): string {
  // No part of a pattern may run past the next opening bracket: each attempt
  // then reads only up to it, and text full of unclosed ones takes linear time.
  const unmarked = MARKED.test(text)
    ? text
        .replace(/<[^<>]*>/g, ' ')
        .replace(/!\[([^[\]]*)\]\([^()]*\)/g, '$1')
        .replace(/\[([^[\]]*)\]\([^()]*\)/g, '$1')
        .replace(/^\s{0,3}(#{1,6}|>|[-*+]|\d+\.)\s+/gm, '')
        .replace(/[*_`~]+/g, '')
    : text;
  return unmarked.replace(/\s+/g, ' ').replace(/ ([.,;:!?])/g, '$1').trim();
}

export function excerpt(texts: readonly (string | null | undefined)[], max = META_DESCRIPTION_LENGTH): string | undefined {
  for (const text of texts) {
    if (!text) continue;
    const words = plain(text);
    if (!words) continue;
    if (words.length <= max) return words;
    const cut = words.slice(0, max - 1);
    const space = cut.lastIndexOf(' ');
    return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–-]+$/, '')}…`;
  }
  return undefined;
}
