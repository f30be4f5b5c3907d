import { z } from 'zod';
import type { MessageKey } from '../messages.js';
import { ValidationError } from '../errors.js';
import { hasControlCharacter } from '../text/normalize.js';

/** A validation message: a message key, translated into the page's language when shown. */
export const messageKey = (key: MessageKey) => ({ message: key });

/** `?page=N`: a positive whole number, 1 when absent. */
export const pageQuery = z.object({
  page: z.coerce
    .number(messageKey('error.pageNumber'))
    .int(messageKey('error.pageNumber'))
    .min(1, messageKey('error.pageNumber'))
    // Far beyond any real archive; stops absurd offsets reaching the database.
    .max(100000, messageKey('error.pageTooLarge'))
    .default(1),
});

/**
 * A slug in a path: routing already limits its length (maxParamLength). No
 * stored slug holds a control character, and PostgreSQL refuses a NUL in a
 * query outright, so such an address is turned away here as a bad one.
 */
export const slugParams = z.object({
  slug: z
    .string()
    .min(1, messageKey('error.badAddress'))
    .refine((slug) => !hasControlCharacter(slug), messageKey('error.badAddress')),
});

/**
 * What each schema makes of an empty query, kept when it is a record of plain
 * values: most pages are asked for without one, and the schemas' defaults and
 * transforms give the same each time. Each caller gets its own copy.
 */
const emptyQueryResults = new WeakMap<z.ZodType, Record<string, unknown>>();

/**
 * Parses query parameters with a schema; a bad value is a 400 whose message
 * is the first field's (a message key where the schema gives one).
 */
export function parseQuery<T extends z.ZodType>(schema: T, query: unknown): z.infer<T> {
  const empty = isEmptyRecord(query);
  if (empty) {
    const kept = emptyQueryResults.get(schema);
    if (kept) return { ...kept } as z.infer<T>;
  }
  const result = schema.safeParse(query);
  if (result.success) {
    if (empty && isFlatRecord(result.data)) emptyQueryResults.set(schema, { ...result.data });
    return result.data;
  }
  const fields: Record<string, string> = {};
  for (const issue of result.error.issues) fields[issue.path.join('.')] ??= issue.message;
  throw new ValidationError(Object.values(fields)[0] ?? 'invalid_input', fields);
}

function isEmptyRecord(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 0;
}

/** A plain object whose values are all strings, numbers, booleans or missing: a copy of it shares nothing with it. */
function isFlatRecord(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) return false;
  return Object.values(value).every((v) => v === null || (typeof v !== 'object' && typeof v !== 'function'));
}
