import type { Kysely } from 'kysely';
import type { VNode } from 'preact';
import type { Env } from './config/env.js';
import type { Dialect } from './db/database.js';
import type { Database } from './db/schema.js';
import type { Lang } from './shared/dates/format.js';
import type { ViewContext } from './shared/views/view-context.js';

/** What route plugins are given: the database, the settings and the clock. */
export interface AppDeps {
  db: Kysely<Database>;
  dialect: Dialect;
  config: Env;
  /** The current instant; tests fix it. */
  now: () => Date;
  /** The office's calendar date now ('YYYY-MM-DD' in its time zone). */
  today: () => string;
}

/** The topics and programmes of an item, by slug: what related items share with it. */
export interface Sharing {
  topics: string[];
  programmes: string[];
}

/**
 * A few items of one kind sharing a topic or programme with an item of the
 * other, as a section of that item's page (null when there are none). Each
 * kind offers its own; the app hands each page the other kind's, so events
 * and articles never import each other.
 */
export type RelatedSection = (db: Kysely<Database>, ctx: ViewContext, sharing: Sharing, today: string, now: Date) => Promise<VNode | null>;

/**
 * The years visitors' items of one kind run in at `now`, newest first, as
 * that kind's listing offers them in its year filter (with the site's
 * choice of untranslated items in `lang`). Each kind keeps its own rule of
 * which years an item counts in; the app hands both to search, which
 * imports neither kind.
 */
export type ItemYears = (db: Kysely<Database>, lang: Lang, now: Date) => Promise<number[]>;

/** A series as an event's page links to it: its slug and title in the page's language. */
export interface SeriesLink {
  slug: string;
  title: string;
  /** The language of the title shown. */
  text_lang: 'en' | 'vi';
}

/**
 * The series with this id when visitors may see it now, in `lang` (null for
 * a draft or scheduled one). The series module offers it and the app hands
 * it to the events' pages: series reads events, so events cannot import it.
 */
export type SeriesOfEvent = (db: Kysely<Database>, id: number, lang: Lang, now: Date) => Promise<SeriesLink | null>;

/** Options of a public route plugin: registered once per language, under `/${lang}`. */
export interface PublicRouteOptions extends AppDeps {
  lang: Lang;
  /** The related items an event's page and an article's page show. */
  related: { toEvent: RelatedSection; toArticle: RelatedSection };
  /** The years of visitors' events and articles (the search page's year choices). */
  years: { events: ItemYears; articles: ItemYears };
  /** The series an event's page links to. */
  seriesOf: SeriesOfEvent;
}
