/**
 * Known devices: a browser an account has signed in from carries a cookie
 * that lets it past the account's sign-in limit from anywhere (see
 * login-throttle.ts), so that strangers guessing the password cannot lock
 * the owner out. It never replaces the password.
 *
 * The cookie is `<account id>.<random>.<HMAC>`, keyed with the account's
 * password hash: nothing is stored, only the server can make one, and every
 * device is forgotten when the password changes (the new sign-in makes a new
 * cookie). Someone holding the database could make one, but they hold the
 * hashes too; the cookie spares them no password.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { sameToken } from './tokens.js';

/** 16 random bytes: two cookies never look alike. */
const NONCE_BYTES = 16;

interface DeviceAccount {
  id: number;
  password_hash: string;
}

function mac(account: DeviceAccount, nonce: string): string {
  return createHmac('sha256', account.password_hash).update(`almanac known device ${account.id} ${nonce}`).digest('base64url');
}

/** A new known-device cookie value for an account that has just signed in. */
export function knownDeviceToken(account: DeviceAccount): string {
  const nonce = randomBytes(NONCE_BYTES).toString('base64url');
  return `${account.id}.${nonce}.${mac(account, nonce)}`;
}

/** Whether a cookie value was made for this account with its current password. */
export function isKnownDevice(account: DeviceAccount, token: string | undefined): boolean {
  if (!token || token.length > 200) return false;
  const [id, nonce, given, ...rest] = token.split('.');
  if (rest.length > 0 || id !== String(account.id) || !nonce || !given) return false;
  return sameToken(given, mac(account, nonce));
}
