/**
 * The filters visitors choose on search and listing pages (kind, year, topic,
 * programme, event type): how they are read from the query string and written
 * back into links, so a filtered page has its own URL.
 */
import { z } from 'zod';
import { EVENT_TYPES, type EventType, type SearchKind } from '../../db/schema.js';
import { messageKey, pageQuery } from '../../shared/http/query.js';

export { EVENT_TYPES };

export interface FilterValues {
  kind?: SearchKind | undefined;
  year?: number | undefined;
  topic?: string | undefined;
  programme?: string | undefined;
  type?: EventType | undefined;
}

/** A select left at "any" sends an empty value; that means no filter. */
const blank = (value: unknown) => (value === '' ? undefined : value);
const slug = z
  .string()
  .max(200, messageKey('filter.error.term'))
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, messageKey('filter.error.term'));

/** A year filter: a calendar year, wider than any office's archive. */
const year = z.coerce
  .number(messageKey('filter.error.year'))
  .int(messageKey('filter.error.year'))
  .min(1900, messageKey('filter.error.year'))
  .max(2200, messageKey('filter.error.year'))
  .optional();

/** Search's filters. The messages are message keys: a bad value is a 400 page in the page's language. */
export const filterQuery = z.object({
  kind: z.preprocess(blank, z.enum(['event', 'article'], messageKey('filter.error.kind')).optional()),
  year: z.preprocess(blank, year),
  topic: z.preprocess(blank, slug.optional()),
  programme: z.preprocess(blank, slug.optional()),
  type: z.preprocess(blank, z.enum(EVENT_TYPES, messageKey('filter.error.type')).optional()),
});

/** `?q=` as typed; a repeated parameter keeps its first value. */
const searchText = z.preprocess((value) => (Array.isArray(value) ? value[0] : value), z.string().default(''));

export const searchQuery = filterQuery.extend({ q: searchText }).extend(pageQuery.shape);

/** A repeated parameter (`?year=2020&year=2021`) keeps its first value, as `q` does. */
const firstOf = (value: unknown) => blank(Array.isArray(value) ? value[0] : value);

const listingSlug = slug;

/**
 * The filters of the events and articles listings, and the page. As in
 * search, a bad value is a 400 page that explains itself in the page's
 * language. Parameters a listing does not
 * offer (`type` on articles, `kind`) are dropped by the listing's own schema.
 */
export const listingQuery = z.object({
  year: z.preprocess(firstOf, year),
  topic: z.preprocess(firstOf, listingSlug.optional()),
  programme: z.preprocess(firstOf, listingSlug.optional()),
  type: z.preprocess(firstOf, z.enum(EVENT_TYPES, messageKey('filter.error.type')).optional()),
  page: z.preprocess((value) => (Array.isArray(value) ? value[0] : value), pageQuery.shape.page),
});

/** The articles listing's query: no event type. */
export const articleListingQuery = listingQuery.omit({ type: true });

/** The filters in the order they are shown and written into URLs. */
export const FILTER_KEYS = ['kind', 'year', 'topic', 'programme', 'type'] as const;

export type FilterKey = (typeof FILTER_KEYS)[number];

export function hasAnyFilter(values: FilterValues): boolean {
  return FILTER_KEYS.some((key) => values[key] !== undefined);
}

/** Query parameters for links: the filters set, in a fixed order. */
export function filterParams(values: FilterValues): Record<FilterKey, string | number | undefined> {
  return { kind: values.kind, year: values.year, topic: values.topic, programme: values.programme, type: values.type };
}
