/**
 * A `Location` header may hold only visible ASCII: Node refuses anything
 * else when it writes the headers, after the status line is chosen, and the
 * visitor got "500 See Other" with the framework's JSON instead of a page.
 */
import type { FastifyInstance } from 'fastify';

/** A character a URL may not carry as it is: outside visible ASCII, or a `%` that starts no escape. */
const UNSAFE = /[^\x21-\x7e]|%(?![0-9A-Fa-f]{2})/gu;

/**
 * Percent-encodes what a redirect target may not carry as it is (spaces,
 * controls, letters outside ASCII as their UTF-8 bytes; a lone surrogate as
 * U+FFFD, as Buffer writes it), keeping escapes already there and every reserved character.
 */
export function encodeLocation(target: string): string {
  return target.replace(UNSAFE, (char) =>
    Array.from(Buffer.from(char, 'utf8'), (byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`).join(''),
  );
}

/** Encodes every redirect's `Location` before it is written, whichever route built it. */
export function registerLocationEncoding(app: FastifyInstance): void {
  // A hook with a callback: an async one would cost every request a promise.
  app.addHook('onSend', (_request, reply, payload, done) => {
    const location = reply.getHeader('location');
    if (typeof location === 'string') {
      const encoded = encodeLocation(location);
      if (encoded !== location) reply.header('location', encoded);
    }
    done(null, payload);
  });
}
