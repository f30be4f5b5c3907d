/**
 * Bylines ("By André Gama, Social Protection Programme Manager, ILO Viet Nam")
 * as they appear on the feature articles page, parsed into fields and written
 * back identically. Photo credits are the media library's (media/photo-credit.ts).
 */
import type { Lang } from '../../shared/dates/format.js';
import { translator } from '../i18n/index.js';

import { formatCredit } from '../media/index.js';

// An article shows its hero's credit beside its byline, so its index offers both.
export { parseCredit, formatCredit, type PhotoCredit } from '../media/index.js';

/** The author line of an article: an ordinary byline or an opinion piece. */
export interface Byline {
  kind: 'by' | 'op-ed';
  name: string;
  role: string | null;
  organisation: string | null;
}

interface BylinePrefix {
  pattern: RegExp;
  kind: Byline['kind'];
}

// Longer prefixes first, so "Op-ed by" is not read as a name starting "Op-ed".
const BYLINE_PREFIXES: BylinePrefix[] = [
  { pattern: /^op-?ed\s+by\s+/i, kind: 'op-ed' },
  { pattern: /^by\s+/i, kind: 'by' },
  { pattern: /^bài\s+(?:bình\s+luận|xã\s+luận)\s+của\s+/iu, kind: 'op-ed' },
  { pattern: /^bài\s+viết\s+của\s+/iu, kind: 'by' },
  { pattern: /^tác\s+giả\s*:\s*/iu, kind: 'by' },
];

// Lower-case particles that occur inside personal names.
const NAME_PARTICLES = new Set(['de', 'da', 'das', 'do', 'dos', 'du', 'del', 'della', 'di', 'van', 'von', 'der', 'den', 'la', 'le', 'bin', 'binti', 'al', 'y', 'e']);

// Vietnamese honorifics written before a name ("Bài viết của ông Chang-Hee Lee");
// they are courtesy, not part of the name.
const VIETNAMESE_HONORIFIC = /^(?:ông|bà|anh|chị|tiến sĩ|ts\.?)\s+/iu;

/** A name is a short run of capitalised words without digits, like "André Gama" or "Chang-Hee Lee". */
function looksLikeName(text: string): boolean {
  if (/\d/.test(text)) return false;
  const words = text.split(' ');
  if (words.length === 0 || words.length > 6) return false;
  const capitalised = (w: string): boolean => /^[\p{Lu}][\p{L}\p{M}'’.-]*$/u.test(w);
  if (!capitalised(words[0]!) || !capitalised(words[words.length - 1]!)) return false;
  return words.every((w) => capitalised(w) || NAME_PARTICLES.has(w));
}

// Words that make a phrase a job title even when it mentions an organisation
// ("ILO Viet Nam Director").
const ROLE_WORDS =
  /\b(?:director|manager|officer|specialist|coordinator|head|chief|minister|president|chair(?:person|man|woman)?|adviser|advisor|expert|economist|consultant|secretary|representative|researcher|professor|lecturer|analyst|editor|journalist|fellow|deputy|ambassador)\b|giám đốc|trưởng|chuyên gia|cán bộ|điều phối|chủ tịch|cố vấn|phó/iu;

// Markers of an organisation name.
const ORGANISATION_WORDS =
  /\b(?:organi[sz]ation|office|ministry|department|university|institute|bank|federation|confederation|association|union|chamber|council|agency|programme|program|project|foundation|company|corporation|ltd|group|network|alliance|commission|secretariat|embassy|delegation|fund|centre|center|cooperative)\b|bộ |viện|tổ chức|trường|hiệp hội|liên đoàn|văn phòng|công ty|trung tâm|dự án/iu;

/** An organisation, not a job title: an organisation marker or a bare acronym ("ILO", "VCCI Viet Nam"), and no role word. */
function looksLikeOrganisation(text: string): boolean {
  if (ROLE_WORDS.test(text)) return false;
  return ORGANISATION_WORDS.test(text) || /^[\p{Lu}]{2,}(?:\s+[\p{Lu}][\p{L}]*)*$/u.test(text);
}

/**
 * Reads a byline: "By André Gama, Social Protection Programme Manager, ILO
 * Viet Nam", "Op-ed by Chang-Hee Lee, ILO Viet Nam Director", "By Jane Doe",
 * and the Vietnamese "Bài viết của …", "Bài bình luận của …", "Tác giả: …".
 *
 * The text after the prefix is split at commas. The first part is the name;
 * with three or more parts the last is the organisation and those between
 * are the role (an organisation whose own name holds a comma, like "Ministry
 * of Labour, Invalids and Social Affairs", is kept whole). With exactly two parts the second is the role, unless it is
 * clearly an organisation: it names one ("Ministry of …", "… Institute") or is
 * an acronym ("ILO Viet Nam") and contains no job word such as "Director" or
 * "Manager". So "ILO Viet Nam Director" is a role and "ILO Viet Nam" an
 * organisation.
 *
 * A Vietnamese honorific before the name ("ông", "bà") is dropped, as it is
 * courtesy rather than part of the name.
 *
 * Returns null when the line is ordinary prose that merely starts with "By",
 * such as "By 2030, …" or "By the end of …": a byline's name is at most six
 * capitalised words with no digits.
 */
export function parseByline(line: string): Byline | null {
  const text = line.normalize('NFC').replace(/\s+/g, ' ').trim().replace(/\.$/, '');
  const prefix = BYLINE_PREFIXES.find((p) => p.pattern.test(text));
  if (!prefix) return null;
  const rest = text.replace(prefix.pattern, '');
  const parts = rest.split(',').map((p) => p.trim());
  if (parts.some((p) => p === '') || parts.length > 6) return null;
  // A full stop followed by more text means sentences, not a byline.
  if (/[.!?]\s+\p{Lu}/u.test(rest)) return null;
  const name = parts[0]!.replace(VIETNAMESE_HONORIFIC, '');
  if (!looksLikeName(name)) return null;
  if (parts.slice(1).some((p) => p.split(' ').length > 12)) return null;

  if (parts.length === 1) return { kind: prefix.kind, name, role: null, organisation: null };
  if (parts.length === 2) {
    const second = parts[1]!;
    return looksLikeOrganisation(second)
      ? { kind: prefix.kind, name, role: null, organisation: second }
      : { kind: prefix.kind, name, role: second, organisation: null };
  }
  // Organisation names can contain commas themselves ("Ministry of Labour,
  // Invalids and Social Affairs"), so the organisation runs from the first
  // part that is clearly one; failing that, it is the last part.
  let orgStart = parts.findIndex((p, i) => i >= 1 && looksLikeOrganisation(p));
  if (orgStart < 0) orgStart = parts.length - 1;
  return {
    kind: prefix.kind,
    name,
    role: orgStart > 1 ? parts.slice(1, orgStart).join(', ') : null,
    organisation: parts.slice(orgStart).join(', '),
  };
}

/**
 * Writes a byline in the page's language: "By André Gama, Social Protection
 * Programme Manager, ILO Viet Nam", "Op-ed by Chang-Hee Lee, ILO Viet Nam
 * Director"; in Vietnamese "Bài viết của …" and "Bài bình luận của …". The
 * inverse of {@link parseByline} for English lines.
 */
export function formatByline(b: Byline, lang: Lang): string {
  const parts = [b.name, b.role, b.organisation].filter((p): p is string => p !== null && p !== '');
  return translator(lang)(b.kind === 'by' ? 'article.bylineBy' : 'article.bylineOpEd', { author: parts.join(', ') });
}

/** The credit and byline columns of an article (or of a row listing one). */
interface Attribution {
  credit_holder: string | null;
  credit_photographer: string | null;
  credit_year: number | null;
  byline_kind: 'by' | 'op-ed' | null;
  byline_name: string | null;
}

/** An article's own photo credit as written under its photo, or null. */
export function creditText(a: Attribution): string | null {
  return a.credit_holder ? formatCredit({ holder: a.credit_holder, photographer: a.credit_photographer, year: a.credit_year }) : null;
}

/** An article's byline in a language, or null when it has none. */
export function bylineText(a: Attribution, role: string | null, organisation: string | null, lang: Lang): string | null {
  return a.byline_kind && a.byline_name ? formatByline({ kind: a.byline_kind, name: a.byline_name, role, organisation }, lang) : null;
}
