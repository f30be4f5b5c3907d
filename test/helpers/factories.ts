/** Inserts events and articles directly, for tests that need particular data. */
import type { Kysely } from 'kysely';
import type { Database, EventStatus, EventType, PublicationStatus, TranslationStatus } from '../../src/db/schema.js';
import { slugify } from '../../src/shared/text/slugify.js';
import { renderMarkdownForStorage } from '../../src/modules/media/index.js';

const STAMP = '2026-01-01T00:00:00.000Z';
let counter = 0;

export interface EventFactoryInput {
  title?: string;
  slug?: string;
  start?: string;
  end?: string | null;
  status?: PublicationStatus;
  eventStatus?: EventStatus;
  eventType?: EventType;
  description?: string | null;
  /** Vietnamese text: published, with its title transliterated as slug, unless told otherwise. */
  vi?: { title: string; description?: string | null; slug?: string; status?: TranslationStatus; sourceSnapshot?: string | null };
  startsAt?: string | null;
  endsAt?: string | null;
  venue?: string | null;
  city?: string | null;
  registrationUrl?: string | null;
  contactEmail?: string | null;
}

export async function createEvent(db: Kysely<Database>, input: EventFactoryInput = {}): Promise<{ id: number; slug: string }> {
  counter += 1;
  const title = input.title ?? `Test event ${counter}`;
  const slug = input.slug ?? `test-event-${counter}`;
  const timed = Boolean(input.startsAt);
  const { id } = await db
    .insertInto('events')
    .values({
      slug,
      source_key: null,
      status: input.status ?? 'published',
      event_status: input.eventStatus ?? 'scheduled',
      event_type: input.eventType ?? 'meeting',
      start_date: input.start ?? '2026-12-01',
      end_date: input.end ?? null,
      all_day: timed ? 0 : 1,
      starts_at: input.startsAt ?? null,
      ends_at: input.endsAt ?? null,
      online_url: null,
      registration_url: input.registrationUrl ?? null,
      contact_email: input.contactEmail ?? null,
      publish_at: null,
      published_at: STAMP,
      created_at: STAMP,
      updated_at: STAMP,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('event_translations')
    .values({
      event_id: id,
      lang: 'en',
      title,
      summary: null,
      description: input.description ?? null,
      description_html: renderMarkdownForStorage(input.description),
      venue: input.venue ?? null,
      city: input.city ?? null,
      slug,
      status: 'published',
      created_at: STAMP,
      updated_at: STAMP,
    })
    .execute();
  if (input.vi) {
    await db
      .insertInto('event_translations')
      .values({
        event_id: id,
        lang: 'vi',
        title: input.vi.title,
        summary: null,
        description: input.vi.description ?? null,
        description_html: renderMarkdownForStorage(input.vi.description),
        venue: null,
        city: null,
        slug: input.vi.slug ?? slugify(input.vi.title),
        status: input.vi.status ?? 'published',
        source_snapshot: input.vi.sourceSnapshot ?? null,
        created_at: STAMP,
        updated_at: STAMP,
      })
      .execute();
  }
  return { id, slug };
}

export interface ArticleFactoryInput {
  title?: string;
  slug?: string;
  date?: string;
  status?: PublicationStatus;
  summary?: string | null;
  body?: string | null;
  heroImage?: string | null;
  heroAlt?: string | null;
  credit?: { holder: string; photographer: string | null; year: number | null } | null;
  byline?: { kind: 'by' | 'op-ed'; name: string; role: string | null; organisation: string | null } | null;
  /** Vietnamese text: published, with its title transliterated as slug, unless told otherwise. */
  vi?: { title: string; summary?: string | null; body?: string | null; slug?: string; status?: TranslationStatus };
}

export async function createArticle(db: Kysely<Database>, input: ArticleFactoryInput = {}): Promise<{ id: number; slug: string }> {
  counter += 1;
  const title = input.title ?? `Test article ${counter}`;
  const slug = input.slug ?? `test-article-${counter}`;
  const { id } = await db
    .insertInto('articles')
    .values({
      slug,
      source_key: null,
      status: input.status ?? 'published',
      published_on: input.date ?? '2026-11-01',
      hero_image_path: input.heroImage ?? null,
      credit_holder: input.credit?.holder ?? null,
      credit_photographer: input.credit?.photographer ?? null,
      credit_year: input.credit?.year ?? null,
      byline_kind: input.byline?.kind ?? null,
      byline_name: input.byline?.name ?? null,
      publish_at: null,
      published_at: STAMP,
      created_at: STAMP,
      updated_at: STAMP,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('article_translations')
    .values({
      article_id: id,
      lang: 'en',
      title,
      summary: input.summary ?? null,
      body: input.body ?? null,
      body_html: renderMarkdownForStorage(input.body),
      hero_alt: input.heroAlt ?? null,
      byline_role: input.byline?.role ?? null,
      byline_organisation: input.byline?.organisation ?? null,
      slug,
      status: 'published',
      created_at: STAMP,
      updated_at: STAMP,
    })
    .execute();
  if (input.vi) {
    await db
      .insertInto('article_translations')
      .values({
        article_id: id,
        lang: 'vi',
        title: input.vi.title,
        summary: input.vi.summary ?? null,
        body: input.vi.body ?? null,
        body_html: renderMarkdownForStorage(input.vi.body),
        hero_alt: null,
        byline_role: null,
        byline_organisation: null,
        slug: input.vi.slug ?? slugify(input.vi.title),
        status: input.vi.status ?? 'published',
        created_at: STAMP,
        updated_at: STAMP,
      })
      .execute();
  }
  return { id, slug };
}

/** A webinar on 7 December 2026 from 09:00 to 11:30 in Hanoi (02:00 to 04:30 UTC): the timed event of the page and calendar tests. */
export const TIMED_WEBINAR: EventFactoryInput = {
  slug: 'timed-webinar',
  title: 'Timed webinar',
  start: '2026-12-07',
  startsAt: '2026-12-07T02:00:00.000Z',
  endsAt: '2026-12-07T04:30:00.000Z',
  eventType: 'webinar',
};

/** An article's hero as most of the office's are: an image and its alt text, credited to the ILO and its photographer in `year`. */
export function officePhoto(heroImage: string, heroAlt: string, year: number): Pick<ArticleFactoryInput, 'heroImage' | 'heroAlt' | 'credit'> {
  return { heroImage, heroAlt, credit: { holder: 'ILO', photographer: 'Nguyen Hai Dat', year } };
}
