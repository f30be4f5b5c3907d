/**
 * Topic and programme pages: one term's upcoming and past events and its
 * articles, and the index of every term. The listings themselves belong to
 * the events and articles modules; this module only asks them for one term.
 */
import type { Kysely } from 'kysely';
import type { Database, LangCode } from '../../db/schema.js';
import { lastDayColumn, lastDayOfDates } from '../../shared/dates/day-range.js';
import { articlesRepository, type ArticleListRow } from '../articles/index.js';
import { visitorsTextChoice, type TextChoice } from '../content/index.js';
import { eventsRepository, type TermEvents } from '../events/index.js';
import { getTerm, listProgrammes, listTopics, type TermKind, type TermRow } from '../taxonomy/index.js';

// How much of each list a term's page shows before linking to the filtered listing: every upcoming
// event on most terms (an office rarely announces more than a page ahead), and the latest few of the archives.
const UPCOMING_SHOWN = 20;
const PAST_SHOWN = 5;
const ARTICLES_SHOWN = 5;

export interface TermPage {
  kind: TermKind;
  term: TermRow;
  events: TermEvents;
  articles: { rows: ArticleListRow[]; total: number };
}

/**
 * How many upcoming and past lines (a recurring event counting as its
 * sessions) a choice of events shows, as the events listing counts them.
 * For one topic or programme alone, the past ones are not counted one by one
 * (every past event of the term, a number that grows with the archive): they
 * are the term's live events, which the database keeps counted, with each
 * recurring one's sessions in their place, less the upcoming lines. Those
 * are the upcoming events (the last-day index's range, its entries alone,
 * each looked up in the term's links) less the recurring ones, plus the
 * recurring ones' sessions still to come; recurring events are few and
 * found by their own index. Any other choice is counted by the events
 * listing itself.
 */
export async function countTermEvents(db: Kysely<Database>, choice: TextChoice, today: string): Promise<{ upcoming: number; past: number }> {
  const live = await eventsRepository.rows.countLiveTagged(db, choice);
  if (live === undefined) return eventsRepository.countUpcomingAndPast(db, choice, today);
  const { rows, liveEvents } = eventsRepository;
  const byItem: TextChoice = { ...choice, tagLookup: 'per item' };
  const recurring = () => liveEvents(db, byItem).where('e.recurrence_rule', 'is not', null);
  const sessionsOf = () => recurring().innerJoin('event_sessions as s', 's.event_id', 'e.id');
  const [upcomingEvents, upcomingRecurring, upcomingSessions, recurringEvents, sessions] = await Promise.all([
    rows.count(liveEvents(db, byItem).where(lastDayColumn('e'), '>=', today)),
    rows.count(recurring().where(lastDayOfDates('e'), '>=', today)),
    rows.count(sessionsOf().where('s.last_day', '>=', today)),
    rows.count(recurring()),
    rows.count(sessionsOf()),
  ]);
  const upcoming = upcomingEvents - upcomingRecurring + upcomingSessions;
  return { upcoming, past: live - recurringEvents + sessions - upcoming };
}

/**
 * A topic's or programme's page in `lang`: its upcoming events (soonest
 * first), latest past events and latest articles, with how many there are of
 * each. The lists are short pages read in order, their items' tags looked up
 * as they are read; the counts come from the term's kept counts where they
 * can (countTermEvents, articles' countPublishedArticles). Throws
 * NotFoundError for a slug naming no term.
 */
export async function getTermPage(
  db: Kysely<Database>,
  kind: TermKind,
  slug: string,
  lang: LangCode,
  today: string,
  now: Date,
): Promise<TermPage> {
  const [term, visitors] = await Promise.all([getTerm(db, kind, slug, lang), visitorsTextChoice(db, lang, now)]);
  const filters = kind === 'topic' ? { topic: term.slug } : { programme: term.slug };
  const counted: TextChoice = { ...visitors, filters };
  const paged: TextChoice = { ...counted, tagLookup: 'per item' };
  const [counts, upcoming, past, articleRows, articleTotal] = await Promise.all([
    countTermEvents(db, counted, today),
    eventsRepository.listUpcoming(db, paged, today, UPCOMING_SHOWN),
    eventsRepository.listPast(db, paged, today, PAST_SHOWN),
    articlesRepository.listPublishedArticles(db, paged, ARTICLES_SHOWN),
    articlesRepository.countPublishedArticles(db, counted),
  ]);
  return {
    kind,
    term,
    events: { upcoming, past, totalUpcoming: counts.upcoming, totalPast: counts.past },
    articles: { rows: articleRows, total: articleTotal },
  };
}

/** Every topic and every programme, by name in `lang`. */
export async function listTerms(db: Kysely<Database>, lang: LangCode): Promise<{ topics: TermRow[]; programmes: TermRow[] }> {
  const [topics, programmes] = await Promise.all([listTopics(db, lang), listProgrammes(db, lang)]);
  return { topics, programmes };
}
