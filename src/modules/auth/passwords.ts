/**
 * Password hashing with argon2id, and the rules a new password must meet.
 */
import { randomBytes } from 'node:crypto';
import { hash, parseOptions, verify, type Options } from '@node-rs/argon2';

/**
 * OWASP's recommended argon2id setting (19 MiB, 2 passes, 1 lane): about
 * 30-60 ms on one core here, slow for an attacker with a stolen hash and quick
 * enough that signing in does not queue on a two-core server.
 */
const ARGON2_OPTIONS: Options = {
  // 2 is Algorithm.Argon2id; the enum is declared `const` and cannot be imported under isolatedModules.
  algorithm: 2,
  memoryCost: 19456,
  timeCost: 2,
  parallelism: 1,
};

/** NIST SP 800-63B asks for at least 8; 12 leaves a margin against offline guessing of a stolen hash. */
export const MIN_PASSWORD_LENGTH = 12;
/** Long passphrases are welcome; far longer input is only a way to make the server hash megabytes. */
export const MAX_PASSWORD_LENGTH = 200;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

/** True when the password matches the hash; false (never an exception) for a malformed hash. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/**
 * A hash made with the same settings as real ones, of a password nobody has.
 * Checking against it costs what checking a real account costs, from the
 * very first request (nothing to compute at start-up).
 */
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$PYj5N8dWAxH2VsCiRoDYqA$CGmMFFqoAequ8BvEgMZJotItLB/wuduP0FfhgL5Y3+I';

/**
 * Spends the same time as checking a real password, for sign-ins with an
 * unknown email, so that the answer's timing does not tell whether an account
 * exists. Always false.
 */
export async function verifyDummyPassword(password: string): Promise<false> {
  await verifyPassword(DUMMY_HASH, password);
  return false;
}

/** Why a new password is refused, or undefined when it is acceptable. */
export type PasswordProblem = 'too_short' | 'too_long';

export function checkNewPassword(password: string): PasswordProblem | undefined {
  // Count characters as people see them (a Vietnamese letter with marks is one).
  const length = [...password.normalize('NFC')].length;
  if (length < MIN_PASSWORD_LENGTH) return 'too_short';
  if (length > MAX_PASSWORD_LENGTH) return 'too_long';
  return undefined;
}

/** Letters and digits without look-alikes (no 0/O, 1/l/I), so a printed password can be typed back. */
const GENERATED_ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
/** 20 characters from 56: about 116 bits, beyond any guessing, still short enough to type once. */
const GENERATED_LENGTH = 20;

/** A random password for a new account or a reset, shown once to whoever made it. */
export function generatePassword(): string {
  const out: string[] = [];
  // Rejection sampling keeps every character equally likely.
  const limit = 256 - (256 % GENERATED_ALPHABET.length);
  while (out.length < GENERATED_LENGTH) {
    for (const byte of randomBytes(32)) {
      if (byte < limit && out.length < GENERATED_LENGTH) out.push(GENERATED_ALPHABET[byte % GENERATED_ALPHABET.length]!);
    }
  }
  // Groups of five are easier to read aloud and copy.
  return out.join('').replace(/(.{5})(?=.)/g, '$1-');
}

/** The settings a hash was made with match the current ones (the dummy hash must, to cost the same). */
export function usesCurrentSettings(passwordHash: string): boolean {
  const parsed = parseOptions(passwordHash);
  return (
    parsed.algorithm === ARGON2_OPTIONS.algorithm &&
    parsed.memoryCost === ARGON2_OPTIONS.memoryCost &&
    parsed.timeCost === ARGON2_OPTIONS.timeCost &&
    parsed.parallelism === ARGON2_OPTIONS.parallelism
  );
}

export { DUMMY_HASH };
