/**
 * Random tokens and their one-way forms. Cookies and links carry the token;
 * the database keeps only its SHA-256, so reading the database gives no way in.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** 32 random bytes: far beyond guessing, and the size the session cookie is specified with. */
const TOKEN_BYTES = 32;

/** A new random token, URL- and cookie-safe (base64url, 43 characters). */
export function newToken(): string {
  return randomBytes(TOKEN_BYTES).toString('base64url');
}

/** SHA-256 of a token in hex: what the database stores and looks up. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/**
 * The CSRF token that goes with a secret (a session token, or the sign-in
 * form's cookie). It is derived, so nothing more is stored, and a copy of the
 * database (which holds only SHA-256 of the secret) does not reveal it.
 */
export function csrfTokenFor(secret: string): string {
  return createHmac('sha256', secret).update('almanac csrf').digest('base64url');
}

/** Compares two strings in time independent of where they differ. */
export function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}
