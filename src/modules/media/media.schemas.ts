/**
 * What the media forms accept: alt text, photo credit, attachment labels.
 * Problems are returned as message keys per field, so a form can show each
 * next to its field in the reader's language.
 */
// attribution.ts has no imports of its own; taking it directly (not through
// the articles index, which imports this module) keeps the modules acyclic.
import { formatCredit, parseCredit, type PhotoCredit } from './photo-credit.js';
import { translator, type Lang, type MessageKey } from '../i18n/index.js';
import { ValidationError } from '../../shared/errors.js';
import type { MediaKind } from '../../db/schema.js';
import { normalizeLine } from '../../shared/text/normalize.js';

/** One problem with one field. */
export interface MediaIssue {
  key: MessageKey;
  /** For size messages: the limit, shown in the reader's units. */
  max?: number;
  /** For the pixel limit: the most pixels an image may have, shown in megapixels. */
  maxPixels?: number;
}

/** Formats a size for people: "850 KB", "2.4 MB" ("2,4 MB" in Vietnamese). */
export function formatBytes(bytes: number, lang: Lang): string {
  const number = new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 1 });
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${number.format(Math.round(bytes / 1024))} KB`;
  return `${number.format(bytes / (1024 * 1024))} MB`;
}

/** The text of an issue in a language. */
export function issueText(issue: MediaIssue, lang: Lang): string {
  const t = translator(lang);
  if (issue.maxPixels !== undefined) {
    const megapixels = new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 1 }).format(issue.maxPixels / 1_000_000);
    return t(issue.key, { max: megapixels });
  }
  return issue.max === undefined ? t(issue.key) : t(issue.key, { max: formatBytes(issue.max, lang) });
}

/** Input that the media forms cannot accept; `issues` maps each field to its problem. */
export class MediaInputError extends ValidationError {
  constructor(readonly issues: Readonly<Record<string, MediaIssue>>) {
    const fields = Object.fromEntries(Object.entries(issues).map(([field, issue]) => [field, issueText(issue, 'en')]));
    super(Object.values(fields).join(' '), fields);
    this.name = 'MediaInputError';
  }
}

/** Alt text describes a picture in a sentence or two; more belongs in the article. */
export const MAX_ALT_LENGTH = 500;
/** Longer than any real credit line; stops pasted paragraphs. */
export const MAX_CREDIT_LENGTH = 200;
/** A document's label is a link's text: "Agenda", "Concept note (PDF)". */
export const MAX_LABEL_LENGTH = 200;

export interface MediaDetailsInput {
  altEn?: string | undefined;
  altVi?: string | undefined;
  /** One line such as "© ILO/Nguyen Hai Dat 2024"; the "©" may be left out. */
  credit?: string | undefined;
}

export interface MediaDetails {
  altEn: string | null;
  altVi: string | null;
  credit: PhotoCredit | null;
}

interface Parsed<T> {
  value: T;
  issues: Record<string, MediaIssue>;
}

function clean(text: string | undefined): string | null {
  // Normalised as every text entering the site (no controls a feed cannot carry); runs of spaces folded too.
  const folded = normalizeLine(text ?? '').replace(/\s+/g, ' ');
  return folded === '' ? null : folded;
}

/**
 * Reads a credit line: "© ILO/Nguyen Hai Dat 2024", or the same without "©"
 * ("ILO/Nguyen Hai Dat 2024"). Null for an empty line; undefined when the
 * line cannot be read as a credit.
 */
export function parseCreditInput(text: string | undefined): PhotoCredit | null | undefined {
  const line = clean(text);
  if (line === null) return null;
  const credit = parseCredit(/^(?:©|\(c\)|copyright\b)/i.test(line) ? line : `© ${line}`);
  // A holder is a name: "2024" alone is a year someone forgot to give an owner.
  if (!credit || !/\p{L}/u.test(credit.holder)) return undefined;
  return credit;
}

/** The credit as the form shows it again ("© ILO/Nguyen Hai Dat 2024"), or "". */
export function creditInputValue(credit: { credit_holder: string | null; credit_photographer: string | null; credit_year: number | null }): string {
  return credit.credit_holder
    ? formatCredit({ holder: credit.credit_holder, photographer: credit.credit_photographer, year: credit.credit_year })
    : '';
}

/** Alt text (English required for images) and credit, with a problem per field. Documents take a credit only. */
export function parseMediaDetails(input: MediaDetailsInput, kind: MediaKind): Parsed<MediaDetails> {
  const issues: Record<string, MediaIssue> = {};
  const altEn = clean(input.altEn);
  const altVi = clean(input.altVi);
  if (kind === 'image') {
    if (altEn === null) issues.altEn = { key: 'media.error.altRequired' };
    else if (altEn.length > MAX_ALT_LENGTH) issues.altEn = { key: 'media.error.altTooLong' };
    if (altVi !== null && altVi.length > MAX_ALT_LENGTH) issues.altVi = { key: 'media.error.altTooLong' };
  }
  const creditLine = clean(input.credit);
  let credit: PhotoCredit | null = null;
  if (creditLine !== null && creditLine.length > MAX_CREDIT_LENGTH) {
    issues.credit = { key: 'media.error.creditTooLong' };
  } else {
    const parsed = parseCreditInput(input.credit);
    if (parsed === undefined) issues.credit = { key: 'media.error.creditFormat' };
    else credit = parsed;
  }
  return { value: { altEn: kind === 'image' ? altEn : null, altVi: kind === 'image' ? altVi : null, credit }, issues };
}

export interface AttachmentLabels {
  labelEn: string;
  labelVi: string | null;
}

/** An attachment's labels: English required, Vietnamese optional. */
export function parseAttachmentLabels(input: { labelEn?: string | undefined; labelVi?: string | undefined }): Parsed<AttachmentLabels> {
  const issues: Record<string, MediaIssue> = {};
  const labelEn = clean(input.labelEn);
  const labelVi = clean(input.labelVi);
  if (labelEn === null) issues.labelEn = { key: 'media.error.labelRequired' };
  else if (labelEn.length > MAX_LABEL_LENGTH) issues.labelEn = { key: 'media.error.labelTooLong' };
  if (labelVi !== null && labelVi.length > MAX_LABEL_LENGTH) issues.labelVi = { key: 'media.error.labelTooLong' };
  return { value: { labelEn: labelEn ?? '', labelVi }, issues };
}
