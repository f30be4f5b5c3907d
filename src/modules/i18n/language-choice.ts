/**
 * Which language a visitor arriving at `/` gets: the one they chose before
 * with the switcher (a cookie, set only by that explicit choice), else the
 * one their browser prefers between English and Vietnamese, else English.
 */
import type { Lang } from '../../shared/dates/format.js';
import { PUBLIC_LANGS } from '../../shared/http/paths.js';

/** The cookie that remembers a visitor's explicit choice of language. */
export const LANG_COOKIE = 'lang';

/** A year: a choice of language is made once and kept, like a bookmark. */
const LANG_COOKIE_MAX_AGE_SECONDS = 365 * 24 * 60 * 60;

/** Enough entries for any real browser; a longer header is not worth reading to the end. */
const MAX_ACCEPT_LANGUAGE_ENTRIES = 32;

function isLang(value: string | undefined): value is Lang {
  return PUBLIC_LANGS.some((lang) => lang === value);
}

interface Weight {
  q: number;
  /** Position in the header: equal weights go to the one listed first. */
  at: number;
}

/**
 * Reads an Accept-Language header and returns 'vi' when the browser prefers
 * Vietnamese over English (a higher weight, or the same weight listed first),
 * else 'en'. Regional tags count for their language (`vi-VN`, `en-GB`); `*`
 * stands for every language not named; `q=0` means "not acceptable".
 */
export function preferredLang(acceptLanguage: string | undefined): Lang {
  if (!acceptLanguage) return 'en';
  const named = new Map<string, Weight>();
  let wildcard: Weight | undefined;
  const entries = acceptLanguage.split(',').slice(0, MAX_ACCEPT_LANGUAGE_ENTRIES);
  entries.forEach((entry, at) => {
    const [rawTag = '', ...params] = entry.split(';');
    const tag = rawTag.trim().toLowerCase();
    let q = 1;
    for (const param of params) {
      const m = /^\s*q\s*=\s*([01](?:\.\d{0,3})?)\s*$/.exec(param);
      if (m) q = Number(m[1]);
      else if (/^\s*q\s*=/.test(param)) q = Number.NaN;
    }
    if (!Number.isFinite(q) || q > 1) return;
    if (tag === '*') {
      wildcard ??= { q, at };
      return;
    }
    const primary = tag.split('-')[0] ?? '';
    const known = named.get(primary);
    if (!known || q > known.q) named.set(primary, { q, at: known?.at ?? at });
  });
  const vi = named.get('vi') ?? wildcard;
  const en = named.get('en') ?? wildcard;
  if (!vi || vi.q <= 0) return 'en';
  if (!en || en.q <= 0) return 'vi';
  return vi.q > en.q || (vi.q === en.q && vi.at < en.at) ? 'vi' : 'en';
}

/** The language the visitor chose before, from the Cookie header; undefined when none (or not a site language). */
export function chosenLang(cookieHeader: string | undefined): Lang | undefined {
  if (!cookieHeader) return undefined;
  for (const pair of cookieHeader.split(';')) {
    const eq = pair.indexOf('=');
    if (eq < 0 || pair.slice(0, eq).trim() !== LANG_COOKIE) continue;
    const value = pair.slice(eq + 1).trim().replace(/^"(.*)"$/, '$1');
    if (isLang(value)) return value;
  }
  return undefined;
}

/** The language for a visitor at `/`: their earlier choice, else their browser's preference. */
export function languageForVisitor(headers: { cookie?: string | undefined; acceptLanguage?: string | undefined }): Lang {
  return chosenLang(headers.cookie) ?? preferredLang(headers.acceptLanguage);
}

/**
 * The Set-Cookie value that remembers a choice. HttpOnly (no script needs
 * it), SameSite=Lax (it must come along on an ordinary link to `/`), Secure
 * when the site is served over HTTPS.
 */
export function languageCookie(lang: Lang, secure: boolean): string {
  const parts = [`${LANG_COOKIE}=${lang}`, 'Path=/', `Max-Age=${LANG_COOKIE_MAX_AGE_SECONDS}`, 'SameSite=Lax', 'HttpOnly'];
  if (secure) parts.push('Secure');
  return parts.join('; ');
}
