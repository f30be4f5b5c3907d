/**
 * ASCII folding and URL slugs for English and Vietnamese titles.
 */

// Letters that Unicode does not decompose into base letter + combining mark,
// so NFD alone would leave them in place. Vietnamese đ/Đ is the one that
// matters most here: "Đắk Lắk" must become "Dak Lak", not "Đak Lak".
const UNDECOMPOSABLE: Record<string, string> = {
  đ: 'd',
  Đ: 'D',
  ð: 'd',
  Ð: 'D',
  ø: 'o',
  Ø: 'O',
  ł: 'l',
  Ł: 'L',
  ħ: 'h',
  Ħ: 'H',
  ı: 'i',
  ß: 'ss',
  æ: 'ae',
  Æ: 'AE',
  œ: 'oe',
  Œ: 'OE',
  þ: 'th',
  Þ: 'Th',
};

const ASCII_ONLY = /^[\t\n\r -~]*$/;

const UNDECOMPOSABLE_PATTERN = new RegExp(`[${Object.keys(UNDECOMPOSABLE).join('')}]`, 'g');

/**
 * Removes diacritics from Latin letters, Vietnamese included: tone and vowel
 * marks go ("Việt Nam" → "Viet Nam") and đ/Đ become d/D, which NFD
 * decomposition alone does not do. Other characters are left as they are.
 */
export function foldDiacritics(s: string): string {
  // Printable ASCII has nothing to fold: search folds every word of every result it shows, most of them English.
  if (ASCII_ONLY.test(s)) return s;
  return s
    .replace(UNDECOMPOSABLE_PATTERN, (ch) => UNDECOMPOSABLE[ch] ?? ch)
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .normalize('NFC');
}

/**
 * Turns a title into a URL slug: lower-case ASCII letters and digits, words
 * joined by single hyphens, no hyphen at either end, at most `maxLength`
 * characters, cut at a word boundary when possible ("Đắk Lắk" → "dak-lak").
 * Returns "" when the text has no letters or digits, leaving the fallback
 * (an id, a date) to the caller.
 */
export function slugify(s: string, maxLength = 80): string {
  if (!Number.isInteger(maxLength) || maxLength < 1) throw new RangeError(`maxLength must be a positive integer, got ${maxLength}`);
  const words = foldDiacritics(s)
    .toLowerCase()
    // "children's" reads better as "childrens" than as "children-s".
    .replace(/['’‘`]/g, '')
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '');
  let slug = '';
  for (const word of words) {
    const next = slug === '' ? word : `${slug}-${word}`;
    if (next.length > maxLength) {
      // A single word longer than the limit still has to yield something.
      if (slug === '') slug = word.slice(0, maxLength);
      break;
    }
    slug = next;
  }
  return slug;
}
