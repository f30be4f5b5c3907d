/**
 * Table types for Kysely. Dates are 'YYYY-MM-DD' text; `_at` columns are
 * ISO-8601 UTC text; booleans are 0/1 integers (the same on SQLite and Postgres).
 */
import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

export type LangCode = 'en' | 'vi';
export type PublicationStatus = 'draft' | 'in_review' | 'published';
export type EventStatus = 'scheduled' | 'cancelled' | 'postponed';
export type EventType =
  | 'meeting'
  | 'workshop'
  | 'webinar'
  | 'consultation'
  | 'training'
  | 'launch'
  | 'study_visit'
  | 'survey'
  | 'other';
export type AttendanceMode = 'in_person' | 'online' | 'mixed';
export type BylineKind = 'by' | 'op-ed';

export interface LanguagesTable {
  code: LangCode;
  name: string;
  position: number;
}

export interface TopicsTable {
  id: Generated<number>;
  slug: string;
  created_at: string;
  updated_at: string;
}

export interface TopicTranslationsTable {
  topic_id: number;
  lang: LangCode;
  name: string;
  description: string | null;
}

export interface ProgrammesTable {
  id: Generated<number>;
  slug: string;
  code: string | null;
  website_url: string | null;
  created_at: string;
  updated_at: string;
}

export interface ProgrammeTranslationsTable {
  programme_id: number;
  lang: LangCode;
  name: string;
  description: string | null;
}

export interface EventsTable {
  id: Generated<number>;
  slug: string;
  source_key: string | null;
  status: Generated<PublicationStatus>;
  event_status: Generated<EventStatus>;
  event_type: Generated<EventType>;
  start_date: string;
  end_date: string | null;
  all_day: Generated<number>;
  starts_at: string | null;
  ends_at: string | null;
  time_zone: Generated<string>;
  attendance_mode: Generated<AttendanceMode>;
  online_url: string | null;
  registration_url: string | null;
  contact_email: string | null;
  publish_at: string | null;
  published_at: string | null;
  revision: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface EventTranslationsTable {
  event_id: number;
  lang: LangCode;
  title: string;
  summary: string | null;
  description: string | null;
  venue: string | null;
  city: string | null;
  created_at: string;
  updated_at: string;
}

export interface EventTopicsTable {
  event_id: number;
  topic_id: number;
}

export interface EventProgrammesTable {
  event_id: number;
  programme_id: number;
}

export interface ArticlesTable {
  id: Generated<number>;
  slug: string;
  source_key: string | null;
  status: Generated<PublicationStatus>;
  published_on: string;
  hero_image_path: string | null;
  credit_holder: string | null;
  credit_photographer: string | null;
  credit_year: number | null;
  byline_kind: BylineKind | null;
  byline_name: string | null;
  publish_at: string | null;
  published_at: string | null;
  revision: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface ArticleTranslationsTable {
  article_id: number;
  lang: LangCode;
  title: string;
  summary: string | null;
  body: string | null;
  hero_alt: string | null;
  byline_role: string | null;
  byline_organisation: string | null;
  created_at: string;
  updated_at: string;
}

export interface ArticleTopicsTable {
  article_id: number;
  topic_id: number;
}

export interface ArticleProgrammesTable {
  article_id: number;
  programme_id: number;
}

export interface SiteTextsTable {
  key: string;
  lang: LangCode;
  value: string;
  updated_at: string;
}

export interface Database {
  languages: LanguagesTable;
  topics: TopicsTable;
  topic_translations: TopicTranslationsTable;
  programmes: ProgrammesTable;
  programme_translations: ProgrammeTranslationsTable;
  events: EventsTable;
  event_translations: EventTranslationsTable;
  event_topics: EventTopicsTable;
  event_programmes: EventProgrammesTable;
  articles: ArticlesTable;
  article_translations: ArticleTranslationsTable;
  article_topics: ArticleTopicsTable;
  article_programmes: ArticleProgrammesTable;
  site_texts: SiteTextsTable;
}

export type EventRow = Selectable<EventsTable>;
export type NewEventRow = Insertable<EventsTable>;
export type EventUpdate = Updateable<EventsTable>;
export type EventTranslationRow = Selectable<EventTranslationsTable>;
export type ArticleRow = Selectable<ArticlesTable>;
export type NewArticleRow = Insertable<ArticlesTable>;
export type ArticleTranslationRow = Selectable<ArticleTranslationsTable>;
