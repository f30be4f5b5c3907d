/**
 * What visitors can see of events: listings split into upcoming and past by
 * the office's date, and one event's page. Only events visitors may see at
 * `now` are shown: published, and past their publication time if scheduled.
 */
import type { Kysely } from 'kysely';
import type { Database, EventRow, LangCode } from '../../db/schema.js';
import type { EventAround } from './event-around.js';
import { NotFoundError } from '../../shared/errors.js';
import { pageInfo, type PageInfo } from '../../shared/pagination.js';
import { addDays } from '../../shared/dates/calendar-date.js';
import { listingMonth } from '../../shared/dates/day-range.js';
import { LANGS } from '../i18n/index.js';
import { rememberedLiveRead, visitorsTextChoice } from '../content/index.js';
import { findSiteText, getSettings, type Settings } from '../settings/index.js';
import { listEventAttachments, loadPicture, type AttachmentListRow, type PictureImage } from '../media/index.js';
import { knownTerms, listProgrammes, listTopics, type TermRow } from '../taxonomy/index.js';
import * as repo from './events.repository.js';
import { findLiveEventPage, type EventPageRead } from './event-page.repository.js';
import type { EventFilters, EventListRow, TextChoice } from './events.repository.js';
import type { EventTextColumns } from './events.type.js';

export type { EventFilters, EventListRow };

/** Which text visitors' listings in `lang` show at `now`, per the site's `untranslated` setting. */
export interface EventSection {
  rows: EventListRow[];
  /** For each row, its 1-based number within its month group (continuing across pages). */
  numbers: number[];
}

export interface EventsListing {
  intro: string | undefined;
  /** The intro's language: English when it has no text in the page's language. */
  introLang: LangCode;
  info: PageInfo;
  totalUpcoming: number;
  upcoming: EventSection;
  past: EventSection;
  /** The filters applied (a topic or programme no one has is left out: see `unknown`). */
  filters: EventFilters;
  /** Slugs asked for that name no topic or programme; the page says they were left out. */
  unknown: { topic?: string; programme?: string };
  /** The choices of the filter form. */
  options: { years: number[]; topics: TermRow[]; programmes: TermRow[] };
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
    const m = listingMonth(row.start_date);
    n = m === month ? n + 1 : i === 0 ? firstNumber : 1;
    month = m;
    numbers.push(n);
  }
  return numbers;
}

/**
 * One page of the events listing: upcoming events (soonest first) followed by
 * past events (newest first), 20 to a page across both. In Vietnamese, an
 * event without published Vietnamese text is listed in English or left out,
 * per the `untranslated` setting. `asked` narrows the list (year, topic,
 * programme, type); a topic or programme slug naming nothing is dropped and
 * reported in `unknown`. Also gives the filter form's choices. Throws
 * NotFoundError for a page beyond the last.
 */
export async function listEventsPage(
  db: Kysely<Database>,
  lang: LangCode,
  today: string,
  now: Date,
  page: number,
  asked: EventFilters = {},
): Promise<EventsListing> {
  const unfiltered = await visitorsTextChoice(db, lang, now);
  const [topics, programmes] = await Promise.all([listTopics(db, lang), listProgrammes(db, lang)]);
  const { filters, unknown } = knownTerms(asked, topics, programmes);
  const choice: TextChoice = { ...unfiltered, filters };
  // The year choices and the counts in one statement; a page of past single events with its rows in another.
  // Without filters (the listing as most visitors see it), the counts and years are kept until they can change.
  const unnarrowed = Object.values(filters).every((value) => value === undefined);
  const { counts, years } = unnarrowed
    ? await rememberedLiveRead(db, `events listing counts ${lang} ${choice.omitUntranslated}`, now, () => repo.countEventsWithYears(db, choice, today), today)
    : await repo.countEventsWithYears(db, choice, today);
  const info = pageInfo(page, counts.upcoming + counts.past);
  if (page > info.pages) throw new NotFoundError();

  const upcomingOffset = Math.min(info.offset, counts.upcoming);
  const upcomingTake = Math.max(0, Math.min(info.pageSize, counts.upcoming - info.offset));
  const pastOffset = Math.max(0, info.offset - counts.upcoming);
  const pastTake = pastOffset < counts.past ? info.pageSize - upcomingTake : 0;

  const [{ upcoming: upcomingRows, past: pastRows }, localIntro] = await Promise.all([
    upcomingTake > 0 || pastTake > 0 ? repo.listListingWindow(db, choice, today, { upcomingOffset, upcomingTake, pastOffset, pastTake, pastSessions: counts.pastSessions > 0 }) : Promise.resolve({ upcoming: [], past: [] }),
    findSiteText(db, 'events.intro', lang),
  ]);
  const intro = localIntro ?? (lang === 'en' ? undefined : await findSiteText(db, 'events.intro', 'en'));
  const introLang: LangCode = localIntro === undefined ? 'en' : lang;

  // A month group cut by the previous page goes on with its numbering.
  let upcomingFirst = 1;
  const firstUpcoming = upcomingRows[0];
  if (firstUpcoming && upcomingOffset > 0) {
    const before = await repo.countUpcomingStartingBefore(db, choice, today, firstOfMonth(firstUpcoming.start_date));
    upcomingFirst = upcomingOffset - before + 1;
  }
  let pastFirst = 1;
  const firstPast = pastRows[0];
  if (firstPast && pastOffset > 0) {
    const newer = await repo.countPastStartingFrom(db, choice, today, firstOfNextMonth(firstPast.start_date));
    pastFirst = pastOffset - newer + 1;
  }

  return {
    intro,
    introLang,
    info,
    totalUpcoming: counts.upcoming,
    upcoming: { rows: upcomingRows, numbers: numberByMonth(upcomingRows, upcomingFirst) },
    past: { rows: pastRows, numbers: numberByMonth(pastRows, pastFirst) },
    filters,
    unknown,
    options: { years, topics, programmes },
  };
}

/** The years visitors' events run in at `now`, newest first: the listing's year choices (an ItemYears). */
export async function visitorsEventYears(db: Kysely<Database>, lang: LangCode, now: Date): Promise<number[]> {
  const choice = await visitorsTextChoice(db, lang, now);
  return rememberedLiveRead(db, `event years ${lang} ${choice.omitUntranslated}`, now, () => repo.listEventYears(db, choice));
}

export interface TermEvents {
  upcoming: EventListRow[];
  past: EventListRow[];
  totalUpcoming: number;
  totalPast: number;
}

/**
 * Events sharing a topic or programme with an article (its tags by slug):
 * upcoming ones first, soonest first, then past ones, newest first; `limit` in all.
 * One line per event: a recurring event shows its next session (the one
 * running or the soonest to come), or, when all have taken place, its latest;
 * the listings read its sessions as lines of their own, so they are read a
 * page at a time, each page twice the last, until `limit` events are found.
 */
export async function listRelatedEvents(
  db: Kysely<Database>,
  lang: LangCode,
  today: string,
  now: Date,
  sharing: { topics: string[]; programmes: string[] },
  limit: number,
): Promise<EventListRow[]> {
  const choice: TextChoice = { ...(await visitorsTextChoice(db, lang, now)), filters: { sharing } };
  return repo.listUpcomingThenPast(db, choice, today, limit);
}

export interface EventDetail {
  event: EventRow;
  title: string;
  summary: string | null;
  description: string | null;
  /** The description's HTML, rendered when it was saved (null without a description, or before it is rendered). */
  descriptionHtml: string | null;
  venue: string | null;
  city: string | null;
  /**
   * The text shown, with every translated field its description declares
   * (events.type.ts): a field added there reaches the page's view with no
   * change here.
   */
  text: EventTextColumns;
  textLang: LangCode;
  /** The event's slug in each language, for the switcher and hreflang links. */
  slugs: Record<LangCode, string>;
  /**
   * The languages the page is indexed in (hreflang, sitemap): English, each
   * language the event's text is published in, and every other one too when
   * the site shows English in place of a missing translation ('fallback').
   */
  indexedIn: LangCode[];
  programmes: { slug: string; name: string }[];
  topics: { slug: string; name: string }[];
  /** Documents (agenda, concept note) in the editor's order. */
  attachments: AttachmentListRow[];
  /** The hero from the media library, with its alt text and credit. */
  hero: PictureImage | null;
  /** Its series and the sessions before and after, on visitors' pages (not in previews). */
  around?: EventAround;
}

/**
 * The event visitors may see at `now` whose address in `lang` ends in
 * `slug`, with its text in `lang`: the translation once published, else
 * English (textLang says which). An address using the event's slug in
 * another language, or an old slug (slug_redirects), also finds it; the
 * route then moves the visitor to `slugs[lang]`. Throws NotFoundError.
 */
export async function getPublishedEvent(db: Kysely<Database>, slug: string, lang: LangCode, now: Date): Promise<EventDetail> {
  // Nearly every visit names the event by its shown slug: the event, its lists and hero come in one statement.
  const [page, settings] = await Promise.all([findLiveEventPage(db, lang, slug, now), getSettings(db)]);
  if (page !== undefined) return detailOf(page, settings, lang, {});
  const event = await repo.findLiveEventByAddress(db, lang, slug, now);
  if (!event) throw new NotFoundError();
  return eventDetail(db, event, lang);
}

/**
 * An event as its page in `lang` shows it. With `draftText` (an editor's
 * preview) a translation is shown even before it is published.
 */
export async function eventDetail(db: Kysely<Database>, event: EventRow, lang: LangCode, options: { draftText?: boolean } = {}): Promise<EventDetail> {
  // Each look needs only the event's row, so they are asked together: on PostgreSQL one round trip.
  const [texts, settings, taxonomy, attachments, hero] = await Promise.all([
    repo.listEventTranslations(db, event.id),
    getSettings(db),
    repo.listEventTaxonomy(db, event.id, lang),
    listEventAttachments(db, event.id),
    loadPicture(db, event.hero_media_id),
  ]);
  return detailOf({ event, texts, ...taxonomy, attachments, hero }, settings, lang, options);
}

/** The page's detail from what was read of the event. */
function detailOf(read: EventPageRead, { untranslated }: Settings, lang: LangCode, options: { draftText?: boolean }): EventDetail {
  const { event, texts: translations, programmes, topics, attachments, hero } = read;
  const english = translations.find((t) => t.lang === 'en');
  if (!english) throw new NotFoundError();
  const shown = (l: LangCode) => translations.find((t) => t.lang === l && (l === 'en' || options.draftText === true || t.status === 'published'));
  const englishSlug = english.slug ?? event.slug;
  const slugs = Object.fromEntries(LANGS.map((l) => [l, shown(l)?.slug ?? englishSlug])) as Record<LangCode, string>;
  const indexedIn = LANGS.filter((l) => shown(l) !== undefined || untranslated === 'fallback');
  const text = shown(lang) ?? english;
  return {
    event,
    title: text.title,
    summary: text.summary,
    description: text.description,
    descriptionHtml: text.description_html,
    venue: text.venue,
    city: text.city,
    text,
    textLang: text.lang,
    slugs,
    indexedIn,
    programmes,
    topics,
    attachments,
    hero,
  };
}

export interface EventsAtAGlance {
  happeningNow: EventListRow[];
  comingUp: EventListRow[];
  recent: EventListRow[];
}

/** How many events the home page shows in each of its lists: enough to scan at a glance. */
const HOME_LIST_LENGTH = 5;

/** The home page's events: running today, starting later, and the latest past ones (untranslated ones as in listings). */
export async function eventsAtAGlance(db: Kysely<Database>, lang: LangCode, today: string, now: Date): Promise<EventsAtAGlance> {
  const choice = await visitorsTextChoice(db, lang, now);
  const [happeningNow, comingUp, recent] = await Promise.all([
    repo.listHappeningOn(db, choice, today, HOME_LIST_LENGTH),
    repo.listStartingAfter(db, choice, today, HOME_LIST_LENGTH),
    repo.listPast(db, choice, today, HOME_LIST_LENGTH),
  ]);
  return { happeningNow, comingUp, recent };
}
