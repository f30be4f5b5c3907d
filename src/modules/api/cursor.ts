/**
 * Cursors of the API's listings: where the next page starts, as the sort key
 * of the last item given (its date and id), so that a page is a range of the
 * index however deep it is, and items added or removed before it do not
 * shift it. A cursor also names its listing (the endpoint and every filter
 * but the page's length), so one from another listing is refused rather than
 * read as a place in this one, and carries a check so that one cut or edited
 * by hand is refused too.
 *
 * It holds nothing secret and grants nothing: whatever position it names, the
 * query still gives only what visitors may see. It depends on nothing kept
 * by one server, so it stays good across restarts and instances.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { ValidationError } from '../../shared/errors.js';

/** Bumped if the cursor's layout ever changes: older cursors are then refused, not misread. */
const CURSOR_VERSION = 1;
/** Mixed into the check, so that the check of another base64 text never passes by chance. */
const CHECK_DOMAIN = 'almanac-api-cursor';
/** Characters of base64url kept of each digest: 96 bits, far beyond chance agreement. */
const DIGEST_CHARS = 16;

/** A place in a listing: the sort date of the last item given and its id (dates tie; ids do not). */
export interface Position {
  date: string;
  id: number;
}

const payload = z.tuple([z.literal(CURSOR_VERSION), z.string(), z.iso.date(), z.number().int().positive()]);

function digest(text: string): string {
  return createHash('sha256').update(text).digest('base64url').slice(0, DIGEST_CHARS);
}

/**
 * The name of a listing: the endpoint and its filters (the parsed values,
 * so `year=2025` and `year=02025` are one listing), without the cursor and
 * the page's length, which may change from page to page.
 */
export function listingName(endpoint: string, filters: Readonly<Record<string, unknown>>): string {
  const kept = Object.entries(filters)
    .filter(([name, value]) => name !== 'cursor' && name !== 'limit' && value !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return digest(JSON.stringify([endpoint, kept]));
}

/** The cursor of the page after `position` in `listing`. */
export function encodeCursor(listing: string, position: Position): string {
  const body = Buffer.from(JSON.stringify([CURSOR_VERSION, listing, position.date, position.id])).toString('base64url');
  return `${body}.${digest(`${CHECK_DOMAIN}:${body}`)}`;
}

const NOT_OURS = 'This is not a cursor this API gave: use the next_cursor of a page as it was given.';
const ANOTHER_LISTING = 'This cursor belongs to another listing (other filters or another endpoint): ask for the first page again without it.';

/** Reads a cursor of `listing`; a malformed, altered or foreign one is a ValidationError on the `cursor` parameter. */
export function decodeCursor(listing: string, cursor: string): Position {
  const [body = '', check = '', ...rest] = cursor.split('.');
  if (rest.length > 0 || !/^[\w-]+$/.test(body) || check !== digest(`${CHECK_DOMAIN}:${body}`)) {
    throw new ValidationError(NOT_OURS, { cursor: NOT_OURS });
  }
  let parsed: z.infer<typeof payload>;
  try {
    parsed = payload.parse(JSON.parse(Buffer.from(body, 'base64url').toString('utf8')));
  } catch {
    throw new ValidationError(NOT_OURS, { cursor: NOT_OURS });
  }
  const [, named, date, id] = parsed;
  if (named !== listing) throw new ValidationError(ANOTHER_LISTING, { cursor: ANOTHER_LISTING });
  return { date, id };
}
