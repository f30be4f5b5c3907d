/**
 * What visitors can see of events: listings split into upcoming and past by
 * the office's date, and one event's page. Only published events are shown.
 */
import type { Kysely } from 'kysely';
import type { Database, EventRow, LangCode } from '../../db/schema.js';
import { NotFoundError } from '../../shared/errors.js';
import { pageInfo, type PageInfo } from '../../shared/pagination.js';
import { addDays } from '../../shared/dates/calendar-date.js';
import { findSiteText } from '../site/site-texts.repository.js';
import * as repo from './events.repository.js';
import type { EventListRow } from './events.repository.js';

export type { EventListRow };

export interface EventSection {
  rows: EventListRow[];
  /** For each row, its 1-based number within its month group (continuing across pages). */
  numbers: number[];
}

export interface EventsListing {
  intro: string | undefined;
  info: PageInfo;
  totalUpcoming: number;
  upcoming: EventSection;
  past: EventSection;
}

function firstOfMonth(date: string): string {
  return `${date.slice(0, 7)}-01`;
}

function firstOfNextMonth(date: string): string {
  return addDays(`${date.slice(0, 7)}-28`, 7).slice(0, 7) + '-01';
}

/** Numbers rows within their month groups, starting the first group at `firstNumber`. */
function numberByMonth(rows: EventListRow[], firstNumber: number): number[] {
  const numbers: number[] = [];
  let month = '';
  let n = 0;
  for (const [i, row] of rows.entries()) {
    const m = row.start_date.slice(0, 7);
    n = m === month ? n + 1 : i === 0 ? firstNumber : 1;
    month = m;
    numbers.push(n);
  }
  return numbers;
}

/**
 * One page of the events listing: upcoming events (soonest first) followed by
 * past events (newest first), 20 to a page across both. Throws NotFoundError
 * for a page beyond the last.
 */
export async function listEventsPage(db: Kysely<Database>, lang: LangCode, today: string, page: number): Promise<EventsListing> {
  const counts = await repo.countUpcomingAndPast(db, today);
  const info = pageInfo(page, counts.upcoming + counts.past);
  if (page > info.pages) throw new NotFoundError();

  const upcomingOffset = Math.min(info.offset, counts.upcoming);
  const upcomingTake = Math.max(0, Math.min(info.pageSize, counts.upcoming - info.offset));
  const pastOffset = Math.max(0, info.offset - counts.upcoming);
  const pastTake = info.pageSize - upcomingTake;

  const [upcomingRows, pastRows, intro] = await Promise.all([
    upcomingTake > 0 ? repo.listUpcoming(db, lang, today, upcomingTake, upcomingOffset) : Promise.resolve([]),
    pastTake > 0 && pastOffset < counts.past ? repo.listPast(db, lang, today, pastTake, pastOffset) : Promise.resolve([]),
    findSiteText(db, 'events.intro', lang).then((text) => text ?? (lang === 'en' ? undefined : findSiteText(db, 'events.intro', 'en'))),
  ]);

  // A month group cut by the previous page goes on with its numbering.
  let upcomingFirst = 1;
  const firstUpcoming = upcomingRows[0];
  if (firstUpcoming && upcomingOffset > 0) {
    const before = await repo.countUpcomingStartingBefore(db, today, firstOfMonth(firstUpcoming.start_date));
    upcomingFirst = upcomingOffset - before + 1;
  }
  let pastFirst = 1;
  const firstPast = pastRows[0];
  if (firstPast && pastOffset > 0) {
    const newer = await repo.countPastStartingFrom(db, today, firstOfNextMonth(firstPast.start_date));
    pastFirst = pastOffset - newer + 1;
  }

  return {
    intro,
    info,
    totalUpcoming: counts.upcoming,
    upcoming: { rows: upcomingRows, numbers: numberByMonth(upcomingRows, upcomingFirst) },
    past: { rows: pastRows, numbers: numberByMonth(pastRows, pastFirst) },
  };
}

export interface EventDetail {
  event: EventRow;
  title: string;
  summary: string | null;
  description: string | null;
  venue: string | null;
  city: string | null;
  textLang: LangCode;
  programmes: { slug: string; name: string }[];
  topics: { slug: string; name: string }[];
}

/** A published event by slug, with its text in `lang` (English when not translated). */
export async function getPublishedEvent(db: Kysely<Database>, slug: string, lang: LangCode): Promise<EventDetail> {
  const event = await repo.findEventBySlug(db, slug);
  if (!event || event.status !== 'published') throw new NotFoundError();
  const translations = await repo.listEventTranslations(db, event.id);
  const text = translations.find((t) => t.lang === lang) ?? translations.find((t) => t.lang === 'en');
  if (!text) throw new NotFoundError();
  const taxonomy = await repo.listEventTaxonomy(db, event.id, lang);
  return {
    event,
    title: text.title,
    summary: text.summary,
    description: text.description,
    venue: text.venue,
    city: text.city,
    textLang: text.lang,
    ...taxonomy,
  };
}

export interface EventsAtAGlance {
  happeningNow: EventListRow[];
  comingUp: EventListRow[];
  recent: EventListRow[];
}

/** How many events the home page shows in each of its lists: enough to scan at a glance. */
const HOME_LIST_LENGTH = 5;

/** The home page's events: running today, starting later, and the latest past ones. */
export async function eventsAtAGlance(db: Kysely<Database>, lang: LangCode, today: string): Promise<EventsAtAGlance> {
  const [happeningNow, comingUp, recent] = await Promise.all([
    repo.listHappeningOn(db, lang, today, HOME_LIST_LENGTH),
    repo.listStartingAfter(db, lang, today, HOME_LIST_LENGTH),
    repo.listPast(db, lang, today, HOME_LIST_LENGTH),
  ]);
  return { happeningNow, comingUp, recent };
}
