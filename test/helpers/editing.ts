/**
 * People and form inputs for tests of the editing services. The people are
 * real accounts (the audit log refers to them), made without signing in. The
 * inputs' texts start from the kinds' descriptions, so a new translated field
 * is empty here until a test fills it.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../src/db/schema.js';
import type { AdminUser } from '../../src/modules/auth/index.js';
import { createTestUser } from './admin-session.js';
import { DEFAULT_NOW } from './build-test-app.js';
import type { ArticleInput } from '../../src/modules/articles/articles.schemas.js';
import { articleTexts } from '../../src/modules/articles/articles.type.js';
import { emptyText, type TextFields } from '../../src/modules/content/index.js';
import type { EventInput } from '../../src/modules/events/events.schemas.js';
import { eventTexts } from '../../src/modules/events/events.type.js';

export interface People {
  admin: AdminUser;
  editor: AdminUser;
  otherEditor: AdminUser;
  contributor: AdminUser;
  otherContributor: AdminUser;
}

/** Who makes a change and when (the app's default "now" unless told), as the editing services take it. */
export const as = (user: AdminUser, now = DEFAULT_NOW) => ({ user, now });

/** `minutes` after the app's default "now". */
export const minutesLater = (minutes: number): Date => new Date(DEFAULT_NOW.getTime() + minutes * 60_000);

/** One account of each kind a test of the workflow needs. */
export async function createPeople(db: Kysely<Database>): Promise<People> {
  return {
    admin: await createTestUser(db, { role: 'admin', name: 'Lan Admin' }),
    editor: await createTestUser(db, { role: 'editor', name: 'Minh Editor' }),
    otherEditor: await createTestUser(db, { role: 'editor', name: 'Hoa Editor' }),
    contributor: await createTestUser(db, { role: 'contributor', name: 'Tuan Contributor' }),
    otherContributor: await createTestUser(db, { role: 'contributor', name: 'Mai Contributor' }),
  };
}

/**
 * Changes to a kind's default input; its texts give only the fields a test
 * fills (the title at least), the others empty, so a new translated field
 * needs no change to the tests that do not use it.
 */
export type InputOverrides<I extends { en: { title: string }; vi: { title: string } | null }> = Partial<Omit<I, 'en' | 'vi'>> & {
  en?: Partial<I['en']> & { title: string };
  vi?: (Partial<NonNullable<I['vi']>> & { title: string }) | null;
};

/** A text as given, every other declared field empty (and, for a translation, its slug and status unset). */
function textsFrom<T extends TextFields>(texts: T, given: { en?: object; vi?: object | null }, en: object) {
  return {
    en: { ...emptyText(texts), ...(given.en ?? en) },
    vi: given.vi ? { ...emptyText(texts), slug: null, status: null, ...given.vi } : null,
  };
}

export function eventInput(overrides: InputOverrides<EventInput> = {}): EventInput {
  const { en, vi, ...rest } = overrides;
  return {
    slug: null,
    event_type: 'workshop',
    attendance_mode: 'in_person',
    all_day: true,
    start_date: '2026-12-03',
    end_date: null,
    starts_at: null,
    ends_at: null,
    time_zone: 'Asia/Ho_Chi_Minh',
    online_url: null,
    registration_url: null,
    contact_email: null,
    hero_media_id: null,
    series_id: null,
    recurrence_rule: null,
    recurrence_exdates: null,
    vi_current: false,
    topics: [],
    programmes: [],
    ...rest,
    ...(textsFrom(eventTexts, { en, vi }, { title: 'Workshop in Đắk Lắk', description: 'Employers and workers meet in Buon Ma Thuot.' }) as Pick<EventInput, 'en' | 'vi'>),
  };
}

export function articleInput(overrides: InputOverrides<ArticleInput> = {}): ArticleInput {
  const { en, vi, ...rest } = overrides;
  return {
    slug: null,
    published_on: '2026-11-20',
    hero_media_id: null,
    hero_image_path: null,
    credit_holder: null,
    credit_photographer: null,
    credit_year: null,
    byline_kind: null,
    byline_name: null,
    vi_current: false,
    topics: [],
    programmes: [],
    ...rest,
    ...(textsFrom(articleTexts, { en, vi }, { title: 'Coffee farms of Đắk Lắk', body: 'Harvest time on the plateau.' }) as Pick<ArticleInput, 'en' | 'vi'>),
  };
}
