/**
 * Photo credits as the office writes them ("© ILO/Nguyen Hai Dat 2024"),
 * parsed into fields and written back identically. A library image carries
 * its own credit; an imported article carries the one printed under its photo.
 */

/** Who holds the rights to a photo, who took it, and when. */
export interface PhotoCredit {
  holder: string;
  photographer: string | null;
  year: number | null;
}

const CREDIT = /^(?:©|\(c\)|copyright\b)\s*(.*)$/i;

/**
 * Reads a photo credit line: "© ILO/Nguyen Hai Dat 2024", "© ILO 2024",
 * "©ILO/Nguyen Hai Dat", "(c) ILO/Nguyen Hai Dat". The part before "/" is
 * the rights holder, the part after it the photographer, and a trailing
 * four-digit number the year. Returns null when the line is not a credit.
 */
export function parseCredit(line: string): PhotoCredit | null {
  const m = CREDIT.exec(line.normalize('NFC').replace(/\s+/g, ' ').trim());
  if (!m) return null;
  let body = m[1]!.trim();
  let year: number | null = null;
  const y = /^(.*?)[\s,]+((?:19|20)\d{2})\.?$/.exec(body);
  if (y) {
    body = y[1]!.trim();
    year = Number(y[2]);
  }
  const slash = body.indexOf('/');
  const holder = (slash < 0 ? body : body.slice(0, slash)).trim();
  const photographer = slash < 0 ? null : body.slice(slash + 1).trim() || null;
  if (holder === '') return null;
  return { holder, photographer, year };
}

/** Writes a credit in the office's form, "© ILO/Nguyen Hai Dat 2024"; the inverse of {@link parseCredit}. */
export function formatCredit(c: PhotoCredit): string {
  let out = `© ${c.holder}`;
  if (c.photographer) out += `/${c.photographer}`;
  if (c.year !== null) out += ` ${c.year}`;
  return out;
}
