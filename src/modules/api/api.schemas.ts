/**
 * The read API's requests and responses, written once as zod schemas: the
 * routes validate queries with them, the service's answers are parsed through
 * them on the way out, and the OpenAPI document (openapi.ts) is generated
 * from them. Every response object is strict, so its JSON Schema forbids
 * fields it does not name, and a field added to an answer without being
 * added here fails at once.
 */
import { z } from 'zod';
import { EARLIEST_YEAR, LATEST_YEAR } from '../../shared/dates/bounds.js';
import { ATTENDANCE_MODES, EVENT_TYPES } from '../events/index.js';
import { LANGS, type Lang } from '../i18n/index.js';

/** The named schemas of the document's `components.schemas`, by id. */
export const apiSchemas = z.registry<{ id: string; description?: string }>();

/** The site's languages, as zod's enums take a list. */
const LANG_VALUES = LANGS as readonly [Lang, ...Lang[]];

/** Longest page a client may ask for: enough for a dashboard, small enough for one query and one answer. */
export const MAX_LIMIT = 100;
/** A page's length when the client does not say. */
export const DEFAULT_LIMIT = 20;
/** A cursor is a few dozen characters; anything much longer is not one of ours. */
const MAX_CURSOR_LENGTH = 400;
/** As routing limits a slug in a page's path. */
const MAX_SLUG_LENGTH = 200;

const lang = z.enum(LANG_VALUES).default('en').meta({ description: 'The language of the texts: `en` (default) or `vi`. A text not yet published in Vietnamese is given in English, marked with `fallback`.' });
const slugParam = (what: string) =>
  z
    .string()
    .min(1)
    .max(MAX_SLUG_LENGTH)
    .regex(/^[\p{L}\p{N}-]+$/u, 'Expected the slug of a topic or programme')
    .optional()
    .meta({ description: `Only items tagged with this ${what} (its slug, as in /api/v1/${what}s).` });
const date = (description: string) => z.iso.date({ error: 'Expected a date as YYYY-MM-DD' }).optional().meta({ description });

const pagination = {
  cursor: z
    .string()
    .min(1)
    .max(MAX_CURSOR_LENGTH)
    .optional()
    .meta({ description: 'Where the page starts: the `next_cursor` of the page before, with the same filters. Opaque: use it as given.' }),
  limit: z.coerce
    .number({ error: 'Expected a whole number' })
    .int({ error: 'Expected a whole number' })
    .min(1)
    .max(MAX_LIMIT)
    .default(DEFAULT_LIMIT)
    .meta({ description: `How many items a page holds, 1 to ${MAX_LIMIT} (default ${DEFAULT_LIMIT}).` }),
};

const commonFilters = {
  year: z.coerce
    .number({ error: 'Expected a year' })
    .int({ error: 'Expected a year' })
    .min(EARLIEST_YEAR)
    .max(LATEST_YEAR)
    .optional(),
  topic: slugParam('topic'),
  programme: slugParam('programme'),
  updated_since: z.iso
    .datetime({ offset: true, error: 'Expected an instant as in RFC 3339, e.g. 2026-11-23T09:00:00+07:00' })
    .optional()
    .meta({ description: 'Only items changed at or after this instant (RFC 3339 with an offset or Z): to fetch what changed since the last visit.' }),
};

/** `GET /api/v1/events`: the filters of the site's events listing, and the API's own. */
export const eventsQuery = z.strictObject({
  lang,
  ...commonFilters,
  year: commonFilters.year.meta({ description: 'Only events running during this year (an event across New Year is in both years).' }),
  type: z.enum(EVENT_TYPES).optional().meta({ description: 'Only events of this type.' }),
  when: z
    .enum(['upcoming', 'past'])
    .optional()
    .meta({ description: '`upcoming`: events still running on or after today in the office’s time zone, soonest first; `past`: events that ended before today, newest first. Without it, every event, soonest first.' }),
  from: date('Only events running on or after this day (YYYY-MM-DD).'),
  to: date('Only events running on or before this day (YYYY-MM-DD).'),
  ...pagination,
});
export type EventsQuery = z.infer<typeof eventsQuery>;

/** `GET /api/v1/articles`. */
export const articlesQuery = z.strictObject({
  lang,
  ...commonFilters,
  year: commonFilters.year.meta({ description: 'Only articles dated in this year.' }),
  from: date('Only articles dated on or after this day (YYYY-MM-DD).'),
  to: date('Only articles dated on or before this day (YYYY-MM-DD).'),
  ...pagination,
});
export type ArticlesQuery = z.infer<typeof articlesQuery>;

/** The one parameter of a single item, and of the topics and programmes. */
export const langQuery = z.strictObject({ lang });

/** `{idOrSlug}` of a single item's path. */
export const itemParams = z.strictObject({
  idOrSlug: z
    .string()
    .min(1)
    .max(MAX_SLUG_LENGTH)
    .regex(/^[\p{L}\p{N}-]+$/u, 'Expected an id or a slug')
    .meta({ description: 'The item’s id, or its slug in any language (a former slug too).' }),
});

// Responses.

const langCode = z.enum(LANG_VALUES);
/** An instant as stored: UTC. */
const instant = z.iso.datetime({ offset: true });

const textMeta = {
  lang: langCode.meta({ description: 'The language the text is in.' }),
  fallback: z.boolean().meta({ description: 'True when the text asked for is not published in that language and English is given instead.' }),
};

export const slugsSchema = z
  .strictObject(Object.fromEntries(LANGS.map((l) => [l, z.string()])) as Record<Lang, z.ZodString>)
  .register(apiSchemas, { id: 'Slugs', description: 'The item’s slug in each language: its page’s address ends in it. A language without a published text has the English slug.' });

export const termRefSchema = z
  .strictObject({
    slug: z.string(),
    name: z.string().meta({ description: 'In the language asked for, English where not translated.' }),
    url: z.url().meta({ description: 'The topic’s or programme’s page.' }),
  })
  .register(apiSchemas, { id: 'TermRef', description: 'A topic or programme an item is tagged with.' });

export const creditSchema = z
  .strictObject({
    text: z.string().meta({ description: 'As the office writes it: “© ILO/Nguyen Hai Dat 2024”.' }),
    holder: z.string(),
    photographer: z.string().nullable(),
    year: z.number().int().nullable(),
  })
  .register(apiSchemas, { id: 'Credit', description: 'A photo credit: who holds the rights, who took it, when.' });

export const imageVariantSchema = z
  .strictObject({
    url: z.url(),
    type: z.string().nullable().meta({ description: 'Its media type (image/avif, image/webp, image/jpeg, image/png); null when not known.' }),
    width: z.number().int().nullable(),
    height: z.number().int().nullable(),
  })
  .register(apiSchemas, { id: 'ImageVariant', description: 'One file of an image: a format at a width.' });

export const heroSchema = z
  .strictObject({
    alt: z.string().meta({ description: 'What the image shows, for those who cannot see it (empty when decorative).' }),
    alt_lang: langCode.meta({ description: 'The language of `alt`.' }),
    credit: creditSchema.nullable(),
    width: z.number().int().nullable().meta({ description: 'The original’s size in pixels; null when not known.' }),
    height: z.number().int().nullable(),
    variants: z.array(imageVariantSchema).meta({ description: 'Its files, smallest first within each format.' }),
  })
  .register(apiSchemas, { id: 'Hero', description: 'The image at the head of an item’s page.' });

/** The fields every kind of item starts with: who it is and where its page is. */
const itemHead = (kind: string) => ({
  id: z.number().int(),
  slugs: slugsSchema,
  url: z.url().meta({ description: `The ${kind}’s page in the language asked for.` }),
  status: z.literal('published').meta({ description: 'Publication status: the API gives only what visitors may see now.' }),
});

/** The fields every kind of item ends with: its image, its tags, its times. */
const itemTail = {
  hero: heroSchema.nullable(),
  topics: z.array(termRefSchema),
  programmes: z.array(termRefSchema),
  published_at: instant.nullable().meta({ description: 'When it was published (UTC).' }),
  updated_at: instant.meta({ description: 'When it last changed (UTC).' }),
};

export const eventSessionSchema = z
  .strictObject({
    planned_date: z.iso.date().meta({ description: 'The date the session was planned for (YYYY-MM-DD, in the event’s time zone): what names it in calendars (RECURRENCE-ID).' }),
    number: z.number().int().meta({ description: 'Its place among the event’s sessions in the order planned, from 1.' }),
    status: z.enum(['scheduled', 'moved', 'cancelled']).meta({ description: '`moved`: moved from its planned date or time; `cancelled`: it will not take place (so is every session of a cancelled event).' }),
    start_date: z.iso.date().meta({ description: 'The session’s day (YYYY-MM-DD) in the event’s time zone.' }),
    end_date: z.iso.date().nullable().meta({ description: 'Its last day when it runs over several days; null for one day.' }),
    starts_at: instant.nullable().meta({ description: 'A timed session’s start, RFC 3339 with the offset of the event’s `time_zone` then; null for all-day sessions.' }),
    ends_at: instant.nullable().meta({ description: 'A timed session’s end, as `starts_at`; null when not given.' }),
  })
  .register(apiSchemas, { id: 'EventSession', description: 'One session of a recurring event, on its own date.' });

export const eventSchema = z
  .strictObject({
    ...itemHead('event'),
    event_status: z.enum(['scheduled', 'cancelled', 'postponed']).meta({ description: 'Whether the event takes place as planned.' }),
    status_reason: z
      .strictObject({ text: z.string(), lang: langCode.meta({ description: 'The language of `text`.' }) })
      .nullable()
      .meta({
        description:
          'Why a cancelled or postponed event is, as the office wrote it ("Postponed to 12 March"): in `lang` when given in it, else in English; null for an event going ahead or when no reason was given.',
      }),
    event_type: z.enum(EVENT_TYPES),
    attendance_mode: z.enum(ATTENDANCE_MODES),
    all_day: z.boolean().meta({ description: 'True for an event of whole days (dates only); false for a timed one (`starts_at`).' }),
    start_date: z.iso.date().meta({ description: 'Its first day (YYYY-MM-DD), in its time zone.' }),
    end_date: z.iso.date().nullable().meta({ description: 'Its last day when it runs over several days; null for one day.' }),
    time_zone: z.string().meta({ description: 'The IANA time zone of its times and days (e.g. Asia/Ho_Chi_Minh).' }),
    starts_at: instant.nullable().meta({ description: 'A timed event’s start, RFC 3339 with the offset of `time_zone` then; null for all-day events.' }),
    ends_at: instant.nullable().meta({ description: 'A timed event’s end, as `starts_at`; null when not given.' }),
    text: z
      .strictObject({
        ...textMeta,
        title: z.string(),
        summary: z.string().nullable(),
        description: z.string().nullable().meta({ description: 'Markdown, as written.' }),
        description_html: z.string().nullable().meta({ description: 'The description as sanitised HTML.' }),
        venue: z.string().nullable(),
        city: z.string().nullable(),
      })
      .meta({ description: 'The event’s text in the language asked for, or English.' }),
    online_url: z.string().nullable(),
    registration_url: z.string().nullable(),
    contact_email: z.string().nullable(),
    session_count: z
      .number()
      .int()
      .nullable()
      .meta({ description: 'How many sessions a recurring event’s rule makes in all; null for a single event or a rule without an end.' }),
    sessions: z
      .array(eventSessionSchema)
      .nullable()
      .meta({
        description:
          'A recurring event’s sessions, each on its own date, in order: in a listing those within its window (`when`, `from`, `to`, `year`; an event is listed when one of its sessions is), for one event up to its rule’s end or two years ahead. Null for a single event, whose dates are its own.',
      }),
    ...itemTail,
  })
  .register(apiSchemas, { id: 'Event', description: 'An event or meeting visitors may see now.' });

export const articleSchema = z
  .strictObject({
    ...itemHead('article'),
    published_on: z.iso.date().meta({ description: 'The article’s date (YYYY-MM-DD).' }),
    text: z
      .strictObject({
        ...textMeta,
        title: z.string(),
        summary: z.string().nullable(),
        body: z.string().nullable().meta({ description: 'Markdown, as written.' }),
        body_html: z.string().nullable().meta({ description: 'The body as sanitised HTML.' }),
      })
      .meta({ description: 'The article’s text in the language asked for, or English.' }),
    byline: z
      .strictObject({
        kind: z.enum(['by', 'op-ed']),
        name: z.string(),
        role: z.string().nullable(),
        organisation: z.string().nullable(),
      })
      .nullable()
      .meta({ description: 'Who wrote it (“By …”, “Op-ed by …”); role and organisation in the text’s language.' }),
    ...itemTail,
  })
  .register(apiSchemas, { id: 'Article', description: 'A feature article visitors may see now.' });

export const termSchema = z
  .strictObject({
    id: z.number().int(),
    slug: z.string().meta({ description: 'What the `topic` and `programme` filters take.' }),
    url: z.url().meta({ description: 'Its page in the language asked for.' }),
    text: z.strictObject({ ...textMeta, name: z.string(), description: z.string().nullable() }),
  })
  .register(apiSchemas, { id: 'Term', description: 'A topic, or a programme or project.' });

const page = <T extends z.ZodType>(item: T, id: string, what: string) =>
  z
    .strictObject({
      data: z.array(item),
      next_cursor: z.string().nullable().meta({ description: 'The `cursor` of the next page; null on the last page.' }),
      next: z.url().nullable().meta({ description: 'The next page’s address, with the same filters; null on the last page.' }),
    })
    .register(apiSchemas, { id, description: `A page of ${what}.` });

export const eventPageSchema = page(eventSchema, 'EventPage', 'events');
export const articlePageSchema = page(articleSchema, 'ArticlePage', 'articles');
export const eventItemSchema = z.strictObject({ data: eventSchema }).register(apiSchemas, { id: 'EventItem', description: 'One event.' });
export const articleItemSchema = z.strictObject({ data: articleSchema }).register(apiSchemas, { id: 'ArticleItem', description: 'One article.' });
export const termListSchema = z.strictObject({ data: z.array(termSchema) }).register(apiSchemas, { id: 'TermList', description: 'Every topic, or every programme, by name.' });

export type EventJson = z.infer<typeof eventSchema>;
export type ArticleJson = z.infer<typeof articleSchema>;
export type TermJson = z.infer<typeof termSchema>;
export type HeroJson = z.infer<typeof heroSchema>;
export type TermRefJson = z.infer<typeof termRefSchema>;

export const seriesSessionSchema = z
  .strictObject({
    event_id: z.number().int().meta({ description: 'The event the session belongs to (see /api/v1/events/{idOrSlug}).' }),
    event_url: z.url().meta({ description: 'The event’s page in the language asked for.' }),
    title: z.string().meta({ description: 'The event’s title in the language asked for, or English.' }),
    planned_date: z.iso.date().meta({ description: 'The date the session was planned for (YYYY-MM-DD, in the event’s time zone): what names it in calendars (RECURRENCE-ID).' }),
    status: z.enum(['scheduled', 'moved', 'cancelled']).meta({ description: '`moved`: the session was moved from its planned date or time; `cancelled`: it will not take place (so is every session of a cancelled event).' }),
    all_day: z.boolean(),
    start_date: z.iso.date().meta({ description: 'The session’s day (YYYY-MM-DD) in the event’s time zone.' }),
    end_date: z.iso.date().nullable().meta({ description: 'Its last day when it runs over several days; null for one day.' }),
    time_zone: z.string().meta({ description: 'The event’s IANA time zone.' }),
    starts_at: instant.nullable().meta({ description: 'A timed session’s start, RFC 3339 with the offset of `time_zone` then; null for all-day sessions.' }),
    ends_at: instant.nullable().meta({ description: 'A timed session’s end, as `starts_at`; null when not given.' }),
  })
  .register(apiSchemas, { id: 'SeriesSession', description: 'One session of a series: a single event, or one date of a recurring event.' });

export const seriesSchema = z
  .strictObject({
    id: z.number().int(),
    slugs: slugsSchema,
    url: z.url().meta({ description: 'The series’ page in the language asked for.' }),
    calendar_url: z.url().meta({ description: 'Its iCalendar feed to subscribe to (a recurring event as one entry with its rule).' }),
    text: z
      .strictObject({
        ...textMeta,
        title: z.string(),
        description_html: z.string().nullable().meta({ description: 'What the series is, as sanitised HTML.' }),
      })
      .meta({ description: 'The series’ text in the language asked for, or English.' }),
    updated_at: instant.meta({ description: 'When it last changed (UTC).' }),
  })
  .register(apiSchemas, { id: 'Series', description: 'A series of events visitors may see now.' });

export const seriesDetailSchema = z
  .strictObject({
    ...seriesSchema.shape,
    sessions: z.array(seriesSessionSchema).meta({ description: 'Every session of its events visitors may see now, in order of date (a recurring event’s up to its end, or two years ahead).' }),
  })
  .register(apiSchemas, { id: 'SeriesDetail', description: 'A series with its sessions.' });

export const seriesListSchema = z.strictObject({ data: z.array(seriesSchema) }).register(apiSchemas, { id: 'SeriesList', description: 'Every series visitors may see now, by title.' });
export const seriesItemSchema = z.strictObject({ data: seriesDetailSchema }).register(apiSchemas, { id: 'SeriesItem', description: 'One series with its sessions.' });
export type SeriesJson = z.infer<typeof seriesSchema>;
export type SeriesDetailJson = z.infer<typeof seriesDetailSchema>;

/** RFC 9457 problem details, as the app's error handler writes them for every address under /api/. */
export const problemSchema = z
  .strictObject({
    type: z.url().meta({ description: 'Identifies the kind of problem: a link to its explanation on the API’s page.' }),
    title: z.string().meta({ description: 'The HTTP status’s name.' }),
    status: z.number().int(),
    detail: z.string().meta({ description: 'What went wrong, in English.' }),
    instance: z.string().meta({ description: 'The address asked for.' }),
    code: z.string().meta({ description: 'A stable name of the problem: `invalid_input`, `not_found`, `internal_error`…' }),
    errors: z
      .array(z.strictObject({ field: z.string().meta({ description: 'The parameter at fault.' }), detail: z.string() }))
      .optional()
      .meta({ description: 'For bad input: each parameter at fault, with what is wrong with it.' }),
  })
  .register(apiSchemas, { id: 'Problem', description: 'What went wrong (RFC 9457 problem details, application/problem+json).' });
