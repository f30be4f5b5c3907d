/**
 * Topic and programme pages: one term's upcoming and past events and its
 * articles, and the index of every term. The listings themselves belong to
 * the events and articles modules; this module only asks them for one term.
 */
import type { Kysely } from 'kysely';
import type { Database, LangCode } from '../../db/schema.js';
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
 * A topic's or programme's page in `lang`: its upcoming events (soonest
 * first), latest past events and latest articles, with how many there are of
 * each. The lists are short pages read in order, their items' tags looked up
 * as they are read; the counts come from the term's kept counts where they
 * can (the events' countUpcomingAndPast, articles' countPublishedArticles). Throws
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
    eventsRepository.countUpcomingAndPast(db, counted, today),
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
