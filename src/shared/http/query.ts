import { z } from 'zod';
import { ValidationError } from '../errors.js';

/** `?page=N`: a positive whole number, 1 when absent. */
export const pageQuery = z.object({
  page: z.coerce
    .number({ message: 'page must be a number' })
    .int({ message: 'page must be a whole number' })
    .min(1, { message: 'page must be 1 or more' })
    // Far beyond any real archive; stops absurd offsets reaching the database.
    .max(100000, { message: 'page is too large' })
    .default(1),
});

/** Parses query parameters with a schema; a bad value is a 400 with the field's message. */
export function parseQuery<T extends z.ZodType>(schema: T, query: unknown): z.infer<T> {
  const result = schema.safeParse(query);
  if (result.success) return result.data;
  const fields: Record<string, string> = {};
  for (const issue of result.error.issues) fields[issue.path.join('.')] = issue.message;
  throw new ValidationError(Object.values(fields).join('; '), fields);
}
