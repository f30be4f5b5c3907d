/**
 * Table types for Kysely. Dates are 'YYYY-MM-DD' text; `_at` columns are
 * ISO-8601 UTC text; booleans are 0/1 integers (the same on SQLite and Postgres).
 */
import type { Generated, GeneratedAlways, Insertable, Selectable, Updateable } from 'kysely';

export type LangCode = 'en' | 'vi';
export type PublicationStatus = 'draft' | 'in_review' | 'published';
export type EventStatus = 'scheduled' | 'cancelled' | 'postponed';
/** Every event type, in the order forms and filters offer them. */
export const EVENT_TYPES = ['meeting', 'workshop', 'webinar', 'consultation', 'training', 'launch', 'study_visit', 'survey', 'other'] as const;
export type EventType = (typeof EVENT_TYPES)[number];
export type AttendanceMode = 'in_person' | 'online' | 'mixed';
export type BylineKind = 'by' | 'op-ed';
/** The status of one language's text of an item (the item's own status governs the item and its English text). */
export type TranslationStatus = 'draft' | 'published';

/**
 * Columns every translation row has for per-language publishing. `slug` is
 * the item's address in that language, unique per language (null only
 * before it is first set). `source_snapshot` is JSON of the English fields
 * a translation was made from; `translated_at` when it was last marked
 * current.
 */
interface TranslationPublishing {
  slug: string | null;
  status: Generated<TranslationStatus>;
  source_snapshot: string | null;
  translated_at: string | null;
}

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
  /** The last day the event runs: its end date, or its start for a one-day event (computed by the database). */
  last_day: GeneratedAlways<string>;
  /** The days from its first day to its last, 0 for a one-day event (computed by the database). */
  span_days: GeneratedAlways<number>;
  all_day: Generated<number>;
  starts_at: string | null;
  ends_at: string | null;
  time_zone: Generated<string>;
  attendance_mode: Generated<AttendanceMode>;
  online_url: string | null;
  registration_url: string | null;
  contact_email: string | null;
  /** The hero from the media library (it brings its own alt text and credit). */
  hero_media_id: number | null;
  /** The series the event belongs to, if any. */
  series_id: number | null;
  /** A recurring event's rule (an RFC 5545 RRULE, without DTSTART: its first session is the event's start). */
  recurrence_rule: string | null;
  /** The local dates of the sessions the rule makes that are skipped (EXDATE), space-separated, sorted. */
  recurrence_exdates: string | null;
  /** Why it was cancelled or postponed, in each language, shown to visitors with its status (null: not said). */
  status_reason_en: string | null;
  status_reason_vi: string | null;
  publish_at: string | null;
  published_at: string | null;
  revision: Generated<number>;
  created_at: string;
  updated_at: string;
  /** The account that created the event; null for imported ones. */
  created_by: number | null;
  /** The account that saved it last. */
  updated_by: number | null;
}

/**
 * What every kind's translation row has besides its texts: the language, the
 * publishing columns and the title (a column of the kind's own, `event_id`,
 * names its item). The texts after the title, and the HTML of the Markdown
 * ones, are declared with their fields in the kind's description, which adds
 * them to its table's interface (`declare module` in events.type.ts and
 * articles.type.ts): a new translated field is not written out here too.
 */
interface TranslationRow extends TranslationPublishing {
  lang: LangCode;
  title: string;
  created_at: string;
  updated_at: string;
}

/** An event's text in one language; its text columns come from events.type.ts. */
export interface EventTranslationsTable extends TranslationRow {
  event_id: number;
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
  /** A library image; when set it replaces hero_image_path, hero_alt and the credit columns. */
  hero_media_id: number | null;
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
  created_by: number | null;
  updated_by: number | null;
}

/** An article's text in one language; its text columns come from articles.type.ts. */
export interface ArticleTranslationsTable extends TranslationRow {
  article_id: number;
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

/** Site settings edited at run time: JSON values by key (see modules/settings). */
export interface SettingsTable {
  key: string;
  value: string;
}

export type ContentKind = 'event' | 'article';

/** A writer of content that is not an account: the listing importer, the content generator. */
export type SystemActor = 'importer' | 'generator';

/** One saved state of an event or article (see the revisions migration). */
export interface RevisionsTable {
  id: Generated<number>;
  item_kind: ContentKind;
  item_id: number;
  revision: number;
  user_id: number | null;
  /** The command that made the change when no account did ('importer', 'generator'); null otherwise. */
  actor: SystemActor | null;
  created_at: string;
  action: string;
  /** JSON: the whole item, all translations and tags. */
  snapshot: string;
  /** JSON: the names of the fields that changed, as a string array. */
  changes: string;
}

/** A slug an item used to have in a language; its old URL redirects to the item. */
export interface SlugRedirectsTable {
  item_kind: ContentKind;
  lang: LangCode;
  old_slug: string;
  item_id: number;
  created_at: string;
}

export type MediaKind = 'image' | 'document';
export type MediaFormat = 'avif' | 'webp' | 'jpeg' | 'png';

export interface MediaTable {
  id: Generated<number>;
  kind: MediaKind;
  original_name: string;
  mime: string;
  bytes: number;
  width: number | null;
  height: number | null;
  sha256: string;
  /** The stored file of a document, relative to MEDIA_DIR; null for images (served through variants). */
  path: string | null;
  alt_en: string | null;
  alt_vi: string | null;
  credit_holder: string | null;
  credit_photographer: string | null;
  credit_year: number | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface MediaVariantsTable {
  media_id: number;
  format: MediaFormat;
  width: number;
  height: number;
  /** Relative to MEDIA_DIR and to /media/. */
  path: string;
  bytes: number;
}

export interface EventAttachmentsTable {
  event_id: number;
  media_id: number;
  position: number;
  label_en: string;
  label_vi: string | null;
}

export type UserRole = 'admin' | 'editor' | 'contributor';

export interface UsersTable {
  id: Generated<number>;
  /** Lower-cased by the application before it is stored or looked up. */
  email: string;
  name: string;
  role: UserRole;
  password_hash: string;
  ui_lang: Generated<LangCode>;
  disabled_at: string | null;
  created_at: string;
  updated_at: string;
  /** 1: the account receives the editorial notices by email; 0: switched off on the account page. */
  editorial_notices: Generated<number>;
}

export interface SessionsTable {
  id: Generated<number>;
  /** SHA-256 (hex) of the cookie's token; the token itself is never stored. */
  token_hash: string;
  user_id: number;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  ip: string | null;
  user_agent: string | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  user_id: number | null;
  action: string;
  subject_kind: string | null;
  subject_id: string | null;
  summary: string;
  ip: string | null;
}

export interface LoginAttemptsTable {
  id: Generated<number>;
  key: string;
  at: string;
}

export interface SetupTokensTable {
  token_hash: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export type OutgoingMailStatus = 'queued' | 'sending' | 'sent' | 'failed';

/** A message waiting to be sent (or sent): composed when queued, claimed by one mail worker at a time. */
export interface OutgoingMailTable {
  id: Generated<number>;
  recipient: string;
  lang: LangCode;
  subject: string;
  text_body: string;
  html_body: string;
  /** Extra headers as a JSON object, or null. */
  headers: string | null;
  status: Generated<OutgoingMailStatus>;
  attempts: Generated<number>;
  /** When the worker may next try it; while one is sending it, the end of its lease. */
  next_attempt_at: string;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
}

/** A password-reset link (SHA-256 of its token). */
export interface PasswordResetsTable {
  token_hash: string;
  user_id: number;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

/** An invitation to create an account (SHA-256 of its token). */
export interface InvitationsTable {
  id: Generated<number>;
  email: string;
  name: string;
  role: UserRole;
  lang: Generated<LangCode>;
  token_hash: string;
  invited_by: number | null;
  created_at: string;
  expires_at: string;
  accepted_at: string | null;
  withdrawn_at: string | null;
}

/** What a search document indexes: the same kinds as revisions. */
export type SearchKind = ContentKind;

/** How many events or articles have a status; kept by triggers on every insert, delete and change of status. */
export interface ItemCountsTable {
  kind: ContentKind;
  status: PublicationStatus;
  n: number;
}

/** One item's searchable text in one language (the full-text columns are kept apart, per database). */
export interface SearchDocumentsTable {
  id: Generated<number>;
  kind: SearchKind;
  item_id: number;
  lang: LangCode;
  title: string;
  summary: string | null;
  body: string | null;
  place: string | null;
  topics: string | null;
  programmes: string | null;
  byline: string | null;
  /** The item's publication status and scheduled time, the inputs of the live rule (kept by triggers). */
  status: Generated<PublicationStatus>;
  publish_at: string | null;
  /** The status of this language's text of the item (its translation row's status). */
  text_status: Generated<TranslationStatus>;
  /** What results sort by: an event's first day, an article's publication date. */
  sort_date: string | null;
  /** The last day the item covers (an event's last day, an article's date), for the year filter. */
  last_day: string | null;
  event_type: EventType | null;
}

/** The version and time of the last change to what calendars show (kept by triggers; one row, 'calendar'). */
export interface ContentVersionsTable {
  name: string;
  version: number;
  changed_at: string;
}

export type SubscriptionFrequency = 'published' | 'weekly';

/** A visitor who follows the office by email (see modules/subscriptions). */
export interface SubscribersTable {
  id: Generated<number>;
  /** Lower case. */
  email: string;
  lang: LangCode;
  all_events: number;
  all_articles: number;
  /** Slugs of the topics followed, as a JSON array. */
  topics: string;
  /** Slugs of the programmes followed, as a JSON array. */
  programmes: string;
  frequency: SubscriptionFrequency;
  /** For a weekly digest: the day it is sent, 0 (Sunday) to 6. */
  digest_day: number | null;
  created_at: string;
  /** Null until the confirmation link is followed. */
  confirmed_at: string | null;
  /** The office's date ('YYYY-MM-DD') of the last weekly digest, which claims it; null before the first. */
  last_digest_on: string | null;
  /** When the last weekly digest was made: the next lists what is new or changed since. */
  last_digest_at: string | null;
}

/** A link sent to a subscriber (SHA-256 of its token): the confirmation, or the page to change or stop the subscription. */
export interface SubscriberLinksTable {
  token_hash: string;
  subscriber_id: number;
  purpose: 'confirm' | 'manage';
  expires_at: string | null;
  used_at: string | null;
}

/** A named run of events with its own page. */
export interface SeriesTable {
  id: Generated<number>;
  slug: string;
  status: Generated<'draft' | 'published'>;
  publish_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface SeriesTranslationsTable {
  series_id: number;
  lang: LangCode;
  slug: string;
  title: string;
  /** Markdown. */
  description: string | null;
  /** The description rendered and sanitised when saved. */
  description_html: string | null;
}

/** One session of a recurring event changed on its own, keyed by the local date it was planned for (its RECURRENCE-ID). */
export interface EventSessionChangesTable {
  event_id: number;
  recurrence_date: string;
  status: 'moved' | 'cancelled';
  /** A moved session's new local date and instants (null for a cancelled one). */
  start_date: string | null;
  starts_at: string | null;
  ends_at: string | null;
  updated_at: string;
}

/**
 * One session of a recurring event as listings read it: derived from the
 * event's rule, skipped dates and changed sessions (events/sessions.store.ts).
 */
export interface EventSessionsTable {
  event_id: number;
  /** The local date it was planned for (its RECURRENCE-ID). */
  recurrence_date: string;
  /** Its number among the event's sessions, from 1. */
  position: number;
  /** How many sessions the rule makes in all; null when it has no end. */
  total: number | null;
  status: 'scheduled' | 'moved' | 'cancelled';
  start_date: string;
  end_date: string | null;
  last_day: string;
  starts_at: string | null;
  ends_at: string | null;
  /** The local date the rows were worked out up to. */
  through: string;
}

/** An editor's form not yet saved, kept by the edit page's script (see modules/content/autosaves.ts). */
export interface AutosavesTable {
  user_id: number;
  item_kind: ContentKind;
  /** The item's id, or 'new' for a form not yet saved. */
  item_key: string;
  /** The revision the form was loaded at; null for a new item. */
  base_revision: number | null;
  /** JSON: the form's fields as typed, by name (a string, or a list for checkboxes). */
  fields: string;
  saved_at: string;
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
  users: UsersTable;
  sessions: SessionsTable;
  audit_log: AuditLogTable;
  login_attempts: LoginAttemptsTable;
  setup_tokens: SetupTokensTable;
  settings: SettingsTable;
  revisions: RevisionsTable;
  slug_redirects: SlugRedirectsTable;
  media: MediaTable;
  media_variants: MediaVariantsTable;
  event_attachments: EventAttachmentsTable;
  search_documents: SearchDocumentsTable;
  item_counts: ItemCountsTable;
  content_versions: ContentVersionsTable;
  outgoing_mail: OutgoingMailTable;
  password_resets: PasswordResetsTable;
  invitations: InvitationsTable;
  subscribers: SubscribersTable;
  subscriber_links: SubscriberLinksTable;
  series: SeriesTable;
  series_translations: SeriesTranslationsTable;
  event_session_changes: EventSessionChangesTable;
  event_sessions: EventSessionsTable;
  autosaves: AutosavesTable;
}

export type EventRow = Selectable<EventsTable>;
export type NewEventRow = Insertable<EventsTable>;
export type EventUpdate = Updateable<EventsTable>;
export type EventTranslationRow = Selectable<EventTranslationsTable>;
export type ArticleRow = Selectable<ArticlesTable>;
export type NewArticleRow = Insertable<ArticlesTable>;
export type ArticleTranslationRow = Selectable<ArticleTranslationsTable>;
export type RevisionRow = Selectable<RevisionsTable>;
export type MediaRow = Selectable<MediaTable>;
export type MediaVariantRow = Selectable<MediaVariantsTable>;
export type EventAttachmentRow = Selectable<EventAttachmentsTable>;
export type UserRow = Selectable<UsersTable>;
export type SessionRow = Selectable<SessionsTable>;
export type AuditLogRow = Selectable<AuditLogTable>;
export type OutgoingMailRow = Selectable<OutgoingMailTable>;
export type InvitationRow = Selectable<InvitationsTable>;
